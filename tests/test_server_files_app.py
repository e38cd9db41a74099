"""POST /files/upload and the app's settings (GET /info, /parameters, /meta, /site)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, FormPart, post_form, raw

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
    server.add_app(KEY, name="Support bot", user_input_form=form, suggested_questions=["Why?"])
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
    assert list(site) == SITE_KEYS[server.dialect]
    assert raw(server.port, "GET", "/info", key="app-unknown").status == 401
    assert raw(server.port, "POST", "/info", {}).status == 405
