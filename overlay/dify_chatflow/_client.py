"""``ChatflowClient`` and ``AsyncChatflowClient``: settings in, resources attached.

The clients' request layer lives in ``_base_client`` (flows in ``_flows``); each family of
operations is a resource module under ``resources/``. This module only wires them
together: :class:`Families` has one row per family, which both clients inherit. A
resource is made, and its module loaded, on first use (then kept on the client):
``import dify_chatflow`` and a new client stay cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import httpx

from ._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
)
from ._constants import ASYNC_MAX_IN_FLIGHT, DEFAULT_MAX_RETRIES
from ._retry import RetryPolicy
from ._settings import Settings
from ._types import NOT_GIVEN

if TYPE_CHECKING:
    # The package imports every resource module for type checkers; the rows below name
    # their classes through it.
    from . import resources

__all__ = ["AsyncChatflowClient", "ChatflowClient"]

SyncResourceT = TypeVar("SyncResourceT", bound=SyncAPIResource)
AsyncResourceT = TypeVar("AsyncResourceT", bound=AsyncAPIResource)


class Family(Generic[SyncResourceT, AsyncResourceT]):
    """A client attribute for an endpoint family: the family's sync or async resource,
    made on first use and kept on the client.

    The attribute's name is the family's: ``chat`` is ``resources/chat.py``, and its
    resource is the class that module exports for the client's kind (a subclass of
    :class:`SyncAPIResource` or :class:`AsyncAPIResource`). The type parameters say the
    same to type checkers.
    """

    def __init__(self, doc: str) -> None:
        self.__doc__ = doc
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: SyncAPIClient, owner: type) -> SyncResourceT: ...
    @overload
    def __get__(self, client: AsyncAPIClient, owner: type) -> AsyncResourceT: ...
    def __get__(self, client: object, owner: type) -> Any:
        if client is None:
            return self
        kind = AsyncAPIResource if isinstance(client, AsyncAPIClient) else SyncAPIResource
        resource = self.resource_class(kind)(client)
        # Kept in the instance's dict, which comes before this (non-data) descriptor.
        vars(client)[self.name] = resource
        return resource

    def resource_class(self, kind: type[Any]) -> type[Any]:
        """The class ``resources/<name>.py`` exports that is a ``kind`` (loads the module)."""
        module = importlib.import_module(f".resources.{self.name}", __package__)
        found = [
            value
            for value in (getattr(module, name) for name in module.__all__)
            if isinstance(value, type) and issubclass(value, kind) and value is not kind
        ]
        return found[0]


class Families:
    """The endpoint families, one row each, typed by their sync and async resources."""

    chat: Family[resources.chat.Chat, resources.chat.AsyncChat] = Family(
        "Send chat messages (blocking or streamed), stop, recover and resume turns."
    )
    conversations: Family[
        resources.conversations.Conversations, resources.conversations.AsyncConversations
    ] = Family("List, rename and delete the end user's conversations.")
    messages: Family[resources.messages.Messages, resources.messages.AsyncMessages] = Family(
        "A conversation's history, feedback on messages, suggested questions."
    )
    files: Family[resources.files.Files, resources.files.AsyncFiles] = Family(
        "Upload files to send with chat messages; preview and download sent ones."
    )
    app: Family[resources.app.App, resources.app.AsyncApp] = Family(
        "The app's info, input form and features, tool icons, web page settings, feedbacks."
    )
    workflows: Family[resources.workflows.Workflows, resources.workflows.AsyncWorkflows] = Family(
        "Workflow runs (a chat turn is one), their events, the app's workflow logs."
    )
    forms: Family[resources.forms.Forms, resources.forms.AsyncForms] = Family(
        "The human input forms a paused run waits for (Dify 1.14+)."
    )
    end_users: Family[resources.end_users.EndUsers, resources.end_users.AsyncEndUsers] = Family(
        "The server's records of end users (Dify 1.14+)."
    )
    variables: Family[resources.variables.Variables, resources.variables.AsyncVariables] = Family(
        "List, get, set and update conversation variables."
    )
    audio: Family[resources.audio.Audio, resources.audio.AsyncAudio] = Family(
        "Speech to text and text to speech."
    )
    annotations: Family[
        resources.annotations.Annotations, resources.annotations.AsyncAnnotations
    ] = Family("The app's annotations and annotation replies.")


class ChatflowClient(SyncAPIClient, Families):
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


class AsyncChatflowClient(AsyncAPIClient, Families):
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
