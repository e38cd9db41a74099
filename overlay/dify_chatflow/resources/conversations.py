"""``client.conversations``: list, rename and delete the end user's conversations.

:class:`_ConversationFlows` holds the operations, written once as flows (see
``_flows``); :class:`Conversations` and :class:`AsyncConversations` are thin shells
with the public signatures. Listing pages by ``last_id`` through :class:`SyncPager` /
:class:`AsyncPager`, which fetch pages as the caller reads on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

import httpx

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
from .._constants import PAGE_LIMIT
from .._exceptions import ConfigurationError, ConversationNotFoundError
from .._pagination import AsyncPager, CursorWalk, SyncPager, check_page_size
from .._response import (
    async_pager_raw_wrapper,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN
from ._responses import model_of, page_of

if TYPE_CHECKING:
    from uuid import UUID

    from ..types.conversations import Conversation

__all__ = [
    "AsyncConversations",
    "AsyncConversationsWithRawResponse",
    "Conversations",
    "ConversationsWithRawResponse",
    "SortBy",
]

SortBy = Literal["created_at", "-created_at", "updated_at", "-updated_at"]
"""The orders ``GET /conversations`` can list in (``-``: newest first)."""

_SORTS: Final = ("created_at", "-created_at", "updated_at", "-updated_at")
T = TypeVar("T")


class _ConversationFlows:
    """The conversation operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def list_walks(
        self,
        *,
        sort_by: SortBy,
        page_size: int,
        options: RequestOptions,
    ) -> Callable[[], CursorWalk[Conversation]]:
        """Check the arguments now; return what starts one walk through the pages."""
        core = self._core
        end_user = core.end_user(options.user)
        if sort_by not in _SORTS:
            raise ConfigurationError(f"sort_by must be one of {', '.join(_SORTS)}; got {sort_by!r}")
        check_page_size(page_size)

        def fetch(after: Conversation | None) -> Flow[tuple[list[Conversation], bool]]:
            from ..types.conversations import Conversation

            request = _binding.build(
                "conversations.list",
                query={
                    "user": end_user,
                    "last_id": None if after is None else after.id,
                    "limit": page_size,
                    "sort_by": sort_by,
                },
            )
            response = yield from core.execute(request, options)
            return page_of(response, Conversation.from_json)

        # The server's cursor compares the sort field's timestamps, in whole seconds.
        boundary = attrgetter(sort_by.lstrip("-"))
        return lambda: CursorWalk("conversation", fetch, boundary=boundary, page_size=page_size)

    def rename_flow(
        self,
        conversation_id: str | UUID,
        name: str | None,
        *,
        auto_generate: bool,
        options: RequestOptions,
    ) -> Flow[Conversation]:
        """Set a conversation's name, or have the server generate one."""
        if type(auto_generate) is not bool:
            raise ConfigurationError(f"auto_generate must be a bool, got {auto_generate!r}")
        if name is not None and type(name) is not str:
            raise ConfigurationError(f"name must be a str or None, got a {type(name).__name__}")
        if not auto_generate and not name:
            # The server would answer 500 (1.10) or 400 (newer) after the request.
            raise ConfigurationError(
                "rename needs a non-empty name, or auto_generate=True to let the server "
                "generate one; nothing was sent"
            )
        core = self._core
        cid = core.uuid(conversation_id, "conversation_id")
        payload: dict[str, Any] = {
            "auto_generate": auto_generate,
            "user": core.end_user(options.user),
        }
        if name is not None:
            payload["name"] = name
        request = _binding.build("conversations.rename", cid, body=payload)
        response = yield from core.execute(request, options)
        from ..types.conversations import Conversation

        return model_of(response, Conversation.from_json)

    def delete_flow(
        self,
        conversation_id: str | UUID,
        *,
        options: RequestOptions,
    ) -> Flow[None]:
        """Delete a conversation, retried like every idempotent request.

        A retry that meets 404 after an earlier attempt's answer was lost on the way back
        (the connection broke while waiting for it, or a gateway answered 502 / 504) means
        that attempt deleted it: newer servers answer a second delete with 404.
        """
        core = self._core
        cid = core.uuid(conversation_id, "conversation_id")
        request = _binding.build(
            "conversations.delete", cid, body={"user": core.end_user(options.user)}
        )
        watch = _LostResponses()
        try:
            yield from watch.relay(core.execute(request, options))
        except ConversationNotFoundError:
            if not watch.seen:
                raise
        return None


# Gateways answer these when the server's response did not reach them: the request may
# have been carried out.
_GATEWAY_FAILURES: Final = frozenset({502, 504})
# Sends that failed after the request went out, while waiting for the response.
_RESPONSE_LOST: Final = (httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError)


