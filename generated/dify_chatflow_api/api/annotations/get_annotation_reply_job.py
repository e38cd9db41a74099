from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.initial_annotation_reply_settings_status_response import InitialAnnotationReplySettingsStatusResponse
from ...types import Response


def _get_kwargs(
    action: str,
    job_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/apps/annotation-reply/{action}/status/{job_id}".format(
            action=quote(str(action), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InitialAnnotationReplySettingsStatusResponse | None:
    if response.status_code == 200:
        response_200 = InitialAnnotationReplySettingsStatusResponse.from_dict(response.json())

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
) -> Response[Any | InitialAnnotationReplySettingsStatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    action: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InitialAnnotationReplySettingsStatusResponse]:
    """Get Annotation Reply Job Status

     Retrieves the status of an asynchronous annotation reply configuration job started by [Configure
    Annotation Reply](/api-reference/annotations/configure-annotation-reply).

    Args:
        action (str):
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InitialAnnotationReplySettingsStatusResponse]
    """

    kwargs = _get_kwargs(
        action=action,
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InitialAnnotationReplySettingsStatusResponse | None:
    """Get Annotation Reply Job Status

     Retrieves the status of an asynchronous annotation reply configuration job started by [Configure
    Annotation Reply](/api-reference/annotations/configure-annotation-reply).

    Args:
        action (str):
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InitialAnnotationReplySettingsStatusResponse
    """

    return sync_detailed(
        action=action,
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    action: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InitialAnnotationReplySettingsStatusResponse]:
    """Get Annotation Reply Job Status

     Retrieves the status of an asynchronous annotation reply configuration job started by [Configure
    Annotation Reply](/api-reference/annotations/configure-annotation-reply).

    Args:
        action (str):
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InitialAnnotationReplySettingsStatusResponse]
    """

    kwargs = _get_kwargs(
        action=action,
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InitialAnnotationReplySettingsStatusResponse | None:
    """Get Annotation Reply Job Status

     Retrieves the status of an asynchronous annotation reply configuration job started by [Configure
    Annotation Reply](/api-reference/annotations/configure-annotation-reply).

    Args:
        action (str):
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InitialAnnotationReplySettingsStatusResponse
    """

    return (
        await asyncio_detailed(
            action=action,
            job_id=job_id,
            client=client,
        )
    ).parsed


def build_request(
    action: str,
    job_id: UUID,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        action=action,
        job_id=job_id,
    )
