"""Dify's 400 ``bad_request`` is a type mismatch only when the type gate says so."""

import pytest
from dify_chatflow import BadRequestError, ChatflowClient, VariableTypeMismatchError
from dify_chatflow.testing import DifyTestServer


@pytest.fixture(scope="module")
def server():
    with DifyTestServer(api_key="app-test") as server:
        yield server


def test_a_body_the_server_cannot_parse_is_a_bad_request_not_a_type_mismatch(server):
    conv = server.add_conversation(
        user="u", variables=[{"name": "visits", "value_type": "number", "value": 3}]
    )
    variable_id = server.variable(conv, "visits").id
    with ChatflowClient(api_key="app-test", base_url=server.base_url, user="u") as client:
        # Sent unvalidated (no value_type): the server's JSON parser refuses an integer too
        # large even for a float, with 400 bad_request and its generic message.
        with pytest.raises(BadRequestError) as caught:
            client.variables.update(conv, variable_id, 10**400, max_retries=0)
        assert caught.value.code == "bad_request"
        assert not isinstance(caught.value, VariableTypeMismatchError)

        with pytest.raises(VariableTypeMismatchError) as mismatch:
            client.variables.update(conv, variable_id, "four", max_retries=0)
        assert mismatch.value.message.startswith("Type mismatch: variable 'visits'")
