"""``client.chat``: send a message (blocking or streaming), stop a turn, recover a broken one.

:class:`_ChatFlows` holds the operations, written once as flows (see ``_flows``);
:class:`Chat` and :class:`AsyncChat` are thin shells. A chat message runs the workflow
(and bills its models) each time it reaches the server, so it is never sent twice: it is
retried only when the connection could not even be made.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, Final, TypeVar

import httpx

from .. import _binding
from .._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    ClientCore,
    Flow,
    RequestOptions,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
    decode_json,
)
from .._constants import (
    BLOCKING_CHAT_TIMEOUT,
    RECOVERY_POLL_INTERVAL,
    RECOVERY_TIMEOUT,
    STREAM_TIMEOUT,
)
from .._exceptions import (
    ChatStreamError,
    ConfigurationError,
    NotFoundError,
    RecoveryError,
    ResponseDecodeError,
    StreamInterruptedError,
)
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from .messages import _MessageFlows
from .workflows import RUN_EVENTS, _WorkflowFlows

if TYPE_CHECKING:
    from uuid import UUID

    from .._run_streams import (
        AsyncRecoveredChatStream,
        AsyncResumedChatStream,
        RecoveredChatStream,
        ResumedChatStream,
        ResumeOrigin,
        ResumeState,
    )
    from .._streaming import AsyncChatStream, AsyncStreamManager, ChatStream
    from ..types.app import AppParameters
    from ..types.chat import ChatReply
    from ..types.files import UploadedFile
    from ..types.messages import Message

__all__ = ["AsyncChat", "AsyncChatWithRawResponse", "Chat", "ChatWithRawResponse"]

R = TypeVar("R")

_CHAT_STREAM: Final = "a streaming chat message"

#: The file types and transfer methods ``POST /chat-messages`` accepts in ``files``.
FILE_TYPES: Final = ("image", "document", "audio", "video", "custom")
TRANSFER_METHODS: Final = ("local_file", "remote_url")

logger = logging.getLogger("dify_chatflow")


class _ChatFlows:
    """The chat operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core
        self._workflows = _WorkflowFlows(core)
        self._messages = _MessageFlows(core)

    def payload(
        self,
        query: str,
        *,
        streaming: bool,
        conversation_id: str | UUID | None,
        inputs: Mapping[str, Any] | None,
        files: Iterable[UploadedFile | Mapping[str, Any]] | None,
        auto_generate_name: bool,
        parameters: AppParameters | None,
        options: RequestOptions,
    ) -> dict[str, Any]:
        """The request body, every argument checked first (nothing is sent on a refusal)."""
        core = self._core
        if type(query) is not str or not query:
            raise ConfigurationError(
                f"query must be a non-empty str (Dify answers 400 'query is required'), "
                f"got {query!r}"[:200]
            )
        if type(auto_generate_name) is not bool:
            raise ConfigurationError(
                f"auto_generate_name must be a bool, got {auto_generate_name!r}"
            )
        body: dict[str, Any] = {
            "query": query,
            "inputs": _checked_inputs(inputs, parameters),
            "response_mode": "streaming" if streaming else "blocking",
            "user": core.end_user(options.user),
            "auto_generate_name": auto_generate_name,
        }
        if conversation_id is not None:
            body["conversation_id"] = str(core.uuid(conversation_id, "conversation_id"))
        if files is not None:
            body["files"] = [_checked_file(core, item, index) for index, item in _items(files)]
        return body

    def send_flow(self, payload: dict[str, Any], *, options: RequestOptions) -> Flow[ChatReply]:
        """A blocking turn: the whole answer once the workflow has run."""
        from ..types.chat import ChatReply

        request = _binding.build("chat.send", body=payload)
        response = yield from self._core.execute(
            request,
            options,
            default_timeout=BLOCKING_CHAT_TIMEOUT,
            idempotent=False,
        )
        body = decode_json(response)
        try:
            return ChatReply.from_blocking(body)
        except ResponseDecodeError as exc:
            exc.response = response
            raise

    def open_flow(
        self, payload: dict[str, Any], *, options: RequestOptions
    ) -> Flow[httpx.Response]:
        """A streaming turn: the open response (the stream's read timeout is its idle time)."""
        request = _binding.build("chat.send", body=payload)
        response = yield from self._core.execute(
            request,
            options,
            default_timeout=STREAM_TIMEOUT,
            idempotent=False,
            stream=True,
        )
        return response

    def stop_flow(
        self,
        task_id: str | UUID,
        *,
        options: RequestOptions,
    ) -> Flow[None]:
        """Stop a running turn (idempotent: a finished or unknown task answers success too)."""
        core = self._core
        request = _binding.build(
            "chat.stop", core.uuid(task_id, "task_id"), body={"user": core.end_user(options.user)}
        )
        response = yield from core.execute(request, options)
        body = decode_json(response)
        if not (isinstance(body, dict) and body.get("result") == "success"):
            raise ResponseDecodeError(
                "expected {'result': 'success'} from the stop request",
                raw=response.text,
                response=response,
            )

    def stopper(
        self, run: Callable[[Flow[None]], R], *, options: RequestOptions
    ) -> Callable[[str], R]:
        """How a stream stops its turn: :meth:`stop_flow` for a task id, for the end user
        ``options`` names now (the stream's), with the client's timeout and retries, run
        by the client's ``run`` (sync: ``None``; async: an awaitable of it)."""
        stop_options = RequestOptions(user=self._core.end_user(options.user))
        return lambda task_id: run(self.stop_flow(task_id, options=stop_options))

    def recover_flow(
        self, error: StreamInterruptedError, *, options: RequestOptions, timeout: float
    ) -> Flow[ChatReply]:
        """The final reply of a turn whose stream broke, from what the server kept.

        Waits (at most ``timeout`` seconds) for the run to leave ``running``, then takes the
        answer from the message history (newer servers save it) or the run's outputs
        (Dify 1.10 keeps an empty answer in the history after a dropped stream).
        """
        if not isinstance(error, StreamInterruptedError):
            raise ConfigurationError(
                "recover() takes the StreamInterruptedError a broken stream raised, got "
                f"{type(error).__name__}"
            )
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0:
            raise ConfigurationError(f"timeout must be a number of seconds >= 0, got {timeout!r}")
        run_id, conversation_id, message_id, task_id = _turn_ids(error, "recover")
        deadline = time.monotonic() + timeout
        delay = RECOVERY_POLL_INTERVAL
        while True:
            run = yield from self._workflows.get_run_flow(run_id, options=RequestOptions())
            if run.status != "running":
                break
            left = deadline - time.monotonic()
            if left <= 0:
                raise RecoveryError(
                    f"workflow run {run_id} is still running after {timeout:g} s; call "
                    "recover() again later, or stop it with chat.stop(error.task_id)",
                    error=error,
                )
            yield min(delay, left)
            delay = min(delay * 2, 2.0)
        if run.status != "succeeded":
            detail = f": {run.error}" if run.error else ""
            raise RecoveryError(
                f"workflow run {run_id} ended {run.status}{detail}; there is no answer to recover",
                error=error,
            )
        message = yield from self._message_in_history(conversation_id, message_id, options)
        answer = message.answer if message is not None and message.answer else None
        if answer is None:
            kept = run.outputs.get("answer")
            answer = kept if isinstance(kept, str) and kept else None
        if answer is None:
            raise RecoveryError(
                f"workflow run {run_id} succeeded, but its answer was kept nowhere (neither "
                "in the message history nor in the run's outputs)",
                error=error,
            )
        from ..types.chat import ChatReply

        return ChatReply(
            answer=answer,
            conversation_id=conversation_id,
            message_id=message_id,
            task_id=task_id,
            created_at=message.created_at if message is not None else run.created_at,
            workflow_run_id=run_id,
        )

    # -- resuming a paused or broken turn (GET /workflow/{run}/events, Dify 1.14+) --------

    def resume_origin(self, reply_or_error: ChatReply | StreamInterruptedError) -> ResumeOrigin:
        """What the caller had of the turn to resume: a paused reply, or a broken stream's
        error (checked: nothing is sent for one that cannot be resumed)."""
        from .._run_streams import ResumeOrigin
        from ..types.chat import ChatReply

        if isinstance(reply_or_error, StreamInterruptedError):
            error = reply_or_error
            run_id, conversation_id, message_id, task_id = _turn_ids(error, "resume")
            return ResumeOrigin(
                workflow_run_id=run_id,
                conversation_id=conversation_id,
                message_id=message_id,
                task_id=task_id,
                created_at=None,
                answer=error.answer_so_far,
                paused=False,
            )
        if isinstance(reply_or_error, ChatReply):
            reply = reply_or_error
            if reply.paused is None:
                raise ConfigurationError(
                    "resume() takes a paused reply (reply.paused is set) or the "
                    "StreamInterruptedError of a broken stream; this reply is complete"
                )
            return ResumeOrigin(
                workflow_run_id=reply.paused.workflow_run_id,
                conversation_id=reply.conversation_id,
                message_id=reply.message_id,
                task_id=reply.task_id,
                created_at=reply.created_at.timestamp(),
                answer=reply.answer,
                paused=True,
            )
        raise ConfigurationError(
            "resume() takes a paused ChatReply or a StreamInterruptedError, got "
            f"{type(reply_or_error).__name__}"
        )

    def resume_flow(
        self,
        origin: ResumeOrigin,
        reply_or_error: ChatReply | StreamInterruptedError,
        *,
        options: RequestOptions,
        recovery_timeout: float,
    ) -> Flow[httpx.Response | ChatReply]:
        """The open events of the turn's run (``origin``, checked from
        ``reply_or_error``), or, on a server without the endpoint (an HTML 404: Dify
        before 1.14), the reply ``recover`` builds from a broken stream."""
        error = reply_or_error if isinstance(reply_or_error, StreamInterruptedError) else None
        if origin.paused and not origin.answer:
            # A paused reply without text may come from a server that leaves the text so
            # far out of it; the history holds that text while the run waits.
            message = yield from self._message_in_history(
                origin.conversation_id, origin.message_id, options
            )
            origin.answer = message.answer if message is not None else ""
        # On through the pause the caller had: a follower may start before the resumption
        # (the stream stops itself at a new pause).
        request = self._workflows.events_request(
            origin.workflow_run_id,
            continue_on_pause=True,
            include_state_snapshot=None,
            options=options,
        )
        try:
            response = yield from self._workflows.open_events_flow(request, options=options)
        except NotFoundError as exc:
            if exc.code is not None or error is None:
                raise  # Dify's own 404 (an unknown run), or a pause no older server makes
            logger.info(
                "chat.resume: the server has no GET /workflow/{id}/events (Dify before "
                "1.14); recovering the reply of workflow run %s with chat.recover instead",
                origin.workflow_run_id,
            )
            reply = yield from self.recover_flow(error, options=options, timeout=recovery_timeout)
            return reply
        return response

    def _message_in_history(
        self, conversation_id: UUID, message_id: UUID, options: RequestOptions
    ) -> Flow[Message | None]:
        """The turn's message as the conversation's history holds it (``None`` if it
        does not); read as the call's end user, with the client's timeout and retries."""
        messages = yield from self._messages.list_flow(
            conversation_id, options=RequestOptions(user=options.user)
        )
        return next((message for message in messages if message.id == message_id), None)

    def replayed_reply(
        self, run: Callable[[Flow[ChatReply]], R], *, options: RequestOptions
    ) -> Callable[[ResumeState], R]:
        """How a resumed stream gets a finished run's reply: :meth:`replayed_reply_flow`,
        run by the client's ``run`` (sync: the reply; async: an awaitable of it)."""
        return lambda state: run(self.replayed_reply_flow(state, options=options))

    def replayed_reply_flow(
        self, state: ResumeState, *, options: RequestOptions
    ) -> Flow[ChatReply]:
        """The reply of a run that had finished: a replay carries only its
        ``workflow_finished`` event, a follower that joined late may have missed text;
        the answer is in the message history."""
        from ..types.chat import ChatReply, Usage

        finished = state.workflow_finished
        origin = state.origin
        assert finished is not None  # state.needs_history
        if finished.status == "failed":
            raise ChatStreamError(
                f"Run failed: {finished.error or 'no reason given'}",
                code=None,
                status_code=None,
                body=finished.raw,
                answer_so_far=state.answer,
                task_id=state.task_id,
                conversation_id=origin.conversation_id,
                message_id=origin.message_id,
                workflow_run_id=origin.workflow_run_id,
            )
        message = yield from self._message_in_history(
            origin.conversation_id, origin.message_id, options
        )
        answer = message.answer if message is not None else ""
        kept = finished.outputs.get("answer")
        if isinstance(kept, str) and len(kept) > len(answer) and kept.startswith(answer):
            answer = kept  # the history may not hold the run's last text yet
        elif not answer:
            answer = state.answer
        if message is not None:
            created_at = message.created_at
        else:
            from datetime import UTC, datetime

            created_at = finished.created_at or finished.finished_at or datetime.now(UTC)
        return ChatReply(
            answer=answer,
            conversation_id=origin.conversation_id,
            message_id=origin.message_id,
            task_id=state.task_id or origin.task_id,
            created_at=created_at,
            usage=Usage(total_tokens=finished.total_tokens),
            workflow_run_id=origin.workflow_run_id,
        )


