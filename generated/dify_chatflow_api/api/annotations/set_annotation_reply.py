from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.annotation_reply_settings_request import AnnotationReplySettingsRequest
from ...models.initial_annotation_reply_settings_response import InitialAnnotationReplySettingsResponse
from ...types import Response


def _get_kwargs(
    action: str,
    *,
    body: AnnotationReplySettingsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/apps/annotation-reply/{action}".format(
            action=quote(str(action), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InitialAnnotationReplySettingsResponse | None:
    if response.status_code == 200:
        response_200 = InitialAnnotationReplySettingsResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InitialAnnotationReplySettingsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationReplySettingsRequest,
) -> Response[InitialAnnotationReplySettingsResponse]:
    """Configure Annotation Reply

     Enables or disables the annotation reply feature. The request body is validated before the action
    runs, so `embedding_provider_name`, `embedding_model_name`, and `score_threshold` are required for
    both `enable` and `disable`. Executes asynchronously; use [Get Annotation Reply Job Status](/api-
    reference/annotations/get-annotation-reply-job-status) to track progress.

    Args:
        action (str):
        body (AnnotationReplySettingsRequest): Request body for configuring annotation reply
            settings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InitialAnnotationReplySettingsResponse]
    """

    kwargs = _get_kwargs(
        action=action,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationReplySettingsRequest,
) -> InitialAnnotationReplySettingsResponse | None:
    """Configure Annotation Reply

     Enables or disables the annotation reply feature. The request body is validated before the action
    runs, so `embedding_provider_name`, `embedding_model_name`, and `score_threshold` are required for
    both `enable` and `disable`. Executes asynchronously; use [Get Annotation Reply Job Status](/api-
    reference/annotations/get-annotation-reply-job-status) to track progress.

    Args:
        action (str):
        body (AnnotationReplySettingsRequest): Request body for configuring annotation reply
            settings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InitialAnnotationReplySettingsResponse
    """

    return sync_detailed(
        action=action,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationReplySettingsRequest,
) -> Response[InitialAnnotationReplySettingsResponse]:
    """Configure Annotation Reply

     Enables or disables the annotation reply feature. The request body is validated before the action
    runs, so `embedding_provider_name`, `embedding_model_name`, and `score_threshold` are required for
    both `enable` and `disable`. Executes asynchronously; use [Get Annotation Reply Job Status](/api-
    reference/annotations/get-annotation-reply-job-status) to track progress.

    Args:
        action (str):
        body (AnnotationReplySettingsRequest): Request body for configuring annotation reply
            settings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InitialAnnotationReplySettingsResponse]
    """

    kwargs = _get_kwargs(
        action=action,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationReplySettingsRequest,
) -> InitialAnnotationReplySettingsResponse | None:
    """Configure Annotation Reply

     Enables or disables the annotation reply feature. The request body is validated before the action
    runs, so `embedding_provider_name`, `embedding_model_name`, and `score_threshold` are required for
    both `enable` and `disable`. Executes asynchronously; use [Get Annotation Reply Job Status](/api-
    reference/annotations/get-annotation-reply-job-status) to track progress.

    Args:
        action (str):
        body (AnnotationReplySettingsRequest): Request body for configuring annotation reply
            settings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InitialAnnotationReplySettingsResponse
    """

    return (
        await asyncio_detailed(
            action=action,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    action: str,
    *,
    body: AnnotationReplySettingsRequest,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        action=action,
        body=body,
    )
