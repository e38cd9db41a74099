"""The package's own models read every answer of the test server, in both dialects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer
from dify_chatflow.types.app import AppInfo, AppMeta, AppParameters, AppSite
from dify_chatflow.types.conversations import Conversation
from dify_chatflow.types.files import UploadedFile
from dify_chatflow.types.messages import Message
from dify_chatflow.types.workflows import WorkflowRun
from server_support import DIALECTS, KEY, USER, chat, raw

FORM = [
    {"text-input": {"variable": "topic", "label": "Topic", "required": False, "max_length": 20}},
    {"select": {"variable": "plan", "label": "Plan", "required": False, "options": ["a", "b"]}},
]


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        started.add_app(KEY, user_input_form=FORM, suggested_questions=["Why?"])
        yield started


def test_models_decode_the_answers(server):
    events = chat(server.port, "Hello", inputs={"topic": "billing"}).events()
    conv_id = events[0]["conversation_id"]
    (conversation,) = [
        Conversation.from_json(item)
        for item in raw(server.port, "GET", f"/conversations?user={USER}").json()["data"]
    ]
    assert (str(conversation.id), conversation.inputs["topic"]) == (conv_id, "billing")
    (message,) = [
        Message.from_json(item)
        for item in raw(
            server.port, "GET", f"/messages?user={USER}&conversation_id={conv_id}"
        ).json()["data"]
    ]
    assert (message.query, message.answer) == ("Hello", "Hello")
    run_id = events[0]["workflow_run_id"]
    run = WorkflowRun.from_json(raw(server.port, "GET", f"/workflows/run/{run_id}").json())
    assert run is not None
    assert (run.status, run.outputs) == ("succeeded", {"answer": "Hello", "files": []})
    parameters = AppParameters.from_json(raw(server.port, "GET", "/parameters").json())
    assert [field.variable for field in parameters.user_input_form] == ["topic", "plan"]
    assert AppInfo.from_json(raw(server.port, "GET", "/info").json()).mode == "advanced-chat"
    AppMeta.from_json(raw(server.port, "GET", "/meta").json())
    AppSite.from_json(raw(server.port, "GET", "/site").json())
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n"
    )
    uploaded = raw(
        server.port,
        "POST",
        "/files/upload",
        body,
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert UploadedFile.from_json(uploaded.json()).size == 5
