from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workflow_run_id: UUID,
    *,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user"] = user

    params["include_state_snapshot"] = include_state_snapshot

    params["continue_on_pause"] = continue_on_pause

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workflow/{workflow_run_id}/events".format(
            workflow_run_id=quote(str(workflow_run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> Response[Any | str]:
    """Stream Workflow Events

     Resume the Server-Sent Events stream for a workflow run after a pause or a dropped SSE connection.
    For runs that have already finished, the stream emits a single `workflow_finished` event and closes.

    To check an in-progress run's node-level status and progress, call it with
    `include_state_snapshot=true`: the stream replays each already-executed node's status before
    streaming new events.

    Args:
        workflow_run_id (UUID):
        user (str | Unset):
        include_state_snapshot (bool | Unset):
        continue_on_pause (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
    """

    kwargs = _get_kwargs(
        workflow_run_id=workflow_run_id,
        user=user,
        include_state_snapshot=include_state_snapshot,
        continue_on_pause=continue_on_pause,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> Any | str | None:
    """Stream Workflow Events

     Resume the Server-Sent Events stream for a workflow run after a pause or a dropped SSE connection.
    For runs that have already finished, the stream emits a single `workflow_finished` event and closes.

    To check an in-progress run's node-level status and progress, call it with
    `include_state_snapshot=true`: the stream replays each already-executed node's status before
    streaming new events.

    Args:
        workflow_run_id (UUID):
        user (str | Unset):
        include_state_snapshot (bool | Unset):
        continue_on_pause (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return sync_detailed(
        workflow_run_id=workflow_run_id,
        client=client,
        user=user,
        include_state_snapshot=include_state_snapshot,
        continue_on_pause=continue_on_pause,
    ).parsed


async def asyncio_detailed(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> Response[Any | str]:
    """Stream Workflow Events

     Resume the Server-Sent Events stream for a workflow run after a pause or a dropped SSE connection.
    For runs that have already finished, the stream emits a single `workflow_finished` event and closes.

    To check an in-progress run's node-level status and progress, call it with
    `include_state_snapshot=true`: the stream replays each already-executed node's status before
    streaming new events.

    Args:
        workflow_run_id (UUID):
        user (str | Unset):
        include_state_snapshot (bool | Unset):
        continue_on_pause (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
    """

    kwargs = _get_kwargs(
        workflow_run_id=workflow_run_id,
        user=user,
        include_state_snapshot=include_state_snapshot,
        continue_on_pause=continue_on_pause,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> Any | str | None:
    """Stream Workflow Events

     Resume the Server-Sent Events stream for a workflow run after a pause or a dropped SSE connection.
    For runs that have already finished, the stream emits a single `workflow_finished` event and closes.

    To check an in-progress run's node-level status and progress, call it with
    `include_state_snapshot=true`: the stream replays each already-executed node's status before
    streaming new events.

    Args:
        workflow_run_id (UUID):
        user (str | Unset):
        include_state_snapshot (bool | Unset):
        continue_on_pause (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return (
        await asyncio_detailed(
            workflow_run_id=workflow_run_id,
            client=client,
            user=user,
            include_state_snapshot=include_state_snapshot,
            continue_on_pause=continue_on_pause,
        )
    ).parsed


def build_request(
    workflow_run_id: UUID,
    *,
    user: str | Unset = UNSET,
    include_state_snapshot: bool | Unset = UNSET,
    continue_on_pause: bool | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        workflow_run_id=workflow_run_id,
        user=user,
        include_state_snapshot=include_state_snapshot,
        continue_on_pause=continue_on_pause,
    )
