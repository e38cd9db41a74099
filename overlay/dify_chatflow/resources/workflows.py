"""``client.workflows``: a workflow run by id (a chat turn is one run).

:class:`WorkflowFlows` holds the read, written once as a flow (see ``_base_client``);
:class:`Workflows` and :class:`AsyncWorkflows` are thin shells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import httpx

from .. import _binding
from .._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    ClientCore,
    Flow,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
)
from .._exceptions import make_status_error
from .._types import NOT_GIVEN
from ._answers import model_of

if TYPE_CHECKING:
    from uuid import UUID

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
        request = _binding.get_workflow_run(run_id)
        response = yield from core.request(request, timeout=timeout, max_retries=max_retries)
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
