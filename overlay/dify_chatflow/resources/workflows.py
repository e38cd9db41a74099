"""``client.workflows``: a workflow run by id (a chat turn is one run), its events, and
the app's workflow logs.

:class:`_WorkflowFlows` holds the operations, written once as flows (see
``_flows``); :class:`Workflows` and :class:`AsyncWorkflows` are thin shells.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

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
)
from .._constants import PAGE_LIMIT, STREAM_TIMEOUT
from .._exceptions import ConfigurationError, make_status_error
from .._pagination import AsyncPager, NumberedWalk, SyncPager, check_page_size
from .._response import (
    async_pager_raw_wrapper,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN
from ._responses import model_of, page_of

if TYPE_CHECKING:
    from uuid import UUID

    from .._run_streams import AsyncWorkflowEventStream, WorkflowEventStream
    from .._streaming import AsyncStreamManager
    from ..types.workflows import WorkflowLog, WorkflowRun

__all__ = [
    "RUN_EVENTS",
    "AsyncWorkflows",
    "AsyncWorkflowsWithRawResponse",
    "LogStatus",
    "Workflows",
    "WorkflowsWithRawResponse",
]

LogStatus = Literal["succeeded", "failed", "stopped"]
"""The run outcomes ``workflows.logs`` filters by."""

_LOG_STATUSES: Final = ("succeeded", "failed", "stopped")

R = TypeVar("R")

#: What a run's event stream is called when its answer is not one.
RUN_EVENTS: Final = "a workflow run's events"


def _log_time(moment: datetime | None, name: str) -> str | None:
    """An aware datetime as the server's filter parses it: ISO 8601 in UTC, without an
    offset (its log times are stored as UTC without one)."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        raise ConfigurationError(f"{name} must be a datetime, got a {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ConfigurationError(
            f"{name} must be an aware datetime (e.g. datetime.now(timezone.utc)); a naive "
            "one could mean any time zone"
        )
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat()


def _optional_text(value: object, name: str) -> str | None:
    if value is not None and (type(value) is not str or not value):
        raise ConfigurationError(f"{name} must be a non-empty str or None, got {value!r}")
    return value


# What newer servers answer for an unknown run; Dify 1.10 answers 200 with every field null.
_NOT_FOUND: Final = {"code": "not_found", "message": "Workflow run not found.", "status": 404}


class _WorkflowFlows:
    """The workflow run read as a flow, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def stopper(
        self, run: Callable[[Flow[None]], R], *, options: RequestOptions
    ) -> Callable[[str], R]:
        """How a run's event stream stops its chat turn: the chat's stop request (see
        ``_ChatFlows.stopper``)."""
        from .chat import _ChatFlows  # chat builds on this module

        return _ChatFlows(self._core).stopper(run, options=options)

    def get_run_flow(
        self, workflow_run_id: str | UUID, *, options: RequestOptions
    ) -> Flow[WorkflowRun]:
        """One workflow run; an unknown id raises the not-found error on every server."""
        core = self._core
        run_id = core.uuid(workflow_run_id, "workflow_run_id")
        request = _binding.build("workflows.get_run", run_id)
        response = yield from core.execute(request, options)
        from ..types.workflows import WorkflowRun

        run = model_of(response, WorkflowRun.from_answer)
        if run is None:
            # The same error newer servers' 404 gives, with the real answer attached.
            error = make_status_error(
                httpx.Response(404, json=_NOT_FOUND, request=response.request)
            )
            error.response = response
            raise error
        return run

    def events_request(
        self,
        workflow_run_id: str | UUID,
        *,
        continue_on_pause: bool | None,
        include_state_snapshot: bool | None,
        options: RequestOptions,
    ) -> dict[str, Any]:
        """The request of ``GET /workflow/{workflow_run_id}/events``, its arguments checked."""
        core = self._core
        for name, flag in (
            ("continue_on_pause", continue_on_pause),
            ("include_state_snapshot", include_state_snapshot),
        ):
            if flag is not None and type(flag) is not bool:
                raise ConfigurationError(f"{name} must be a bool or None, got {flag!r}")
        return _binding.build(
            "workflows.events",
            core.uuid(workflow_run_id, "workflow_run_id"),
            query={
                "user": core.end_user(options.user),
                "continue_on_pause": continue_on_pause,
                "include_state_snapshot": include_state_snapshot,
            },
        )

    def open_events_flow(
        self, request: dict[str, Any], *, options: RequestOptions
    ) -> Flow[httpx.Response]:
        """The open event stream (a GET, so retried like any read; the read timeout is the
        longest silence between two events)."""
        response = yield from self._core.execute(
            request,
            options,
            default_timeout=STREAM_TIMEOUT,
            stream=True,
        )
        return response

    def logs_walks(
        self,
        *,
        status: LogStatus | None,
        keyword: str | None,
        created_after: datetime | None,
        created_before: datetime | None,
        end_user_session_id: str | None,
        page_size: int,
        options: RequestOptions,
    ) -> Callable[[], NumberedWalk[WorkflowLog]]:
        """Check the filters now; return what starts one walk through the pages."""
        if status is not None and status not in _LOG_STATUSES:
            raise ConfigurationError(
                f"status must be one of {', '.join(_LOG_STATUSES)} or None, got {status!r}"
            )
        check_page_size(page_size)
        filters: dict[str, Any] = {
            "status": status,
            "keyword": _optional_text(keyword, "keyword"),
            "created_at__after": _log_time(created_after, "created_after"),
            "created_at__before": _log_time(created_before, "created_before"),
            "created_by_end_user_session_id": _optional_text(
                end_user_session_id, "end_user_session_id"
            ),
        }
        core = self._core

        def fetch(page: int) -> Flow[tuple[list[WorkflowLog], bool]]:
            from ..types.workflows import WorkflowLog

            query = {"page": page, "limit": page_size, **filters}
            request = _binding.build("workflows.logs", query=query)
            response = yield from core.execute(request, options)
            return page_of(response, WorkflowLog.from_json)

        return lambda: NumberedWalk("workflow log", fetch, page_size=page_size)


class Workflows(SyncAPIResource):
    """Workflow runs through a blocking client: ``client.workflows``."""

    @cached_property
    def with_raw_response(self) -> WorkflowsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return WorkflowsWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _WorkflowFlows(client._core)

    def get_run(
        self,
        workflow_run_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WorkflowRun:
        """The workflow run with this id (a chat turn's ``workflow_run_id``).

        Its ``outputs`` hold a chat turn's answer, also of a turn whose stream was cut.
        An unknown id raises :class:`WorkflowRunNotFoundError` (``status_code`` 404) on
        every server: Dify 1.10 answers it with 200 and every field null (``response`` is
        that answer), newer servers with 404.
        """
        return self._client._run(
            self._flows.get_run_flow(
                workflow_run_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def events(
        self,
        workflow_run_id: str | UUID,
        *,
        user: str | None = None,
        continue_on_pause: bool | None = None,
        include_state_snapshot: bool | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WorkflowEventStream:
        """Replay or follow a run's events (Dify 1.14 and later): a
        :class:`WorkflowEventStream`, used as a context manager.

        A finished run replays as one ``workflow_finished`` event; a live or paused run
        streams its events (a live one from its start, a paused one from its resumption)
        until it finishes or pauses; ``continue_on_pause=True`` follows on through later
        pauses. ``include_state_snapshot`` is passed to servers that take it. An unknown
        run (or another user's) raises :class:`WorkflowRunNotFoundError`; a server
        without the endpoint (1.10) :class:`NotFoundError` saying so.
        """
        from .._run_streams import WorkflowEventStream
        from .._streaming import open_stream

        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.events_request(
            workflow_run_id,
            continue_on_pause=continue_on_pause,
            include_state_snapshot=include_state_snapshot,
            options=options,
        )
        flow = self._flows.open_events_flow(request, options=options)
        stop_turn = self._flows.stopper(self._client._run, options=options)
        wrap = partial(WorkflowEventStream, stop_turn=stop_turn)
        return open_stream(self._client, flow, wrap, what=RUN_EVENTS)

    def logs(
        self,
        *,
        status: LogStatus | None = None,
        keyword: str | None = None,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        end_user_session_id: str | None = None,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncPager[WorkflowLog]:
        """The app's workflow logs, newest first, filtered by the run's ``status``, a
        ``keyword``, creation time (aware datetimes, inclusive) and the end user's
        session id (the ``user`` a run was started with).

        Only runs of workflow-mode apps are logged: a chatflow app's list is always empty
        (its turns are in :meth:`Messages.list`, each run in :meth:`get_run`). Returns at
        once; iterating fetches ``page_size`` (1-100) at a time as the loop reads on.
        """
        start = self._flows.logs_walks(
            status=status,
            keyword=keyword,
            created_after=created_after,
            created_before=created_before,
            end_user_session_id=end_user_session_id,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries),
        )
        return SyncPager(self._client, start)


class AsyncWorkflows(AsyncAPIResource):
    """Workflow runs through an async client: ``client.workflows``."""

    @cached_property
    def with_raw_response(self) -> AsyncWorkflowsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncWorkflowsWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _WorkflowFlows(client._core)

    async def get_run(
        self,
        workflow_run_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WorkflowRun:
        """Async :meth:`Workflows.get_run`."""
        return await self._client._run(
            self._flows.get_run_flow(
                workflow_run_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def events(
        self,
        workflow_run_id: str | UUID,
        *,
        user: str | None = None,
        continue_on_pause: bool | None = None,
        include_state_snapshot: bool | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncStreamManager[AsyncWorkflowEventStream]:
        """Async :meth:`Workflows.events`: ``async with client.workflows.events(id) as s:``.

        The arguments are checked here, at the call; the request is sent on entering.
        """
        from .._run_streams import AsyncWorkflowEventStream
        from .._streaming import open_async_stream

        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.events_request(
            workflow_run_id,
            continue_on_pause=continue_on_pause,
            include_state_snapshot=include_state_snapshot,
            options=options,
        )
        flow = partial(self._flows.open_events_flow, request, options=options)
        stop_turn = self._flows.stopper(self._client._run, options=options)
        wrap = partial(AsyncWorkflowEventStream, stop_turn=stop_turn)
        return open_async_stream(self._client, flow, wrap, what=RUN_EVENTS)

    def logs(
        self,
        *,
        status: LogStatus | None = None,
        keyword: str | None = None,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        end_user_session_id: str | None = None,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncPager[WorkflowLog]:
        """:meth:`Workflows.logs` for ``async for`` (not awaited itself)."""
        start = self._flows.logs_walks(
            status=status,
            keyword=keyword,
            created_after=created_after,
            created_before=created_before,
            end_user_session_id=end_user_session_id,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries),
        )
        return AsyncPager(self._client, start)


class WorkflowsWithRawResponse:
    """``client.workflows.with_raw_response``: each method of :class:`Workflows`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Workflows) -> None:
        self.get_run = to_raw_response_wrapper(resource.get_run)
        self.events = to_raw_response_wrapper(resource.events)
        self.logs = to_raw_response_wrapper(resource.logs)


class AsyncWorkflowsWithRawResponse:
    """``async_client.workflows.with_raw_response``: each method of :class:`AsyncWorkflows`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncWorkflows) -> None:
        self.get_run = async_to_raw_response_wrapper(resource.get_run)
        self.events = async_to_raw_response_wrapper(resource.events)
        self.logs = async_pager_raw_wrapper(resource.logs)
