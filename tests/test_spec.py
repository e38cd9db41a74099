"""The vendored spec is valid OpenAPI and documents what the overlay cannot do without.

These tests assert the contract (operations found by method + path shape, the schemas
the overlay reads), never incidental content of the file: any upstream spec that passes
``make update-spec`` keeps them green.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _generation_support import LIST_PATH, UPDATE_PATH, documented_operations
from generate import find_bound_operations, prepare_spec, registry
from openapi_spec_validator import validate


@pytest.fixture(scope="module")
def spec(repo_root: Path) -> dict[str, Any]:
    loaded = json.loads((repo_root / "openapi_chatflow.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)


def test_the_required_operations_are_documented(repo_root: Path) -> None:
    documented = documented_operations(repo_root / "openapi_chatflow.json")
    required = {op.name for op in registry.OPERATIONS if op.required}
    assert required <= documented
    assert required == {"variables.update", "variables.list"}


def test_the_bound_operations_are_found_whatever_their_names(spec: dict[str, Any]) -> None:
    found = find_bound_operations(spec)
    by_name = {op.name: path for op, path in found.items()}
    shapes = {name: registry.path_shape(path) for name, path in by_name.items()}
    assert shapes["variables.update"] == registry.path_shape(UPDATE_PATH)
    assert shapes["variables.list"] == registry.path_shape(LIST_PATH)


def test_the_prepared_spec_pins_every_documented_operation(spec: dict[str, Any]) -> None:
    prepared = prepare_spec(spec)
    for op in find_bound_operations(spec):
        operation = prepared["paths"][op.path][op.method]
        assert operation["operationId"] == op.operation_id
        assert operation["tags"] == [op.tag]
        names = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
        assert names == set(op.path_parameters)
        if op.request_schema is not None:
            media = next(iter(operation["requestBody"]["content"].values()))
            assert media["schema"] == {"$ref": f"#/components/schemas/{op.request_schema}"}
            assert "required" not in prepared["components"]["schemas"][op.request_schema]


def test_the_variable_answers_have_the_fields_the_overlay_reads(spec: dict[str, Any]) -> None:
    prepared = prepare_spec(spec)
    schemas = prepared["components"]["schemas"]
    item = schemas[registry.by_name("variables.update").response_schema]
    assert {"id", "name", "value_type", "value", "created_at", "updated_at"} <= set(
        item["properties"]
    )
    page = schemas[registry.by_name("variables.list").response_schema]
    assert {"has_more", "data"} <= set(page["properties"])
