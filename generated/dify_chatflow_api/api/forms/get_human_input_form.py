from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_human_input_form_response_200 import GetHumanInputFormResponse200
from ...types import Response


def _get_kwargs(
    form_token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/form/human_input/{form_token}".format(
            form_token=quote(str(form_token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetHumanInputFormResponse200 | None:
    if response.status_code == 200:
        response_200 = GetHumanInputFormResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 412:
        response_412 = cast(Any, None)
        return response_412

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GetHumanInputFormResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GetHumanInputFormResponse200]:
    """Get Human Input Form

     Retrieve a paused Human Input form's contents. Requires WebApp delivery.

    See the [API Integration Flow](/en/api-reference/guides/human-input-flow) for the end-to-end
    sequence of calling Human Input endpoints.

    Args:
        form_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetHumanInputFormResponse200]
    """

    kwargs = _get_kwargs(
        form_token=form_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GetHumanInputFormResponse200 | None:
    """Get Human Input Form

     Retrieve a paused Human Input form's contents. Requires WebApp delivery.

    See the [API Integration Flow](/en/api-reference/guides/human-input-flow) for the end-to-end
    sequence of calling Human Input endpoints.

    Args:
        form_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetHumanInputFormResponse200
    """

    return sync_detailed(
        form_token=form_token,
        client=client,
    ).parsed


async def asyncio_detailed(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GetHumanInputFormResponse200]:
    """Get Human Input Form

     Retrieve a paused Human Input form's contents. Requires WebApp delivery.

    See the [API Integration Flow](/en/api-reference/guides/human-input-flow) for the end-to-end
    sequence of calling Human Input endpoints.

    Args:
        form_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetHumanInputFormResponse200]
    """

    kwargs = _get_kwargs(
        form_token=form_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GetHumanInputFormResponse200 | None:
    """Get Human Input Form

     Retrieve a paused Human Input form's contents. Requires WebApp delivery.

    See the [API Integration Flow](/en/api-reference/guides/human-input-flow) for the end-to-end
    sequence of calling Human Input endpoints.

    Args:
        form_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetHumanInputFormResponse200
    """

    return (
        await asyncio_detailed(
            form_token=form_token,
            client=client,
        )
    ).parsed


def build_request(
    form_token: str,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        form_token=form_token,
    )
