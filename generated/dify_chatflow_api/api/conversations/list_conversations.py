from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversations_list_response import ConversationsListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user"] = user

    json_last_id: str | Unset = UNSET
    if not isinstance(last_id, Unset):
        json_last_id = str(last_id)
    params["last_id"] = json_last_id

    params["limit"] = limit

    params["sort_by"] = sort_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConversationsListResponse | None:
    if response.status_code == 200:
        response_200 = ConversationsListResponse.from_dict(response.json())

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
) -> Response[Any | ConversationsListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> Response[Any | ConversationsListResponse]:
    """List Conversations

     Retrieve the conversation list for the current user, ordered by most recently active.

    Args:
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        sort_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationsListResponse]
    """

    kwargs = _get_kwargs(
        user=user,
        last_id=last_id,
        limit=limit,
        sort_by=sort_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> Any | ConversationsListResponse | None:
    """List Conversations

     Retrieve the conversation list for the current user, ordered by most recently active.

    Args:
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        sort_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationsListResponse
    """

    return sync_detailed(
        client=client,
        user=user,
        last_id=last_id,
        limit=limit,
        sort_by=sort_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> Response[Any | ConversationsListResponse]:
    """List Conversations

     Retrieve the conversation list for the current user, ordered by most recently active.

    Args:
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        sort_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationsListResponse]
    """

    kwargs = _get_kwargs(
        user=user,
        last_id=last_id,
        limit=limit,
        sort_by=sort_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> Any | ConversationsListResponse | None:
    """List Conversations

     Retrieve the conversation list for the current user, ordered by most recently active.

    Args:
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        sort_by (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationsListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            user=user,
            last_id=last_id,
            limit=limit,
            sort_by=sort_by,
        )
    ).parsed


def build_request(
    *,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        user=user,
        last_id=last_id,
        limit=limit,
        sort_by=sort_by,
    )
