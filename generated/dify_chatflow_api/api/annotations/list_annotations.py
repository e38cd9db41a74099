from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.annotation_list_response import AnnotationListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["keyword"] = keyword

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/apps/annotations",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnnotationListResponse | None:
    if response.status_code == 200:
        response_200 = AnnotationListResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AnnotationListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> Response[AnnotationListResponse]:
    """List Annotations

     Retrieves a paginated list of annotations for the application. Supports keyword search filtering.

    Args:
        page (int | Unset):
        limit (int | Unset):
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        keyword=keyword,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> AnnotationListResponse | None:
    """List Annotations

     Retrieves a paginated list of annotations for the application. Supports keyword search filtering.

    Args:
        page (int | Unset):
        limit (int | Unset):
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationListResponse
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
        keyword=keyword,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> Response[AnnotationListResponse]:
    """List Annotations

     Retrieves a paginated list of annotations for the application. Supports keyword search filtering.

    Args:
        page (int | Unset):
        limit (int | Unset):
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
        keyword=keyword,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> AnnotationListResponse | None:
    """List Annotations

     Retrieves a paginated list of annotations for the application. Supports keyword search filtering.

    Args:
        page (int | Unset):
        limit (int | Unset):
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
            keyword=keyword,
        )
    ).parsed


def build_request(
    *,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    keyword: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        page=page,
        limit=limit,
        keyword=keyword,
    )
