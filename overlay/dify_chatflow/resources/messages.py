"""``client.messages``: a conversation's history, feedback on a message, suggested questions.

:class:`_MessageFlows` holds the operations, written once as flows (see ``_flows``);
:class:`Messages` and :class:`AsyncMessages` are thin shells with the public signatures.
"""

from __future__ import annotations

import builtins
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal

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
from .._exceptions import ConfigurationError
from .._pagination import CursorWalk
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from ._responses import page_of, strings_of

if TYPE_CHECKING:
    from uuid import UUID

    from ..types.messages import Message

__all__ = [
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "Messages",
    "MessagesWithRawResponse",
    "Rating",
]

Rating = Literal["like", "dislike"]
"""A message's rating; ``None`` revokes the current user's rating."""

_RATINGS: Final = ("like", "dislike")


class _MessageFlows:
    """The message operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def list_flow(
        self,
        conversation_id: str | UUID,
        *,
        options: RequestOptions,
    ) -> Flow[list[Message]]:
        """Every message of a conversation, oldest first.

        The server answers the newest page first (each page oldest first) and pages to
        older messages with ``first_id``.
        """
        core = self._core
        cid = core.uuid(conversation_id, "conversation_id")
        end_user = core.end_user(options.user)

        def fetch(before: Message | None) -> Flow[tuple[list[Message], bool]]:
            from ..types.messages import Message

            request = _binding.build(
                "messages.list",
                query={
                    "user": end_user,
                    "conversation_id": cid,
                    "first_id": None if before is None else before.id,
                    "limit": PAGE_LIMIT,
                },
            )
            response = yield from core.execute(request, options)
            return page_of(response, Message.from_json)

        walk = CursorWalk(
            "message",
            fetch,
            boundary=attrgetter("created_at"),
            backwards=True,
            page_size=PAGE_LIMIT,
        )
        messages = yield from walk.all_pages()
        return messages

    def feedback_flow(
        self,
        message_id: str | UUID,
        rating: Rating | None,
        *,
        content: str | None,
        options: RequestOptions,
    ) -> Flow[None]:
        """Rate a message (``None`` revokes the rating)."""
        if not (rating is None or (isinstance(rating, str) and rating in _RATINGS)):
            raise ConfigurationError(
                f"rating must be 'like', 'dislike' or None (revokes the rating), got {rating!r}"
            )
        if content is not None and type(content) is not str:
            raise ConfigurationError(
                f"content must be a str or None, got a {type(content).__name__}"
            )
        core = self._core
        mid = core.uuid(message_id, "message_id")
        payload: dict[str, Any] = {"rating": rating, "user": core.end_user(options.user)}
        if content is not None:
            payload["content"] = content
        request = _binding.build("messages.feedback", mid, body=payload)
        # Setting the same rating again changes nothing: safe to retry.
        yield from core.execute(request, options)
        return None

    def suggested_flow(
        self,
        message_id: str | UUID,
        *,
        options: RequestOptions,
    ) -> Flow[list[str]]:
        """The questions the app suggests asking after a message."""
        core = self._core
        mid = core.uuid(message_id, "message_id")
        request = _binding.build(
            "messages.suggested", mid, query={"user": core.end_user(options.user)}
        )
        response = yield from core.execute(request, options)
        return strings_of(response)


class Messages(SyncAPIResource):
    """Conversation history and feedback through a blocking client: ``client.messages``."""

    @cached_property
    def with_raw_response(self) -> MessagesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return MessagesWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _MessageFlows(client._core)

    def list(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[Message]:
        """Every message of the conversation, oldest first, following all pages.

        The server pages to older messages by the first one's timestamp, in whole
        seconds: when a page boundary falls among messages of one second, the older ones
        of that second would be skipped, and :class:`PaginationError` is raised instead
        (``partial``: the newer messages read, oldest first). An unknown conversation, or
        another user's, raises :class:`ConversationNotFoundError`.
        """
        return self._client._run(
            self._flows.list_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    def feedback(
        self,
        message_id: str | UUID,
        rating: Rating | None,
        *,
        content: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Rate a message ``"like"`` or ``"dislike"`` (``content``: a comment), or revoke
        the rating with ``None``.

        Any other rating raises :class:`ConfigurationError` before anything is sent; an
        unknown message, or another user's, raises :class:`MessageNotFoundError`.
        """
        return self._client._run(
            self._flows.feedback_flow(
                message_id,
                rating,
                content=content,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    def suggested(
        self,
        message_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> builtins.list[str]:
        """The follow-up questions the app suggests after this message.

        Raises :class:`BadRequestError` when the app has suggestions switched off
        ("Suggested Questions Is Disabled.").
        """
        return self._client._run(
            self._flows.suggested_flow(
                message_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )


class AsyncMessages(AsyncAPIResource):
    """Conversation history and feedback through an async client: ``client.messages``."""

    @cached_property
    def with_raw_response(self) -> AsyncMessagesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncMessagesWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _MessageFlows(client._core)

    async def list(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[Message]:
        """Async :meth:`Messages.list`."""
        return await self._client._run(
            self._flows.list_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    async def feedback(
        self,
        message_id: str | UUID,
        rating: Rating | None,
        *,
        content: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Async :meth:`Messages.feedback`."""
        return await self._client._run(
            self._flows.feedback_flow(
                message_id,
                rating,
                content=content,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    async def suggested(
        self,
        message_id: str | UUID,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> builtins.list[str]:
        """Async :meth:`Messages.suggested`."""
        return await self._client._run(
            self._flows.suggested_flow(
                message_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )


class MessagesWithRawResponse:
    """``client.messages.with_raw_response``: each method of :class:`Messages`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Messages) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.feedback = to_raw_response_wrapper(resource.feedback)
        self.suggested = to_raw_response_wrapper(resource.suggested)


class AsyncMessagesWithRawResponse:
    """``async_client.messages.with_raw_response``: each method of :class:`AsyncMessages`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncMessages) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.feedback = async_to_raw_response_wrapper(resource.feedback)
        self.suggested = async_to_raw_response_wrapper(resource.suggested)
