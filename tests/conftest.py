"""Shared test helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout the tests run from."""
    return REPO_ROOT


@pytest.fixture(params=["sync", "async", "aiohttp"])
def make_client(request: pytest.FixtureRequest) -> Iterator[object]:
    """Builds a ChatflowClient, an AsyncChatflowClient, or one over DefaultAioHttpClient
    (one run each), driven alike: every client suite covers every transport."""
    from client_support import client_factory

    yield from client_factory(request.param)
