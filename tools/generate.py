"""Generate ``dify_chatflow_api`` from ``openapi_chatflow.json``, reproducibly.

    python tools/generate.py --out generated          # replace generated/dify_chatflow_api
    python tools/generate.py --out /tmp/somewhere     # what `make check-generated` diffs
    python tools/generate.py --spec other.json --out /tmp/x

The vendored spec is never edited. The generator reads a prepared copy (``prepare_spec``)
in which the two operations the overlay binds to are found by method + path shape and
pinned: their path, operationId, tag, parameter names and types, and the names of their
request and response schemas. Upstream renames therefore never move the names
``overlay/dify_chatflow/_api.py`` imports. Output goes to a temp dir first and replaces the
target only when generation succeeded, so no stale file survives.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dify_chatflow_api"

# The generated package's docstring follows info.title; upstream retitled the spec several
# times (and the zh / ja specs carry localized titles), so the prepared copy pins it.
PINNED_TITLE = "Chatflow App API"
# Generated operations live in api/<tag>/; both bound operations go to api/conversations/.
PINNED_TAG = "Conversations"
# Suffix given to an upstream operation or schema already using a pinned name.
DISPLACED_SUFFIX = "Unbound"

SCHEMA_REF_PREFIX = "#/components/schemas/"
UUID_SCHEMA: dict[str, Any] = {"type": "string", "format": "uuid"}
_PATH_PARAM = re.compile(r"\{([^}]*)\}")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, eq=False)
class BoundOperation:
    """One operation the overlay calls, with every name the generated code derives from it.

    ``path`` spells the path parameters as the overlay passes them; upstream may name them
    differently, only the shape (``/conversations/{}/variables/{}``) has to match.
    """

    method: str
    path: str
    operation_id: str
    response_schema: str
    request_schema: str | None = None
    # Query parameters the overlay passes: name -> canonical definition.
    query: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``PUT /conversations/...``, as messages show it."""
        return f"{self.method.upper()} {self.path}"


UPDATE_VARIABLE = BoundOperation(
    method="put",
    path="/conversations/{conversation_id}/variables/{variable_id}",
    operation_id="updateChatflowConversationVariable",
    request_schema="ConversationVariableUpdateRequest",
    response_schema="ConversationVariableItem",
)
LIST_VARIABLES = BoundOperation(
    method="get",
    path="/conversations/{conversation_id}/variables",
    operation_id="getAdvancedConversationVariables",
    response_schema="ConversationVariablesResponse",
    query={
        "user": {"name": "user", "in": "query", "required": False, "schema": {"type": "string"}},
        "last_id": {"name": "last_id", "in": "query", "required": False, "schema": UUID_SCHEMA},
        "limit": {
            "name": "limit",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "default": 20, "minimum": 1, "maximum": 100},
        },
    },
)
BOUND_OPERATIONS = (UPDATE_VARIABLE, LIST_VARIABLES)
# The list page's items are the same schema the update answers with.
ITEM_SCHEMA = UPDATE_VARIABLE.response_schema


class SpecError(Exception):
    """The spec cannot serve the overlay; the message is one sentence for the user."""


