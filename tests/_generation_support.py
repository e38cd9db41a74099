"""Helpers for the tests that regenerate the client: run the tools, copy the repo, compare trees."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import tempfile
import typing
import uuid
from pathlib import Path

import attrs

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


# What the overlay passes to each bound operation: required and optional parameter names.
BOUND_CALLS = {
    "update_variable": ({"conversation_id", "variable_id", "client", "body"}, set()),
    "list_variables": ({"conversation_id", "client"}, {"user", "last_id", "limit"}),
}
BOUND_FIELDS = {
    "ConversationVariableUpdateRequest": ({"value"}, {"user"}),
    "ConversationVariableItem": (
        set(),
        {"id", "name", "value_type", "value", "description", "created_at", "updated_at"},
    ),
    "ConversationVariablesResponse": (set(), {"limit", "has_more", "data"}),
}


def contract_problems() -> list[str]:
    """Every way the importable ``dify_chatflow._api`` breaks the overlay's contract.

    Imports ``dify_chatflow._api`` (so call it in a subprocess to check another generated
    tree) and returns one line per problem; empty when the bindings are whole.
    """
    from dify_chatflow import _api  # here: the caller chooses which generated tree it binds

    problems = [f"_api.{name} is not bound" for name in _api.__all__ if not hasattr(_api, name)]
    for name, (required, optional) in BOUND_CALLS.items():
        module = getattr(_api, name)
        for function in ("sync_detailed", "asyncio_detailed"):
            params = inspect.signature(getattr(module, function)).parameters
            where = f"_api.{name}.{function}"
            problems += [
                f"{where} has no parameter {p}"
                for p in sorted(required | optional)
                if p not in params
            ]
            problems += [
                f"{where} requires {p}, which the overlay may leave out"
                for p, param in params.items()
                if p not in required and param.default is inspect.Parameter.empty
            ]
            for p in ("conversation_id", "variable_id", "last_id"):
                if p in params and uuid.UUID not in _union_members(params[p].annotation):
                    problems.append(f"{where}: {p} is {params[p].annotation}, not a UUID")
    for name, (required, optional) in BOUND_FIELDS.items():
        fields = {field.name: field for field in attrs.fields(getattr(_api, name))}
        problems += [
            f"_api.{name} has no field {f}" for f in sorted(required | optional) if f not in fields
        ]
        problems += [
            f"_api.{name} requires {f}, which the overlay may leave out"
            for f, field in fields.items()
            if f not in required and field.init and field.default is attrs.NOTHING
        ]
    return problems


def _union_members(annotation: object) -> tuple[object, ...]:
    return typing.get_args(annotation) or (annotation,)


def overlay_report() -> dict[str, object]:
    """Check the importable generated tree the way the overlay uses it; JSON-ready.

    Returns the contract problems and, against the embedded server, what an update and a
    list through the bound generated operations gave back. Run it in a subprocess whose
    ``dify_chatflow_api`` is the tree under test (see :func:`python_with_generated`).
    """
    problems = contract_problems()
    if problems:
        return {"problems": problems}
    from dify_chatflow import _api
    from dify_chatflow.testing import DifyTestServer

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
        client = _api.AuthenticatedClient(base_url=server.base_url, token=key)
        updated = _api.update_variable.sync_detailed(
            uuid.UUID(conversation),
            uuid.UUID(variable),
            client=client,
            body=_api.ConversationVariableUpdateRequest(value=["x", "y"], user=user),
        )
        listed = _api.list_variables.sync_detailed(
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
) -> dict[str, object] | None:
    """Set and list through ``dify_chatflow.ChatflowClient``; ``None`` while it does not exist."""
    import dify_chatflow

    client_class = getattr(dify_chatflow, "ChatflowClient", None)
    if client_class is None:
        return None
    with client_class(api_key=key, base_url=base_url, user=user) as client:
        updated = client.variables.set(conversation, "colour", "blue")
        listed = client.variables.list(conversation)
    return {
        "updated": [updated.name, updated.value],
        "listed": sorted([var.name, var.value] for var in listed),
    }
