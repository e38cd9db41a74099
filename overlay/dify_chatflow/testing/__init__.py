"""An embedded Dify-compatible server for tests, demos and local development.

It serves ``GET /v1/conversations/{id}/variables`` and
``PUT /v1/conversations/{id}/variables/{variable_id}`` on 127.0.0.1 with the behaviour of a
real Dify server (checks, status codes, error bodies, value rules), using only the standard
library::

    from dify_chatflow.testing import DifyTestServer, Fault

    with DifyTestServer(api_key="app-test") as server:
        conv_id = server.add_conversation(user="abc-123", variables=[
            {"name": "user_preference", "value_type": "string", "value": "dark"},
        ])
        server.inject_fault(Fault.unavailable(retry_after=1), route="update", times=2)
        ...  # point a client at server.base_url
        server.requests  # what it received, API key redacted

With pytest, the ``dify_server`` fixture yields a started server.
"""

from ._demo import DEMO_USER
from ._faults import Fault, FaultRoute
from ._records import REDACTED, RecordedRequest
from ._server import DifyTestServer
from ._store import (
    DEFAULT_USER,
    ConversationSnapshot,
    Responder,
    StoredMessage,
    StoredVariable,
    WorkflowRun,
)

__all__ = [
    "DEFAULT_USER",
    "DEMO_USER",
    "REDACTED",
    "ConversationSnapshot",
    "DifyTestServer",
    "Fault",
    "FaultRoute",
    "RecordedRequest",
    "Responder",
    "StoredMessage",
    "StoredVariable",
    "WorkflowRun",
]
