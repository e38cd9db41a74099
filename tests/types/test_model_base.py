"""Every model the package returns shares one base: built from the server's JSON, handed on
as JSON-ready data (``to_dict`` / ``to_json``); events as their wire JSON."""

from __future__ import annotations

import base64
import datetime as dt
import inspect
import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import dify_chatflow
import pytest
from client_support import CLIENT_KINDS, ClientFactory
from dify_chatflow import (
    Annotation,
    AnnotationReplyJob,
    AppFeedback,
    AppParameters,
    AsyncPager,
    AsyncStreamManager,
    AudioContent,
    ChatReply,
    ChatStream,
    ConversationVariable,
    DifyError,
    FileContent,
    FormAction,
    FormField,
    HumanInputForm,
    MessageEvent,
    NodeStartedEvent,
    PingEvent,
    ResponseDecodeError,
    SelectField,
    SyncPager,
    TextInputField,
    ToolIcon,
    UnknownEvent,
    WorkflowLog,
    WorkflowPause,
    WorkflowStartedEvent,
)
from dify_chatflow._models import Model, json_ready
from dify_chatflow._streaming import SSEDecoder
from dify_chatflow.testing import ConversationSnapshot, DifyTestServer, HumanInput
from dify_chatflow.types.events import parse_event

USER = "abc-123"
SECRET = "tok-SECRET-42"
WORKFLOW_KEY = "app-workflow"
SPEECH = b"ID3\x04\x00\xff speech"
VARIABLES: list[dict[str, object]] = [
    {"name": "visits", "value_type": "number", "value": 3},
    {"name": "api_token", "value_type": "secret", "value": SECRET},
    {"name": "profile", "value_type": "object", "value": {"city": "Lyon"}},
]
FORM: list[dict[str, object]] = [
    {"text-input": {"variable": "name", "label": "Name", "required": False, "max_length": 20}},
    {"select": {"variable": "plan", "label": "Plan", "options": ["free", "gold"]}},
]


def _responder(query: str, inputs: Mapping[str, object], conversation: ConversationSnapshot):
    if query == "deploy?":
        yield "Checking. "
        yield HumanInput("Deploy?", actions=["approve"], inputs=["comment"])
    yield f"You said {query}"


def _speak(text: str) -> bytes:
    return SPEECH + text.encode()


def _public_models() -> list[type[Any]]:
    return [
        obj
        for name in dify_chatflow.__all__
        if inspect.isclass(obj := getattr(dify_chatflow, name)) and attrs.has(obj)
    ]


@pytest.mark.parametrize("model", _public_models(), ids=lambda cls: cls.__name__)
def test_every_public_model_shares_the_base_and_reads_its_own_json(model: type[Any]) -> None:
    assert issubclass(model, Model)
    assert model.from_json.__func__ is not Model.from_json.__func__  # type: ignore[attr-defined]


def test_the_base_itself_reads_no_json() -> None:
    with pytest.raises(DifyError, match="call from_json on a model class"):
        Model.from_json({})


def _walk(value: Any) -> Iterator[Model]:
    """Every model in ``value``, nested ones included."""
    if isinstance(value, Model):
        yield value
        model: Any = type(value)
        for field in attrs.fields(model):
            if field.init:
                yield from _walk(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item)