def path_shape(path: str) -> str:
    """``/a/{x}/b/{y}`` -> ``/a/{}/b/{}``: what two spellings of one path share."""
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(method, path, operation)`` for every operation, in document order."""
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method.lower() in HTTP_METHODS and isinstance(operation, dict):
                yield method.lower(), path, operation


def find_bound_operations(spec: dict[str, Any]) -> dict[BoundOperation, str]:
    """Map each bound operation to the path *spec* documents it under.

    Raises :class:`SpecError` naming every missing method + path.
    """
    wanted = {(bound.method, path_shape(bound.path)): bound for bound in BOUND_OPERATIONS}
    found: dict[BoundOperation, str] = {}
    for method, path, _ in iter_operations(spec):
        bound = wanted.get((method, path_shape(path)))
        if bound is not None and bound not in found:
            found[bound] = path
    missing = [bound.label for bound in BOUND_OPERATIONS if bound not in found]
    if missing:
        raise SpecError(
            f"the spec has no {' and no '.join(missing)} operation, which dify_chatflow needs; "
            "use a Dify chatflow or service spec that documents conversation variables"
        )
    return found


def prepare_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of *spec* in which the bound operations generate fixed names.

    Deterministic and idempotent; *spec* itself is left untouched.
    """
    spec = copy.deepcopy(spec)
    found = find_bound_operations(spec)
    if isinstance(spec.get("info"), dict):
        spec["info"]["title"] = PINNED_TITLE
    for bound, path in found.items():
        _pin_path(spec, path, bound.path)
    _pin_operation_ids(spec)
    for bound in BOUND_OPERATIONS:
        operation = spec["paths"][bound.path][bound.method]
        operation["tags"] = [PINNED_TAG]
        _pin_parameters(spec, spec["paths"][bound.path], operation, bound)
        if bound.request_schema is not None:
            body = _resolve(spec, operation.get("requestBody"))
            if not isinstance(body, dict):
                raise SpecError(f"the spec's {bound.label} operation documents no request body")
            operation["requestBody"] = body
            schema = _pin_schema(spec, _json_media(body, bound, "request body"), bound)
            _make_optional(schema, "user")
        responses = operation.get("responses") or {}
        ok = _resolve(spec, responses.get("200"))
        if not isinstance(ok, dict):
            raise SpecError(f"the spec's {bound.label} operation documents no 200 response")
        responses["200"] = ok
        _pin_schema(spec, _json_media(ok, bound, "200 response"), bound, response=True)
    _pin_list_items(spec)
    return spec


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow a local ``$ref`` chain (bounded) and return a copy of what it names."""
    for _ in range(16):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return copy.deepcopy(node)
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise SpecError(f"the spec refers to {ref}, outside the document, which is unsupported")
        node = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node.get(part) if isinstance(node, dict) else None
    raise SpecError("the spec has a $ref chain longer than 16 steps")


def _pin_path(spec: dict[str, Any], path: str, canonical: str) -> None:
    """Rename *path* to *canonical* (same shape), renaming its path parameters with it."""
    if path == canonical:
        return
    # Same shape, so both spellings have the same number of parameters.
    names = zip(_PATH_PARAM.findall(path), _PATH_PARAM.findall(canonical), strict=True)
    renames = dict(names)
    item = spec["paths"][path]
    for params in _parameter_lists(item):
        for index, param in enumerate(params):
            param = params[index] = _resolve(spec, param)
            if isinstance(param, dict) and param.get("in") == "path":
                param["name"] = renames.get(param.get("name"), param.get("name"))
    # Rebuild to keep the document's path order.
    spec["paths"] = {
        (canonical if key == path else key): value for key, value in spec["paths"].items()
    }


def _parameter_lists(item: dict[str, Any]) -> Iterator[list[Any]]:
    if isinstance(item.get("parameters"), list):
        yield item["parameters"]
    for method in HTTP_METHODS:
        operation = item.get(method)
        if isinstance(operation, dict) and isinstance(operation.get("parameters"), list):
            yield operation["parameters"]


def _pin_operation_ids(spec: dict[str, Any]) -> None:
    pinned = {bound.operation_id for bound in BOUND_OPERATIONS}
    bound_keys = {(bound.method, bound.path) for bound in BOUND_OPERATIONS}
    for method, path, operation in iter_operations(spec):
        if (method, path) in bound_keys:
            operation["operationId"] = next(
                b.operation_id for b in BOUND_OPERATIONS if (b.method, b.path) == (method, path)
            )
        elif operation.get("operationId") in pinned:
            operation["operationId"] += DISPLACED_SUFFIX


def _pin_parameters(
    spec: dict[str, Any], item: dict[str, Any], operation: dict[str, Any], bound: BoundOperation
) -> None:
    """Give the bound operation the parameter names and types the overlay passes."""
    path_names = set(_PATH_PARAM.findall(bound.path))
    seen: set[str] = set()
    for params in (item.get("parameters") or [], operation.setdefault("parameters", [])):
        for index, param in enumerate(params):
            param = params[index] = _resolve(spec, param)
            if not isinstance(param, dict):
                continue
            name, where = param.get("name"), param.get("in")
            if where == "path" and name in path_names:
                param.update(required=True, schema=dict(UUID_SCHEMA))
            elif where == "query" and name in bound.query:
                canonical = bound.query[name]
                schema = param.get("schema")
                # Keep upstream's bounds and default, but never its requiredness or a new type.
                if not (
                    isinstance(schema, dict) and schema.get("type") == canonical["schema"]["type"]
                ):
                    schema = {}
                param.update(required=False, schema={**schema, **_type_of(canonical["schema"])})
                seen.add(name)
    for name, canonical in bound.query.items():
        if name not in seen:
            operation["parameters"].append(copy.deepcopy(canonical))


def _type_of(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[key] for key in ("type", "format") if key in schema}


def _json_media(holder: dict[str, Any], bound: BoundOperation, what: str) -> dict[str, Any]:
    media = (holder.get("content") or {}).get("application/json")
    if not (isinstance(media, dict) and isinstance(media.get("schema"), dict)):
        raise SpecError(f"the spec's {bound.label} operation has no JSON schema for its {what}")
    return media


def _pin_schema(
    spec: dict[str, Any], media: dict[str, Any], bound: BoundOperation, *, response: bool = False
) -> dict[str, Any]:
    """Make ``media["schema"]`` a reference to a component with the pinned name.

    An inline schema is hoisted into ``components.schemas``; a referenced one is renamed,
    with every reference to it. An unrelated schema already holding the name is moved
    aside. Returns the pinned component.
    """
    name = bound.response_schema if response else bound.request_schema
    assert name is not None
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    ref = media["schema"].get("$ref")
    current = ref[len(SCHEMA_REF_PREFIX) :] if isinstance(ref, str) else None
    if current is not None and ref.startswith(SCHEMA_REF_PREFIX) and current in schemas:
        if current != name:
            if name in schemas:
                _rename_schema(spec, name, _free_name(schemas, name))
            _rename_schema(spec, current, name)
    else:
        inline = _resolve(spec, media["schema"])
        if name in schemas:
            _rename_schema(spec, name, _free_name(schemas, name))
            schemas = spec["components"]["schemas"]
        schemas[name] = inline
        media["schema"] = {"$ref": SCHEMA_REF_PREFIX + name}
    pinned: dict[str, Any] = spec["components"]["schemas"][name]
    return pinned


def _free_name(taken: dict[str, Any], name: str) -> str:
    candidate = name + DISPLACED_SUFFIX
    while candidate in taken:
        candidate += DISPLACED_SUFFIX
    return candidate


def _rename_schema(spec: dict[str, Any], old: str, new: str) -> None:
    components = spec["components"]
    components["schemas"] = {
        (new if key == old else key): value for key, value in components["schemas"].items()
    }
    old_ref, new_ref = SCHEMA_REF_PREFIX + old, SCHEMA_REF_PREFIX + new

    def rewrite(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and (ref == old_ref or ref.startswith(old_ref + "/")):
                node["$ref"] = new_ref + ref[len(old_ref) :]
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    rewrite(spec)


def _make_optional(schema: dict[str, Any], prop: str) -> None:
    """The overlay decides whether to send *prop*; the generated model must not insist."""
    required = schema.get("required")
    if isinstance(required, list) and prop in required:
        schema["required"] = [name for name in required if name != prop]
        if not schema["required"]:
            del schema["required"]


def _pin_list_items(spec: dict[str, Any]) -> None:
    """Make the list page's ``data`` items the item schema when upstream inlines a copy."""
    schemas = spec["components"]["schemas"]
    data = (schemas[LIST_VARIABLES.response_schema].get("properties") or {}).get("data")
    if isinstance(data, dict) and isinstance(data.get("items"), dict):
        items = data["items"]
        if "$ref" not in items and items == schemas[ITEM_SCHEMA]:
            data["items"] = {"$ref": SCHEMA_REF_PREFIX + ITEM_SCHEMA}


