"""POST /chat-messages on the test server: Dify's events, bytes and answers per dialect."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, chat, hint, raw

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ORDER = {
    "1.10": [
        "workflow_started",
        "node_started",
        "message",
        "node_finished",
        "node_started",
        "node_finished",
        "workflow_finished",
        "message_end",
    ],
    "1.16": [
        "workflow_started",
        "message",
        "node_started",
        "node_finished",
        "node_started",
        "node_finished",
        "message_end",
        "workflow_finished",
    ],
}
USAGE_KEYS = [
    "prompt_tokens",
    "prompt_unit_price",
    "prompt_price_unit",
    "prompt_price",
    "completion_tokens",
    "completion_unit_price",
    "completion_price_unit",
    "completion_price",
    "total_tokens",
    "total_price",
    "currency",
    "latency",
    "time_to_first_token",
    "time_to_generate",
]


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        yield started


def compact(event: object) -> bytes:
    return (
        b"data: " + json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode() + b"\n\n"
    )


def test_a_stream_is_chunked_one_event_per_chunk_in_the_dialects_order(server):
    response = chat(server.port, "Hello")
    assert response.status == 200
    assert response.header("content-type") == "text/event-stream; charset=utf-8"
    assert response.header("transfer-encoding") == "chunked"
    assert response.header("content-length") is None
    assert response.complete
    chunks = response.chunks
    assert chunks is not None
    if server.dialect == "1.16":
        assert chunks[0] == b"event: ping\n\n"  # 1.16 opens with a bare ping
        chunks = chunks[1:]
    events = [json.loads(chunk[len(b"data: ") : -2]) for chunk in chunks]
    assert [e["event"] for e in events] == ORDER[server.dialect]
    for chunk, event in zip(chunks, events, strict=True):
        assert chunk == compact(event)  # compact JSON, raw UTF-8, nothing but data:
        assert list(event)[:5] == [
            "event",
            "conversation_id",
            "message_id",
            "created_at",
            "task_id",
        ]


def test_stream_fields_ids_timestamps_usage_and_metadata(server):
    events = chat(server.port, "Hello").events()
    by_name = {e["event"]: e for e in events}
    first = events[0]
    for event in events:
        assert event["conversation_id"] == first["conversation_id"]
        assert event["message_id"] == first["message_id"]
        assert event["task_id"] == first["task_id"]
        assert isinstance(event["created_at"], int)
        for key in ("conversation_id", "message_id", "task_id"):
            assert UUID_RE.fullmatch(str(event[key]))
    started = by_name["workflow_started"]
    assert list(started)[5:] == ["workflow_run_id", "data"]
    assert started["data"]["id"] == started["workflow_run_id"]
    assert started["data"]["inputs"]["sys.query"] == "Hello"
    assert ("reason" in started["data"]) is (server.dialect == "1.16")
    if server.dialect == "1.16":
        assert started["data"]["reason"] == "initial"
    message = by_name["message"]
    assert list(message)[5:] == ["id", "answer", "from_variable_selector"]
    assert message["answer"] == "Hello"
    assert message["id"] == message["message_id"]
    assert message["from_variable_selector"] == ["sys", "query"]  # the default app's answer
    end = by_name["message_end"]
    assert list(end)[5:] == ["id", "metadata", "files"]
    assert end["files"] == []
    usage = end["metadata"]["usage"]
    assert list(usage) == USAGE_KEYS
    assert usage["total_price"] == "0.0"
    assert usage["prompt_unit_price"] == "0.0"
    assert usage["currency"] == "USD"
    assert end["metadata"]["annotation_reply"] is None
    assert end["metadata"]["retriever_resources"] == []
    assert ("reasoning" in end["metadata"]) is (server.dialect == "1.16")
    finished = by_name["workflow_finished"]["data"]
    assert finished["status"] == "succeeded"
    assert finished["outputs"] == {"answer": "Hello", "files": []}
    assert list(finished) == [
        "id",
        "workflow_id",
        "status",
        "outputs",
        "error",
        "elapsed_time",
        "total_tokens",
        "total_steps",
        "created_by",
        "created_at",
        "finished_at",
        "exceptions_count",
        "files",
    ]
    node = next(e for e in events if e["event"] == "node_finished")["data"]
    assert node["status"] == "succeeded"
    assert node["node_type"] == "start"


def test_every_node_is_first_of_its_branch_and_starts_without_inputs(server):
    events = chat(server.port, "Hello").events()
    nodes = [e["data"] for e in events if e["event"] in ("node_started", "node_finished")]
    assert [(n["node_type"], n["index"], n["predecessor_node_id"]) for n in nodes] == [
        ("start", 1, None),
        ("start", 1, None),
        ("answer", 1, None),
        ("answer", 1, None),
    ]
    assert [n["inputs"] for n in nodes[::2]] == [None, None]
    start, answer = nodes[1], nodes[3]
    if server.dialect == "1.16":  # the app's own inputs only: this app has none
        assert start["inputs"] == start["outputs"] == {}
    else:
        assert start["inputs"] == start["outputs"]
        assert start["inputs"]["sys.query"] == "Hello"
    assert (answer["inputs"], answer["outputs"]) == ({}, {"answer": "Hello", "files": []})


def test_usage_times_the_first_and_last_answered_text(server):
    blocking = chat(server.port, "Hello", streaming=False).json()["metadata"]["usage"]
    streamed = chat(server.port, "Hello").events()
    end = next(e for e in streamed if e["event"] == "message_end")["metadata"]["usage"]
    for usage in (blocking, end):
        first, generating = usage["time_to_first_token"], usage["time_to_generate"]
        assert isinstance(first, float)
        assert first >= 0
        assert first == round(first, 3)
        assert generating == 0.0  # one chunk: the first text is the last


def test_a_blank_answer_has_no_usage_times():
    def blank(query: str, inputs: object, conversation: object) -> str:
        return "  "

    with DifyTestServer(api_key=KEY) as server:
        server.add_app(KEY, responder=blank)
        usage = chat(server.port, streaming=False).json()["metadata"]["usage"]
        events = chat(server.port).events()
    assert usage["time_to_first_token"] is usage["time_to_generate"] is None
    message = next(e for e in events if e["event"] == "message")
    assert message["from_variable_selector"] == ["answer", "answer"]


def test_blocking_answer_is_spaced_json_without_a_trailing_newline(server):
    response = chat(server.port, "Hi there", streaming=False)
    assert response.status == 200
    expected_type = (
        "application/json; charset=utf-8" if server.dialect == "1.16" else "application/json"
    )
    assert response.header("content-type") == expected_type
    body = response.json()
    assert response.body == json.dumps(body).encode()  # spaced, ASCII, no newline
    assert list(body) == [
        "event",
        "task_id",
        "id",
        "message_id",
        "conversation_id",
        "mode",
        "answer",
        "metadata",
        "created_at",
    ]
    assert (body["event"], body["mode"], body["answer"]) == ("message", "advanced-chat", "Hi there")
    assert body["id"] == body["message_id"]
    assert list(body["metadata"]["usage"]) == USAGE_KEYS
    assert ("reasoning" in body["metadata"]) is (server.dialect == "1.16")


def test_each_chunk_of_a_responder_is_one_message_event(server):
    seen = []

    def responder(query, inputs, conversation):
        seen.append((query, dict(inputs), conversation.id, conversation.dialogue_count))
        yield from ["Hel", "lo ", "wörld"]

    form = [{"text-input": {"variable": "topic", "label": "Topic", "required": False}}]
    server.add_app(KEY, responder=responder, user_input_form=form)
    events = chat(server.port, "q", inputs={"topic": "x", "unknown": 1}).events()
    assert [e["answer"] for e in events if e["event"] == "message"] == ["Hel", "lo ", "wörld"]
    conv_id = events[0]["conversation_id"]
    assert seen == [("q", {"topic": "x"}, conv_id, 1)]  # only the form's inputs are kept
    assert server.messages(conv_id)[0].answer == "Hello wörld"
    blocking = chat(server.port, "q2", streaming=False, conversation_id=conv_id).json()
    assert blocking["answer"] == "Hello wörld"
    assert seen[1][2:] == (conv_id, 2)
    assert seen[1][1] == {"topic": "x"}  # a conversation keeps its first turn's inputs


def test_a_raising_responder_ends_with_failed_then_error(server):
    def responder(query, inputs, conversation):
        yield "partial"
        raise RuntimeError("boom")

    server.add_app(KEY, responder=responder)
    events = chat(server.port).events()
    assert [e["event"] for e in events[-2:]] == ["workflow_finished", "error"]
    assert events[-2]["data"]["status"] == "failed"
    assert events[-2]["data"]["error"] == "boom"
    error = events[-1]
    assert list(error) == [
        "event",
        "conversation_id",
        "message_id",
        "created_at",
        "code",
        "message",
        "status",
    ]
    assert (error["code"], error["message"], error["status"]) == (
        "invalid_param",
        "Run failed: boom",
        400,
    )
    message = server.messages(error["conversation_id"])[0]
    assert (message.status, message.error) == ("error", "boom")
    blocking = chat(server.port, streaming=False)
    assert blocking.status == 400
    assert blocking.json() == {
        "code": "invalid_param",
        "message": "Run failed: boom",
        "status": 400,
    }


def test_the_first_message_creates_the_conversation_with_the_apps_variables(server):
    server.add_app(
        KEY, variables=[{"name": "visits", "value_type": "number", "value": 0, "description": "d"}]
    )
    first = chat(server.port, "A question longer than twenty", streaming=True).events()[0]
    second = chat(server.port, "Short", streaming=False).json()
    conversations = server.conversations(user=USER)
    assert [c.id for c in conversations] == [first["conversation_id"], second["conversation_id"]]
    assert conversations[0].name == "A question longer th…"
    assert conversations[1].name == "Short"
    assert conversations[0].variables == {"visits": 0}
    ids = {server.variable(c.id, "visits").id for c in conversations}
    assert len(ids) == 1  # the workflow's declared id, the same in every conversation
    listed = raw(
        server.port, "GET", f"/conversations/{first['conversation_id']}/variables?user={USER}"
    ).json()
    assert [(v["name"], v["value"]) for v in listed["data"]] == [("visits", "0")]


def test_continuing_a_conversation_adds_to_it(server):
    first = chat(server.port, "one", streaming=False).json()
    second = chat(server.port, "two", streaming=False, conversation_id=first["conversation_id"])
    assert second.json()["conversation_id"] == first["conversation_id"]
    messages = server.messages(first["conversation_id"])
    assert [m.query for m in messages] == ["one", "two"]
    assert len(server.conversations()) == 1


def test_every_service_api_message_has_the_nil_uuid_as_its_parent(server):
    first = chat(server.port, "one", streaming=False).json()
    chat(server.port, "two", streaming=True, conversation_id=first["conversation_id"]).events()
    listed = raw(
        server.port, "GET", f"/messages?user={USER}&conversation_id={first['conversation_id']}"
    ).json()["data"]
    nil = "00000000-0000-0000-0000-000000000000"
    assert [m["parent_message_id"] for m in listed] == [nil, nil]
    assert [m.parent_message_id for m in server.messages(first["conversation_id"])] == [nil, nil]


@pytest.mark.parametrize("streaming", [True, False])
def test_1_10_names_a_new_conversation_after_the_first_20_characters(streaming):
    query = "A question longer than twenty"
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        assert chat(server.port, query, streaming=streaming).status == 200
        assert server.conversations()[0].name == "A question longer th…"


def test_1_16_names_a_blocking_first_turn_after_its_whole_query():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        chat(server.port, "A question longer than twenty", streaming=False).json()
        assert server.conversations()[0].name == "A question longer than twenty"


def test_1_16_cuts_a_blocking_first_turns_name_at_47_characters_past_50():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        chat(server.port, "x" * 51, streaming=False).json()
        assert server.conversations()[0].name == "x" * 47 + "..."


def test_1_16_names_a_streamed_first_turn_after_the_first_20_characters():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        chat(server.port, "A question longer than twenty", streaming=True).events()
        assert server.conversations()[0].name == "A question longer th…"


def test_auto_generate_name_false_still_names_a_new_conversation_after_its_cut_query(server):
    query = "A question longer than twenty"
    body = chat(server.port, query, streaming=False, auto_generate_name=False).json()
    assert server.conversations()[0].id == body["conversation_id"]
    assert server.conversations()[0].name == "A question longer th…"


def test_1_16_refuses_an_auto_generate_name_it_cannot_read():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        response = chat(server.port, "q", auto_generate_name="maybe")
    assert (response.status, response.json()["message"]) == (
        400,
        "1 validation error for ChatRequestPayload\nauto_generate_name\n  Input should be a "
        "valid boolean, unable to interpret input [type=bool_parsing, input_value='maybe', "
        "input_type=str]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/bool_parsing",
    )


@pytest.mark.parametrize("dialect", DIALECTS)
def test_pings_flow_while_the_responder_is_slower_than_the_ping_interval(dialect):
    import threading

    release = threading.Event()

    def responder(query, inputs, conversation):
        yield "a"
        release.wait(0.5)  # slower than the ping interval below
        yield "b"

    with DifyTestServer(api_key=KEY, dialect=dialect, ping_interval=0.05) as server:
        server.add_app(KEY, responder=responder)
        blocks = chat(server.port).blocks()
    first_message = blocks.index(next(b for b in blocks if '"event":"message"' in b))
    second_message = (
        len(blocks)
        - 1
        - blocks[::-1].index(next(b for b in reversed(blocks) if '"event":"message"' in b))
    )
    between = blocks[first_message + 1 : second_message]
    assert "event: ping" in between
    assert all(b == "event: ping" or b.startswith("data: ") for b in blocks)


# -- refusals ---------------------------------------------------------------------------


def validation(server: DifyTestServer, field: str, restx: str, pydantic: str) -> dict[str, Any]:
    """The dialect's answer to one failed field."""
    if server.dialect == "1.10":
        return {"errors": {field: restx}, "message": "Input payload validation failed"}
    return {"code": "invalid_param", "message": pydantic, "status": 400}


