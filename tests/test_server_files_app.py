"""POST /files/upload and the app's settings (GET /info, /parameters, /meta, /site)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, FormPart, chat, post_form, raw

UPLOAD_KEYS = {
    "1.10": [
        "id",
        "name",
        "size",
        "extension",
        "mime_type",
        "created_by",
        "created_at",
        "preview_url",
        "source_url",
    ],
    "1.16": [
        "id",
        "reference",
        "name",
        "size",
        "extension",
        "mime_type",
        "created_by",
        "created_at",
        "preview_url",
        "source_url",
        "original_url",
        "user_id",
        "tenant_id",
        "conversation_id",
        "file_key",
    ],
}
SITE_KEYS = {
    "1.10": [
        "title",
        "chat_color_theme",
        "chat_color_theme_inverted",
        "icon_type",
        "icon",
        "icon_background",
        "icon_url",
        "description",
        "copyright",
        "privacy_policy",
        "custom_disclaimer",
        "default_language",
        "show_workflow_steps",
        "use_icon_as_answer_icon",
    ],
    "1.16": [
        "title",
        "chat_color_theme",
        "chat_color_theme_inverted",
        "icon_type",
        "icon",
        "icon_background",
        "description",
        "copyright",
        "privacy_policy",
        "input_placeholder",
        "custom_disclaimer",
        "default_language",
        "show_workflow_steps",
        "use_icon_as_answer_icon",
        "icon_url",
    ],
}


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        yield started


def upload(server: DifyTestServer, *parts: FormPart):
    return post_form(server.port, "/files/upload", *parts)


def test_upload_answers_201_with_the_file(server):
    response = upload(
        server,
        ("user", None, None, USER.encode()),
        ("file", "report.PDF", "application/pdf", b"%PDF-1.4 hello"),
    )
    assert response.status == 201
    body = response.json()
    assert list(body) == UPLOAD_KEYS[server.dialect]
    assert (body["name"], body["size"], body["extension"], body["mime_type"]) == (
        "report.PDF",
        14,
        "pdf",
        "application/pdf",
    )
    assert isinstance(body["created_at"], int)
    assert body["preview_url"] is None


def test_upload_refusals(server):
    no_type = upload(server, ("file", "a.txt", None, b"x"))
    assert (no_type.status, no_type.json()) == (
        415,
        {"code": "unsupported_file_type", "message": "File type not allowed.", "status": 415},
    )
    no_file = upload(server, ("user", None, None, b"u"))
    assert (no_file.status, no_file.json()) == (
        400,
        {"code": "no_file_uploaded", "message": "Please upload your file.", "status": 400},
    )
    not_multipart = raw(server.port, "POST", "/files/upload", {"file": "x"})
    assert (not_multipart.status, not_multipart.json()["code"]) == (400, "no_file_uploaded")
    two = upload(
        server, ("file", "a.txt", "text/plain", b"a"), ("other", "b.txt", "text/plain", b"b")
    )
    assert (two.status, two.json()["code"]) == (400, "too_many_files")
    server.add_app(KEY, file_size_limit=10)
    big = upload(server, ("file", "big.txt", "text/plain", b"x" * 11))
    assert (big.status, big.json()["code"]) == (413, "file_too_large")
    assert upload(server, ("file", "ok.txt", "text/plain", b"x" * 10)).status == 201


def test_an_uploaded_file_goes_with_a_message(server):
    server.add_app(KEY, file_upload=True)  # a new app drops the files of a message
    uploaded = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"hi")
    )
    file_id = uploaded.json()["id"]
    files = [{"type": "document", "transfer_method": "local_file", "upload_file_id": file_id}]
    body = {"query": "read it", "inputs": {}, "user": USER, "files": files}
    reply = raw(server.port, "POST", "/chat-messages", body).json()
    listed = raw(
        server.port, "GET", f"/messages?user={USER}&conversation_id={reply['conversation_id']}"
    ).json()
    (message_file,) = listed["data"][0]["message_files"]
    assert (message_file["filename"], message_file["upload_file_id"]) == ("n.txt", file_id)
    preview = f"http://127.0.0.1/files/{file_id}/file-preview?timestamp="
    assert message_file["url"].startswith(preview)  # a signed link, as the upload's source_url
    assert "&nonce=" in message_file["url"]
    assert "&sign=" in message_file["url"]


WORKFLOW_FILE_KEYS = {
    "1.10": [
        "dify_model_identity",
        "id",
        "tenant_id",
        "type",
        "transfer_method",
        "remote_url",
        "related_id",
        "filename",
        "extension",
        "mime_type",
        "size",
        "url",
    ],
    "1.16": [
        "dify_model_identity",
        "id",
        "type",
        "transfer_method",
        "remote_url",
        "reference",
        "filename",
        "extension",
        "mime_type",
        "size",
        "related_id",
        "url",
    ],
}


def test_the_workflow_sees_a_sent_file_as_difys_file_model(server):
    server.add_app(KEY, file_upload=True)
    file_id = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"hi")
    ).json()["id"]
    files = [{"type": "document", "transfer_method": "local_file", "upload_file_id": file_id}]
    events = chat(server.port, "read it", files=files).events()
    (seen,) = events[0]["data"]["inputs"]["sys.files"]
    assert list(seen) == WORKFLOW_FILE_KEYS[server.dialect]
    assert (seen["dify_model_identity"], seen["id"], seen["related_id"]) == (
        "__dify__file__",
        None,
        file_id,
    )
    assert (seen["filename"], seen["extension"], seen["mime_type"], seen["size"]) == (
        "n.txt",
        ".txt",
        "text/plain",
        2,
    )
    link = re.compile(
        rf"http://127\.0\.0\.1/files/{file_id}/file-preview\?timestamp=\d+"
        r"&nonce=[0-9a-f]{32}&sign=[A-Za-z0-9_-]{43}%3D"
    )
    assert link.fullmatch(seen["url"])
    if server.dialect == "1.16":
        record = base64.urlsafe_b64decode(seen["reference"].removeprefix("dify-file-ref:"))
        assert json.loads(record) == {"record_id": file_id}
        assert seen["remote_url"] == ""
    else:
        assert link.fullmatch(seen["remote_url"])  # a link of its own
        assert seen["remote_url"] != seen["url"]


def test_a_file_name_with_a_path_separator_is_refused_and_a_long_one_cut(server):
    refused = ["a/b.txt", "a\\b.txt"] + ([] if server.dialect == "1.16" else ["a:b.txt", "a?.txt"])
    for name in refused:
        answer = upload(server, ("file", name, "text/plain", b"x"))
        assert (answer.status, answer.json()) == (
            400,
            {
                "code": "invalid_param",
                "message": "Filename contains invalid characters",
                "status": 400,
            },
        )
    if server.dialect == "1.16":
        assert upload(server, ("file", "a:b?.txt", "text/plain", b"x")).status == 201
    long_name = "n" * 250 + ".part.TXT"
    cut = upload(server, ("file", long_name, "text/plain", b"x")).json()
    assert (cut["name"], cut["extension"]) == ("n" * 200 + ".txt", "txt")
    hidden = upload(server, ("file", ".env", "text/plain", b"x")).json()
    assert (hidden["name"], hidden["extension"]) == (".env", "")  # a dot file has no extension


def test_a_repeated_file_field_is_one_file_the_first(server):
    response = upload(
        server,
        ("user", None, None, USER.encode()),
        ("file", "a.txt", "text/plain", b"first"),
        ("file", "b.txt", "text/plain", b"second"),
    )
    assert response.status == 201
    assert (response.json()["name"], response.json()["size"]) == ("a.txt", 5)


def test_an_upload_names_no_user_id_or_file_key_on_1_16(server):
    body = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"x")
    )
    body = body.json()
    if server.dialect == "1.16":
        assert (body["user_id"], body["file_key"], body["conversation_id"]) == (None, None, None)
        assert isinstance(body["tenant_id"], str)
    else:
        assert "user_id" not in body


def chat_with_files(server: DifyTestServer, files: list[dict[str, object]]):
    body = {"query": "q", "inputs": {}, "user": USER, "files": files, "response_mode": "blocking"}
    return raw(server.port, "POST", "/chat-messages", body)


def local(file_id: object, kind: str = "document") -> dict[str, object]:
    return {"type": kind, "transfer_method": "local_file", "upload_file_id": file_id}


def test_the_files_of_a_message_are_checked_against_the_upload_and_the_app(server):
    server.add_app(KEY, file_upload=True, allowed_file_types=["image", "document"])
    file_id = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"hi")
    ).json()["id"]
    refusals = {
        "File validation failed for file: n.txt": [local(file_id, "video")],
        "Invalid upload file": [local("00000000-0000-4000-8000-000000000000")],
        "Invalid upload file id format": [local("nope")],
        "Invalid upload file id": [local(None)],
        "Number of files exceeds the maximum limit 3": [local(file_id)] * 4,
    }
    for message, files in refusals.items():
        response = chat_with_files(server, files)
        assert (response.status, response.json()) == (
            400,
            {"code": "invalid_param", "message": message, "status": 400},
        )
    assert server.conversations() == []  # refused before a conversation starts
    assert chat_with_files(server, [local(file_id)]).status == 200
    parameters = raw(server.port, "GET", "/parameters").json()
    assert parameters["file_upload"]["allowed_file_types"] == ["image", "document"]


def test_a_files_transfer_method_type_and_url_are_read_as_the_dialect_does(server):
    server.add_app(KEY, file_upload=True)
    file_id = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"hi")
    ).json()["id"]
    new = server.dialect == "1.16"
    refusals = [
        (
            {"type": "document", "transfer_method": "foo", "upload_file_id": file_id},
            "'foo' is not a valid FileTransferMethod"
            if new
            else "No matching enum found for value 'foo'",
        ),
        (local(file_id, "foo"), "'foo' is not a valid FileType"),
    ]
    if not new:  # 1.16 takes a remote file without a url
        refusals.append(({"type": "document", "transfer_method": "remote_url"}, "Invalid file url"))
    for file, message in refusals:
        response = chat_with_files(server, [file])
        assert (response.status, response.json()["message"]) == (400, message)
    number = chat_with_files(server, [local(5)])
    if new:
        assert (number.status, number.json()["message"]) == (400, "Invalid upload file id")
    else:  # 1.10 fails on it inside the run: the chat controller's catch-all
        assert (number.status, number.json()["code"]) == (500, "internal_server_error")
    untransferred: dict[str, object] = {"type": "document", "upload_file_id": "nope"}
    assert chat_with_files(server, [untransferred, {}]).status == 200  # left out


def test_a_custom_file_needs_an_allowed_extension_and_the_app_allows_none(server):
    server.add_app(KEY, file_upload=True)
    file_id = upload(
        server, ("user", None, None, USER.encode()), ("file", "n.txt", "text/plain", b"hi")
    ).json()["id"]
    refused = chat_with_files(server, [local(file_id, "custom")])
    assert refused.json()["message"] == "File validation failed for file: n.txt"


def test_another_workspaces_upload_is_unknown_and_files_off_are_ignored(server):
    server.add_app("app-other", file_upload=True)
    server.add_app(KEY, file_upload=False)
    elsewhere = post_form(
        server.port,
        "/files/upload",
        ("user", None, None, USER.encode()),
        ("file", "n.txt", "text/plain", b"hi"),
        key="app-other",
    ).json()["id"]
    assert chat_with_files(server, [local("nope")]).status == 200  # the app drops files
    server.add_app(KEY, file_upload=True)
    refused = chat_with_files(server, [local(elsewhere)])
    assert refused.json()["message"] == "Invalid upload file"


def test_info_parameters_meta_and_site(server):
    form = [
        {
            "text-input": {
                "variable": "topic",
                "label": "Topic",
                "required": True,
                "max_length": 48,
                "default": "",
            }
        }
    ]
    server.add_app(
        KEY,
        name="Support bot",
        description="Answers support questions",
        user_input_form=form,
        suggested_questions=["Why?"],
    )
    info = raw(server.port, "GET", "/info").json()
    assert list(info) == ["name", "description", "tags", "mode", "author_name"]
    assert (info["name"], info["mode"]) == ("Support bot", "advanced-chat")
    parameters = raw(server.port, "GET", "/parameters").json()
    assert list(parameters) == [
        "opening_statement",
        "suggested_questions",
        "suggested_questions_after_answer",
        "speech_to_text",
        "text_to_speech",
        "retriever_resource",
        "annotation_reply",
        "more_like_this",
        "user_input_form",
        "sensitive_word_avoidance",
        "file_upload",
        "system_parameters",
    ]
    assert parameters["user_input_form"] == form
    assert parameters["suggested_questions_after_answer"] == {"enabled": True}
    assert raw(server.port, "GET", "/meta").json() == {"tool_icons": {}}
    site = raw(server.port, "GET", "/site").json()
    assert site["title"] == "Support bot"
    assert site["description"] is None  # the app's description stays the app's
    assert raw(server.port, "GET", "/info").json()["description"] == "Answers support questions"
    assert list(site) == SITE_KEYS[server.dialect]
    assert raw(server.port, "GET", "/info", key="app-unknown").status == 401
    assert raw(server.port, "POST", "/info", {}).status == 405