class _LostResponses:
    """Relays a request flow and notes whether an attempt may have been carried out by
    the server although its response never arrived."""

    def __init__(self) -> None:
        self.seen = False

    def relay(self, flow: Flow[T]) -> Flow[T]:
        """Run ``flow`` step by step, watching what each attempt got."""
        try:
            step = next(flow)
            while True:
                try:
                    outcome = yield step
                except httpx.RequestError as exc:
                    self.seen = self.seen or isinstance(exc, _RESPONSE_LOST)
                    step = flow.throw(exc)
                else:
                    if isinstance(outcome, httpx.Response):
                        self.seen = self.seen or outcome.status_code in _GATEWAY_FAILURES
                    step = flow.send(outcome)
        except StopIteration as done:
            result: T = done.value
            return result
        finally:
            flow.close()


class Conversations(SyncAPIResource):
    """The end user's conversations through a blocking client: ``client.conversations``."""

    @cached_property
    def with_raw_response(self) -> ConversationsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return ConversationsWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _ConversationFlows(client._core)

    def list(
        self,
        *,
        user: str | None = None,
        sort_by: SortBy = "-updated_at",
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncPager[Conversation]:
        """The end user's conversations, newest activity first by default.

        Returns at once; iterating fetches ``page_size`` conversations (1-100) at a time,
        as the loop reads on, and each new loop starts again from the first page. The next
        page is fetched before the last conversation of a page is handed out, so deleting
        each one inside the loop is safe. ``sort_by`` is ``"created_at"``,
        ``"-created_at"``, ``"updated_at"`` or ``"-updated_at"``. Arguments are checked
        here (:class:`ConfigurationError`). When the server's paging breaks the loop
        raises :class:`PaginationError`, whose ``partial`` holds what was read: the server
        compares whole seconds, so when the last two conversations of a page share one,
        the others of that second are left out of the next page (and of ``has_more``).
        """
        start = self._flows.list_walks(
            sort_by=sort_by,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
        )
        return SyncPager(self._client, start)

    def rename(
        self,
        conversation_id: str | UUID,
        name: str | None = None,
        *,
        auto_generate: bool = False,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Conversation:
        """Rename a conversation and return it as stored.

        With ``auto_generate=True`` the server asks its model to name it from its first
        message (``name`` is then ignored); a server without a model returns the
        conversation unchanged, and a conversation without messages is refused (400).
        Neither a name nor ``auto_generate`` raises :class:`ConfigurationError` before
        anything is sent (servers answer that with a 400 or a 500). An unknown
        conversation, or another user's, raises :class:`ConversationNotFoundError`.
        """
        return self._client._run(
            self._flows.rename_flow(
                conversation_id,
                name,
                auto_generate=auto_generate,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    def delete(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Delete a conversation (its messages and variables go with it).

        Retried like every idempotent request. A conversation that does not exist (or
        was deleted already: Dify 1.16 answers 404 there, 1.10 204) raises
        :class:`ConversationNotFoundError`, except on a retry after an attempt whose
        answer was lost: that attempt deleted it, and the call succeeds.
        """
        return self._client._run(
            self._flows.delete_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )


class AsyncConversations(AsyncAPIResource):
    """The end user's conversations through an async client: ``client.conversations``."""

    @cached_property
    def with_raw_response(self) -> AsyncConversationsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncConversationsWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _ConversationFlows(client._core)

    def list(
        self,
        *,
        user: str | None = None,
        sort_by: SortBy = "-updated_at",
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncPager[Conversation]:
        """:meth:`Conversations.list` for ``async for`` (not awaited itself)."""
        start = self._flows.list_walks(
            sort_by=sort_by,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
        )
        return AsyncPager(self._client, start)

    async def rename(
        self,
        conversation_id: str | UUID,
        name: str | None = None,
        *,
        auto_generate: bool = False,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Conversation:
        """Async :meth:`Conversations.rename`."""
        return await self._client._run(
            self._flows.rename_flow(
                conversation_id,
                name,
                auto_generate=auto_generate,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    async def delete(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Async :meth:`Conversations.delete`."""
        return await self._client._run(
            self._flows.delete_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )


class ConversationsWithRawResponse:
    """``client.conversations.with_raw_response``: each method of :class:`Conversations`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Conversations) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.rename = to_raw_response_wrapper(resource.rename)
        self.delete = to_raw_response_wrapper(resource.delete)


class AsyncConversationsWithRawResponse:
    """``async_client.conversations.with_raw_response``: each method of :class:`AsyncConversations`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncConversations) -> None:
        self.list = async_pager_raw_wrapper(resource.list)
        self.rename = async_to_raw_response_wrapper(resource.rename)
        self.delete = async_to_raw_response_wrapper(resource.delete)
