"""``ChatflowClient`` and ``AsyncChatflowClient``: settings in, resources attached.

The request machinery lives in ``_base_client``; each family of operations is a resource
module under ``resources/``. This module only wires them together.
"""

from __future__ import annotations

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient, Timeout
from ._constants import ASYNC_MAX_IN_FLIGHT, DEFAULT_MAX_RETRIES
from ._retry import RetryPolicy
from ._types import NOT_GIVEN
from .resources.app import App, AsyncApp
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
    none. Thread-safe: share one client between threads.
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
    ) -> None:
        self._setup(
            api_key=api_key,
            base_url=base_url,
            user=user,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            retry_policy=retry_policy,
            http_class=httpx.Client,
        )
        #: Send chat messages (blocking or streamed), stop, recover and resume turns.
        self.chat = Chat(self)
        #: List, get, set and update conversation variables.
        self.variables = Variables(self)
        #: List, rename and delete the end user's conversations.
        self.conversations = Conversations(self)
        #: A conversation's history, feedback on messages, suggested questions.
        self.messages = Messages(self)
        #: Upload files to send with chat messages.
        self.files = Files(self)
        #: The app's info, input form and features, tool icons and web page settings.
        self.app = App(self)
        #: Workflow runs (a chat turn is one) and their events.
        self.workflows = Workflows(self)
        #: The human input forms a paused run waits for (Dify 1.14+).
        self.forms = Forms(self)
        #: The server's records of end users (Dify 1.14+).
        self.end_users = EndUsers(self)


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
    ) -> None:
        self._setup(
            api_key=api_key,
            base_url=base_url,
            user=user,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            retry_policy=retry_policy,
            http_class=httpx.AsyncClient,
        )
        # Requests beyond ASYNC_MAX_IN_FLIGHT wait in our queue, not in httpx's pool,
        # where a long queue is slow. A borrowed client sets its own limits.
        self._bind_loop(ASYNC_MAX_IN_FLIGHT if self._owns_http else None)
        #: Send chat messages (blocking or streamed), stop, recover and resume turns.
        self.chat = AsyncChat(self)
        #: List, get, set and update conversation variables.
        self.variables = AsyncVariables(self)
        #: List, rename and delete the end user's conversations.
        self.conversations = AsyncConversations(self)
        #: A conversation's history, feedback on messages, suggested questions.
        self.messages = AsyncMessages(self)
        #: Upload files to send with chat messages.
        self.files = AsyncFiles(self)
        #: The app's info, input form and features, tool icons and web page settings.
        self.app = AsyncApp(self)
        #: Workflow runs (a chat turn is one) and their events.
        self.workflows = AsyncWorkflows(self)
        #: The human input forms a paused run waits for (Dify 1.14+).
        self.forms = AsyncForms(self)
        #: The server's records of end users (Dify 1.14+).
        self.end_users = AsyncEndUsers(self)
