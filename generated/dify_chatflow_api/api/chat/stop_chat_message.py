from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_stop_request import ChatStopRequest
from ...models.stop_chat_message_response_200 import StopChatMessageResponse200
from ...types import Response


def _get_kwargs(
    task_id: UUID,
    *,
    body: ChatStopRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat-messages/{task_id}/stop".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | StopChatMessageResponse200 | None:
    if response.status_code == 200:
        response_200 = StopChatMessageResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | StopChatMessageResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatStopRequest,
) -> Response[Any | StopChatMessageResponse200]:
    """Stop Chat Message Generation

     Stops a chat message generation task. Only supported in `streaming` mode.

    Args:
        task_id (UUID):
        body (ChatStopRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | StopChatMessageResponse200]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatStopRequest,
) -> Any | StopChatMessageResponse200 | None:
    """Stop Chat Message Generation

     Stops a chat message generation task. Only supported in `streaming` mode.

    Args:
        task_id (UUID):
        body (ChatStopRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | StopChatMessageResponse200
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatStopRequest,
) -> Response[Any | StopChatMessageResponse200]:
    """Stop Chat Message Generation

     Stops a chat message generation task. Only supported in `streaming` mode.

    Args:
        task_id (UUID):
        body (ChatStopRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | StopChatMessageResponse200]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatStopRequest,
) -> Any | StopChatMessageResponse200 | None:
    """Stop Chat Message Generation

     Stops a chat message generation task. Only supported in `streaming` mode.

    Args:
        task_id (UUID):
        body (ChatStopRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | StopChatMessageResponse200
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    task_id: UUID,
    *,
    body: ChatStopRequest,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        task_id=task_id,
        body=body,
    )
