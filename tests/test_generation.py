"""Generation is reproducible, drift is caught, and upstream renames never move bound names."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from _generation_support import (
    LIST_PATH,
    PACKAGE,
    REPO_ROOT,
    UPDATE_PATH,
    copy_repo,
    make,
    run_generate,
    tree_bytes,
)
from generate import SpecError, prepare_spec

GENERATED = REPO_ROOT / "generated" / PACKAGE
# The generated files the overlay's bindings live in.
BOUND_FILES = (
    "api/variables/update_conversation_variable.py",
    "api/variables/list_conversation_variables.py",
    "models/conversation_variable_item.py",
    "models/conversation_variable_update_request.py",
    "models/conversation_variables_response.py",
)


@pytest.fixture(scope="module")
def seed_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((REPO_ROOT / "openapi_chatflow.json").read_text("utf-8"))
    return spec


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


def test_check_generated_passes_on_the_repository() -> None:
    result = make(REPO_ROOT, "check-generated")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated/ matches openapi_chatflow.json" in result.stdout


def test_check_generated_catches_a_hand_edit(checkout: Path) -> None:
    client = checkout / "generated" / PACKAGE / "client.py"
    client.write_text(client.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    result = make(checkout, "check-generated")
    assert result.returncode != 0
    assert "edited by hand" in result.stdout  # the diff shows the offending line
    assert "run 'make generate' and commit the result" in result.stderr


def test_generation_is_byte_reproducible(tmp_path: Path) -> None:
    trees = []
    for name in ("first", "second"):
        result = run_generate(tmp_path / name)
        assert result.returncode == 0, result.stderr
        trees.append(tree_bytes(tmp_path / name / PACKAGE))
    assert trees[0] == trees[1]
    assert trees[0] == tree_bytes(GENERATED)


def test_make_generate_names_a_missing_operation_in_one_line(
    checkout: Path, seed_spec: dict[str, Any]
) -> None:
    spec = copy.deepcopy(seed_spec)
    del spec["paths"][UPDATE_PATH]
    (checkout / "openapi_chatflow.json").write_text(json.dumps(spec), encoding="utf-8")
    before = tree_bytes(checkout / "generated")

    result = make(checkout, "generate")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if not line.startswith("make: ***")]
    assert ours == [
        f"make generate: the spec has no PUT {UPDATE_PATH} operation, which dify_chatflow "
        "needs; use a Dify chatflow or service spec that documents conversation variables"
    ]
    assert tree_bytes(checkout / "generated") == before


def test_a_spec_missing_both_operations_names_both(seed_spec: dict[str, Any]) -> None:
    spec = copy.deepcopy(seed_spec)
    spec["paths"] = {}
    with pytest.raises(SpecError) as raised:
        prepare_spec(spec)
    assert str(raised.value).startswith(
        f"the spec has no PUT {UPDATE_PATH} and no GET {LIST_PATH} operation, "
    )


def _upstream_drift(seed: dict[str, Any]) -> dict[str, Any]:
    """The seed with every kind of rename upstream has made (or might make) at once."""
    # The item schema is renamed (with every reference) and its old name reused.
    spec: dict[str, Any] = json.loads(
        json.dumps(seed).replace(
            '"#/components/schemas/ConversationVariableItem"',
            '"#/components/schemas/VariableRecord"',
        )
    )
    schemas = spec["components"]["schemas"]
    schemas["VariableRecord"] = schemas.pop("ConversationVariableItem")
    schemas["ConversationVariableItem"] = {
        "type": "object",
        "properties": {"x": {"type": "string"}},
    }
    put = spec["paths"].pop(UPDATE_PATH)["put"]
    get = spec["paths"].pop(LIST_PATH)["get"]
    # Other operationIds and tags, one of them taking a name the overlay binds to.
    put.update(operationId="updateChatConversationVariableJa", tags=["会話管理"])
    get.update(operationId="getConversationVariables", tags=["会話管理"])
    squatter = {
        "operationId": "updateConversationVariable",
        "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in ("cid", "vid")
        ],
        "responses": {"204": {"description": "Deleted."}},
    }
    # Path parameters renamed, typed without format uuid; `user` required; last_id a string.
    for operation in (put, get):
        for param in operation["parameters"]:
            if param["in"] == "path":
                param["name"] = {"conversation_id": "cid", "variable_id": "vid"}[param["name"]]
                param["schema"] = {"type": "string"}
            elif param["name"] == "user":
                param["required"] = True
            elif param["name"] == "last_id":
                param["schema"] = {"type": "string"}
    # The request schema is inlined, with `user` required.
    body = put["requestBody"]["content"]["application/json"]
    body["schema"] = schemas.pop("ConversationVariableUpdateRequest")
    body["schema"]["required"] = ["value", "user"]
    spec["info"]["title"] = "高度なチャットアプリAPI"
    spec["paths"] = {
        "/conversations/{cid}/variables": {"get": get},
        "/conversations/{cid}/variables/{vid}": {"put": put, "delete": squatter},
        **spec["paths"],
    }
    return spec


def test_upstream_renames_do_not_move_the_bound_names(
    tmp_path: Path, seed_spec: dict[str, Any]
) -> None:
    drifted = tmp_path / "drifted.json"
    drifted.write_text(json.dumps(_upstream_drift(seed_spec), ensure_ascii=False), "utf-8")

    result = run_generate(tmp_path / "out", spec=drifted)

    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / PACKAGE
    for name in (*BOUND_FILES, "__init__.py"):
        assert (out / name).read_bytes() == (GENERATED / name).read_bytes(), name
    # The displaced operation and schema are still generated, under other names.
    models = (out / "models" / "__init__.py").read_text(encoding="utf-8")
    assert "ConversationVariableItemUnbound" in models
    assert (out / "api" / "default" / "update_conversation_variable_unbound.py").is_file()


def test_prepare_spec_is_pure_and_idempotent(seed_spec: dict[str, Any]) -> None:
    drifted = _upstream_drift(seed_spec)
    untouched = copy.deepcopy(drifted)
    prepared = prepare_spec(drifted)
    assert drifted == untouched
    assert prepare_spec(prepared) == prepared


def test_every_operation_of_the_vendored_spec_is_generated(seed_spec: dict[str, Any]) -> None:
    methods = {"get", "put", "post", "delete", "patch"}
    documented = sum(
        1 for item in seed_spec["paths"].values() for method in item if method in methods
    )
    modules = [
        path
        for path in (GENERATED / "api").rglob("*.py")
        if path.name != "__init__.py" and "def build_request(" in path.read_text("utf-8")
    ]
    assert len(modules) == documented
