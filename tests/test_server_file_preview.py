"""GET /files/{file_id}/preview: only a file sent with a message of the app is served."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Literal

import pytest
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import DIALECTS, KEY, USER, RawResponse, post_form, raw

OTHER_KEY = "app-other"
NOT_IN_MESSAGE = {
    "code": "file_not_found",
    "message": "File not found in message context",
    "status": 404,
}


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        started.add_app(KEY, file_upload=True)
        yield started


def upload(server: DifyTestServer, name: str, mime: str, data: bytes, key: str = KEY) -> str:
    user = ("user", None, None, USER.encode())
    answer = post_form(server.port, "/files/upload", user, ("file", name, mime, data), key=key)
    assert answer.status == 201, answer.body
    file_id: str = answer.json()["id"]
    return file_id


def send_with(server: DifyTestServer, file_id: str, key: str = KEY) -> RawResponse:
    files = [{"type": "document", "transfer_method": "local_file", "upload_file_id": file_id}]
    body = {"query": "look", "inputs": {}, "user": USER, "files": files}
    answer = raw(server.port, "POST", "/chat-messages", body, key=key)
    assert answer.status == 200, answer.body
    return answer


def sent_file(server: DifyTestServer, name: str, mime: str, data: bytes) -> str:
    file_id = upload(server, name, mime, data)
    send_with(server, file_id)
    return file_id


def preview(
    server: DifyTestServer, file_id: str, query: str = "", key: str | None = KEY
) -> RawResponse:
    return raw(server.port, "GET", f"/files/{file_id}/preview{query}", key=key)


def test_a_file_sent_with_a_message_is_served_with_its_type_and_cache_headers(server):
    file_id = sent_file(server, "notes.txt", "text/plain", b"hello notes")

    answer = preview(server, file_id, f"?user={USER}")

    assert answer.status == 200
    assert answer.body == b"hello notes"
    assert answer.header("content-type") == "text/plain; charset=utf-8"
    assert answer.header("content-length") == "11"
    assert answer.header("cache-control") == "public, max-age=3600"
    assert answer.header("content-disposition") is None
    assert answer.header("accept-ranges") is None


def test_user_may_be_left_out(server):
    file_id = sent_file(server, "pixel.png", "image/png", b"\x89PNG\r\n")

    answer = preview(server, file_id)

    assert (answer.status, answer.body) == (200, b"\x89PNG\r\n")
    assert answer.header("content-type") == "image/png"


def test_as_attachment_downloads_under_an_rfc_5987_name(server):
    file_id = sent_file(server, "résumé final.txt", "text/plain", b"cv")

    answer = preview(server, file_id, "?as_attachment=true")

    assert answer.status == 200
    assert answer.header("content-type") == "application/octet-stream"
    disposition = answer.header("content-disposition")
    assert disposition == "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt"
    assert "filename=" not in disposition.replace("filename*=", "")
    assert answer.body == b"cv"


def test_audio_and_video_can_be_fetched_by_ranges(server):
    file_id = sent_file(server, "voice.mp3", "audio/mpeg", b"ID3")

    assert preview(server, file_id).header("accept-ranges") == "bytes"


def preview_on(dialect: Literal["1.10", "1.16"], query: str) -> RawResponse:
    """Preview a text file sent with a message, on a fresh server of ``dialect``."""
    with DifyTestServer(api_key=KEY, dialect=dialect) as server:
        server.add_app(KEY, file_upload=True)
        file_id = sent_file(server, "a.txt", "text/plain", b"a")
        return preview(server, file_id, query)


@pytest.mark.parametrize("value", ["false", "0", "maybe"])
def test_any_non_empty_value_downloads_on_1_10(value):
    answer = preview_on("1.10", f"?as_attachment={value}")

    assert answer.status == 200
    assert answer.header("content-type") == "application/octet-stream"


def test_an_empty_value_previews_on_1_10():
    answer = preview_on("1.10", "?as_attachment=")

    assert answer.header("content-type") == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    ("value", "downloads"), [("true", True), ("1", True), ("false", False), ("0", False)]
)
def test_1_16_reads_boolean_words(value, downloads):
    answer = preview_on("1.16", f"?as_attachment={value}")

    assert answer.status == 200
    assert (answer.header("content-disposition") is not None) is downloads


@pytest.mark.parametrize("value", ["maybe", ""])
def test_1_16_refuses_anything_else_as_a_boolean(value):
    answer = preview_on("1.16", f"?as_attachment={value}")

    assert answer.status == 400
    body = answer.json()
    assert body["code"] == "invalid_param"
    assert body["message"].startswith("1 validation error for FilePreviewQuery\nas_attachment\n")
    assert "Input should be a valid boolean, unable to interpret input" in body["message"]


def test_a_file_never_sent_with_a_message_is_not_found(server):
    file_id = upload(server, "draft.txt", "text/plain", b"draft")

    answer = preview(server, file_id)

    assert (answer.status, answer.json()) == (404, NOT_IN_MESSAGE)


def test_an_unknown_file_is_not_found(server):
    answer = preview(server, str(uuid.uuid4()))

    assert (answer.status, answer.json()) == (404, NOT_IN_MESSAGE)


def test_a_malformed_id_matches_no_route(server):
    answer = preview(server, "not-a-uuid")

    assert answer.status == 404
    assert answer.header("content-type") == "text/html; charset=utf-8"


def test_without_file_upload_the_app_drops_the_files_of_a_message(server):
    server.add_app(KEY)  # file upload off, as in a new app
    file_id = upload(server, "n.txt", "text/plain", b"n")

    sent = send_with(server, file_id).json()
    listed = raw(
        server.port, "GET", f"/messages?user={USER}&conversation_id={sent['conversation_id']}"
    ).json()

    assert listed["data"][0]["message_files"] == []
    assert preview(server, file_id).json() == NOT_IN_MESSAGE


def test_another_apps_file_is_denied(server):
    server.add_app(OTHER_KEY, file_upload=True)
    file_id = upload(server, "theirs.txt", "text/plain", b"theirs", key=OTHER_KEY)
    send_with(server, file_id, key=OTHER_KEY)

    answer = preview(server, file_id)

    assert answer.status == 403
    assert answer.json() == {
        "code": "file_access_denied",
        "message": "File access denied: not owned by requesting app",
        "status": 403,
    }
    assert preview(server, file_id, key=OTHER_KEY).body == b"theirs"


def test_html_is_only_downloaded_on_1_16(server):
    file_id = sent_file(server, "page.html", "text/html", b"<p>hi</p>")

    answer = preview(server, file_id)

    if server.dialect == "1.16":
        assert answer.header("content-type") == "application/octet-stream"
        assert answer.header("content-disposition") == "attachment; filename*=UTF-8''page.html"
        assert answer.header("x-content-type-options") == "nosniff"
    else:
        assert answer.header("content-type") == "text/html; charset=utf-8"
        assert answer.header("content-disposition") is None


def test_a_fault_aimed_at_files_preview_leaves_uploads_alone(server):
    file_id = sent_file(server, "a.txt", "text/plain", b"a")
    server.inject_fault(Fault.status(502), route="files.preview")

    assert upload(server, "b.txt", "text/plain", b"b")
    assert preview(server, file_id).status == 502
    assert preview(server, file_id).status == 200


def test_the_key_is_checked_before_the_file(server):
    anonymous = preview(server, str(uuid.uuid4()), key=None)
    server.add_app("app-off", enabled=False)
    disabled = preview(server, str(uuid.uuid4()), key="app-off")

    assert (anonymous.status, anonymous.json()["code"]) == (401, "unauthorized")
    assert (disabled.status, disabled.json()["code"]) == (403, "forbidden")
