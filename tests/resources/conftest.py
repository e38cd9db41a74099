"""Fixtures of the resource tests: every client kind against the server in both dialects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from client_support import CLIENT_KINDS
from dify_chatflow.testing import DifyTestServer
from resource_support import API_KEY, DIALECTS, Driver, FakeClock, driver_of


@pytest.fixture(params=CLIENT_KINDS)
def driver(request: pytest.FixtureRequest) -> Iterator[Driver]:
    """Makes clients of one kind (sync, async, aiohttp) and runs their calls."""
    with driver_of(request.param) as made:
        yield made


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    """The Dify version the server answers as."""
    return str(request.param)


@pytest.fixture
def clock() -> FakeClock:
    """The server's clock (whole seconds matter to Dify's paging)."""
    return FakeClock()


@pytest.fixture
def server(dialect: str, clock: FakeClock) -> Iterator[DifyTestServer]:
    """A started server of the dialect, on the fake clock."""
    with DifyTestServer(api_key=API_KEY, dialect=dialect, clock=clock) as started:  # type: ignore[arg-type]
        yield started


@pytest.fixture(params=[False, True], ids=["message_end-first", "workflow_finished-first"])
def holding_server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    """A 1.16 server that keeps a followed run's event stream open, pinging, after the
    run finished (as Dify 1.16 does with continue_on_pause), with the turn's end in
    either order. A client that waited for the close would be hung up on by the server
    at the idle timeout, and ``held_streams`` would say so."""
    with DifyTestServer(
        api_key=API_KEY,
        dialect="1.16",
        ping_interval=0.05,
        events_idle_timeout=10,
        message_end_after_workflow_finished=request.param,
    ) as server:
        yield server