def test_a_missing_query_is_a_validation_error(server):
    body = {"inputs": {}, "user": USER, "response_mode": "streaming"}
    response = raw(server.port, "POST", "/chat-messages", body)
    assert response.status == 400
    assert response.header("content-type") == "application/json"
    pydantic = (
        "1 validation error for ChatRequestPayload\nquery\n  Field required [type=missing, "
        # pydantic shortens a long input to 50 characters around an ellipsis
        "input_value={'inputs': {}, 'user': 'a...onse_mode': 'streaming'}, "
        "input_type=dict]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/missing"
    )
    expected = validation(
        server, "query", "The chat query Missing required parameter in the JSON body", pydantic
    )
    assert response.json() == expected
    assert b"\\/" in response.body or server.dialect == "1.10"  # slashes escaped, compact
    assert b'": ' not in response.body


@pytest.mark.parametrize(
    ("fields", "field", "restx", "pydantic_text", "kind", "value"),
    [
        (
            {"response_mode": "fast"},
            "response_mode",
            "Response mode The value 'fast' is not a valid choice for 'response_mode'.",
            "Input should be 'blocking' or 'streaming'",
            "literal_error",
            "'fast'",
        ),
        (
            {"conversation_id": "nope"},
            "conversation_id",
            "Existing conversation ID nope is not a valid uuid.",
            "Value error, conversation_id must be a valid UUID",
            "value_error",
            "'nope'",
        ),
    ],
)
def test_bad_parameters_are_validation_errors(
    server, fields, field, restx, pydantic_text, kind, value
):
    response = chat(server.port, "q", **fields)
    pydantic = (
        f"1 validation error for ChatRequestPayload\n{field}\n  {pydantic_text} "
        f"[type={kind}, input_value={value}, input_type=str]\n    For further information "
        f"visit https://errors.pydantic.dev/2.12/v/{kind}"
    )
    assert (response.status, response.json()) == (400, validation(server, field, restx, pydantic))


