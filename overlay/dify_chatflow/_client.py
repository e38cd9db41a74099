"""``ChatflowClient`` and ``AsyncChatflowClient``: settings in, resources attached.

The request machinery lives in ``_base_client``; each family of operations is a resource
module under ``resources/``. This module only wires them together. A resource is made,
and its module loaded, on first use: ``import dify_chatflow`` and a new client stay cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

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

R = TypeVar("R")


class _Resource(Generic[R]):
    """A client attribute holding one resource, made on first access (its module loads
    then); the instance keeps it, so later accesses are plain attribute reads."""

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._class = name
        self._attribute = name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: object, owner: type) -> R: ...
    def __get__(self, client: object, owner: type) -> Self | R:
        if client is None:
            return self
        resource_class: Any = getattr(
            importlib.import_module(self._module, __package__), self._class
        )
        resource: R = resource_class(client)
        client.__dict__[self._attribute] = resource
        return resource


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

    #: Send chat messages (blocking or streamed), stop, recover and resume turns.
    chat: _Resource[Chat] = _Resource(".resources.chat", "Chat")
    #: List, rename and delete the end user's conversations.
    conversations: _Resource[Conversations] = _Resource(".resources.conversations", "Conversations")
    #: A conversation's history, feedback on messages, suggested questions.
    messages: _Resource[Messages] = _Resource(".resources.messages", "Messages")
    #: Upload files to send with chat messages; preview and download sent ones.
    files: _Resource[Files] = _Resource(".resources.files", "Files")
    #: The app's info, input form and features, tool icons, web page settings, feedbacks.
    app: _Resource[App] = _Resource(".resources.app", "App")
    #: Workflow runs (a chat turn is one), their events, the app's workflow logs.
    workflows: _Resource[Workflows] = _Resource(".resources.workflows", "Workflows")
    #: The human input forms a paused run waits for (Dify 1.14+).
    forms: _Resource[Forms] = _Resource(".resources.forms", "Forms")
    #: The server's records of end users (Dify 1.14+).
    end_users: _Resource[EndUsers] = _Resource(".resources.end_users", "EndUsers")
    #: List, get, set and update conversation variables.
    variables: _Resource[Variables] = _Resource(".resources.variables", "Variables")
    #: Speech to text and text to speech.
    audio: _Resource[Audio] = _Resource(".resources.audio", "Audio")
    #: The app's annotations and annotation replies.
    annotations: _Resource[Annotations] = _Resource(".resources.annotations", "Annotations")


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

    #: Send chat messages (blocking or streamed), stop, recover and resume turns.
    chat: _Resource[AsyncChat] = _Resource(".resources.chat", "AsyncChat")
    #: List, rename and delete the end user's conversations.
    conversations: _Resource[AsyncConversations] = _Resource(
        ".resources.conversations", "AsyncConversations"
    )
    #: A conversation's history, feedback on messages, suggested questions.
    messages: _Resource[AsyncMessages] = _Resource(".resources.messages", "AsyncMessages")
    #: Upload files to send with chat messages; preview and download sent ones.
    files: _Resource[AsyncFiles] = _Resource(".resources.files", "AsyncFiles")
    #: The app's info, input form and features, tool icons, web page settings, feedbacks.
    app: _Resource[AsyncApp] = _Resource(".resources.app", "AsyncApp")
    #: Workflow runs (a chat turn is one), their events, the app's workflow logs.
    workflows: _Resource[AsyncWorkflows] = _Resource(".resources.workflows", "AsyncWorkflows")
    #: The human input forms a paused run waits for (Dify 1.14+).
    forms: _Resource[AsyncForms] = _Resource(".resources.forms", "AsyncForms")
    #: The server's records of end users (Dify 1.14+).
    end_users: _Resource[AsyncEndUsers] = _Resource(".resources.end_users", "AsyncEndUsers")
    #: List, get, set and update conversation variables.
    variables: _Resource[AsyncVariables] = _Resource(".resources.variables", "AsyncVariables")
    #: Speech to text and text to speech.
    audio: _Resource[AsyncAudio] = _Resource(".resources.audio", "AsyncAudio")
    #: The app's annotations and annotation replies.
    annotations: _Resource[AsyncAnnotations] = _Resource(
        ".resources.annotations", "AsyncAnnotations"
    )
