"""`make update-spec URL=...`: download, check, write stably, summarise; served on 127.0.0.1."""

from __future__ import annotations

import copy
import http.server
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _generation_support import LIST_PATH, REPO_ROOT, UPDATE_PATH, upstream_specs
from generate import SpecError
from update_spec import update as update_in_process

SEED = REPO_ROOT / "openapi_chatflow.json"


class _SpecServer:
    """Serves ``files[path]`` on 127.0.0.1; any other path is a 404."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        files = self.files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def serve(self, path: str, spec: dict[str, Any] | bytes) -> str:
        """Publish *spec* (compact JSON, so the tool has to re-render it) at *path*."""
        self.files[path] = spec if isinstance(spec, bytes) else json.dumps(spec).encode()
        return self.url(path)


@pytest.fixture(scope="module")
def server() -> Iterator[_SpecServer]:
    spec_server = _SpecServer()
    spec_server.thread.start()
    yield spec_server
    spec_server.httpd.shutdown()
    spec_server.httpd.server_close()
    spec_server.thread.join(timeout=10)


@pytest.fixture
def seed() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return spec


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A copy of the vendored spec for the tool to replace; the real one is never touched."""
    path = tmp_path / "openapi_chatflow.json"
    path.write_bytes(SEED.read_bytes())
    return path


ARCHIVE_PATH = "/conversations/{conversation_id}/archive"


def operation_count(spec: dict[str, Any]) -> int:
    methods = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}
    return sum(1 for item in spec["paths"].values() for method in item if method in methods)


def update_spec(url: str, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "update_spec.py"), url, "--target", str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def renamed(operation_id: str) -> str:
    """The name a later upstream version gives the variables-list operation."""
    return f"{operation_id}Renamed"


def newer(seed: dict[str, Any]) -> dict[str, Any]:
    """The seed as a later upstream version: one rename, one new operation, a new title.

    Built from whatever spec is vendored: its own variables-list operation is renamed and
    the new operation sits on a path it does not have."""
    assert ARCHIVE_PATH not in seed["paths"]
    spec = copy.deepcopy(seed)
    spec["info"]["title"] = "Dify Service API ・ 服务"
    listing = spec["paths"][LIST_PATH]["get"]
    listing["operationId"] = renamed(listing["operationId"])
    spec["paths"][ARCHIVE_PATH] = {
        "post": {
            "operationId": "archiveConversation",
            "parameters": [copy.deepcopy(spec["paths"][LIST_PATH]["get"]["parameters"][0])],
            "responses": {"204": {"description": "Deleted."}},
        }
    }
    return spec


def test_update_writes_the_spec_stably_and_summarises_changes(
    server: _SpecServer, seed: dict[str, Any], target: Path
) -> None:
    spec = newer(seed)
    result = update_spec(server.serve("/v2/openapi.json", spec), target)

    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text == json.dumps(spec, indent=2, ensure_ascii=False) + "\n"
    assert list(json.loads(text)["paths"]) == list(spec["paths"])  # key order kept
    assert "服务" in text  # UTF-8, not \u escapes
    lines = result.stdout.splitlines()
    before = operation_count(seed)
    assert f"operations: {before} before, {before + 1} now (1 renamed, 1 added, 0 removed)" in lines
    old_name = seed["paths"][LIST_PATH]["get"]["operationId"]
    assert f"  renamed  GET {LIST_PATH}: {old_name} -> {renamed(old_name)}" in lines
    assert f"  added    POST {ARCHIVE_PATH} (archiveConversation)" in lines
    assert "make generate" in lines[-1]


def test_update_summarises_removed_operations(
    server: _SpecServer, seed: dict[str, Any], target: Path
) -> None:
    target.write_text(json.dumps(newer(seed)), encoding="utf-8")
    result = update_spec(server.serve("/v1/openapi.json", seed), target)
    assert result.returncode == 0, result.stderr
    assert f"  removed  POST {ARCHIVE_PATH} (archiveConversation)" in result.stdout.splitlines()


def test_the_same_spec_twice_changes_nothing(
    server: _SpecServer, seed: dict[str, Any], target: Path
) -> None:
    url = server.serve("/same.json", newer(seed))
    assert update_spec(url, target).returncode == 0
    written = target.read_bytes()
    again = update_spec(url, target)
    assert again.returncode == 0
    assert "already this spec; nothing to do" in again.stdout
    assert target.read_bytes() == written


def test_the_vendored_spec_is_already_in_the_written_form(seed: dict[str, Any]) -> None:
    assert SEED.read_text(encoding="utf-8") == json.dumps(seed, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("served", "message"),
    [
        pytest.param(
            lambda s: {k: v for k, v in s.items() if k != "paths"} | {"paths": {}},
            f"the spec has no PUT {UPDATE_PATH} and no GET {LIST_PATH} operation",
            id="missing-operations",
        ),
        pytest.param(
            lambda s: {**s, "openapi": "2.0"},
            "is not OpenAPI 3.x (its openapi field is '2.0')",
            id="not-openapi-3",
        ),
        pytest.param(
            lambda s: {k: v for k, v in s.items() if k != "info"},
            "is not valid OpenAPI 3.0.1: 'info' is a required property",
            id="invalid-openapi",
        ),
        pytest.param(lambda s: b"<html>not json</html>", "is not JSON", id="not-json"),
    ],
)
def test_a_bad_spec_is_refused_in_one_line_and_nothing_is_written(
    server: _SpecServer, seed: dict[str, Any], target: Path, served: Any, message: str
) -> None:
    before = target.read_bytes()
    result = update_spec(server.serve("/bad.json", served(seed)), target)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert result.stderr.rstrip().endswith("openapi_chatflow.json was not changed")
    assert target.read_bytes() == before


def test_a_missing_url_is_refused_in_one_line(server: _SpecServer, target: Path) -> None:
    result = update_spec(server.url("/nowhere.json"), target)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"make update-spec: cannot download {server.url('/nowhere.json')}: the server answered "
        "404; openapi_chatflow.json was not changed"
    ]


def test_file_urls_work(tmp_path: Path, seed: dict[str, Any], target: Path) -> None:
    source = tmp_path / "downloaded.json"
    source.write_text(json.dumps(newer(seed)), encoding="utf-8")
    result = update_spec(source.as_uri(), target)
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == newer(seed)


@pytest.mark.parametrize("spec", upstream_specs(), ids=lambda path: path.stem)
def test_upstream_specs_are_accepted_or_refused(spec: Path, target: Path) -> None:
    # In-process (the command line is covered above): validating a large spec takes a second.
    text = spec.read_text(encoding="utf-8")
    target.write_text(json.dumps(newer(json.loads(SEED.read_text("utf-8")))), encoding="utf-8")
    if f'"{UPDATE_PATH}"' in text:
        lines = update_in_process(spec.as_uri(), target)
        assert target.read_text(encoding="utf-8") == text  # upstream is already in this form
        assert any(line.startswith(f"  pinned   PUT {UPDATE_PATH}: ") for line in lines)
    else:
        with pytest.raises(SpecError, match=f"the spec has no PUT {re.escape(UPDATE_PATH)} "):
            update_in_process(spec.as_uri(), target)
        assert json.loads(target.read_text("utf-8")) == newer(json.loads(SEED.read_text("utf-8")))
