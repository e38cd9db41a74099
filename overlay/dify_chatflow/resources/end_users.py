"""``client.end_users``: the server's record of an end user (Dify 1.14 and later).

:class:`_EndUserFlows` holds the read, written once as a flow (see ``_flows``);
:class:`EndUsers` and :class:`AsyncEndUsers` are thin shells.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .. import _binding
from .._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    ClientCore,
    Flow,
    RequestOptions,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
)
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from ._responses import model_of

if TYPE_CHECKING:
    from uuid import UUID

    from ..types.end_users import EndUser

__all__ = [
    "AsyncEndUsers",
    "AsyncEndUsersWithRawResponse",
    "EndUsers",
    "EndUsersWithRawResponse",
]


class _EndUserFlows:
    """The end user read as a flow, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def get_flow(self, end_user_id: str | UUID, *, options: RequestOptions) -> Flow[EndUser]:
        """``GET /end-users/{end_user_id}``."""
        core = self._core
        request = _binding.build("end_users.get", core.uuid(end_user_id, "end_user_id"))
        response = yield from core.execute(request, options)
        from ..types.end_users import EndUser

        return model_of(response, EndUser.from_json)


class EndUsers(SyncAPIResource):
    """End users through a blocking client: ``client.end_users``."""

    @cached_property
    def with_raw_response(self) -> EndUsersWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return EndUsersWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _EndUserFlows(client._core)

    def get(
        self,
        end_user_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> EndUser:
        """The end user with this id (the server's id, an uploaded file's ``created_by``).

        An unknown id raises :class:`EndUserNotFoundError`; Dify before 1.14 has no such
        route and answers an HTML 404: :class:`NotFoundError`, whose message says so.
        """
        return self._client._run(
            self._flows.get_flow(
                end_user_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )


class AsyncEndUsers(AsyncAPIResource):
    """End users through an async client: ``client.end_users``."""

    @cached_property
    def with_raw_response(self) -> AsyncEndUsersWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncEndUsersWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _EndUserFlows(client._core)

    async def get(
        self,
        end_user_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> EndUser:
        """Async :meth:`EndUsers.get`."""
        return await self._client._run(
            self._flows.get_flow(
                end_user_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )


class EndUsersWithRawResponse:
    """``client.end_users.with_raw_response``: each method of :class:`EndUsers`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: EndUsers) -> None:
        self.get = to_raw_response_wrapper(resource.get)


class AsyncEndUsersWithRawResponse:
    """``async_client.end_users.with_raw_response``: each method of :class:`AsyncEndUsers`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncEndUsers) -> None:
        self.get = async_to_raw_response_wrapper(resource.get)
