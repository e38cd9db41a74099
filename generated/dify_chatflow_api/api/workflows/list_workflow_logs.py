from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.workflow_logs_response import WorkflowLogsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["keyword"] = keyword

    params["status"] = status

    params["page"] = page

    params["limit"] = limit

    params["created_at__before"] = created_at_before

    params["created_at__after"] = created_at_after

    params["created_by_end_user_session_id"] = created_by_end_user_session_id

    params["created_by_account"] = created_by_account

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workflows/logs",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> WorkflowLogsResponse | None:
    if response.status_code == 200:
        response_200 = WorkflowLogsResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[WorkflowLogsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> Response[WorkflowLogsResponse]:
    """List Workflow Logs

     List past workflow runs with optional filters. Each entry is a run-level summary (status, token
    usage, step count, and timing), not a node-by-node execution log.

    To follow a run's node-level events, stream it instead:

    - **A run you start**: use [Send Chat Message](/api-reference/chatflows/send-chat-message) in
    streaming mode, which emits `node_started` and `node_finished` as the run executes.
    - **A run already in progress**: call [Stream Workflow Events](/api-reference/chatflows/stream-
    workflow-events) with `include_state_snapshot=true` to replay each executed node's status, then
    stream the rest.

    A finished run's node-level logs aren't available through the Service API.

    Args:
        keyword (str | Unset):
        status (str | Unset):
        page (int | Unset):
        limit (int | Unset):
        created_at_before (str | Unset):
        created_at_after (str | Unset):
        created_by_end_user_session_id (str | Unset):
        created_by_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkflowLogsResponse]
    """

    kwargs = _get_kwargs(
        keyword=keyword,
        status=status,
        page=page,
        limit=limit,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
        created_by_end_user_session_id=created_by_end_user_session_id,
        created_by_account=created_by_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> WorkflowLogsResponse | None:
    """List Workflow Logs

     List past workflow runs with optional filters. Each entry is a run-level summary (status, token
    usage, step count, and timing), not a node-by-node execution log.

    To follow a run's node-level events, stream it instead:

    - **A run you start**: use [Send Chat Message](/api-reference/chatflows/send-chat-message) in
    streaming mode, which emits `node_started` and `node_finished` as the run executes.
    - **A run already in progress**: call [Stream Workflow Events](/api-reference/chatflows/stream-
    workflow-events) with `include_state_snapshot=true` to replay each executed node's status, then
    stream the rest.

    A finished run's node-level logs aren't available through the Service API.

    Args:
        keyword (str | Unset):
        status (str | Unset):
        page (int | Unset):
        limit (int | Unset):
        created_at_before (str | Unset):
        created_at_after (str | Unset):
        created_by_end_user_session_id (str | Unset):
        created_by_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkflowLogsResponse
    """

    return sync_detailed(
        client=client,
        keyword=keyword,
        status=status,
        page=page,
        limit=limit,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
        created_by_end_user_session_id=created_by_end_user_session_id,
        created_by_account=created_by_account,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> Response[WorkflowLogsResponse]:
    """List Workflow Logs

     List past workflow runs with optional filters. Each entry is a run-level summary (status, token
    usage, step count, and timing), not a node-by-node execution log.

    To follow a run's node-level events, stream it instead:

    - **A run you start**: use [Send Chat Message](/api-reference/chatflows/send-chat-message) in
    streaming mode, which emits `node_started` and `node_finished` as the run executes.
    - **A run already in progress**: call [Stream Workflow Events](/api-reference/chatflows/stream-
    workflow-events) with `include_state_snapshot=true` to replay each executed node's status, then
    stream the rest.

    A finished run's node-level logs aren't available through the Service API.

    Args:
        keyword (str | Unset):
        status (str | Unset):
        page (int | Unset):
        limit (int | Unset):
        created_at_before (str | Unset):
        created_at_after (str | Unset):
        created_by_end_user_session_id (str | Unset):
        created_by_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkflowLogsResponse]
    """

    kwargs = _get_kwargs(
        keyword=keyword,
        status=status,
        page=page,
        limit=limit,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
        created_by_end_user_session_id=created_by_end_user_session_id,
        created_by_account=created_by_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> WorkflowLogsResponse | None:
    """List Workflow Logs

     List past workflow runs with optional filters. Each entry is a run-level summary (status, token
    usage, step count, and timing), not a node-by-node execution log.

    To follow a run's node-level events, stream it instead:

    - **A run you start**: use [Send Chat Message](/api-reference/chatflows/send-chat-message) in
    streaming mode, which emits `node_started` and `node_finished` as the run executes.
    - **A run already in progress**: call [Stream Workflow Events](/api-reference/chatflows/stream-
    workflow-events) with `include_state_snapshot=true` to replay each executed node's status, then
    stream the rest.

    A finished run's node-level logs aren't available through the Service API.

    Args:
        keyword (str | Unset):
        status (str | Unset):
        page (int | Unset):
        limit (int | Unset):
        created_at_before (str | Unset):
        created_at_after (str | Unset):
        created_by_end_user_session_id (str | Unset):
        created_by_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkflowLogsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            keyword=keyword,
            status=status,
            page=page,
            limit=limit,
            created_at_before=created_at_before,
            created_at_after=created_at_after,
            created_by_end_user_session_id=created_by_end_user_session_id,
            created_by_account=created_by_account,
        )
    ).parsed


def build_request(
    *,
    keyword: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    created_at_before: str | Unset = UNSET,
    created_at_after: str | Unset = UNSET,
    created_by_end_user_session_id: str | Unset = UNSET,
    created_by_account: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        keyword=keyword,
        status=status,
        page=page,
        limit=limit,
        created_at_before=created_at_before,
        created_at_after=created_at_after,
        created_by_end_user_session_id=created_by_end_user_session_id,
        created_by_account=created_by_account,
    )
