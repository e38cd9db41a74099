"""Generate ``dify_chatflow_api`` from ``openapi_chatflow.json``, reproducibly.

    python tools/generate.py --out generated          # replace generated/dify_chatflow_api
    python tools/generate.py --out /tmp/somewhere     # what `make check-generated` diffs

The vendored spec is never edited. The generator reads a prepared copy in which the two
operations the overlay binds to are found by method + path and given fixed operationIds
and a fixed tag, so upstream renames do not move the generated modules
(``dify_chatflow_api.api.conversations.<operation>``). Output goes to a temp dir first
and replaces the target only when generation succeeded, so no stale file survives.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dify_chatflow_api"
PINNED_TAG = "Conversations"

# (method, path pattern) -> operationId the overlay imports. Path parameter names are
# matched loosely: only the shape of the path matters.
BOUND_OPERATIONS = {
    ("put", "/conversations/{conversation_id}/variables/{variable_id}"): (
        "updateChatflowConversationVariable"
    ),
    ("get", "/conversations/{conversation_id}/variables"): "getAdvancedConversationVariables",
}


class SpecError(Exception):
    """The spec cannot serve the overlay; the message is one sentence for the user."""


def _path_shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


def prepare_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of *spec* with the bound operations' names and tags pinned."""
    spec = json.loads(json.dumps(spec))
    paths = spec.get("paths") or {}
    wanted = {(method, _path_shape(path)): (method, path) for method, path in BOUND_OPERATIONS}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path, item in paths.items():
        for method, operation in (item or {}).items():
            key = wanted.get((method.lower(), _path_shape(path)))
            if key is not None and isinstance(operation, dict):
                found[key] = operation
    missing = [
        f"{method.upper()} {path}"
        for method, path in BOUND_OPERATIONS
        if (method, path) not in found
    ]
    if missing:
        raise SpecError(
            f"the spec has no {' and no '.join(missing)} operation, which dify_chatflow needs; "
            "use a Dify chatflow or service spec that documents conversation variables"
        )
    pinned = set(BOUND_OPERATIONS.values())
    for item in paths.values():
        for operation in (item or {}).values():
            if isinstance(operation, dict) and operation.get("operationId") in pinned:
                # Another operation already uses a pinned name: free it.
                operation["operationId"] = operation["operationId"] + "Unbound"
    for key, operation in found.items():
        operation["operationId"] = BOUND_OPERATIONS[key]
        operation["tags"] = [PINNED_TAG]
    return spec


def generate(spec_path: Path, config_path: Path, out_dir: Path) -> None:
    """Write ``<out_dir>/dify_chatflow_api`` generated from *spec_path*."""
    try:
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SpecError(f"cannot read {spec_path} as JSON: {exc}") from None
    if not isinstance(spec, dict):
        raise SpecError(f"{spec_path} is not an OpenAPI document (top level is not an object)")
    prepared = prepare_spec(spec)

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
        )
        if result.returncode != 0 or not (target / "py.typed").is_file():
            sys.stderr.write(result.stdout + result.stderr)
            raise SpecError(f"openapi-python-client could not generate a client from {spec_path}")
        for cache in target.rglob("__pycache__"):
            shutil.rmtree(cache)
        final = out_dir / PACKAGE
        out_dir.mkdir(parents=True, exist_ok=True)
        if final.exists():
            shutil.rmtree(final)
        shutil.move(str(target), str(final))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
