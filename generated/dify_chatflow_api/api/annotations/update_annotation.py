from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.annotation_item import AnnotationItem
from ...models.annotation_update_request import AnnotationUpdateRequest
from ...types import Response


def _get_kwargs(
    annotation_id: UUID,
    *,
    body: AnnotationUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/apps/annotations/{annotation_id}".format(
            annotation_id=quote(str(annotation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnnotationItem | Any | None:
    if response.status_code == 200:
        response_200 = AnnotationItem.from_dict(response.json())

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
) -> Response[AnnotationItem | Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    annotation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationUpdateRequest,
) -> Response[AnnotationItem | Any]:
    """Update Annotation

     Updates the question and answer of an existing annotation.

    Args:
        annotation_id (UUID):
        body (AnnotationUpdateRequest): Request body for updating an annotation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationItem | Any]
    """

    kwargs = _get_kwargs(
        annotation_id=annotation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    annotation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationUpdateRequest,
) -> AnnotationItem | Any | None:
    """Update Annotation

     Updates the question and answer of an existing annotation.

    Args:
        annotation_id (UUID):
        body (AnnotationUpdateRequest): Request body for updating an annotation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationItem | Any
    """

    return sync_detailed(
        annotation_id=annotation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    annotation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationUpdateRequest,
) -> Response[AnnotationItem | Any]:
    """Update Annotation

     Updates the question and answer of an existing annotation.

    Args:
        annotation_id (UUID):
        body (AnnotationUpdateRequest): Request body for updating an annotation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationItem | Any]
    """

    kwargs = _get_kwargs(
        annotation_id=annotation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    annotation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AnnotationUpdateRequest,
) -> AnnotationItem | Any | None:
    """Update Annotation

     Updates the question and answer of an existing annotation.

    Args:
        annotation_id (UUID):
        body (AnnotationUpdateRequest): Request body for updating an annotation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationItem | Any
    """

    return (
        await asyncio_detailed(
            annotation_id=annotation_id,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    annotation_id: UUID,
    *,
    body: AnnotationUpdateRequest,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        annotation_id=annotation_id,
        body=body,
    )
