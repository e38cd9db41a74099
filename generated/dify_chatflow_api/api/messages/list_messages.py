from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation_history_response import ConversationHistoryResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_conversation_id: str | Unset = UNSET
    if not isinstance(conversation_id, Unset):
        json_conversation_id = str(conversation_id)
    params["conversation_id"] = json_conversation_id

    params["user"] = user

    json_first_id: str | Unset = UNSET
    if not isinstance(first_id, Unset):
        json_first_id = str(first_id)
    params["first_id"] = json_first_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/messages",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConversationHistoryResponse | None:
    if response.status_code == 200:
        response_200 = ConversationHistoryResponse.from_dict(response.json())

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
) -> Response[Any | ConversationHistoryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Any | ConversationHistoryResponse]:
    """List Conversation Messages

     Returns historical chat records in a scrolling load format, with the first page returning the latest
    `limit` messages, i.e., in reverse order.

    Args:
        conversation_id (UUID | Unset):
        user (str | Unset):
        first_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationHistoryResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        first_id=first_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Any | ConversationHistoryResponse | None:
    """List Conversation Messages

     Returns historical chat records in a scrolling load format, with the first page returning the latest
    `limit` messages, i.e., in reverse order.

    Args:
        conversation_id (UUID | Unset):
        user (str | Unset):
        first_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationHistoryResponse
    """

    return sync_detailed(
        client=client,
        conversation_id=conversation_id,
        user=user,
        first_id=first_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Any | ConversationHistoryResponse]:
    """List Conversation Messages

     Returns historical chat records in a scrolling load format, with the first page returning the latest
    `limit` messages, i.e., in reverse order.

    Args:
        conversation_id (UUID | Unset):
        user (str | Unset):
        first_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationHistoryResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        first_id=first_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Any | ConversationHistoryResponse | None:
    """List Conversation Messages

     Returns historical chat records in a scrolling load format, with the first page returning the latest
    `limit` messages, i.e., in reverse order.

    Args:
        conversation_id (UUID | Unset):
        user (str | Unset):
        first_id (UUID | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationHistoryResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            conversation_id=conversation_id,
            user=user,
            first_id=first_id,
            limit=limit,
        )
    ).parsed


def build_request(
    *,
    conversation_id: UUID | Unset = UNSET,
    user: str | Unset = UNSET,
    first_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        first_id=first_id,
        limit=limit,
    )
