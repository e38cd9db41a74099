from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.workflow_run_detail_response import WorkflowRunDetailResponse
from ...types import Response


def _get_kwargs(
    workflow_run_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workflows/run/{workflow_run_id}".format(
            workflow_run_id=quote(str(workflow_run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | WorkflowRunDetailResponse | None:
    if response.status_code == 200:
        response_200 = WorkflowRunDetailResponse.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | WorkflowRunDetailResponse]:
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
) -> Response[Any | WorkflowRunDetailResponse]:
    """Get Workflow Run Detail

     Retrieve the current execution results of a workflow task based on the workflow execution ID.

    Args:
        workflow_run_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | WorkflowRunDetailResponse]
    """

    kwargs = _get_kwargs(
        workflow_run_id=workflow_run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | WorkflowRunDetailResponse | None:
    """Get Workflow Run Detail

     Retrieve the current execution results of a workflow task based on the workflow execution ID.

    Args:
        workflow_run_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | WorkflowRunDetailResponse
    """

    return sync_detailed(
        workflow_run_id=workflow_run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | WorkflowRunDetailResponse]:
    """Get Workflow Run Detail

     Retrieve the current execution results of a workflow task based on the workflow execution ID.

    Args:
        workflow_run_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | WorkflowRunDetailResponse]
    """

    kwargs = _get_kwargs(
        workflow_run_id=workflow_run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_run_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | WorkflowRunDetailResponse | None:
    """Get Workflow Run Detail

     Retrieve the current execution results of a workflow task based on the workflow execution ID.

    Args:
        workflow_run_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | WorkflowRunDetailResponse
    """

    return (
        await asyncio_detailed(
            workflow_run_id=workflow_run_id,
            client=client,
        )
    ).parsed


def build_request(
    workflow_run_id: UUID,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        workflow_run_id=workflow_run_id,
    )
