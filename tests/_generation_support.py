"""Helpers for the tests that regenerate the client: run the tools, copy the repo, compare trees."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The tools are scripts, not a package; tests import them as `generate` / `update_spec`.
sys.path.insert(0, str(REPO_ROOT / "tools"))
UPSTREAM_SPECS = REPO_ROOT.parent / "shared" / "upstream-specs"
PACKAGE = "dify_chatflow_api"
UPDATE_PATH = "/conversations/{conversation_id}/variables/{variable_id}"
LIST_PATH = "/conversations/{conversation_id}/variables"

# Whatever a checkout may hold besides its tracked files.
_NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "dist", "build"
)


def upstream_specs() -> list[Path]:
    """The upstream spec files, sorted; empty when the directory is absent."""
    return sorted(UPSTREAM_SPECS.glob("*.json")) if UPSTREAM_SPECS.is_dir() else []


def run_generate(out: Path, spec: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run tools/generate.py from this checkout into *out*."""
    command = [sys.executable, str(REPO_ROOT / "tools" / "generate.py"), "--out", str(out)]
    if spec is not None:
        command += ["--spec", str(spec)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def copy_repo(dest: Path) -> Path:
    """Copy this checkout (without venv, git and caches) to *dest*; return *dest*."""
    shutil.copytree(REPO_ROOT, dest, ignore=_NOT_COPIED)
    return dest


def make(checkout: Path, target: str) -> subprocess.CompletedProcess[str]:
    """Run ``make <target>`` in *checkout* with this venv's tools.

    A fresh stamp file stands in for the venv stamp, so make never tries to install.
    """
    with tempfile.NamedTemporaryFile(prefix="dify-stamp-") as stamp:
        return subprocess.run(
            ["make", "--no-print-directory", "-C", str(checkout), target, *_venv_vars(stamp.name)],
            capture_output=True,
            text=True,
            check=False,
            timeout=180,
            env=_outside_make(),
        )


def _outside_make() -> dict[str, str]:
    """This environment as a top-level make sees it, even when the tests run under make.

    An inherited MAKELEVEL turns the copy's messages into ``make[1]: ...`` lines and
    MAKEFLAGS would hand it the outer make's options.
    """
    inherited = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")
    return {k: v for k, v in os.environ.items() if k not in inherited} | {"LC_ALL": "C"}


def _venv_vars(stamp: str) -> list[str]:
    return [f"BIN={BIN}", f"STAMP={stamp}"]


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under *root*, by relative path (``__pycache__`` ignored)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def python_with_generated(
    generated: Path, code: str, *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter that imports ``dify_chatflow_api`` from *generated*."""
    env = {**os.environ, "PYTHONPATH": str(generated), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env=env,
    )


CONVERSATION = uuid.UUID("0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47")
OTHER = uuid.UUID("7c1e9d34-8f2a-4b6c-a5d0-3e4f5a6b7c8d")
TOKEN = "form-token-1"


def sample_bodies() -> dict[str, dict[str, Any]]:
    """The one thing a contract sample cannot derive from the registry: a body the
    operation's request model takes (a JSON object, or multipart parts by name), which
    each operation's embedded-server route declares (``RouteSpec.sample_body``)."""
    from dify_chatflow._binding import Upload
    from dify_chatflow.testing._endpoints import ROUTE_SPECS

    def part(value: Any) -> Any:
        if isinstance(value, tuple):  # a file: (filename, bytes, media type)
            filename, content, media_type = value
            return Upload(io.BytesIO(content), filename, media_type)
        return value

    return {
        spec.operation: {name: part(value) for name, value in spec.sample_body.items()}
        for spec in ROUTE_SPECS
        if spec.sample_body is not None
    }


# A sample value for each JSON schema a registry row gives a path or query parameter.
_UUIDS = (CONVERSATION, OTHER)
_BY_TYPE: dict[str, object] = {"string": "u-1", "integer": 100, "boolean": True}


def _sample_value(schema: dict[str, Any], index: int) -> object:
    if schema.get("format") == "uuid":
        return _UUIDS[index % len(_UUIDS)]
    return _BY_TYPE[str(schema.get("type"))]


@dataclass(frozen=True)
class ContractSample:
    """One registry operation built through ``_binding.build`` with sample values, and what
    the request must carry besides method + path (``params`` / ``json``, or ``files``
    part names)."""

    path_values: dict[str, object]
    query: dict[str, object]
    body: dict[str, Any] | None
    carried: dict[str, Any]

    def build(self, name: str) -> dict[str, Any]:
        from dify_chatflow import _binding

        return _binding.build(name, *self.path_values.values(), query=self.query, body=self.body)


def contract_samples() -> tuple[dict[str, ContractSample], list[str]]:
    """A sample for every registry operation, derived from its row (path and query values
    from their schemas; the body from :func:`sample_bodies`), and the operations for which
    none can be made."""
    from dify_chatflow import _registry

    bodies = sample_bodies()
    samples: dict[str, ContractSample] = {}
    missing: list[str] = []
    for op in _registry.OPERATIONS:
        path_values: dict[str, object] = {
            name: (TOKEN if op.path_schema(name).get("format") != "uuid" else _UUIDS[index])
            for index, name in enumerate(op.path_parameters)
        }
        query = {name: _sample_value(schema, 1) for name, schema in op.query.items()}
        carried: dict[str, Any] = {}
        if query:
            carried["params"] = {
                name: str(value) if isinstance(value, uuid.UUID) else value
                for name, value in query.items()
            }
        body = None
        if op.body != "none":
            if op.name not in bodies:
                missing.append(f"{op.name}: no sample body in the contract test")
                continue
            body = bodies[op.name]
            carried["files" if op.body == "multipart" else "json"] = (
                list(body) if op.body == "multipart" else body
            )
        samples[op.name] = ContractSample(path_values, query, body, carried)
    return samples, missing


def contract_problems(documented: set[str] | None = None) -> list[str]:
    """Every way the importable generated tree breaks the registry's contract.

    For each operation of ``dify_chatflow._registry`` the spec documents (*documented*:
    registry names; ``None`` means all), ``_binding.build`` must build the request the
    registry describes: method, path, and the query / JSON / multipart the overlay
    passes. An operation the spec does not document must fail with
    ``OperationUnavailableError``. Imports the overlay, so call it in a subprocess to check
    another generated tree. Returns one line per problem; empty when whole.
    """
    from dify_chatflow import _binding, _registry

    samples, problems = contract_samples()
    for op in _registry.OPERATIONS:
        if op.name not in samples:
            continue
        sample = samples[op.name]
        carried = sample.carried
        try:
            built = sample.build(op.name)
        except _binding.OperationUnavailableError as exc:
            if documented is None or op.name in documented:
                problems.append(f"{op.name}: {exc}")
            continue
        except (TypeError, AttributeError, KeyError, ValueError) as exc:
            problems.append(
                f"{op.name}: the generated builder does not take what the overlay passes: "
                f"{type(exc).__name__}: {exc}"
            )
            continue
        if documented is not None and op.name not in documented:
            problems.append(f"{op.name}: generated although the spec does not document it")
        wanted: dict[str, Any] = {
            "method": op.method.upper(),
            "url": op.path.format(**{k: str(v) for k, v in sample.path_values.items()}),
            **carried,
        }
        seen = {key: value for key, value in built.items() if key != "headers"}
        seen["method"] = str(seen.get("method")).upper()
        if "files" in seen:
            seen["files"] = [part for part, _ in seen["files"]]
        if seen != wanted:
            problems.append(f"{op.name}: builds {seen}, the registry says {wanted}")
    return problems


def documented_operations(spec: Path) -> set[str]:
    """The registry names of the operations *spec* documents (found by method + path shape)."""
    from generate import load_spec, registry

    wanted = {(op.method, registry.path_shape(op.path)): op.name for op in registry.OPERATIONS}
    found = set()
    for path, item in (load_spec(spec).get("paths") or {}).items():
        for method in item if isinstance(item, dict) else ():
            name = wanted.get((method.lower(), registry.path_shape(path)))
            if name is not None:
                found.add(name)
    return found


def overlay_report(documented: list[str] | None = None) -> dict[str, object]:
    """Check the importable generated tree the way the overlay uses it; JSON-ready.

    Returns the contract problems and, against the embedded server, what an update and a
    list through the generated operations and through ``ChatflowClient`` gave back. Run it
    in a subprocess whose ``dify_chatflow_api`` is the tree under test (see
    :func:`python_with_generated`).
    """
    problems = contract_problems(None if documented is None else set(documented))
    if problems:
        return {"problems": problems}
    from dify_chatflow.testing import DifyTestServer
    from dify_chatflow_api.api.variables import (
        list_conversation_variables,
        update_conversation_variable,
    )
    from dify_chatflow_api.client import AuthenticatedClient
    from dify_chatflow_api.models import ConversationVariableUpdateRequest

    user, key = "regen-user", "app-regen"
    with DifyTestServer(api_key=key) as server:
        conversation = server.add_conversation(
            user=user,
            variables=[
                {"name": "colour", "value_type": "string", "value": "red"},
                {"name": "tags", "value_type": "array[string]", "value": ["a"]},
            ],
        )
        variable = server.variable(conversation, "tags").id
        client = AuthenticatedClient(base_url=server.base_url, token=key)
        updated = update_conversation_variable.sync_detailed(
            uuid.UUID(conversation),
            uuid.UUID(variable),
            client=client,
            body=ConversationVariableUpdateRequest(value=["x", "y"], user=user),
        )
        listed = list_conversation_variables.sync_detailed(
            uuid.UUID(conversation), client=client, user=user, limit=100
        )
        through_client = _public_client_round_trip(server.base_url, key, user, conversation)
    return {
        "client": through_client,
        "problems": [],
        "update_status": int(updated.status_code),
        "update_parsed": type(updated.parsed).__name__,
        "updated": updated.parsed.to_dict() if updated.parsed is not None else None,
        "list_status": int(listed.status_code),
        "list_parsed": type(listed.parsed).__name__,
        "list_items_parsed": sorted(
            {type(item).__name__ for item in getattr(listed.parsed, "data", None) or []}
        ),
        "listed": listed.parsed.to_dict() if listed.parsed is not None else None,
    }


def _public_client_round_trip(
    base_url: str, key: str, user: str, conversation: str
) -> dict[str, object]:
    """Set and list through ``dify_chatflow.ChatflowClient``."""
    from dify_chatflow import ChatflowClient

    with ChatflowClient(api_key=key, base_url=base_url, user=user) as client:
        updated = client.variables.set(conversation, "colour", "blue")
        listed = client.variables.list(conversation)
    return {
        "updated": [updated.name, updated.value],
        "listed": sorted([var.name, var.value] for var in listed),
    }
