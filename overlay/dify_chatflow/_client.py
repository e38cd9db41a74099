"""``ChatflowClient`` and ``AsyncChatflowClient``: settings in, resources attached.

The clients' request layer lives in ``_base_client`` (flows in ``_flows``); each family of
operations is a resource module under ``resources/``. This module only wires them
together. A resource is made, and its module loaded, on first use (then kept on the
client): ``import dify_chatflow`` and a new client stay cheap. The sync and async clients
have the same resources.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient, Timeout
from ._constants import ASYNC_MAX_IN_FLIGHT, DEFAULT_MAX_RETRIES
from ._retry import RetryPolicy
from ._settings import Settings
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    from .resources.annotations import Annotations, AsyncAnnotations
    from .resources.app import App, AsyncApp
    from .resources.audio import AsyncAudio, Audio
    from .resources.chat import AsyncChat, Chat
    from .resources.conversations import AsyncConversations, Conversations
    from .resources.end_users import AsyncEndUsers, EndUsers
    from .resources.files import AsyncFiles, Files
    from .resources.forms import AsyncForms, Forms
    from .resources.messages import AsyncMessages, Messages
    from .resources.variables import AsyncVariables, Variables
    from .resources.workflows import AsyncWorkflows, Workflows

__all__ = ["AsyncChatflowClient", "ChatflowClient"]


class ChatflowClient(SyncAPIClient):
    """A blocking client for a Dify chatflow app.

    ``api_key``, ``base_url`` and ``user`` fall back to the ``DIFY_API_KEY`` /
    ``DIFY_BASE_URL`` / ``DIFY_USER`` environment variables (``base_url`` then to Dify
    Cloud, ``https://api.dify.ai/v1``). ``user`` is the end-user id that owns the
    conversations; pass it here or per call. ``timeout`` applies to every request
    (default :data:`DEFAULT_TIMEOUT`; ``None`` waits forever; blocking chat messages and
    streams have their own defaults), ``max_retries`` bounds retries of connection
    errors, timeouts, 408, 409, 429 and 5xx of idempotent requests (``retry_policy`` sets
    the waits). ``http_client`` lends your own ``httpx.Client`` (never closed by us);
    without ``timeout=`` its own timeout is used, or :data:`DEFAULT_TIMEOUT` if it has
    none. ``default_headers`` are sent with every request (an ``Authorization`` among
    them is refused: the key is ``api_key``). :meth:`with_options` gives a copy with other
    settings that shares the connection pool. Thread-safe: share one client between
    threads.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        settings = Settings(
            api_key, base_url, user, timeout, max_retries, retry_policy, default_headers
        )
        self._setup(settings, http_client, httpx.Client)

    @cached_property
    def chat(self) -> Chat:
        """Send chat messages (blocking or streamed), stop, recover and resume turns."""
        from .resources.chat import Chat

        return Chat(self)

    @cached_property
    def conversations(self) -> Conversations:
        """List, rename and delete the end user's conversations."""
        from .resources.conversations import Conversations

        return Conversations(self)

    @cached_property
    def messages(self) -> Messages:
        """A conversation's history, feedback on messages, suggested questions."""
        from .resources.messages import Messages

        return Messages(self)

    @cached_property
    def files(self) -> Files:
        """Upload files to send with chat messages; preview and download sent ones."""
        from .resources.files import Files

        return Files(self)

    @cached_property
    def app(self) -> App:
        """The app's info, input form and features, tool icons, web page settings, feedbacks."""
        from .resources.app import App

        return App(self)

    @cached_property
    def workflows(self) -> Workflows:
        """Workflow runs (a chat turn is one), their events, the app's workflow logs."""
        from .resources.workflows import Workflows

        return Workflows(self)

    @cached_property
    def forms(self) -> Forms:
        """The human input forms a paused run waits for (Dify 1.14+)."""
        from .resources.forms import Forms

        return Forms(self)

    @cached_property
    def end_users(self) -> EndUsers:
        """The server's records of end users (Dify 1.14+)."""
        from .resources.end_users import EndUsers

        return EndUsers(self)

    @cached_property
    def variables(self) -> Variables:
        """List, get, set and update conversation variables."""
        from .resources.variables import Variables

        return Variables(self)

    @cached_property
    def audio(self) -> Audio:
        """Speech to text and text to speech."""
        from .resources.audio import Audio

        return Audio(self)

    @cached_property
    def annotations(self) -> Annotations:
        """The app's annotations and annotation replies."""
        from .resources.annotations import Annotations

        return Annotations(self)


class AsyncChatflowClient(AsyncAPIClient):
    """The async twin of :class:`ChatflowClient`: same arguments, ``await`` every call.

    Pass ``http_client=DefaultAioHttpClient()`` (extra ``dify-chatflow[aiohttp]``) for a
    much faster connection pool under concurrency (close it yourself, e.g. ``async with``;
    a borrowed client is never closed by us). With our own httpx pool at most
    :data:`ASYNC_MAX_IN_FLIGHT` requests run at once. Safe to share between the tasks of
    one event loop. A client belongs to the event loop of its first call, as its pooled
    connections do: a call from another loop (e.g. a second ``asyncio.run()``) raises
    :class:`ConfigurationError` before sending; create one client per loop.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        settings = Settings(
            api_key, base_url, user, timeout, max_retries, retry_policy, default_headers
        )
        self._setup(settings, http_client, httpx.AsyncClient)
        # Requests beyond ASYNC_MAX_IN_FLIGHT wait in our queue, not in httpx's pool,
        # where a long queue is slow. A borrowed client sets its own limits.
        self._bind_loop(ASYNC_MAX_IN_FLIGHT if self._owns_http else None)

    @cached_property
    def chat(self) -> AsyncChat:
        """Send chat messages (blocking or streamed), stop, recover and resume turns."""
        from .resources.chat import AsyncChat

        return AsyncChat(self)

    @cached_property
    def conversations(self) -> AsyncConversations:
        """List, rename and delete the end user's conversations."""
        from .resources.conversations import AsyncConversations

        return AsyncConversations(self)

    @cached_property
    def messages(self) -> AsyncMessages:
        """A conversation's history, feedback on messages, suggested questions."""
        from .resources.messages import AsyncMessages

        return AsyncMessages(self)

    @cached_property
    def files(self) -> AsyncFiles:
        """Upload files to send with chat messages; preview and download sent ones."""
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def app(self) -> AsyncApp:
        """The app's info, input form and features, tool icons, web page settings, feedbacks."""
        from .resources.app import AsyncApp

        return AsyncApp(self)

    @cached_property
    def workflows(self) -> AsyncWorkflows:
        """Workflow runs (a chat turn is one), their events, the app's workflow logs."""
        from .resources.workflows import AsyncWorkflows

        return AsyncWorkflows(self)

    @cached_property
    def forms(self) -> AsyncForms:
        """The human input forms a paused run waits for (Dify 1.14+)."""
        from .resources.forms import AsyncForms

        return AsyncForms(self)

    @cached_property
    def end_users(self) -> AsyncEndUsers:
        """The server's records of end users (Dify 1.14+)."""
        from .resources.end_users import AsyncEndUsers

        return AsyncEndUsers(self)

    @cached_property
    def variables(self) -> AsyncVariables:
        """List, get, set and update conversation variables."""
        from .resources.variables import AsyncVariables

        return AsyncVariables(self)

    @cached_property
    def audio(self) -> AsyncAudio:
        """Speech to text and text to speech."""
        from .resources.audio import AsyncAudio

        return AsyncAudio(self)

    @cached_property
    def annotations(self) -> AsyncAnnotations:
        """The app's annotations and annotation replies."""
        from .resources.annotations import AsyncAnnotations

        return AsyncAnnotations(self)
