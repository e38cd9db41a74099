"""Typed events of a chat stream: one frozen class per event Dify sends.

Every event keeps the decoded JSON in ``.raw`` and its wire name in ``.event``;
``to_dict()`` / ``to_json()`` give that wire JSON back (a relay writes
``f"data: {event.to_json()}\\n\\n"``) and ``from_json`` reads it. Typed
fields (ids as UUIDs, times as aware UTC datetimes, prices as ``Decimal``) are read from
``raw`` when accessed, so a stream of thousands of events costs one small object each.
A malformed field raises :class:`ResponseDecodeError` when it is read. An event this
version does not know becomes :class:`UnknownEvent`; the stream goes on.

:func:`parse_event` turns one decoded server-sent event (its ``event`` field and data
text) into its class.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from typing import Any, ClassVar, Generic, Self, TypeAlias, TypeVar, overload

import attrs

from .._convert import (
    integer_or_zero,
    json_list,
    json_object,
    optional_float,
    optional_integer,
    optional_text,
    optional_timestamp,
    optional_uuid,
    text_or_empty,
)
from .._exceptions import ResponseDecodeError
from .._models import Model, json_text
from .chat import Usage

__all__ = [
    "AgentLogEvent",
    "AgentMessageEvent",
    "AgentThoughtEvent",
    "ChatEvent",
    "ErrorEvent",
    "HumanInputFormFilledEvent",
    "HumanInputFormTimeoutEvent",
    "HumanInputRequiredEvent",
    "IterationCompletedEvent",
    "IterationNextEvent",
    "IterationStartedEvent",
    "LoopCompletedEvent",
    "LoopNextEvent",
    "LoopStartedEvent",
    "MessageEndEvent",
    "MessageEvent",
    "MessageFileEvent",
    "MessageReplaceEvent",
    "NodeFinishedEvent",
    "NodeRetryEvent",
    "NodeStartedEvent",
    "PingEvent",
    "ReasoningChunkEvent",
    "TextChunkEvent",
    "TextReplaceEvent",
    "TtsMessageEndEvent",
    "TtsMessageEvent",
    "UnknownEvent",
    "WorkflowFinishedEvent",
    "WorkflowPausedEvent",
    "WorkflowStartedEvent",
    "parse_event",
]

T = TypeVar("T")
_SHOWN_CHARS = 40
_MALFORMED = (ValueError, TypeError, OverflowError, OSError)


class _Field(Generic[T]):
    """A typed field read from the event's JSON (top level, or its ``data`` object)."""

    def __init__(
        self, key: str, convert: Callable[[Any, str], T], doc: str, *, in_data: bool = False
    ) -> None:
        self._key = key
        self._convert = convert
        self._in_data = in_data
        self.__doc__ = doc

    @overload
    def __get__(self, event: None, owner: type) -> _Field[T]: ...
    @overload
    def __get__(self, event: _Event, owner: type) -> T: ...
    def __get__(self, event: _Event | None, owner: type) -> _Field[T] | T:
        if event is None:
            return self
        source = event.raw
        if self._in_data:
            data = source.get("data")
            source = data if isinstance(data, dict) else {}
        try:
            return self._convert(source.get(self._key), self._key)
        except _MALFORMED as exc:
            raise ResponseDecodeError(
                f"malformed {event.event!r} event: {exc}",
                raw=json.dumps(event.raw, default=repr, ensure_ascii=False),
            ) from None


def _data_field(key: str, convert: Callable[[Any, str], T], doc: str) -> _Field[T]:
    return _Field(key, convert, doc, in_data=True)


def _usage(value: Any, key: str) -> Usage | None:
    return None if value is None else Usage.from_dict(value)