def restx_text(response: Any) -> str:
    """The one text of a 1.10 validation answer."""
    body = response.json()
    assert body["message"] == "Input payload validation failed"
    (text,) = body["errors"].values()
    return str(text)


def test_1_10_texts_lead_with_the_arguments_help():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        port = server.port
        no_inputs = raw(port, "POST", "/chat-messages", {"query": "q", "user": USER})
        assert (no_inputs.status, no_inputs.json()["errors"]) == (
            400,
            {"inputs": "Input parameters for chat Missing required parameter in the JSON body"},
        )
        assert restx_text(chat(port, "q", inputs="ab")) == (
            "Input parameters for chat dictionary update sequence element #0 has length 1; "
            "2 is required"
        )
        assert restx_text(chat(port, "q", files=5)) == (
            "List of file attachments 'int' object is not iterable"
        )
        assert restx_text(chat(port, "q", response_mode=None)) == (
            "Response mode The value 'None' is not a valid choice for 'response_mode'."
        )
        assert restx_text(chat(port, "q", conversation_id=5)) == (
            "Existing conversation ID 'int' object has no attribute 'replace'"
        )


def test_1_10_reports_only_the_first_failing_argument_in_parser_order():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        body = {"user": USER, "response_mode": "fast", "conversation_id": "nope"}
        response = raw(server.port, "POST", "/chat-messages", body)
        assert list(response.json()["errors"]) == ["inputs"]


