from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation_variables_response import ConversationVariablesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: UUID,
    *,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user"] = user

    json_last_id: str | Unset = UNSET
    if not isinstance(last_id, Unset):
        json_last_id = str(last_id)
    params["last_id"] = json_last_id

    params["limit"] = limit

    params["variable_name"] = variable_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/{conversation_id}/variables".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConversationVariablesResponse | None:
    if response.status_code == 200:
        response_200 = ConversationVariablesResponse.from_dict(response.json())

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
) -> Response[Any | ConversationVariablesResponse]:
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
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> Response[Any | ConversationVariablesResponse]:
    """List Conversation Variables

     Retrieve variables from a specific conversation.

    Args:
        conversation_id (UUID):
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        variable_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationVariablesResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        last_id=last_id,
        limit=limit,
        variable_name=variable_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> Any | ConversationVariablesResponse | None:
    """List Conversation Variables

     Retrieve variables from a specific conversation.

    Args:
        conversation_id (UUID):
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        variable_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationVariablesResponse
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        user=user,
        last_id=last_id,
        limit=limit,
        variable_name=variable_name,
    ).parsed


async def asyncio_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> Response[Any | ConversationVariablesResponse]:
    """List Conversation Variables

     Retrieve variables from a specific conversation.

    Args:
        conversation_id (UUID):
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        variable_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationVariablesResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        last_id=last_id,
        limit=limit,
        variable_name=variable_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> Any | ConversationVariablesResponse | None:
    """List Conversation Variables

     Retrieve variables from a specific conversation.

    Args:
        conversation_id (UUID):
        user (str | Unset):
        last_id (UUID | Unset):
        limit (int | Unset):
        variable_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationVariablesResponse
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            user=user,
            last_id=last_id,
            limit=limit,
            variable_name=variable_name,
        )
    ).parsed


def build_request(
    conversation_id: UUID,
    *,
    user: str | Unset = UNSET,
    last_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    variable_name: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        conversation_id=conversation_id,
        user=user,
        last_id=last_id,
        limit=limit,
        variable_name=variable_name,
    )