@attrs.frozen(repr=False)
class _Event(Model):
    """What every event has: the wire name, the JSON and the ids of the turn."""

    raw: dict[str, Any]
    wire_name: ClassVar[str] = ""
    # Typed fields shown in the repr (never whole inputs or outputs: they can be large).
    _shown: ClassVar[tuple[str, ...]] = ()

    @property
    def event(self) -> str:
        """The event's name on the wire (``"message"``, ``"node_started"``, ...)."""
        return self.wire_name

    task_id = _Field("task_id", optional_uuid, "The task id (for ``chat.stop``).")
    conversation_id = _Field("conversation_id", optional_uuid, "The conversation's id.")
    message_id = _Field("message_id", optional_uuid, "The id of the message being answered.")
    workflow_run_id = _Field("workflow_run_id", optional_uuid, "The workflow run's id.")
    created_at = _Field("created_at", optional_timestamp, "When the event was made (UTC).")

    @property
    def data(self) -> dict[str, Any]:
        """The event's ``data`` object (``{}`` when it has none)."""
        data = self.raw.get("data")
        return data if isinstance(data, dict) else {}

    @classmethod
    def from_json(cls, data: Any) -> Self:
        """The event whose wire JSON is ``data`` (the class its ``event`` names).

        Raises :class:`ResponseDecodeError` when ``data`` is not a JSON object or names
        an event of another class than this one.
        """
        if type(data) is not dict:
            raise ResponseDecodeError("stream event is not a JSON object", raw=_text(data))
        kind = data.get("event")
        event = _typed_event(kind if type(kind) is str else "", data)
        if not isinstance(event, cls):
            raise ResponseDecodeError(
                f"a {event.event!r} event is not a {cls.__name__}", raw=_text(data)
            )
        return event

    def to_dict(self) -> dict[str, Any]:
        """The event's wire JSON (a copy), ``event`` naming it even where the server
        named it only in the stream (``ping``)."""
        wire = copy.deepcopy(self.raw)
        wire["event"] = self.event
        return wire

    def to_json(self, indent: int | None = None) -> str:
        """The event's wire JSON as text: one line unless ``indent`` is given."""
        raw = self.raw
        # No copy when the JSON already names the event (every event Dify sends in data).
        return json_text(raw if raw.get("event") == self.event else self.to_dict(), indent)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={_short(getattr(self, name))}" for name in self._shown)
        return f"{type(self).__name__}({shown})"


def _text(data: Any) -> str:
    return json.dumps(data, default=repr, ensure_ascii=False)


