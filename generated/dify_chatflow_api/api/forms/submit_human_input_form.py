from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.human_input_form_submission import HumanInputFormSubmission
from ...models.submit_human_input_form_response_200 import SubmitHumanInputFormResponse200
from ...types import Response


def _get_kwargs(
    form_token: str,
    *,
    body: HumanInputFormSubmission,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/form/human_input/{form_token}".format(
            form_token=quote(str(form_token), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | SubmitHumanInputFormResponse200 | None:
    if response.status_code == 200:
        response_200 = SubmitHumanInputFormResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

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
) -> Response[Any | SubmitHumanInputFormResponse200]:
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
    body: HumanInputFormSubmission,
) -> Response[Any | SubmitHumanInputFormResponse200]:
    """Submit Human Input Form

     Submit the recipient's response to a paused Human Input form. The workflow resumes on acceptance;
    follow subsequent events via the Stream Workflow Events endpoint. Requires WebApp delivery.

    Args:
        form_token (str):
        body (HumanInputFormSubmission):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | SubmitHumanInputFormResponse200]
    """

    kwargs = _get_kwargs(
        form_token=form_token,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: HumanInputFormSubmission,
) -> Any | SubmitHumanInputFormResponse200 | None:
    """Submit Human Input Form

     Submit the recipient's response to a paused Human Input form. The workflow resumes on acceptance;
    follow subsequent events via the Stream Workflow Events endpoint. Requires WebApp delivery.

    Args:
        form_token (str):
        body (HumanInputFormSubmission):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | SubmitHumanInputFormResponse200
    """

    return sync_detailed(
        form_token=form_token,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: HumanInputFormSubmission,
) -> Response[Any | SubmitHumanInputFormResponse200]:
    """Submit Human Input Form

     Submit the recipient's response to a paused Human Input form. The workflow resumes on acceptance;
    follow subsequent events via the Stream Workflow Events endpoint. Requires WebApp delivery.

    Args:
        form_token (str):
        body (HumanInputFormSubmission):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | SubmitHumanInputFormResponse200]
    """

    kwargs = _get_kwargs(
        form_token=form_token,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    form_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: HumanInputFormSubmission,
) -> Any | SubmitHumanInputFormResponse200 | None:
    """Submit Human Input Form

     Submit the recipient's response to a paused Human Input form. The workflow resumes on acceptance;
    follow subsequent events via the Stream Workflow Events endpoint. Requires WebApp delivery.

    Args:
        form_token (str):
        body (HumanInputFormSubmission):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | SubmitHumanInputFormResponse200
    """

    return (
        await asyncio_detailed(
            form_token=form_token,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    form_token: str,
    *,
    body: HumanInputFormSubmission,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation.

    ``url`` is relative to the API root. This is the request ``sync_detailed`` sends.
    """
    return _get_kwargs(
        form_token=form_token,
        body=body,
    )
