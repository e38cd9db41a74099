"""Helpers for the tests that regenerate the client: run the tools, copy the repo, compare trees."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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
            env={**os.environ, "LC_ALL": "C"},
        )


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
