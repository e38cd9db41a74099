from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.message_feedback_request import MessageFeedbackRequest
from ...models.send_message_feedback_response_200 import SendMessageFeedbackResponse200
from ...types import Response


def _get_kwargs(
    message_id: UUID,
    *,
    body: MessageFeedbackRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/messages/{message_id}/feedbacks".format(
            message_id=quote(str(message_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | SendMessageFeedbackResponse200 | None:
    if response.status_code == 200:
        response_200 = SendMessageFeedbackResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | SendMessageFeedbackResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MessageFeedbackRequest,
) -> Response[Any | SendMessageFeedbackResponse200]:
    """Submit Message Feedback

     Submit feedback for a message. End users can rate messages as `like` or `dislike`, and optionally
    provide text feedback. Pass `null` for `rating` to revoke previously submitted feedback.

    Args:
        message_id (UUID):
        body (MessageFeedbackRequest): Request body for submitting message feedback.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | SendMessageFeedbackResponse200]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    message_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MessageFeedbackRequest,
) -> Any | SendMessageFeedbackResponse200 | None:
    """Submit Message Feedback

     Submit feedback for a message. End users can rate messages as `like` or `dislike`, and optionally
    provide text feedback. Pass `null` for `rating` to revoke previously submitted feedback.

    Args:
        message_id (UUID):
        body (MessageFeedbackRequest): Request body for submitting message feedback.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | SendMessageFeedbackResponse200
    """

    return sync_detailed(
        message_id=message_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MessageFeedbackRequest,
) -> Response[Any | SendMessageFeedbackResponse200]:
    """Submit Message Feedback

     Submit feedback for a message. End users can rate messages as `like` or `dislike`, and optionally
    provide text feedback. Pass `null` for `rating` to revoke previously submitted feedback.

    Args:
        message_id (UUID):
        body (MessageFeedbackRequest): Request body for submitting message feedback.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | SendMessageFeedbackResponse200]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    message_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MessageFeedbackRequest,
) -> Any | SendMessageFeedbackResponse200 | None:
    """Submit Message Feedback

     Submit feedback for a message. End users can rate messages as `like` or `dislike`, and optionally
    provide text feedback. Pass `null` for `rating` to revoke previously submitted feedback.

    Args:
        message_id (UUID):
        body (MessageFeedbackRequest): Request body for submitting message feedback.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | SendMessageFeedbackResponse200
    """

    return (
        await asyncio_detailed(
            message_id=message_id,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    message_id: UUID,
    *,
    body: MessageFeedbackRequest,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        message_id=message_id,
        body=body,
    )
