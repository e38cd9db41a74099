"""``client.workflows``: a workflow run by id (a chat turn is one run).

:class:`WorkflowFlows` holds the read, written once as a flow (see ``_base_client``);
:class:`Workflows` and :class:`AsyncWorkflows` are thin shells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

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
from .._constants import STREAM_TIMEOUT
from .._exceptions import ConfigurationError, make_status_error
from .._types import NOT_GIVEN
from ._responses import model_of

if TYPE_CHECKING:
    from uuid import UUID

    from .._run_streams import AsyncWorkflowEventStream, WorkflowEventStream
    from .._streaming import AsyncStreamManager
    from ..types.workflows import WorkflowRun

__all__ = ["AsyncWorkflows", "WorkflowFlows", "Workflows"]

# What newer servers answer for an unknown run; Dify 1.10 answers 200 with every field null.
_NOT_FOUND: Final = {"code": "not_found", "message": "Workflow run not found.", "status": 404}


class WorkflowFlows:
    """The workflow run read as a flow, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def get_run_flow(
        self, workflow_run_id: str | UUID, *, max_retries: int | None, timeout: Timeout
    ) -> Flow[WorkflowRun]:
        """One workflow run; an unknown id raises the not-found error on every server."""
        core = self._core
        run_id = core.uuid(workflow_run_id, "workflow_run_id")
        request = _binding.build("workflows.get_run", run_id)
        options = RequestOptions(timeout=timeout, max_retries=max_retries)
        response = yield from core.execute(request, options)
        from ..types.workflows import WorkflowRun

        run = model_of(response, WorkflowRun.from_json)
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
        user: str | None,
        continue_on_pause: bool | None,
        include_state_snapshot: bool | None,
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
                "user": core.end_user(user),
                "continue_on_pause": continue_on_pause,
                "include_state_snapshot": include_state_snapshot,
            },
        )

    def open_events_flow(
        self, request: dict[str, Any], *, max_retries: int | None, timeout: Timeout
    ) -> Flow[httpx.Response]:
        """The open event stream (a GET, so retried like any read; the read timeout is the
        longest silence between two events)."""
        response = yield from self._core.execute(
            request,
            RequestOptions(timeout=timeout, max_retries=max_retries),
            default_timeout=STREAM_TIMEOUT,
            stream=True,
        )
        return response


class Workflows(SyncAPIResource):
    """Workflow runs through a blocking client: ``client.workflows``."""

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = WorkflowFlows(client._core)

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
            self._flows.get_run_flow(workflow_run_id, max_retries=max_retries, timeout=timeout)
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
        from .._run_streams import WorkflowEventStream, event_stream

        request = self._flows.events_request(
            workflow_run_id,
            user=user,
            continue_on_pause=continue_on_pause,
            include_state_snapshot=include_state_snapshot,
        )
        response = self._client._run(
            self._flows.open_events_flow(request, max_retries=max_retries, timeout=timeout)
        )
        return WorkflowEventStream(event_stream(response))


class AsyncWorkflows(AsyncAPIResource):
    """Workflow runs through an async client: ``client.workflows``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = WorkflowFlows(client._core)

    async def get_run(
        self,
        workflow_run_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WorkflowRun:
        """Async :meth:`Workflows.get_run`."""
        return await self._client._run(
            self._flows.get_run_flow(workflow_run_id, max_retries=max_retries, timeout=timeout)
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
        from .._run_streams import AsyncWorkflowEventStream, async_event_stream
        from .._streaming import AsyncStreamManager

        request = self._flows.events_request(
            workflow_run_id,
            user=user,
            continue_on_pause=continue_on_pause,
            include_state_snapshot=include_state_snapshot,
        )

        async def open_stream() -> AsyncWorkflowEventStream:
            response = await self._client._run(
                self._flows.open_events_flow(request, max_retries=max_retries, timeout=timeout)
            )
            return AsyncWorkflowEventStream(await async_event_stream(response))

        return AsyncStreamManager(open_stream)
