"""Generate ``dify_chatflow_api`` from ``openapi_chatflow.json``, reproducibly.

    python tools/generate.py --out generated          # replace generated/dify_chatflow_api
    python tools/generate.py --out /tmp/somewhere     # what `make check-generated` diffs
    python tools/generate.py --spec other.json --out /tmp/x

The vendored spec is never edited. The generator reads a prepared copy (``prepare_spec``)
in which the operations of the overlay's registry (``overlay/dify_chatflow/_registry.py``)
are found by method + path shape and pinned: their path, operationId, tag, parameter
names and types, and the names of their request and response schemas. Upstream renames
therefore never move the names ``overlay/dify_chatflow/_binding.py`` imports.

Every generated operation module gains a public ``build_request`` (the request
``sync_detailed`` sends): the generator's own endpoint template plus
``tools/templates/build_request.py.jinja``, composed at generation time, so a generator
upgrade keeps its own template and ``make check-generated`` shows what changed.

Output goes to a temp dir first and replaces the target only when generation succeeded,
so no stale file survives.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dify_chatflow_api"

# The generated package's docstring follows info.title; upstream retitled the spec several
# times (and the zh / ja specs carry localized titles), so the prepared copy pins it.
PINNED_TITLE = "Chatflow App API"
# Suffix given to an upstream operation or schema already using a pinned name.
DISPLACED_SUFFIX = "Unbound"

SCHEMA_REF_PREFIX = "#/components/schemas/"
_PATH_PARAM = re.compile(r"\{([^}]*)\}")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _load_registry() -> ModuleType:
    """``overlay/dify_chatflow/_registry.py``, loaded by path: no generated code needed."""
    path = ROOT / "overlay" / "dify_chatflow" / "_registry.py"
    spec = importlib.util.spec_from_file_location("dify_chatflow_registry", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


registry = _load_registry()
BoundOperation = registry.Operation
BOUND_OPERATIONS: tuple[Any, ...] = registry.OPERATIONS
path_shape = registry.path_shape
UPDATE_VARIABLE = registry.by_name("variables.update")
LIST_VARIABLES = registry.by_name("variables.list")
# The list page's items are the same schema the update answers with.
ITEM_SCHEMA = UPDATE_VARIABLE.response_schema


class SpecError(Exception):
    """The spec cannot serve the overlay; the message is one sentence for the user."""


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(method, path, operation)`` for every operation, in document order."""
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method.lower() in HTTP_METHODS and isinstance(operation, dict):
                yield method.lower(), path, operation


def find_bound_operations(spec: dict[str, Any]) -> dict[Any, str]:
    """Map each bound operation *spec* documents to the path it documents it under.

    Raises :class:`SpecError` naming every missing required method + path; an optional
    operation the spec lacks is simply not generated (the overlay's methods that need it
    say so when called).
    """
    wanted = {(bound.method, path_shape(bound.path)): bound for bound in BOUND_OPERATIONS}
    found: dict[Any, str] = {}
    for method, path, _ in iter_operations(spec):
        bound = wanted.get((method, path_shape(path)))
        if bound is not None and bound not in found:
            found[bound] = path
    missing = [bound.label for bound in BOUND_OPERATIONS if bound.required and bound not in found]
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
    _pin_operation_ids(spec, found)
    for bound in found:
        operation = spec["paths"][bound.path][bound.method]
        operation["tags"] = [bound.tag]
        _pin_parameters(spec, spec["paths"][bound.path], operation, bound)
        if bound.request_schema is not None:
            body = _resolve(spec, operation.get("requestBody"))
            if not isinstance(body, dict):
                raise SpecError(f"the spec's {bound.label} operation documents no request body")
            operation["requestBody"] = body
            media = _media(body, bound, "request body", _BODY_MEDIA[bound.body])
            _make_optional(_pin_schema(spec, media, bound.request_schema))
        if bound.response_schema is not None:
            responses = operation.get("responses") or {}
            ok = _resolve(spec, responses.get("200"))
            if not isinstance(ok, dict):
                raise SpecError(f"the spec's {bound.label} operation documents no 200 response")
            responses["200"] = ok
            media = _media(ok, bound, "200 response", "application/json")
            _pin_schema(spec, media, bound.response_schema)
    _pin_list_items(spec)
    return spec


