from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation_list_item import ConversationListItem
from ...models.conversation_rename_request import ConversationRenameRequest
from ...types import Response


def _get_kwargs(
    conversation_id: UUID,
    *,
    body: ConversationRenameRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversations/{conversation_id}/name".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConversationListItem | None:
    if response.status_code == 200:
        response_200 = ConversationListItem.from_dict(response.json())

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
) -> Response[Any | ConversationListItem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationRenameRequest,
) -> Response[Any | ConversationListItem]:
    """Rename Conversation

     Rename a conversation or auto-generate a name. The conversation name is used for display on clients
    that support multiple conversations.

    Args:
        conversation_id (UUID):
        body (ConversationRenameRequest): Request body for renaming a conversation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationListItem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationRenameRequest,
) -> Any | ConversationListItem | None:
    """Rename Conversation

     Rename a conversation or auto-generate a name. The conversation name is used for display on clients
    that support multiple conversations.

    Args:
        conversation_id (UUID):
        body (ConversationRenameRequest): Request body for renaming a conversation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationListItem
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationRenameRequest,
) -> Response[Any | ConversationListItem]:
    """Rename Conversation

     Rename a conversation or auto-generate a name. The conversation name is used for display on clients
    that support multiple conversations.

    Args:
        conversation_id (UUID):
        body (ConversationRenameRequest): Request body for renaming a conversation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationListItem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationRenameRequest,
) -> Any | ConversationListItem | None:
    """Rename Conversation

     Rename a conversation or auto-generate a name. The conversation name is used for display on clients
    that support multiple conversations.

    Args:
        conversation_id (UUID):
        body (ConversationRenameRequest): Request body for renaming a conversation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationListItem
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    conversation_id: UUID,
    *,
    body: ConversationRenameRequest,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        conversation_id=conversation_id,
        body=body,
    )