def test_1_10_turns_a_non_string_query_into_text():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        response = chat(server.port, 42, streaming=False)  # type: ignore[arg-type]
        assert (response.status, response.json()["answer"]) == (200, "42")
        null = chat(server.port, None, streaming=False)  # type: ignore[arg-type]
        assert (null.status, null.json()["message"]) == (400, "query is required")


def test_1_16_lists_every_failing_field_of_the_chat_request():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        body = {"query": 7, "inputs": None, "user": USER, "response_mode": "fast"}
        response = raw(server.port, "POST", "/chat-messages", body)
        assert response.status == 400
        assert response.json()["message"] == (
            "3 validation errors for ChatRequestPayload\n"
            "inputs\n  Input should be a valid dictionary [type=dict_type, input_value=None, "
            "input_type=NoneType]\n    For further information visit "
            "https://errors.pydantic.dev/2.12/v/dict_type\n"
            "query\n  Input should be a valid string [type=string_type, input_value=7, "
            "input_type=int]\n    For further information visit "
            "https://errors.pydantic.dev/2.12/v/string_type\n"
            "response_mode\n  Input should be 'blocking' or 'streaming' [type=literal_error, "
            "input_value='fast', input_type=str]\n    For further information visit "
            "https://errors.pydantic.dev/2.12/v/literal_error"
        )


