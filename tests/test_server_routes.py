"""Every registry operation has an embedded-server route, named by the registry."""

from __future__ import annotations

import re
import uuid

import pytest
from dify_chatflow._registry import OPERATIONS, Operation
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import KEY, raw


def concrete_path(operation: Operation) -> str:
    """The operation's path with a fresh id for each path parameter."""
    return re.sub(r"\{[^}]*\}", lambda _: str(uuid.uuid4()), operation.path)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_every_registry_operation_has_a_route_a_fault_can_aim_at_by_its_name(operation):
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        server.inject_fault(Fault.status(418, body="aimed"), route=operation.name)
        response = raw(server.port, operation.method.upper(), concrete_path(operation), b"")
        assert (response.status, response.body) == (418, b"aimed")
        assert server.pending_faults == 0


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_a_fault_aimed_at_an_operation_leaves_every_other_operation(operation):
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        server.inject_fault(Fault.status(418), route=operation.name)
        for other in OPERATIONS:
            if other is not operation:
                response = raw(server.port, other.method.upper(), concrete_path(other), b"")
                assert response.status != 418, other.name
        assert server.pending_faults == 1
