"""DifyTestServer: the public face of the embedded Dify-compatible server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Literal, Self
from uuid import UUID

from ._app_data import WorkflowLog
from ._context import Dialect
from ._demo import DEMO_USER, demo_variables
from ._endpoints.workflow_logs import add_workflow_log
from ._faults import Fault, FaultRoute
from ._http import HTTPServer
from ._records import HeldStream, RecordedRequest
from ._routes import ServerOptions, ServerState, fault_target
from ._store import (
    DEFAULT_USER,
    FILE_TYPES,
    App,
    ConversationSnapshot,
    Responder,
    SpeechToText,
    Store,
    StoredMessage,
    StoredVariable,
    TextToSpeech,
    WorkflowRun,
    build_variables,
)

__all__ = ["DifyTestServer"]


def _key(id_: str | UUID) -> str:
    """An id as the store keeps it: the canonical lowercase text (a ``UUID`` is accepted,
    like the ids the client returns)."""
    return str(id_).lower()


class DifyTestServer:
    """A Dify-compatible server for the Chatflow App API, on 127.0.0.1.

    Use it as a context manager (or call :meth:`start` / :meth:`stop`)::

        with DifyTestServer(api_key="app-test", dialect="1.16") as server:
            httpx.post(f"{server.base_url}/chat-messages", headers=..., json={
                "query": "Hello", "inputs": {}, "user": "abc-123",
                "response_mode": "streaming"})
            server.conversations(user="abc-123")  # what the server now holds

    Options:
        api_key: key of the default app (mode ``advanced-chat``, no conversation variables,
            the echo responder); :meth:`add_app` with the same key reconfigures it.
        dialect: ``"1.16"`` (default) answers as Dify 1.16.1, ``"1.10"`` as Dify 1.10.1:
            event order, validation-error shape, status codes, fields, routes and headers.
        port: ``0`` picks a free port.
        size_limit: Dify's ``variable size ... exceeds limit`` bound, in bytes.
        expose_stored_number_type: send ``integer`` / ``float`` as ``value_type`` like
            older servers, instead of ``number``.
        paging_flaw: reproduce Dify's cursor paging of variables (``last_id``: only those
            created in a strictly later second follow, so variables created together give
            an empty next page) and messages (``first_id``: only those of a strictly
            earlier second, so same-second messages are skipped). ``False`` pages by
            position.
        validation_errors: how failed parameter checks are answered: ``"invalid_param"``
            (``{"code": "invalid_param", ...}`` with pydantic's text, 1.16) or ``"restx"``
            (``{"errors": {...}, "message": "Input payload validation failed"}``, 1.10);
            by default the dialect's.
        ping_interval: seconds without an event after which a stream gets an
            ``event: ping`` block (Dify: 10).
        events_idle_timeout: seconds without an event after which ``GET
            /workflow/{run_id}/events`` ends a stream that follows a run (Dify: 300). With
            ``continue_on_pause=true`` such a stream stays open, pinging, after the run
            finished, as Dify 1.16 does, until the client hangs up or this timeout
            passes; :attr:`held_streams` says which came first.
        message_end_after_workflow_finished: a followed run's events put the turn's
            ``message_end`` after its ``workflow_finished`` (seen on Dify 1.16 too; its
            chat streams, and this server by default, send ``message_end`` first).
            Without ``continue_on_pause`` the stream then ends before ``message_end``,
            at ``workflow_finished``, as Dify's does.
        events_from_subscription: a follower of a live run gets only the events sent
            after it connected, as with Dify's default event transport (Redis Pub/Sub,
            at most once); by default it gets the running segment's events from its
            start, as with the Redis Streams transport.
        seed: ``"demo"`` adds :data:`DEMO_USER`'s "Demo conversation" (one variable of
            every type, one finished turn); its id is :attr:`demo_conversation_id`.
        clock: source of Unix time for ``created_at`` / ``updated_at`` (tests pass a fake).
    """

    def __init__(
        self,
        api_key: str = "app-test",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        size_limit: int = 204_800,
        expose_stored_number_type: bool = False,
        paging_flaw: bool = True,
        validation_errors: Literal["invalid_param", "restx"] | None = None,
        seed: Literal["demo"] | None = None,
        clock: Callable[[], float] = time.time,
        dialect: Dialect = "1.16",
        ping_interval: float = 10.0,
        events_idle_timeout: float = 300.0,
        message_end_after_workflow_finished: bool = False,
        events_from_subscription: bool = False,
    ) -> None:
        if dialect not in ("1.10", "1.16"):
            raise ValueError("dialect must be '1.10' or '1.16'")
        if validation_errors is None:
            validation_errors = "restx" if dialect == "1.10" else "invalid_param"
        if validation_errors not in ("invalid_param", "restx"):
            raise ValueError("validation_errors must be 'invalid_param' or 'restx'")
        if seed not in (None, "demo"):
            raise ValueError("seed must be None or 'demo'")
        if not ping_interval > 0:
            raise ValueError("ping_interval must be > 0 seconds")
        if not events_idle_timeout > 0:
            raise ValueError("events_idle_timeout must be > 0 seconds")
        self.api_key = api_key
        self.dialect: Dialect = dialect
        self._host = host
        self._port = port
        options = ServerOptions(
            size_limit=size_limit,
            expose_stored_number_type=expose_stored_number_type,
            paging_flaw=paging_flaw,
            validation_errors=validation_errors,
            dialect=dialect,
            ping_interval=ping_interval,
            events_idle_timeout=events_idle_timeout,
            message_end_after_workflow_finished=message_end_after_workflow_finished,
            events_from_subscription=events_from_subscription,
        )
        self._state = ServerState(store=Store(clock), options=options)
        self._state.store.add_app(App(api_key))
        self._httpd: HTTPServer | None = None
        self.demo_conversation_id: str | None = None
        if seed == "demo":
            self.demo_conversation_id = self.seed_demo()

    def __repr__(self) -> str:
        where = self.base_url if self._httpd else "not started"
        return f"<DifyTestServer {self.dialect} {where}>"

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> Self:
        """Bind and serve from an event loop in a daemon thread; returns ``self``. Idempotent."""
        if self._httpd is None:
            httpd = HTTPServer((self._host, self._port), self._state)
            httpd.start()
            self._httpd = httpd
        return self

    def stop(self) -> None:
        """Stop serving, end open connections and free the port. Idempotent."""
        httpd, self._httpd = self._httpd, None
        self._state.store.stop_all_tasks()  # running turns end instead of waiting on
        if httpd is not None:
            httpd.stop()

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` is called from another one."""
        self.start()
        httpd = self._httpd
        while httpd is not None and httpd.thread.is_alive():
            httpd.thread.join(timeout=0.5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (the server must be started)."""
        if self._httpd is None:
            raise RuntimeError("the server is not started: call start() or use 'with'")
        return self._httpd.port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``: what a client takes as its base URL."""
        return f"http://{self._host}:{self.port}/v1"

    # -- data ----------------------------------------------------------------------------

    def add_app(
        self,
        api_key: str,
        mode: str = "advanced-chat",
        *,
        enabled: bool = True,
        variables: Iterable[Mapping[str, object]] = (),
        responder: Responder | None = None,
        user_input_form: Iterable[Mapping[str, object]] | None = None,
        suggested_questions: Iterable[str] | None = None,
        name: str = "Test chatflow",
        description: str = "",
        opening_statement: str = "",
        file_size_limit: int = 15 * 1024 * 1024,
        file_upload: bool = False,
        speech_to_text: SpeechToText | None = None,
        text_to_speech: TextToSpeech | None = None,
        embedding_models: Mapping[str, Iterable[str]] | None = None,
        allowed_file_types: Iterable[str] = FILE_TYPES,
    ) -> None:
        """Register an app key (the server's own key reconfigures the default app).

        ``mode`` ``workflow``/``completion`` gets ``not_chat_app`` on chat routes;
        ``enabled=False`` gets 403 (API service disabled). ``variables`` are the
        conversation variables every new conversation starts with, as specs like
        :meth:`add_conversation` takes; each keeps one id in every conversation.
        ``responder(query, inputs, conversation)`` returns the answer (a ``str``, or an
        iterable of ``str`` chunks, one ``message`` event each; default: echo the query);
        an exception it raises becomes Dify's failure ending; on 1.16 a generator can
        yield a :class:`HumanInput` to pause the turn for a form (the ``yield`` gives the
        :class:`FormSubmission` back once the form is posted). ``user_input_form`` is what
        ``GET /parameters`` lists (items like ``{"text-input": {"variable": ..., ...}}``).
        ``suggested_questions`` ``None`` answers ``GET /messages/{id}/suggested`` with
        "Suggested Questions Is Disabled."; a list turns them on. ``file_size_limit`` is
        the upload limit in bytes (413 ``file_too_large`` above it).

        Features, off by default as in a new Dify app (``GET /parameters`` shows them):
        ``file_upload=True`` keeps the files sent with a chat message (only a file kept with
        a message can be fetched from ``GET /files/{id}/preview``; with it off Dify drops
        them) whose ``type`` is one of ``allowed_file_types`` (another is refused with
        "File validation failed for file: <name>"; a ``custom`` one always is, as the app
        allows no extension). ``speech_to_text(audio, mime_type) -> str`` answers
        ``POST /audio-to-text`` and ``text_to_speech(text) -> bytes`` (``audio/mpeg``)
        ``POST /text-to-audio``;
        ``None`` turns the feature off and the server refuses as Dify does;
        :data:`NO_DEFAULT_MODEL` turns it on in a workspace without a model for it.
        ``embedding_models`` (provider -> model names) are the embedding models an
        annotation reply job can use (``None``: any); a job naming another one ends in
        ``error`` once the app has annotations to index.
        """
        specs = build_variables(variables, 0)
        app = App(
            api_key,
            mode,
            enabled,
            variables=tuple(specs),
            responder=responder,
            user_input_form=tuple(dict(item) for item in user_input_form or ()),
            suggested_questions=(
                None if suggested_questions is None else tuple(suggested_questions)
            ),
            name=name,
            description=description,
            opening_statement=opening_statement,
            file_size_limit=file_size_limit,
            file_upload=file_upload,
            allowed_file_types=tuple(allowed_file_types),
            speech_to_text=speech_to_text,
            text_to_speech=text_to_speech,
            embedding_models=(
                None
                if embedding_models is None
                else {provider: frozenset(models) for provider, models in embedding_models.items()}
            ),
        )
        self._state.store.add_app(app)

    def add_conversation(
        self,
        user: str = DEFAULT_USER,
        variables: Iterable[Mapping[str, object]] = (),
        conversation_id: str | None = None,
        *,
        api_key: str | None = None,
        name: str = "New conversation",
    ) -> str:
        """Create a conversation owned by ``user`` and return its id.

        Each variable is a mapping with ``name``, ``value_type``, ``value`` and optionally
        ``description``, ``id`` (UUID; random if absent) and ``created_at`` (Unix seconds;
        default now, shared by the whole call as in Dify). ``value_type`` ``"number"``
        stores an ``int`` as integer and a ``float`` as float; ``"integer"`` / ``"float"``
        choose explicitly. ``api_key`` picks the app (default: the server's own). The
        conversation starts with no messages (see :meth:`add_turn`).
        """
        return self._state.store.add_conversation(
            api_key=api_key or self.api_key,
            user=user,
            variables=variables,
            conversation_id=conversation_id,
            name=name,
        )

    def add_turn(self, conversation_id: str | UUID, query: str, answer: str) -> StoredMessage:
        """Add a finished turn (a message and its succeeded workflow run) to a conversation."""
        return self._state.store.add_finished_turn(_key(conversation_id), query, answer)

    def seed_demo(self, user: str = DEMO_USER) -> str:
        """Add :data:`DEMO_USER`'s "Demo conversation": one variable of every type and one
        finished turn; return its id."""
        conv_id = self.add_conversation(
            user=user, variables=demo_variables(), name="Demo conversation"
        )
        self.add_turn(conv_id, "What can you do?", "I answer with what you say.")
        return conv_id

    def add_annotation(self, question: str, answer: str, *, api_key: str | None = None) -> str:
        """Add an annotation to an app (default: the server's own) and return its id."""
        key = api_key or self.api_key
        if self._state.store.app(key) is None:
            raise ValueError("no app has this API key: call add_app() first")
        return self._state.store.app_data.add_annotation(key, question, answer).id

    def add_workflow_log(
        self,
        *,
        api_key: str | None = None,
        user: str = DEFAULT_USER,
        status: Literal["succeeded", "failed", "stopped"] = "succeeded",
        inputs: Mapping[str, object] | None = None,
        outputs: Mapping[str, object] | None = None,
        error: str | None = None,
        created_at: int | None = None,
        elapsed_time: float = 0.5,
        total_tokens: int = 0,
        total_steps: int = 2,
    ) -> WorkflowLog:
        """Log one finished run of a workflow-mode app (``add_app(key, mode="workflow")``)
        by end user ``user``, for ``GET /workflows/logs``; its run answers ``GET
        /workflows/run/{id}`` too. Chatflow apps are never logged there (as in Dify).
        ``created_at`` is in Unix seconds (default: now)."""
        return add_workflow_log(
            self._state.store,
            api_key=api_key or self.api_key,
            user=user,
            status=status,
            inputs=dict(inputs or {}),
            outputs=dict(outputs or {}),
            error=error,
            created_at=created_at,
            elapsed_time=elapsed_time,
            total_tokens=total_tokens,
            total_steps=total_steps,
        )

    def conversations(self, user: str | None = None) -> list[ConversationSnapshot]:
        """Every conversation not deleted (``user``'s only, if given), oldest first."""
        return self._state.store.conversations(user)

    def messages(self, conversation_id: str | UUID) -> list[StoredMessage]:
        """A conversation's messages, oldest first (``KeyError`` for an unknown id)."""
        return self._state.store.messages(_key(conversation_id))

    def workflow_run(self, run_id: str | UUID) -> WorkflowRun:
        """The workflow run of a chat turn (see :attr:`StoredMessage.workflow_run_id`);
        ``KeyError`` for an unknown id."""
        found = self._state.store.run(_key(run_id))
        if found is None:
            raise KeyError(run_id)
        return found

    def variables(self, conversation_id: str | UUID) -> list[StoredVariable]:
        """The stored variables of a conversation (snapshot, creation order)."""
        return self._state.store.variables(_key(conversation_id))

    def variable(self, conversation_id: str | UUID, name: str) -> StoredVariable:
        """One stored variable by name (``KeyError`` if absent)."""
        for var in self.variables(conversation_id):
            if var.name == name:
                return var
        raise KeyError(name)

    # -- faults and records --------------------------------------------------------------

    def inject_fault(self, fault: Fault, *, route: FaultRoute = "any", times: int = 1) -> None:
        """Apply ``fault`` to the next ``times`` requests on ``route``: ``"any"``, a family
        (``"chat"``, ``"conversations"``, ``"messages"``, ``"files"``, ``"app"``,
        ``"workflows"``, ``"variables"``, ``"end_users"``, ``"forms"``, ``"audio"``,
        ``"annotations"``) or one operation by
        its registry name (``"variables.list"``, ``"conversations.list"``, ``"chat.send"``,
        ...). A bare method name (``"list"``, ``"update"``) is refused where several
        families have it. Request faults act before any other check; stream faults act on
        the next streaming chat turns. Faults run in injection order."""
        self._state.faults.add(fault, fault_target(route), times)

    def clear_faults(self) -> None:
        """Forget every fault not yet used."""
        self._state.faults.clear()

    @property
    def pending_faults(self) -> int:
        """How many injected fault uses are left."""
        return len(self._state.faults)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Requests received so far, in order (a copy; the API key is never kept)."""
        return self._state.log.snapshot()

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self._state.log.clear()

    @property
    def held_streams(self) -> list[HeldStream]:
        """The run event streams held open after their run finished, in order, each
        with who ended it (a copy)."""
        return self._state.held.snapshot()