def test_1_16_wants_files_as_a_list_of_objects():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        not_a_list = chat(server.port, "q", files=5)
        not_objects = chat(server.port, "q", files=[{"type": "image"}, "x"])
    assert not_a_list.json()["message"] == (
        "1 validation error for ChatRequestPayload\nfiles\n  Input should be a valid list "
        "[type=list_type, input_value=5, input_type=int]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/list_type"
    )
    assert not_objects.json()["message"] == (
        "1 validation error for ChatRequestPayload\nfiles.1\n  Input should be a valid "
        "dictionary [type=dict_type, input_value='x', input_type=str]\n    For further "
        "information visit https://errors.pydantic.dev/2.12/v/dict_type"
    )


def test_nul_characters_are_dropped_from_the_query(server):
    body = chat(server.port, "a\x00b", streaming=False).json()
    assert body["answer"] == "ab"
    (message,) = server.messages(body["conversation_id"])
    assert message.query == "ab"
    assert server.conversations()[0].name == "ab"


def test_1_16_takes_a_blank_conversation_id_for_a_new_conversation():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        response = chat(server.port, "q", streaming=False, conversation_id="  ")
        assert response.status == 200
        assert [c.id for c in server.conversations()] == [response.json()["conversation_id"]]
        null_mode = chat(server.port, "q", streaming=False, response_mode=None)
        assert (null_mode.status, null_mode.json()["event"]) == (200, "message")