def _turn_ids(error: StreamInterruptedError, action: str) -> tuple[UUID, UUID, UUID, UUID]:
    """The run, conversation, message and task ids a broken stream saw, or
    :class:`RecoveryError` when it broke before they all arrived."""
    seen = error.workflow_run_id, error.conversation_id, error.message_id, error.task_id
    run_id, conversation_id, message_id, task_id = seen
    if run_id is None or conversation_id is None or message_id is None or task_id is None:
        raise RecoveryError(
            f"nothing to {action}: the stream broke before the turn's ids arrived (no "
            "workflow_started event), so the server may never have run it; send the "
            "message again if it must be answered",
            error=error,
        )
    return run_id, conversation_id, message_id, task_id


def _checked_inputs(
    inputs: Mapping[str, Any] | None, parameters: AppParameters | None
) -> dict[str, Any]:
    if inputs is None:
        inputs = {}
    if not isinstance(inputs, Mapping) or not all(type(key) is str for key in inputs):
        raise ConfigurationError(
            f"inputs must be a mapping of variable names (str) to values, got "
            f"{type(inputs).__name__}"
        )
    # An UploadedFile goes as the file object the API takes (a file input's value).
    sent = {
        name: [_chat_file_of(item) for item in value]
        if isinstance(value, list)
        else _chat_file_of(value)
        for name, value in inputs.items()
    }
    if parameters is not None:
        parameters.validate_inputs(sent)  # InputValidationError naming the field
    return sent