def _assert_plain_json(data: Any, where: str) -> None:
    if isinstance(data, dict):
        for key, item in data.items():
            assert isinstance(key, str), where
            _assert_plain_json(item, f"{where}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _assert_plain_json(item, f"{where}[{index}]")
    else:
        assert data is None or type(data) in (str, int, float, bool), (where, data)


async def _read_async(stream: Any) -> list[Any]:
    async with stream as opened:
        return [event async for event in opened]


async def _pages(pager: Any) -> list[Any]:
    return [item async for item in pager]


def _gather(
    client: Any, workflow_client: Any, run: Callable[[Any], Any], upload: Path
) -> dict[str, Any]:
    """One of every kind of value ``client`` returns (``workflow_client``: a workflow-mode
    app's, for its logs); ``run`` gives an async client's result (a coroutine's value, a
    stream's events, a pager's items)."""
    file = run(client.files.upload(upload))
    reply = run(client.chat.send("hi", inputs={"name": "Ann", "plan": "gold"}, files=[file]))
    conversation_id = reply.conversation_id
    events = run(client.chat.stream("again", conversation_id=conversation_id))
    paused = run(client.chat.send("deploy?", conversation_id=conversation_id))
    assert paused.paused is not None
    started = next(e for e in events if isinstance(e, WorkflowStartedEvent))
    assert started.workflow_run_id is not None
    run(client.messages.feedback(reply.message_id, "like", content="good"))
    end_user_id = file.created_by  # the server's own id of the end user (a run has the user)
    assert end_user_id is not None
    return {
        "reply": reply,
        "paused": paused,
        "events": events,
        "file": file,
        "conversations": run(client.conversations.list()),
        "messages": run(client.messages.list(conversation_id)),
        "variables": run(client.variables.list(conversation_id)),
        "run": run(client.workflows.get_run(started.workflow_run_id)),
        "end_user": run(client.end_users.get(end_user_id)),
        "form": run(client.forms.get(paused.paused.forms[0].form_token)),
        "app": [
            run(client.app.info()),
            run(client.app.parameters()),
            run(client.app.meta()),
            run(client.app.site()),
        ],
        "file_content": run(client.files.preview(file.id)),
        "audio": run(client.audio.to_audio("hi")),
        "annotation": run(client.annotations.create("Refunds?", "Within 30 days.")),
        "annotations": run(client.annotations.list()),
        "reply_job": run(
            client.annotations.enable_reply(
                embedding_provider_name="openai",
                embedding_model_name="text-embedding-3-small",
                score_threshold=0.9,
            )
        ),
        "feedbacks": run(client.app.feedbacks()),
        "logs": run(workflow_client.workflows.logs()),
    }


@pytest.fixture(scope="module", params=CLIENT_KINDS)
def returned(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """One of every kind of value the client returns, from the embedded server, through
    each kind of client."""
    upload = Path(tmp_path_factory.mktemp("upload")) / "notes.txt"
    upload.write_text("hello")
    factory = ClientFactory(request.param)
    loop = factory.loop

    def run(value: Any) -> Any:
        if loop is None:
            if isinstance(value, ChatStream):
                with value as opened:
                    return list(opened)
            return list(value) if isinstance(value, SyncPager) else value
        if isinstance(value, AsyncPager):
            return loop.run_until_complete(_pages(value))
        if isinstance(value, AsyncStreamManager):
            return loop.run_until_complete(_read_async(value))
        return loop.run_until_complete(value)

    try:
        with DifyTestServer(dialect="1.16") as server:
            server.add_app(
                server.api_key,
                variables=VARIABLES,
                responder=_responder,
                user_input_form=FORM,
                file_upload=True,
                text_to_speech=_speak,
            )
            server.add_app(WORKFLOW_KEY, mode="workflow")
            server.add_workflow_log(api_key=WORKFLOW_KEY, user=USER, status="failed", error="x")
            client = factory(server, api_key=server.api_key, user=USER)._target
            workflow_client = factory(server, api_key=WORKFLOW_KEY, user=USER)._target
            yield _gather(client, workflow_client, run, upload)
    finally:
        factory.close()


def test_every_returned_model_is_json_ready(returned: dict[str, Any]) -> None:
    models = list(_walk(list(returned.values())))
    kinds = {type(model).__name__ for model in models}
    assert {
        "ChatReply",
        "Usage",
        "WorkflowPause",
        "HumanInputRequest",
        "FormAction",
        "FormInput",
        "UploadedFile",
        "Conversation",
        "Message",
        "MessageFile",
        "ConversationVariable",
        "WorkflowRun",
        "EndUser",
        "HumanInputForm",
        "AppInfo",
        "AppParameters",
        "TextInputField",
        "SelectField",
        "Feature",
        "SystemParameters",
        "AppMeta",
        "AppSite",
        "MessageEvent",
        "MessageEndEvent",
        "WorkflowStartedEvent",
        "WorkflowFinishedEvent",
        "FileContent",
        "AudioContent",
        "Annotation",
        "AnnotationReplyJob",
        "AppFeedback",
        "WorkflowLog",
        "WorkflowLogRun",
        "WorkflowLogEndUser",
    } <= kinds
    for model in models:
        data = model.to_dict()
        _assert_plain_json(data, type(model).__name__)
        assert json.loads(model.to_json()) == data
        assert "\n" not in model.to_json()
        assert json.loads(model.to_json(2)) == data


def test_ids_decimals_and_times_become_text(returned: dict[str, Any]) -> None:
    reply: ChatReply = returned["reply"]
    data = reply.to_dict()
    assert data["conversation_id"] == str(reply.conversation_id)
    assert uuid.UUID(data["message_id"]) == reply.message_id
    assert data["created_at"] == reply.created_at.isoformat()
    assert dt.datetime.fromisoformat(data["created_at"]).utcoffset() == dt.timedelta(0)
    usage = data["usage"]
    assert usage["total_price"] == str(reply.usage.total_price)
    assert Decimal(usage["total_price"]) == reply.usage.total_price
    assert usage["total_tokens"] == reply.usage.total_tokens
    assert data["paused"] is None


def test_a_paused_reply_hands_on_its_forms(returned: dict[str, Any]) -> None:
    paused: ChatReply = returned["paused"]
    assert paused.paused is not None
    data = paused.to_dict()["paused"]
    assert data["workflow_run_id"] == str(paused.paused.workflow_run_id)
    [form] = data["forms"]
    assert form["form_token"] == paused.paused.forms[0].form_token
    fetched = returned["form"].to_dict()
    assert fetched["form_token"] == form["form_token"]
    assert fetched["actions"] == [{"id": "approve", "title": "Approve", "button_style": "default"}]
    assert [item["output_variable_name"] for item in fetched["inputs"]] == ["comment"]


def test_content_bytes_become_base64_text_that_reads_back(returned: dict[str, Any]) -> None:
    preview: FileContent = returned["file_content"]
    audio: AudioContent = returned["audio"]
    assert preview.content == b"hello"
    assert audio.content == SPEECH + b"hi"
    preview_data, audio_data = preview.to_dict(), audio.to_dict()
    assert preview_data == {
        "content": base64.b64encode(b"hello").decode(),
        "mime_type": preview.mime_type,
        "filename": preview.filename,
        "size": 5,
        "charset": preview.charset,
    }
    assert audio_data == {
        "content": base64.b64encode(SPEECH + b"hi").decode(),
        "mime_type": "audio/mpeg",
    }
    assert FileContent.from_json(json.loads(preview.to_json())) == preview
    assert AudioContent.from_json(json.loads(audio.to_json())) == audio


def test_annotations_feedbacks_and_logs_hand_on_their_ids_and_times(
    returned: dict[str, Any],
) -> None:
    note: Annotation = returned["annotation"]
    assert note.to_dict() == {
        "id": str(note.id),
        "question": "Refunds?",
        "answer": "Within 30 days.",
        "hit_count": 0,
        "created_at": note.created_at.isoformat(),
    }
    assert [item["id"] for item in json_ready(returned["annotations"])] == [str(note.id)]
    job: AnnotationReplyJob = returned["reply_job"]
    assert job.to_dict() == {
        "job_id": str(job.job_id),
        "action": "enable",
        "status": "waiting",
        "error_message": None,
    }
    [feedback] = returned["feedbacks"]
    data = feedback.to_dict()
    assert (data["message_id"], data["rating"]) == (str(returned["reply"].message_id), "like")
    assert dt.datetime.fromisoformat(data["created_at"]) == feedback.created_at
    [log] = returned["logs"]
    data = log.to_dict()
    assert (data["workflow_run"]["status"], data["workflow_run"]["error"]) == ("failed", "x")
    assert data["created_by_end_user"]["session_id"] == USER
    assert data["created_by_account"] is None


def test_a_log_started_from_the_console_hands_on_its_account() -> None:
    account_id = uuid.UUID(int=7)
    log = WorkflowLog.from_json(
        {
            "id": str(uuid.UUID(int=1)),
            "created_by_role": "account",
            "created_by_account": {"id": str(account_id), "name": "Ann", "email": None},
            "created_at": 1_764_578_000,
        }
    )
    data = log.to_dict()
    assert data["created_by_account"] == {"id": str(account_id), "name": "Ann", "email": None}
    assert data["created_at"] == "2025-12-01T08:33:20+00:00"
    assert json.loads(log.to_json()) == data


def test_a_reply_job_takes_its_action_from_the_call_or_the_data() -> None:
    answer = {"job_id": str(uuid.UUID(int=3)), "job_status": "completed"}
    assert AnnotationReplyJob.from_json(answer, "disable").action == "disable"
    assert AnnotationReplyJob.from_json({**answer, "action": "enable"}).action == "enable"
    with pytest.raises(ResponseDecodeError, match="'action' must be 'enable' or 'disable'"):
        AnnotationReplyJob.from_json(answer)


def test_a_secret_variable_stays_masked_unless_asked(returned: dict[str, Any]) -> None:
    variables: list[ConversationVariable] = returned["variables"]
    token = next(variable for variable in variables if variable.name == "api_token")
    assert SECRET not in token.to_json()
    assert SECRET not in json.dumps(json_ready(variables))
    assert token.to_dict(reveal_secrets=True)["value"] == SECRET
    assert json.loads(token.to_json(reveal_secrets=True))["value"] == SECRET
    profile = next(variable for variable in variables if variable.name == "profile")
    assert json.loads(profile.to_json())["value"] == {"city": "Lyon"}


def test_form_fields_name_their_control(returned: dict[str, Any]) -> None:
    parameters: AppParameters = returned["app"][1]
    data = parameters.to_dict()
    assert [field["control"] for field in data["user_input_form"]] == ["text-input", "select"]
    assert data["user_input_form"][1]["options"] == ["free", "gold"]
    assert data["file_upload"]["enabled"] is parameters.file_upload.enabled


def test_an_event_is_its_wire_json_and_relays_through_the_sse_decoder(
    returned: dict[str, Any],
) -> None:
    events = returned["events"]
    relayed = "".join(f"data: {event.to_json()}\n\n" for event in events).encode()
    decoder = SSEDecoder()
    decoded = decoder.feed(relayed)
    again = [parse_event(name, data) for name, data in decoded]
    assert [type(event) for event in again] == [type(event) for event in events]
    assert [event.to_dict() for event in again] == [event.to_dict() for event in events]
    for event in events:
        assert event.to_dict() == {**event.raw, "event": event.event}
        assert type(event).from_json(event.to_dict()).raw == event.to_dict()


def test_a_ping_named_only_in_the_stream_keeps_its_name() -> None:
    ping = parse_event("ping", "")
    assert isinstance(ping, PingEvent)
    assert ping.to_dict() == {"event": "ping"}
    [(name, data)] = SSEDecoder().feed(f"data: {ping.to_json()}\n\n".encode())
    assert isinstance(parse_event(name, data), PingEvent)


def test_to_dict_gives_a_copy_of_the_wire_json() -> None:
    event = MessageEvent.from_json({"event": "message", "answer": "hi", "metadata": {"k": [1]}})
    data = event.to_dict()
    data["metadata"]["k"].append(2)
    assert event.raw["metadata"] == {"k": [1]}


def test_an_event_is_read_by_the_class_its_json_names() -> None:
    wire = {"event": "node_started", "data": {"node_id": "llm", "title": "LLM"}}
    assert isinstance(NodeStartedEvent.from_json(wire), NodeStartedEvent)
    unknown = UnknownEvent.from_json({"event": "brand_new", "x": 1})
    assert unknown.event == "brand_new"
    assert unknown.to_dict() == {"event": "brand_new", "x": 1}
    with pytest.raises(ResponseDecodeError, match="'node_started' event is not a MessageEvent"):
        MessageEvent.from_json(wire)
    with pytest.raises(ResponseDecodeError, match="not a JSON object"):
        MessageEvent.from_json(["message"])


def test_a_form_field_is_read_by_its_control_type() -> None:
    item = {"select": {"variable": "plan", "label": "Plan", "options": ["a", "b"]}}
    field = FormField.from_json(item)
    assert isinstance(field, SelectField)
    assert SelectField.from_json(item) == field
    assert field.to_dict()["control"] == "select"
    with pytest.raises(ResponseDecodeError, match="'select' form field is not a TextInputField"):
        TextInputField.from_json(item)
    with pytest.raises(ResponseDecodeError):
        FormField.from_json({"select": {"label": "no variable"}})


@pytest.mark.parametrize(
    ("read", "data"),
    [
        (FormAction.from_json, {"title": "no id"}),
        (ToolIcon.from_json, {"background": "#fff"}),
        (WorkflowPause.from_json, {"reasons": "not a list"}),
        (ChatReply.from_json, {"answer": "no ids"}),
        (ConversationVariable.from_json, []),
        (dify_chatflow.Feature.from_json, {"enabled": "maybe"}),
        (dify_chatflow.SystemParameters.from_json, {"file_size_limit": "big"}),
        (dify_chatflow.Usage.from_json, {"total_tokens": "many"}),
        (FileContent.from_json, {"content": "not base64!", "mime_type": "text/plain"}),
        (FileContent.from_json, {"content": "eA==", "mime_type": "text/plain", "size": 5}),
        (AudioContent.from_json, {"content": b"raw bytes", "mime_type": "audio/mpeg"}),
        (AudioContent.from_json, {"content": "eA=="}),
        (Annotation.from_json, {"id": "not-a-uuid", "question": "q", "answer": "a"}),
        (AnnotationReplyJob.from_json, {"job_id": str(uuid.UUID(int=3)), "action": "on"}),
        (AppFeedback.from_json, {"id": str(uuid.UUID(int=4)), "message_id": 5}),
        (WorkflowLog.from_json, {"id": str(uuid.UUID(int=5)), "workflow_run": {"id": 1}}),
        (dify_chatflow.WorkflowLogAccount.from_json, {"name": "no id"}),
        (dify_chatflow.WorkflowLogEndUser.from_json, "not an object"),
        (dify_chatflow.WorkflowLogRun.from_json, {"id": str(uuid.UUID(int=6)), "status": 1}),
    ],
)
def test_malformed_json_is_a_response_decode_error(read: Any, data: Any) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        read(data)
    assert isinstance(caught.value, DifyError)


def test_a_fetched_form_takes_its_token_from_the_call_or_the_data() -> None:
    answer = {"form_content": "Deploy?", "inputs": [], "user_actions": [{"id": "ok"}]}
    assert HumanInputForm.from_json(answer, form_token="tok").form_token == "tok"
    assert HumanInputForm.from_json({**answer, "form_token": "t2"}).form_token == "t2"
    with pytest.raises(ResponseDecodeError, match="form_token"):
        HumanInputForm.from_json(answer)


def test_json_ready_makes_every_value_plain_json() -> None:
    naive = dt.datetime(2026, 1, 2, 3, 4, 5)
    data = json_ready(
        {
            "when": naive,
            "day": dt.date(2026, 1, 2),
            "blob": b"\x00\xff",
            "tags": {"b", "a"},
            "pair": (1, Decimal("0.10")),
            "id": uuid.UUID(int=1),
            "icon": ToolIcon(content="x"),
        }
    )
    assert data == {
        "when": "2026-01-02T03:04:05+00:00",
        "day": "2026-01-02",
        "blob": base64.b64encode(b"\x00\xff").decode(),
        "tags": ["a", "b"],
        "pair": [1, "0.10"],
        "id": "00000000-0000-0000-0000-000000000001",
        "icon": {"content": "x", "background": None},
    }