def test_refusals_with_codes(server):
    port = server.port
    empty = chat(port, "")
    assert (empty.status, empty.json()) == (
        400,
        {"code": "invalid_param", "message": "query is required", "status": 400},
    )
    no_user = raw(port, "POST", "/chat-messages", {"query": "q", "inputs": {}})
    assert (no_user.status, no_user.json()["message"]) == (400, "Arg user must be provided.")
    broken = raw(
        port, "POST", "/chat-messages", b"{oops", headers={"Content-Type": "application/json"}
    )
    assert (broken.status, broken.json()["code"]) == (400, "bad_request")
    unknown = chat(port, "q", conversation_id=str(uuid.uuid4()))
    assert unknown.status == 404
    assert unknown.json() == {
        "code": "not_found",
        "message": "Conversation Not Exists."
        + hint(
            "/v1/chat-messages",
            "/v1/chat-messages",
            "/api/chat-messages",
            "/v1/chat-messages/<string:task_id>/stop",
        ),
        "status": 404,
    }
    assert unknown.body.startswith(b'{"code":"not_found","message":"Conversation Not Exists.')
    assert b"\\/v1\\/chat-messages" in unknown.body  # Dify escapes slashes
    server.add_app("app-wf", mode="workflow")
    wrong_app = raw(port, "POST", "/chat-messages", {"query": "q", "user": USER}, key="app-wf")
    assert (wrong_app.status, wrong_app.json()["code"]) == (400, "not_chat_app")
    no_key = raw(port, "POST", "/chat-messages", {"query": "q", "user": USER}, key=None)
    assert no_key.status == 401
    assert no_key.header("www-authenticate") == 'Bearer realm="api"'
    errors_start_nothing = server.conversations()
    assert errors_start_nothing == []


def test_another_users_conversation_is_not_found(server):
    first = chat(server.port, "mine", streaming=False).json()
    body = {
        "query": "q",
        "inputs": {},
        "user": "intruder",
        "conversation_id": first["conversation_id"],
    }
    response = raw(server.port, "POST", "/chat-messages", body)
    assert response.status == 404
    assert response.json()["message"].startswith("Conversation Not Exists. You have requested")


def test_stop_answers_success_for_any_task(server):
    response = raw(server.port, "POST", "/chat-messages/not-a-task/stop", {"user": USER})
    assert (response.status, response.json()) == (200, {"result": "success"})
    assert response.body == b'{"result": "success"}\n'
    missing_user = raw(server.port, "POST", "/chat-messages/t/stop", {})
    assert missing_user.status == 400


def test_headers_name_the_version_on_every_answer(server):
    version = "1.16.1" if server.dialect == "1.16" else "1.10.1"
    for response in (
        chat(server.port),
        chat(server.port, ""),
        raw(server.port, "GET", "/elsewhere"),
        raw(server.port, "GET", "/chat-messages"),
    ):
        assert response.header("x-version") == version
        assert response.header("x-env") == "PRODUCTION"
        assert (response.header("vary") == "Cookie") is (server.dialect == "1.16")


def test_wrong_method_is_405_and_unknown_paths_are_html_404(server):
    wrong = raw(server.port, "GET", "/chat-messages")
    assert wrong.status == 405
    assert wrong.json()["code"] == "method_not_allowed"
    assert wrong.header("allow") is None  # Dify's error handler leaves it off
    assert raw(server.port, "OPTIONS", "/chat-messages").header("allow") == "OPTIONS, POST"
    for path in ("/v1/chat-message", "/v1/messages/not-a-uuid/feedbacks", "/elsewhere"):
        page = raw(server.port, "POST", path, {}, key=None)
        assert page.status == 404
        assert page.header("content-type") == "text/html; charset=utf-8"
        assert b"<title>404 Not Found</title>" in page.body


def test_inputs_are_checked_against_the_apps_form(server):
    form = [
        {"text-input": {"variable": "name", "label": "Name", "required": True, "max_length": 5}},
        {
            "select": {
                "variable": "plan",
                "label": "Plan",
                "required": False,
                "options": ["a", "b"],
                "default": "a",
            }
        },
    ]
    server.add_app(KEY, user_input_form=form)
    too_long = chat(server.port, "q", inputs={"name": "abcdefg"})
    assert too_long.status == 400
    assert too_long.json()["code"] == "invalid_param"
    assert server.conversations() == []  # refused before the conversation exists
    ok = chat(server.port, "q", streaming=False, inputs={"name": "Ann"}).json()
    (conversation,) = server.conversations()
    assert conversation.id == ok["conversation_id"]
    assert conversation.inputs == {"name": "Ann", "plan": "a"}  # the default filled in
    listed = raw(server.port, "GET", f"/conversations?user={USER}").json()
    assert listed["data"][0]["inputs"] == {"name": "Ann", "plan": "a"}
