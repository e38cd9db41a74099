"""pytest plugin (registered as an entry point): the ``dify_server`` fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import DifyTestServer

__all__ = ["dify_server"]


@pytest.fixture
def dify_server() -> Iterator[DifyTestServer]:
    """A started :class:`DifyTestServer` (API key ``app-test``), stopped after the test."""
    with DifyTestServer(api_key="app-test") as server:
        yield server