def load_spec(spec_path: Path) -> dict[str, Any]:
    """Read *spec_path* as a JSON object, or raise :class:`SpecError`."""
    try:
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SpecError(f"cannot read {spec_path} as JSON: {exc}") from None
    if not isinstance(spec, dict):
        raise SpecError(f"{spec_path} is not an OpenAPI document (top level is not an object)")
    return spec


def generate(spec_path: Path, config_path: Path, out_dir: Path) -> None:
    """Write ``<out_dir>/dify_chatflow_api`` generated from *spec_path*."""
    prepared = prepare_spec(load_spec(spec_path))

    # The pinned ruff must be the one the post hooks find first.
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    with tempfile.TemporaryDirectory(prefix="dify-generate-") as tmp:
        prepared_path = Path(tmp) / "openapi.json"
        prepared_path.write_text(json.dumps(prepared, ensure_ascii=False), encoding="utf-8")
        target = Path(tmp) / PACKAGE
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "openapi-python-client"),
                "generate",
                "--path",
                str(prepared_path),
                "--config",
                str(config_path),
                "--meta",
                "none",
                "--fail-on-warning",
                "--output-path",
                str(target),
            ],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not (target / "py.typed").is_file():
            sys.stderr.write(result.stdout + result.stderr)
            raise SpecError(
                f"openapi-python-client could not generate a client from {spec_path} "
                "(its output is above; quirks are handled in generator-config.yaml)"
            )
        for cache in target.rglob("__pycache__"):
            shutil.rmtree(cache)
        final = out_dir / PACKAGE
        out_dir.mkdir(parents=True, exist_ok=True)
        if final.exists():
            shutil.rmtree(final)
        shutil.move(str(target), str(final))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi_chatflow.json")
    parser.add_argument("--config", type=Path, default=ROOT / "generator-config.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    args = parser.parse_args(argv)
    try:
        generate(args.spec, args.config, args.out)
    except SpecError as exc:
        print(f"make generate: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