def _short(value: Any) -> str:
    text = repr(str(value) if isinstance(value, uuid.UUID) else value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


# --- Message events -----------------------------------------------------------------------


@attrs.frozen(repr=False)
class MessageEvent(_Event):
    """``message``: a piece of the answer (``answer`` is the delta, not the text so far)."""

    wire_name = "message"
    _shown = ("answer",)
    answer = _Field("answer", text_or_empty, "The text added to the answer.")
    from_variable_selector = _Field(
        "from_variable_selector", json_list, "The variable the text came from, if any."
    )


@attrs.frozen(repr=False)
class MessageEndEvent(_Event):
    """``message_end``: the message is complete; usage and sources in ``metadata``."""

    wire_name = "message_end"
    _shown = ("message_id",)
    metadata = _Field("metadata", json_object, "The raw ``metadata`` object.")
    files = _Field("files", json_list, "Files produced by the answer.")

    @property
    def usage(self) -> Usage | None:
        """Tokens and prices of the turn (``None`` when the server sent none)."""
        try:
            return _usage(self.metadata.get("usage"), "usage")
        except _MALFORMED as exc:
            raise ResponseDecodeError(
                f"malformed 'message_end' event: {exc}", raw=json.dumps(self.raw, default=repr)
            ) from None

    @property
    def retriever_resources(self) -> list[Any]:
        """Knowledge sources cited by the answer."""
        resources = self.metadata.get("retriever_resources")
        return resources if isinstance(resources, list) else []


@attrs.frozen(repr=False)
class MessageReplaceEvent(_Event):
    """``message_replace``: the whole answer is replaced (after output moderation)."""

    wire_name = "message_replace"
    _shown = ("answer", "reason")
    answer = _Field("answer", text_or_empty, "The new, whole answer.")
    reason = _Field("reason", optional_text, "Why the answer was replaced.")


@attrs.frozen(repr=False)
class MessageFileEvent(_Event):
    """``message_file``: a file belonging to the message (other app modes)."""

    wire_name = "message_file"
    _shown = ("type", "url")
    file_id = _Field("id", optional_uuid, "The file's id.")
    type = _Field("type", optional_text, "The file's kind (``image``, ...).")
    belongs_to = _Field("belongs_to", optional_text, "``user`` or ``assistant``.")
    url = _Field("url", optional_text, "Where to fetch the file.")


@attrs.frozen(repr=False)
class TtsMessageEvent(_Event):
    """``tts_message``: a piece of the spoken answer (base64 audio)."""

    wire_name = "tts_message"
    audio = _Field("audio", text_or_empty, "Base64-encoded audio.")


@attrs.frozen(repr=False)
class TtsMessageEndEvent(_Event):
    """``tts_message_end``: the spoken answer is complete."""

    wire_name = "tts_message_end"
    audio = _Field("audio", text_or_empty, "Base64-encoded audio (usually empty).")


@attrs.frozen(repr=False)
class AgentMessageEvent(_Event):
    """``agent_message``: a piece of an agent app's answer (a delta, like ``message``)."""

    wire_name = "agent_message"
    _shown = ("answer",)
    answer = _Field("answer", text_or_empty, "The text added to the answer.")


@attrs.frozen(repr=False)
class AgentThoughtEvent(_Event):
    """``agent_thought``: one step of an agent (thought, tool call, observation)."""

    wire_name = "agent_thought"
    _shown = ("position", "tool")
    thought_id = _Field("id", optional_uuid, "The thought's id.")
    position = _Field("position", optional_integer, "The step's position, from 1.")
    thought = _Field("thought", optional_text, "What the agent thought.")
    observation = _Field("observation", optional_text, "What the tool returned.")
    tool = _Field("tool", optional_text, "The tool(s) called.")
    tool_input = _Field("tool_input", optional_text, "The tool input (JSON text).")
    message_files = _Field("message_files", json_list, "Ids of files of the step.")


# --- Workflow events ----------------------------------------------------------------------


@attrs.frozen(repr=False)
class WorkflowStartedEvent(_Event):
    """``workflow_started``: the chatflow's run began."""

    wire_name = "workflow_started"
    _shown = ("workflow_run_id",)
    workflow_id = _data_field("workflow_id", optional_uuid, "The workflow's id.")
    inputs = _data_field("inputs", json_object, "The run's inputs.")
    reason = _data_field("reason", optional_text, "``initial`` or ``resumption`` (1.14+).")


@attrs.frozen(repr=False)
class WorkflowFinishedEvent(_Event):
    """``workflow_finished``: the run ended (``status``: succeeded, failed, stopped, ...)."""

    wire_name = "workflow_finished"
    _shown = ("status", "error")
    status = _data_field("status", optional_text, "How the run ended.")
    outputs = _data_field("outputs", json_object, "The run's outputs (``answer`` among them).")
    error = _data_field("error", optional_text, "Why the run failed, if it did.")
    elapsed_time = _data_field("elapsed_time", optional_float, "Seconds the run took.")
    total_tokens = _data_field("total_tokens", integer_or_zero, "Tokens used by the run.")
    total_steps = _data_field("total_steps", integer_or_zero, "Nodes run.")
    exceptions_count = _data_field("exceptions_count", integer_or_zero, "Node failures handled.")
    files = _data_field("files", json_list, "Files the run produced.")
    finished_at = _data_field("finished_at", optional_timestamp, "When the run ended (UTC).")


@attrs.frozen(repr=False)
class WorkflowPausedEvent(_Event):
    """``workflow_paused`` (1.14+): the run waits (for human input); the stream ends."""

    wire_name = "workflow_paused"
    _shown = ("status",)
    status = _data_field("status", optional_text, "``paused``.")
    outputs = _data_field("outputs", json_object, "Outputs so far.")
    paused_nodes = _data_field("paused_nodes", json_list, "The nodes that wait.")
    reasons = _data_field("reasons", json_list, "Why the run paused.")


class _NodeFields:
    """Fields every node-level event has in its ``data``."""

    __slots__ = ()

    node_execution_id = _data_field("id", optional_uuid, "The node execution's id.")
    node_id = _data_field("node_id", optional_text, "The node's id in the workflow.")
    node_type = _data_field("node_type", optional_text, "``start``, ``llm``, ``answer``, ...")
    title = _data_field("title", optional_text, "The node's title.")
    index = _data_field("index", optional_integer, "The node's position in the run.")


class _NodeStartFields(_NodeFields):
    __slots__ = ()
    predecessor_node_id = _data_field(
        "predecessor_node_id", optional_text, "The node run before this one."
    )
    inputs = _data_field("inputs", json_object, "The node's inputs.")
    iteration_id = _data_field("iteration_id", optional_text, "The enclosing iteration node.")
    loop_id = _data_field("loop_id", optional_text, "The enclosing loop node.")


class _NodeEndFields(_NodeStartFields):
    __slots__ = ()
    status = _data_field("status", optional_text, "``succeeded``, ``failed``, ...")
    outputs = _data_field("outputs", json_object, "The node's outputs.")
    process_data = _data_field("process_data", json_object, "What the node did (prompts, ...).")
    error = _data_field("error", optional_text, "Why the node failed, if it did.")
    elapsed_time = _data_field("elapsed_time", optional_float, "Seconds the node took.")
    execution_metadata = _data_field("execution_metadata", json_object, "Tokens, prices, ...")
    files = _data_field("files", json_list, "Files the node produced.")
    finished_at = _data_field("finished_at", optional_timestamp, "When the node ended (UTC).")


@attrs.frozen(repr=False)
class NodeStartedEvent(_NodeStartFields, _Event):
    """``node_started``: a node of the workflow began."""

    wire_name = "node_started"
    _shown = ("node_id", "node_type", "title")


@attrs.frozen(repr=False)
class NodeFinishedEvent(_NodeEndFields, _Event):
    """``node_finished``: a node ended (``status``, ``outputs``, ``elapsed_time``)."""

    wire_name = "node_finished"
    _shown = ("node_id", "node_type", "title", "status")


@attrs.frozen(repr=False)
class NodeRetryEvent(_NodeEndFields, _Event):
    """``node_retry``: a node failed and runs again (``retry_index`` counts the tries)."""

    wire_name = "node_retry"
    _shown = ("node_id", "title", "retry_index")
    retry_index = _data_field("retry_index", optional_integer, "Which retry this is.")


class _GroupEndFields(_NodeFields):
    __slots__ = ()
    status = _data_field("status", optional_text, "``succeeded``, ``failed``, ...")
    outputs = _data_field("outputs", json_object, "The node's outputs.")
    error = _data_field("error", optional_text, "Why it failed, if it did.")
    elapsed_time = _data_field("elapsed_time", optional_float, "Seconds it took.")
    steps = _data_field("steps", optional_integer, "Rounds run.")


@attrs.frozen(repr=False)
class IterationStartedEvent(_NodeFields, _Event):
    """``iteration_started``: an iteration node began."""

    wire_name = "iteration_started"
    _shown = ("node_id", "title")


@attrs.frozen(repr=False)
class IterationNextEvent(_NodeFields, _Event):
    """``iteration_next``: an iteration node starts its next round (``index``)."""

    wire_name = "iteration_next"
    _shown = ("node_id", "index")


@attrs.frozen(repr=False)
class IterationCompletedEvent(_GroupEndFields, _Event):
    """``iteration_completed``: an iteration node ended."""

    wire_name = "iteration_completed"
    _shown = ("node_id", "status")


@attrs.frozen(repr=False)
class LoopStartedEvent(_NodeFields, _Event):
    """``loop_started``: a loop node began."""

    wire_name = "loop_started"
    _shown = ("node_id", "title")


@attrs.frozen(repr=False)
class LoopNextEvent(_NodeFields, _Event):
    """``loop_next``: a loop node starts its next round (``index``)."""

    wire_name = "loop_next"
    _shown = ("node_id", "index")


@attrs.frozen(repr=False)
class LoopCompletedEvent(_GroupEndFields, _Event):
    """``loop_completed``: a loop node ended."""

    wire_name = "loop_completed"
    _shown = ("node_id", "status")


@attrs.frozen(repr=False)
class AgentLogEvent(_Event):
    """``agent_log``: a log line of an agent node (``data``: label, status, data, ...)."""

    wire_name = "agent_log"
    _shown = ("label", "status")
    node_id = _data_field("node_id", optional_text, "The agent node's id.")
    label = _data_field("label", optional_text, "What the step is.")
    status = _data_field("status", optional_text, "The step's status.")


@attrs.frozen(repr=False)
class TextChunkEvent(_Event):
    """``text_chunk``: a piece of a workflow's streamed text (workflow apps)."""

    wire_name = "text_chunk"
    _shown = ("text",)
    text = _data_field("text", text_or_empty, "The text added.")
    from_variable_selector = _data_field(
        "from_variable_selector", json_list, "The variable the text came from."
    )


@attrs.frozen(repr=False)
class TextReplaceEvent(_Event):
    """``text_replace``: a workflow's streamed text is replaced (workflow apps)."""

    wire_name = "text_replace"
    _shown = ("text",)
    text = _data_field("text", text_or_empty, "The new, whole text.")


@attrs.frozen(repr=False)
class ReasoningChunkEvent(_Event):
    """``reasoning_chunk`` (1.14+): a piece of a model's reasoning; read it in ``data``."""

    wire_name = "reasoning_chunk"


# --- Human input (1.14+) ------------------------------------------------------------------


@attrs.frozen(repr=False)
class HumanInputRequiredEvent(_Event):
    """``human_input_required``: a Human Input node waits for a form to be submitted."""

    wire_name = "human_input_required"
    _shown = ("node_id", "node_title", "form_id")
    form_id = _data_field("form_id", optional_text, "The form's id.")
    node_id = _data_field("node_id", optional_text, "The Human Input node's id.")
    node_title = _data_field("node_title", optional_text, "The node's title.")
    form_content = _data_field("form_content", optional_text, "The form's text (markdown).")
    inputs = _data_field("inputs", json_list, "The form's fields.")
    actions = _data_field("actions", json_list, "The buttons that submit the form.")
    form_token = _data_field("form_token", optional_text, "The token to submit the form.")
    expiration_time = _data_field("expiration_time", optional_timestamp, "When the form expires.")


@attrs.frozen(repr=False)
class HumanInputFormFilledEvent(_Event):
    """``human_input_form_filled``: a waiting form was submitted."""

    wire_name = "human_input_form_filled"
    _shown = ("node_id", "action_id")
    node_id = _data_field("node_id", optional_text, "The Human Input node's id.")
    node_title = _data_field("node_title", optional_text, "The node's title.")
    rendered_content = _data_field("rendered_content", optional_text, "The form as filled.")
    action_id = _data_field("action_id", optional_text, "The action chosen.")
    action_text = _data_field("action_text", optional_text, "The chosen action's title.")


@attrs.frozen(repr=False)
class HumanInputFormTimeoutEvent(_Event):
    """``human_input_form_timeout``: a waiting form expired."""

    wire_name = "human_input_form_timeout"
    _shown = ("node_id",)
    node_id = _data_field("node_id", optional_text, "The Human Input node's id.")
    node_title = _data_field("node_title", optional_text, "The node's title.")
    expiration_time = _data_field("expiration_time", optional_timestamp, "When the form expired.")


# --- Stream control -----------------------------------------------------------------------


@attrs.frozen(repr=False)
class ErrorEvent(_Event):
    """``error``: the run failed mid-stream (the stream raises ``ChatStreamError``)."""

    wire_name = "error"
    _shown = ("status", "code", "message")
    code = _Field("code", optional_text, "Dify's error code.")
    status = _Field("status", optional_integer, "The HTTP status the error would have had.")
    message = _Field("message", text_or_empty, "What went wrong.")


@attrs.frozen(repr=False)
class PingEvent(_Event):
    """``ping``: a keep-alive, sent every 10 s while the run is busy."""

    wire_name = "ping"


@attrs.frozen(repr=False)
class UnknownEvent(_Event):
    """An event this version does not know: its name in ``event``, its JSON in ``raw``."""

    name: str = ""
    _shown = ("event",)

    @property
    def event(self) -> str:
        """The event's name on the wire."""
        return self.name


ChatEvent: TypeAlias = (
    MessageEvent
    | MessageEndEvent
    | MessageReplaceEvent
    | MessageFileEvent
    | TtsMessageEvent
    | TtsMessageEndEvent
    | AgentMessageEvent
    | AgentThoughtEvent
    | WorkflowStartedEvent
    | WorkflowFinishedEvent
    | WorkflowPausedEvent
    | NodeStartedEvent
    | NodeFinishedEvent
    | NodeRetryEvent
    | IterationStartedEvent
    | IterationNextEvent
    | IterationCompletedEvent
    | LoopStartedEvent
    | LoopNextEvent
    | LoopCompletedEvent
    | AgentLogEvent
    | TextChunkEvent
    | TextReplaceEvent
    | ReasoningChunkEvent
    | HumanInputRequiredEvent
    | HumanInputFormFilledEvent
    | HumanInputFormTimeoutEvent
    | ErrorEvent
    | PingEvent
    | UnknownEvent
)
"""Any event of a chat stream."""


def _collect(base: type) -> dict[str, type[Any]]:
    found: dict[str, type[Any]] = {}
    cls: type[Any]
    for cls in base.__subclasses__():
        name = getattr(cls, "wire_name", "")
        if name and issubclass(cls, _Event) and cls is not UnknownEvent:
            found[name] = cls
        found.update(_collect(cls))
    return found


# Every event class by its wire name, found from the classes above.
_BY_NAME: dict[str, type[Any]] = _collect(_Event)


def parse_event(name: str, data: str) -> ChatEvent:
    """The typed event for one server-sent event: its ``event`` field and its data text.

    Dify names the event in the JSON (``{"event": "message", ...}``); only keep-alives
    name it in the SSE ``event`` field, with no data (``event: ping``). An unknown name
    gives :class:`UnknownEvent`. Raises :class:`ResponseDecodeError` when the data is not
    a JSON object.
    """
    if data:
        try:
            raw = json.loads(data)
        except ValueError:
            raise ResponseDecodeError("stream event is not JSON", raw=data) from None
        if type(raw) is not dict:
            raise ResponseDecodeError("stream event is not a JSON object", raw=data)
        kind = raw.get("event")
        if type(kind) is not str:
            kind = name
    else:
        raw = {}
        kind = name
    return _typed_event(kind, raw)


def _typed_event(kind: str, raw: dict[str, Any]) -> ChatEvent:
    """The event of class ``kind`` names over ``raw`` (:class:`UnknownEvent` for a name
    this version does not know)."""
    cls = _BY_NAME.get(kind)
    if cls is None:
        return UnknownEvent(raw, kind)
    # What the class's own __init__ does, a third cheaper: one C call sets the one slot
    # (a stream can bring tens of thousands of events).
    event: ChatEvent = _new(cls)
    _set_raw(event, raw)
    return event


_new = object.__new__
_set_raw = _Event.__dict__["raw"].__set__  # the slot's own setter, below frozen __setattr__
