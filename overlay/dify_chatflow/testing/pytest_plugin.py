"""pytest plugin (registered as an entry point): fixtures around :class:`DifyTestServer`.

- ``dify_server``: a started server (API key ``app-test``, dialect ``"1.16"``, echo
  responder), stopped after the test.
- ``dify_session_server``: one started server shared by the whole session (state carries
  over from test to test: use it for speed, with ids of your own making).
- ``dify_conversation``: the id (a :class:`uuid.UUID`, like every id the client returns)
  of a conversation seeded on ``dify_server`` for :data:`DEMO_USER`: one variable of every
  type and one finished turn.
- ``dify_client``: a :class:`~dify_chatflow.ChatflowClient` bound to ``dify_server``
  (base URL, key, ``user=DEMO_USER``), closed after the test.
- ``dify_async_client``: the :class:`~dify_chatflow.AsyncChatflowClient` twin, for tests
  run by anyio's pytest plugin (``@pytest.mark.anyio``), so that the client lives in the
  test's event loop.

Example::

    def test_reads_the_theme(dify_client, dify_conversation):
        assert dify_client.variables.get(dify_conversation, "user_preference").value == "dark"

    @pytest.mark.anyio
    async def test_async(dify_async_client, dify_conversation):
        assert await dify_async_client.variables.list(dify_conversation)
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

from .. import AsyncChatflowClient, ChatflowClient
from ._demo import DEMO_USER
from ._server import DifyTestServer

__all__ = [
    "dify_async_client",
    "dify_client",
    "dify_conversation",
    "dify_server",
    "dify_session_server",
]


@pytest.fixture
def dify_server() -> Iterator[DifyTestServer]:
    """A started :class:`DifyTestServer` (API key ``app-test``), stopped after the test."""
    with DifyTestServer(api_key="app-test") as server:
        yield server


@pytest.fixture(scope="session")
def dify_session_server() -> Iterator[DifyTestServer]:
    """One started :class:`DifyTestServer` for the whole test session."""
    with DifyTestServer(api_key="app-test") as server:
        yield server


@pytest.fixture
def dify_conversation(dify_server: DifyTestServer) -> uuid.UUID:
    """The id of :data:`DEMO_USER`'s seeded conversation on ``dify_server``."""
    return uuid.UUID(dify_server.seed_demo())


@pytest.fixture
def dify_client(dify_server: DifyTestServer) -> Iterator[ChatflowClient]:
    """A :class:`ChatflowClient` bound to ``dify_server`` as :data:`DEMO_USER`."""
    with ChatflowClient(
        api_key=dify_server.api_key, base_url=dify_server.base_url, user=DEMO_USER
    ) as client:
        yield client


@pytest.fixture
async def dify_async_client(
    dify_server: DifyTestServer, anyio_backend: object
) -> AsyncIterator[AsyncChatflowClient]:
    """An :class:`AsyncChatflowClient` bound to ``dify_server`` as :data:`DEMO_USER`
    (request it from an ``@pytest.mark.anyio`` test)."""
    async with AsyncChatflowClient(
        api_key=dify_server.api_key, base_url=dify_server.base_url, user=DEMO_USER
    ) as client:
        yield client