def _chat_file_of(item: object) -> object:
    """An ``UploadedFile`` as the API's file object; anything else as it is."""
    as_chat_file = getattr(item, "as_chat_file", None)
    return as_chat_file() if callable(as_chat_file) else item


def _items(files: object) -> Iterable[tuple[int, object]]:
    if isinstance(files, str | bytes | Mapping) or not isinstance(files, Iterable):
        raise ConfigurationError(
            f"files must be a list of uploaded files or file objects, got {type(files).__name__}"
        )
    return enumerate(files)


def _checked_file(core: ClientCore, item: object, index: int) -> dict[str, Any]:
    """One ``files`` entry as the chat API takes it, checked as the server checks it."""
    item = _chat_file_of(item)
    where = f"files[{index}]"
    if not isinstance(item, Mapping):
        raise ConfigurationError(
            f"{where} must be an UploadedFile or a mapping like {{'type': 'document', "
            f"'transfer_method': 'local_file', 'upload_file_id': ...}}, got {type(item).__name__}"
        )
    kind, method = item.get("type"), item.get("transfer_method")
    if kind not in FILE_TYPES:
        raise ConfigurationError(f"{where}['type'] must be one of {FILE_TYPES}, got {kind!r}")
    if method not in TRANSFER_METHODS:
        raise ConfigurationError(
            f"{where}['transfer_method'] must be one of {TRANSFER_METHODS}, got {method!r}"
        )
    entry = dict(item)
    if method == "local_file":
        entry["upload_file_id"] = str(
            core.uuid(item.get("upload_file_id"), f"{where}['upload_file_id']")
        )
    else:
        url = item.get("url")
        if not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            raise ConfigurationError(f"{where}['url'] must be an http(s) URL, got {url!r}")
    return entry