_BODY_MEDIA = {"json": "application/json", "multipart": "multipart/form-data"}


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
    if path == canonical or path not in spec["paths"]:  # another method renamed it already
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


def _pin_operation_ids(spec: dict[str, Any], found: dict[Any, str]) -> None:
    pinned = {bound.operation_id for bound in found}
    bound_at = {(bound.method, bound.path): bound for bound in found}
    for method, path, operation in iter_operations(spec):
        bound = bound_at.get((method, path))
        if bound is not None:
            operation["operationId"] = bound.operation_id
        elif operation.get("operationId") in pinned:
            operation["operationId"] += DISPLACED_SUFFIX


def _pin_parameters(
    spec: dict[str, Any], item: dict[str, Any], operation: dict[str, Any], bound: Any
) -> None:
    """Give the bound operation the parameter names and types the overlay passes.

    The registry's schemas replace upstream's whole (its enums and bounds would change the
    generated signatures from one spec to the next); every query parameter is optional,
    since the overlay decides what to send.
    """
    path_names = set(bound.path_parameters)
    seen: set[object] = set()  # the spec's names, as parsed (untyped JSON)
    for params in (item.get("parameters") or [], operation.setdefault("parameters", [])):
        for index, param in enumerate(params):
            param = params[index] = _resolve(spec, param)
            if not isinstance(param, dict):
                continue
            name, where = param.get("name"), param.get("in")
            if where == "path" and name in path_names:
                param.update(required=True, schema=bound.path_schema(name))
            elif where == "query" and name in bound.query:
                param.update(required=False, schema=copy.deepcopy(bound.query[name]))
                seen.add(name)
    for name, schema in bound.query.items():
        if name not in seen:
            operation["parameters"].append(
                {"name": name, "in": "query", "required": False, "schema": copy.deepcopy(schema)}
            )


def _media(holder: dict[str, Any], bound: Any, what: str, media_type: str) -> dict[str, Any]:
    media = (holder.get("content") or {}).get(media_type)
    if not (isinstance(media, dict) and isinstance(media.get("schema"), dict)):
        raise SpecError(
            f"the spec's {bound.label} operation has no {media_type} schema for its {what}"
        )
    return media


def _pin_schema(spec: dict[str, Any], media: dict[str, Any], name: str) -> dict[str, Any]:
    """Make ``media["schema"]`` a reference to a component with the pinned name.

    An inline schema is hoisted into ``components.schemas``; a referenced one is renamed,
    with every reference to it. An unrelated schema already holding the name is moved
    aside. Returns the pinned component.
    """
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


def _make_optional(schema: dict[str, Any]) -> None:
    """The overlay decides what a request carries; the generated model must not insist."""
    schema.pop("required", None)


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


ENDPOINT_TEMPLATE = "endpoint_module.py.jinja"
BUILD_REQUEST_TEMPLATE = ROOT / "tools" / "templates" / "build_request.py.jinja"


def stock_template(name: str) -> str:
    """The text of the installed generator's own template *name*."""
    found = importlib.util.find_spec("openapi_python_client")
    if found is None or found.origin is None:
        raise SpecError("openapi-python-client is not installed: run `make venv`")
    return (Path(found.origin).parent / "templates" / name).read_text(encoding="utf-8")


def compose_templates(folder: Path) -> Path:
    """Write the custom template folder: the stock endpoint template + ``build_request``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = stock_template(ENDPOINT_TEMPLATE).rstrip("\n") + "\n"
    text += BUILD_REQUEST_TEMPLATE.read_text(encoding="utf-8")
    (folder / ENDPOINT_TEMPLATE).write_text(text, encoding="utf-8")
    return folder


def generate(spec_path: Path, config_path: Path, out_dir: Path) -> None:
    """Write ``<out_dir>/dify_chatflow_api`` generated from *spec_path*."""
    prepared = prepare_spec(load_spec(spec_path))

    # The pinned ruff must be the one the post hooks find first.
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    with tempfile.TemporaryDirectory(prefix="dify-generate-") as tmp:
        prepared_path = Path(tmp) / "openapi.json"
        prepared_path.write_text(json.dumps(prepared, ensure_ascii=False), encoding="utf-8")
        templates = compose_templates(Path(tmp) / "templates")
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
                "--custom-template-path",
                str(templates),
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
