"""``dify-chatflow annotations``, ``files download``, ``app feedbacks`` and ``logs``, run in a
subprocess against the embedded server."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import httpx
import pytest
from cli_support import (
    API_KEY,
    USER,
    assert_key_not_echoed,
    assert_one_line_error,
    cli_environment,
    console_script,
    json_lines,
    run_cli,
)
from dify_chatflow._constants import PAGE_LIMIT
from dify_chatflow.cli import EXIT_OUTPUT_CLOSED
from dify_chatflow.testing import DifyTestServer, Fault

UNKNOWN = "0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47"
WORKFLOW_KEY = "app-cli-workflow"


@pytest.fixture(params=["1.10", "1.16"])
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect=request.param) as running:
        yield running


# -- annotations -----------------------------------------------------------------------------


def test_add_then_list_shows_the_annotation(server: DifyTestServer) -> None:
    added = run_cli("annotations", "add", "How do refunds work?", "Within 30 days.", server=server)
    listed = run_cli("annotations", "list", server=server)

    assert added.returncode == 0, added.stderr
    note_id = added.stdout.split()[0]
    assert added.stdout.strip() == f"{note_id}  How do refunds work?"
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()
    assert header.split() == ["ID", "QUESTION", "ANSWER", "HITS", "CREATED", "(UTC)"]
    assert row.startswith(f"{note_id}  How do refunds work?  Within 30 days.  0  ")
    assert_key_not_echoed(listed)


def test_list_json_filters_by_keyword(server: DifyTestServer) -> None:
    server.add_annotation("Refund policy?", "Thirty days.")
    server.add_annotation("Parking?", "Behind the shop.")

    result = run_cli("annotations", "list", "--keyword", "REFUND", "--json", server=server)

    assert result.returncode == 0, result.stderr
    [record] = json_lines(result.stdout)
    assert (record["question"], record["answer"], record["hit_count"]) == (
        "Refund policy?",
        "Thirty days.",
        0,
    )
    assert set(record) == {"id", "question", "answer", "hit_count", "created_at"}


def test_an_empty_list_says_so(server: DifyTestServer) -> None:
    result = run_cli("annotations", "list", server=server)

    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "(no annotations)"


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_list_prints_the_pages_as_they_arrive(server: DifyTestServer, as_json: bool) -> None:
    for number in range(2 * PAGE_LIMIT + 1):
        server.add_annotation(f"Question {number}?", f"Answer {number}.")
    # Two pages are served, the third refused: what came before it stays printed.
    server.inject_fault(Fault.delay(0), route="annotations.list", times=2)
    server.inject_fault(Fault.status(403), route="annotations.list", times=1)

    result = run_cli("annotations", "list", *(["--json"] if as_json else []), server=server)

    line = assert_one_line_error(result, 1)
    assert line.startswith("error: server answered 403")
    if as_json:
        printed = [record["question"] for record in json_lines(result.stdout)]
    else:
        header, *rows = result.stdout.splitlines()
        assert header.split()[:2] == ["ID", "QUESTION"]
        printed = [row.split("  ")[1] for row in rows]
    assert len(printed) >= PAGE_LIMIT
    assert len(set(printed)) == len(printed)
    assert all(question.startswith("Question ") for question in printed)


def test_rm_json(server: DifyTestServer) -> None:
    note_id = server.add_annotation("Old?", "Old.")

    result = run_cli("annotations", "rm", note_id, "--json", server=server)

    assert result.returncode == 0, result.stderr
    assert json_lines(result.stdout) == [{"id": note_id, "removed": True}]
    assert run_cli("annotations", "list", "--json", server=server).stdout == ""


def test_update_and_rm(server: DifyTestServer) -> None:
    note_id = server.add_annotation("Old?", "Old.")

    updated = run_cli("annotations", "update", note_id, "New?", "New.", "--json", server=server)
    removed = run_cli("annotations", "rm", note_id, server=server)
    again = run_cli("annotations", "rm", note_id, server=server)

    assert updated.returncode == 0, updated.stderr
    assert [(r["id"], r["question"], r["answer"]) for r in json_lines(updated.stdout)] == [
        (note_id, "New?", "New.")
    ]
    assert (removed.returncode, removed.stdout) == (0, f"removed {note_id}\n")
    line = assert_one_line_error(again, 1)
    assert line == "error: server answered 404 not_found: Annotation not found"


def test_a_bad_id_is_a_usage_error(server: DifyTestServer) -> None:
    result = run_cli("annotations", "rm", "not-an-id", server=server)

    line = assert_one_line_error(result, 2)
    assert "annotation_id" in line
    assert server.requests == []


# -- files download ---------------------------------------------------------------------------


def sent_file(server: DifyTestServer, data: bytes) -> str:
    """The id of a file uploaded and sent with a chat message (plain httpx)."""
    server.add_app(API_KEY, file_upload=True)
    headers = {"Authorization": f"Bearer {API_KEY}"}
    uploaded = httpx.post(
        f"{server.base_url}/files/upload",
        headers=headers,
        files={"file": ("notes.txt", data, "text/plain")},
        data={"user": USER},
    ).json()
    file_ref = {
        "type": "document",
        "transfer_method": "local_file",
        "upload_file_id": uploaded["id"],
    }
    body = {
        "query": "Read",
        "inputs": {},
        "user": USER,
        "response_mode": "blocking",
        "files": [file_ref],
    }
    answer = httpx.post(f"{server.base_url}/chat-messages", headers=headers, json=body)
    assert answer.status_code == 200, answer.text
    file_id: str = uploaded["id"]
    return file_id


def test_download_writes_the_file_to_a_path(server: DifyTestServer, tmp_path) -> None:
    data = b"line\n" * 1000
    file_id = sent_file(server, data)
    target = tmp_path / "notes.txt"

    result = run_cli("files", "download", file_id, "-o", str(target), server=server)

    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == data
    assert result.stdout == f"saved {file_id} to {target} ({len(data)} bytes)\n"


def test_download_to_standard_output(server: DifyTestServer) -> None:
    file_id = sent_file(server, b"hello\n")

    result = run_cli("files", "download", file_id, server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello\n"


def test_download_to_a_reader_that_goes_away_ends_quietly(server: DifyTestServer) -> None:
    file_id = sent_file(server, b"line\n" * 200_000)  # more than a pipe holds

    with subprocess.Popen(
        [console_script(), "files", "download", file_id],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_environment(server),
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(5) == b"line\n"[:5]
        process.stdout.close()  # as `| head -c 5` does
        errors = process.stderr.read()
        code = process.wait(timeout=60)

    assert (code, errors) == (EXIT_OUTPUT_CLOSED, b"")


def test_a_file_never_sent_is_a_server_error_saying_why(server: DifyTestServer, tmp_path) -> None:
    target = tmp_path / "none.txt"

    result = run_cli("files", "download", UNKNOWN, "-o", str(target), server=server)

    line = assert_one_line_error(result, 1)
    assert line.startswith("error: server answered 404 file_not_found:")
    assert "attached to a message" in line
    assert not target.exists()


# -- app feedbacks -----------------------------------------------------------------------------


def rated_message(server: DifyTestServer, rating: str, content: str) -> str:
    """The id of a chat message rated ``rating`` with ``content`` (plain httpx)."""
    headers = {"Authorization": f"Bearer {API_KEY}"}
    body = {"query": "Hi", "inputs": {}, "user": USER, "response_mode": "blocking"}
    answer = httpx.post(f"{server.base_url}/chat-messages", headers=headers, json=body)
    assert answer.status_code == 200, answer.text
    message_id: str = answer.json()["message_id"]
    rated = httpx.post(
        f"{server.base_url}/messages/{message_id}/feedbacks",
        headers=headers,
        json={"rating": rating, "user": USER, "content": content},
    )
    assert rated.status_code == 200, rated.text
    return message_id


def test_app_feedbacks_lists_every_rating(server: DifyTestServer) -> None:
    liked = rated_message(server, "like", "Clear answer.")
    disliked = rated_message(server, "dislike", "Too short.")

    table = run_cli("app", "feedbacks", server=server)
    as_json = run_cli("app", "feedbacks", "--json", server=server)

    assert table.returncode == 0, table.stderr
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["MESSAGE", "RATING", "FROM", "CONTENT", "CREATED", "(UTC)"]
    assert sorted(row.split()[:3] for row in rows) == sorted(
        [[liked, "like", "user"], [disliked, "dislike", "user"]]
    )
    assert as_json.returncode == 0, as_json.stderr
    records = {r["message_id"]: (r["rating"], r["content"]) for r in json_lines(as_json.stdout)}
    assert records == {liked: ("like", "Clear answer."), disliked: ("dislike", "Too short.")}
    assert_key_not_echoed(table)


def test_app_feedbacks_without_any_says_so(server: DifyTestServer) -> None:
    result = run_cli("app", "feedbacks", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "(no feedbacks)"


# -- logs ---------------------------------------------------------------------------------------


def test_logs_of_a_workflow_app(server: DifyTestServer) -> None:
    server.add_app(WORKFLOW_KEY, mode="workflow")
    ok = server.add_workflow_log(api_key=WORKFLOW_KEY, user="alice", created_at=1_764_578_000)
    server.add_workflow_log(
        api_key=WORKFLOW_KEY, user="bob", status="failed", created_at=1_764_578_060
    )
    env = {"DIFY_API_KEY": WORKFLOW_KEY}

    table = run_cli("logs", server=server, env=env)
    filtered = run_cli(
        "logs", "--status", "succeeded", "--before", "2025-12-01T08:33:40Z", "--json",
        server=server, env=env,
    )  # fmt: skip

    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["ID", "STATUS", "ELAPSED", "USER", "CREATED", "(UTC)"]
    assert [line.split()[1] for line in lines[1:]] == ["failed", "succeeded"]
    assert filtered.returncode == 0, filtered.stderr
    [record] = json_lines(filtered.stdout)
    assert record["id"] == ok.id
    assert record["created_by_end_user"]["session_id"] == "alice"
    assert record["created_at"] == "2025-12-01T08:33:20+00:00"


def test_a_chatflow_apps_logs_are_empty(server: DifyTestServer) -> None:
    result = run_cli("logs", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "(no workflow logs)"


def test_a_bad_time_is_a_usage_error(server: DifyTestServer) -> None:
    result = run_cli("logs", "--after", "yesterday", server=server)

    line = assert_one_line_error(result, 2)
    assert "ISO 8601" in line
