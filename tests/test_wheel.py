"""One wheel ships both packages, declares exactly its runtime imports, and installs cleanly."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

# Runtime dependencies that our code does not import itself, with the reason they are
# declared anyway (CONTRIBUTING.md says the same).
DECLARED_WITHOUT_IMPORT = {
    # httpcore imports sniffio on every async request when it is installed; without it
    # each request pays a failed import.
    "sniffio",
}
# Only pytest loads the pytest plugin, so pytest is no dependency of the package.
LOADED_BY_PYTEST = {"pytest"}


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(repo_root),
        ],
        check=True,
    )
    (built,) = out.glob("dify_chatflow-*.whl")
    return built


def _metadata(wheel: Path) -> tuple[list[str], Message]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode())
    return names, meta


def test_wheel_holds_both_packages_with_type_markers(wheel: Path) -> None:
    names, _ = _metadata(wheel)
    for required in (
        "dify_chatflow/__init__.py",
        "dify_chatflow/py.typed",
        "dify_chatflow_api/__init__.py",
        "dify_chatflow_api/py.typed",
        "dify_chatflow_api/api/variables/update_conversation_variable.py",
    ):
        assert required in names
    top_levels = {
        n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")
    }
    assert top_levels == {"dify_chatflow", "dify_chatflow_api"}


def _third_party_imports(package_dir: Path) -> set[str]:
    stdlib = set(sys.stdlib_module_names)
    found: set[str] = set()
    for source in package_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            found.update(r for r in roots if r not in stdlib)
    return found - {"dify_chatflow", "dify_chatflow_api"}


def test_runtime_dependencies_are_exactly_what_the_code_imports(
    wheel: Path, repo_root: Path
) -> None:
    _, meta = _metadata(wheel)
    required = [Requirement(r) for r in meta.get_all("Requires-Dist") or []]
    runtime = {r.name.replace("-", "_") for r in required if r.marker is None}
    extras = {r.name.replace("-", "_") for r in required if r.marker is not None}
    imported = _third_party_imports(repo_root / "generated") | _third_party_imports(
        repo_root / "overlay"
    )
    # The opt-in aiohttp transport is imported lazily and belongs to the [aiohttp] extra.
    assert runtime - DECLARED_WITHOUT_IMPORT == imported - extras - LOADED_BY_PYTEST
    assert {"httpx_aiohttp", "aiohttp"} <= extras
    assert imported & extras == {"httpx_aiohttp", "aiohttp"}
    assert "dateutil" not in imported


def _interpreters() -> list[tuple[str, list[str], dict[str, str]]]:
    base = getattr(sys, "_base_executable", sys.executable)
    found: list[tuple[str, list[str], dict[str, str]]] = [("3.11", [base], {})]
    env_312 = {"PYENV_VERSION": "3.12.1"}
    exe_312 = shutil.which("python3.12")
    if exe_312:
        found.append(("3.12", [exe_312], env_312))
    return found


@pytest.mark.parametrize(
    ("version", "command", "extra_env"),
    _interpreters(),
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_wheel_installs_and_imports_in_a_clean_venv(
    wheel: Path,
    tmp_path: Path,
    version: str,
    command: list[str],
    extra_env: dict[str, str],
) -> None:
    env = {**os.environ, **extra_env}
    probe = subprocess.run(
        [*command, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or probe.stdout.strip() != version:
        pytest.skip(f"Python {version} is not available here")
    venv = tmp_path / "venv"
    subprocess.run([*command, "-m", "venv", str(venv)], env=env, check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        env=os.environ | {"PIP_NO_INPUT": "1"},
        check=True,
    )
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import sys, dify_chatflow, dify_chatflow_api, dify_chatflow._binding;"
            "print('%d.%d' % sys.version_info[:2], dify_chatflow.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.split() == [version, "0.1.0"]


def test_metadata_has_one_version_the_licence_and_the_project_urls(
    wheel: Path, repo_root: Path
) -> None:
    import dify_chatflow
    from dify_chatflow._version import USER_AGENT

    names, meta = _metadata(wheel)
    assert meta["Version"] == dify_chatflow.__version__
    assert wheel.name.startswith(f"dify_chatflow-{dify_chatflow.__version__}-")
    assert f"dify-chatflow/{dify_chatflow.__version__}" == USER_AGENT
    assert meta["License-Expression"] == "MIT"
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read(licence).decode().startswith("MIT License")
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert set(urls) == {"Homepage", "Repository", "Changelog", "Issues"}
    assert all(
        url.startswith("https://github.com/dify-chatflow/dify-chatflow") for url in urls.values()
    )
    assert "## [Unreleased]" in (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")