class Chat(SyncAPIResource):
    """Chat messages through a blocking client: ``client.chat``."""

    @cached_property
    def with_raw_response(self) -> ChatWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return ChatWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _ChatFlows(client._core)

    def send(
        self,
        query: str,
        *,
        conversation_id: str | UUID | None = None,
        inputs: Mapping[str, Any] | None = None,
        files: Iterable[UploadedFile | Mapping[str, Any]] | None = None,
        user: str | None = None,
        auto_generate_name: bool = True,
        parameters: AppParameters | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ChatReply:
        """Send ``query`` and wait for the whole answer (blocking mode).

        Without ``conversation_id`` the server starts a conversation (its id is in the
        reply). ``inputs`` fill the app's input form (a file input takes an
        ``UploadedFile`` or a :class:`FileRef`; a module from ``dify-chatflow app types``
        declares them as a ``TypedDict`` a type checker holds them to); with
        ``parameters`` (``client.app.parameters()``) they are checked against the form
        first, as the server checks them, and a name the form does not declare is refused
        ("did you mean 'topic'?") where the server would drop it silently. ``files``
        are ``UploadedFile``s or the API's file objects. The read timeout defaults to
        :data:`BLOCKING_CHAT_TIMEOUT` (workflows with LLM nodes take minutes). The message
        is sent once: it is retried only when no connection could be made.
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        payload = self._flows.payload(
            query,
            streaming=False,
            conversation_id=conversation_id,
            inputs=inputs,
            files=files,
            auto_generate_name=auto_generate_name,
            parameters=parameters,
            options=options,
        )
        return self._client._run(self._flows.send_flow(payload, options=options))

    def stream(
        self,
        query: str,
        *,
        conversation_id: str | UUID | None = None,
        inputs: Mapping[str, Any] | None = None,
        files: Iterable[UploadedFile | Mapping[str, Any]] | None = None,
        user: str | None = None,
        auto_generate_name: bool = True,
        parameters: AppParameters | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ChatStream:
        """Send ``query`` and stream the answer: a :class:`ChatStream` of typed events.

        Use it as a context manager::

            with client.chat.stream("Hello") as stream:
                for text in stream.text_deltas():
                    print(text, end="")
            reply = stream.final_reply()

        The same arguments as :meth:`send`; the read timeout (default
        :data:`STREAM_TIMEOUT`) is the longest silence allowed between two events. Errors
        before the stream starts raise the usual typed errors; an ``error`` event raises
        :class:`ChatStreamError`, a broken stream :class:`StreamInterruptedError` (see
        :meth:`recover`).
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        payload = self._flows.payload(
            query,
            streaming=True,
            conversation_id=conversation_id,
            inputs=inputs,
            files=files,
            auto_generate_name=auto_generate_name,
            parameters=parameters,
            options=options,
        )
        from .._streaming import ChatStream, open_stream  # loaded with the first stream

        flows, client = self._flows, self._client
        flow = flows.open_flow(payload, options=options)
        stop_turn = flows.stopper(client._run, options=RequestOptions(user=payload["user"]))
        wrap = partial(ChatStream, stop_turn=stop_turn)
        return open_stream(client, flow, wrap, what=_CHAT_STREAM)

    def stop(
        self,
        task_id: str | UUID,
        *,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> None:
        """Stop the turn ``task_id`` (``stream.task_id``); its stream ends with the stopped
        ending. Stopping a finished or unknown task is not an error."""
        self._client._run(
            self._flows.stop_flow(
                task_id, options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
            )
        )

    def recover(
        self,
        error: StreamInterruptedError,
        *,
        user: str | None = None,
        timeout: float = RECOVERY_TIMEOUT,
    ) -> ChatReply:
        """The final reply of the turn whose stream raised ``error``, if the run went on.

        A dropped connection does not stop the workflow: this waits (at most ``timeout``
        seconds) for the run to end and builds the reply from what the server kept.
        Raises :class:`RecoveryError` when there is nothing to recover (no ids seen, the
        run failed or was stopped, the answer was kept nowhere).
        """
        return self._client._run(
            self._flows.recover_flow(error, options=RequestOptions(user=user), timeout=timeout)
        )

    def resume(
        self,
        reply_or_error: ChatReply | StreamInterruptedError,
        *,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
        recovery_timeout: float = RECOVERY_TIMEOUT,
    ) -> ResumedChatStream | RecoveredChatStream:
        """Continue a paused reply (``reply.paused``) or a broken stream
        (:class:`StreamInterruptedError`): a stream of the rest of the turn, used as a
        context manager::

            reply = stream.final_reply()          # reply.paused: submit its forms, then
            with client.chat.resume(reply) as resumed:
                for text in resumed.text_deltas():
                    print(text, end="")
            final = resumed.final_reply()

        It follows the run on ``GET /workflow/{run}/events`` (Dify 1.14+): a live run's
        events stream on, without those the caller had already seen (the run's events
        up to the end of the answer it had, or up to the pause); ``answer`` and
        ``final_reply()`` include the answer the caller had. A run that had finished
        replays as one ``workflow_finished`` event; its reply comes from the message
        history. A run that pauses again gives a reply with ``paused`` set.

        On a server without the endpoint (Dify 1.10) a broken stream is recovered with
        :meth:`recover` (waiting up to ``recovery_timeout`` seconds) instead: a
        :class:`RecoveredChatStream` whose ``source`` is ``"recovery"`` (``"events"``
        otherwise), and a log line on the ``dify_chatflow`` logger says so.
        """
        from .._run_streams import resumed_stream
        from .._streaming import open_stream

        flows, client = self._flows, self._client
        origin = flows.resume_origin(reply_or_error)
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        flow = flows.resume_flow(
            origin,
            reply_or_error,
            options=options,
            recovery_timeout=recovery_timeout,
        )
        wrap = resumed_stream(
            origin,
            flows.replayed_reply(client._run, options=options),
            flows.stopper(client._run, options=options),
        )
        return open_stream(client, flow, wrap, what=RUN_EVENTS)


class AsyncChat(AsyncAPIResource):
    """Chat messages through an async client: ``client.chat``."""

    @cached_property
    def with_raw_response(self) -> AsyncChatWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncChatWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _ChatFlows(client._core)

    async def send(
        self,
        query: str,
        *,
        conversation_id: str | UUID | None = None,
        inputs: Mapping[str, Any] | None = None,
        files: Iterable[UploadedFile | Mapping[str, Any]] | None = None,
        user: str | None = None,
        auto_generate_name: bool = True,
        parameters: AppParameters | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> ChatReply:
        """Async :meth:`Chat.send`."""
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        payload = self._flows.payload(
            query,
            streaming=False,
            conversation_id=conversation_id,
            inputs=inputs,
            files=files,
            auto_generate_name=auto_generate_name,
            parameters=parameters,
            options=options,
        )
        return await self._client._run(self._flows.send_flow(payload, options=options))

    def stream(
        self,
        query: str,
        *,
        conversation_id: str | UUID | None = None,
        inputs: Mapping[str, Any] | None = None,
        files: Iterable[UploadedFile | Mapping[str, Any]] | None = None,
        user: str | None = None,
        auto_generate_name: bool = True,
        parameters: AppParameters | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> AsyncStreamManager[AsyncChatStream]:
        """Async :meth:`Chat.stream`: ``async with client.chat.stream(...) as stream:``.

        The arguments are checked here, at the call; the request is sent on entering.
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        payload = self._flows.payload(
            query,
            streaming=True,
            conversation_id=conversation_id,
            inputs=inputs,
            files=files,
            auto_generate_name=auto_generate_name,
            parameters=parameters,
            options=options,
        )

        from .._streaming import AsyncChatStream, open_async_stream

        flows, client = self._flows, self._client
        flow = partial(flows.open_flow, payload, options=options)
        stop_turn = flows.stopper(client._run, options=RequestOptions(user=payload["user"]))
        wrap = partial(AsyncChatStream, stop_turn=stop_turn)
        return open_async_stream(client, flow, wrap, what=_CHAT_STREAM)

    async def stop(
        self,
        task_id: str | UUID,
        *,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> None:
        """Async :meth:`Chat.stop`."""
        await self._client._run(
            self._flows.stop_flow(
                task_id, options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
            )
        )

    async def recover(
        self,
        error: StreamInterruptedError,
        *,
        user: str | None = None,
        timeout: float = RECOVERY_TIMEOUT,
    ) -> ChatReply:
        """Async :meth:`Chat.recover`."""
        return await self._client._run(
            self._flows.recover_flow(error, options=RequestOptions(user=user), timeout=timeout)
        )

    def resume(
        self,
        reply_or_error: ChatReply | StreamInterruptedError,
        *,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
        recovery_timeout: float = RECOVERY_TIMEOUT,
    ) -> AsyncStreamManager[AsyncResumedChatStream | AsyncRecoveredChatStream]:
        """Async :meth:`Chat.resume`: ``async with client.chat.resume(reply) as resumed:``.

        ``reply_or_error`` is checked here, at the call; the request is sent on entering.
        """
        from .._run_streams import async_resumed_stream
        from .._streaming import open_async_stream

        flows, client = self._flows, self._client
        origin = flows.resume_origin(reply_or_error)
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)

        flow = partial(
            flows.resume_flow,
            origin,
            reply_or_error,
            options=options,
            recovery_timeout=recovery_timeout,
        )
        wrap = async_resumed_stream(
            origin,
            flows.replayed_reply(client._run, options=options),
            flows.stopper(client._run, options=options),
        )
        return open_async_stream(client, flow, wrap, what=RUN_EVENTS)


class ChatWithRawResponse:
    """``client.chat.with_raw_response``: each method of :class:`Chat`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Chat) -> None:
        self.send = to_raw_response_wrapper(resource.send)
        self.stream = to_raw_response_wrapper(resource.stream)
        self.stop = to_raw_response_wrapper(resource.stop)
        self.recover = to_raw_response_wrapper(resource.recover)
        self.resume = to_raw_response_wrapper(resource.resume)


class AsyncChatWithRawResponse:
    """``async_client.chat.with_raw_response``: each method of :class:`AsyncChat`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncChat) -> None:
        self.send = async_to_raw_response_wrapper(resource.send)
        self.stream = async_to_raw_response_wrapper(resource.stream)
        self.stop = async_to_raw_response_wrapper(resource.stop)
        self.recover = async_to_raw_response_wrapper(resource.recover)
        self.resume = async_to_raw_response_wrapper(resource.resume)
