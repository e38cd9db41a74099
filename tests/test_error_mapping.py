"""How the server's error answers (Dify 1.10 and 1.16) map to exception classes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from dify_chatflow import (
    AnnotationNotFoundError,
    BadRequestError,
    ChatflowClient,
    ConversationNotFoundError,
    EndUserNotFoundError,
    FileNotFoundInMessageError,
    FormNotFoundError,
    InvalidParamError,
    MessageNotFoundError,
    NotFoundError,
    SpeechToTextDisabledError,
    TextToSpeechDisabledError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    WorkflowRunNotFoundError,
)
from dify_chatflow._exceptions import make_status_error
from dify_chatflow.testing import DifyTestServer, Fault

API_KEY = "app-test"
USER = "u"
CONV_ID = "0b6b5d0e-8d3c-4c55-9f0e-5d1d1f7c2a11"


@pytest.fixture(scope="module")
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.fixture
def client(server: DifyTestServer) -> Iterator[ChatflowClient]:
    with ChatflowClient(
        api_key=API_KEY, base_url=server.base_url, user=USER, max_retries=0
    ) as opened:
        yield opened


def dify_404(message: str, code: str = "not_found") -> bytes:
    """A 404 body exactly as Dify writes it: compact JSON, slashes escaped."""
    text = json.dumps(
        {"code": code, "message": message, "status": 404}, separators=(",", ":")
    ).replace("/", "\\/")
    return text.encode()


def test_a_body_the_server_cannot_parse_is_a_bad_request_not_a_type_mismatch(
    server: DifyTestServer, client: ChatflowClient
) -> None:
    conv = server.add_conversation(
        user=USER, variables=[{"name": "visits", "value_type": "number", "value": 3}]
    )
    variable_id = server.variable(conv, "visits").id
    # Sent unvalidated (no value_type): the server's JSON parser refuses an integer too
    # large even for a float, with 400 bad_request and its generic message.
    with pytest.raises(BadRequestError) as caught:
        client.variables.update(conv, variable_id, 10**400)
    assert caught.value.code == "bad_request"
    assert not isinstance(caught.value, VariableTypeMismatchError)

    with pytest.raises(VariableTypeMismatchError) as mismatch:
        client.variables.update(conv, variable_id, "four")
    assert mismatch.value.message.startswith("Type mismatch: variable 'visits'")


# The texts real Dify 1.10.1 / 1.16.1 send, flask-restx's "did you mean" hint included.
HINTED_LIST_404 = (
    f"Conversation Not Exists. You have requested this URI [/v1/conversations/{CONV_ID}"
    "/variables] but did you mean /v1/conversations/<uuid:c_id>/variables ?"
)


def test_listing_an_unknown_conversation_with_the_hint_is_conversation_not_found(
    server: DifyTestServer, client: ChatflowClient
) -> None:
    server.inject_fault(Fault.status(404, body=dify_404(HINTED_LIST_404)), route="variables.list")
    with pytest.raises(ConversationNotFoundError) as caught:
        client.variables.list(CONV_ID)
    assert caught.value.message == HINTED_LIST_404  # the whole text stays readable
    shown = str(caught.value)
    assert shown.startswith("404 not_found: Conversation Not Exists. (a conversation belongs")
    assert "did you mean" not in shown
    assert "You have requested this URI" not in shown


def test_every_conversation_not_found_hints_that_conversations_belong_to_one_user(
    server: DifyTestServer,
) -> None:
    conv = server.add_conversation(user="the-owner")
    with (
        ChatflowClient(api_key=API_KEY, base_url=server.base_url, user="someone-else") as client,
        pytest.raises(ConversationNotFoundError) as caught,
    ):
        client.variables.list(conv)
    assert caught.value.message.startswith("Conversation Not Exists.")
    assert str(caught.value).endswith(
        "(a conversation belongs to the one `user` that created it: check that this call's "
        "`user` is that one)"
    )


def test_the_route_hint_is_left_out_of_every_status_errors_text(server: DifyTestServer) -> None:
    hinted = (
        "Form not found. You have requested this URI [/v1/form/human_input/tok] but "
        "did you mean /v1/form/human_input/<string:form_token> ?"
    )
    server.inject_fault(Fault.status(404, body=dify_404(hinted)), route="any")
    with httpx.Client() as http:
        error = make_status_error(http.get(f"{server.base_url}/form/human_input/tok"))
    assert (str(error), error.message) == ("404 not_found: Form not found.", hinted)


def test_updating_an_unknown_variable_is_variable_not_found(
    server: DifyTestServer, client: ChatflowClient
) -> None:
    conv = server.add_conversation(
        user=USER, variables=[{"name": "visits", "value_type": "number", "value": 3}]
    )
    with pytest.raises(VariableNotFoundError):
        client.variables.update(conv, "6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11", 4)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (dify_404(HINTED_LIST_404), ConversationNotFoundError),
        (dify_404("Conversation Not Exists."), ConversationNotFoundError),
        (
            dify_404(
                "Conversation Not Exists. You have requested this URI [/v1/chat-messages] but "
                "did you mean /v1/chat-messages or /api/chat-messages or "
                "/v1/chat-messages/<string:task_id>/stop ?"
            ),
            ConversationNotFoundError,
        ),
        (dify_404("Conversation not found"), ConversationNotFoundError),  # newer suggested
        (
            dify_404(
                "Last Conversation Not Exists. You have requested this URI [/v1/conversations] "
                "but did you mean /v1/conversations or "
                "/v1/conversations/<uuid:c_id>/variables/<uuid:variable_id> or "
                "/api/conversations ?"
            ),
            ConversationNotFoundError,
        ),
        (dify_404("Conversation Variable Not Exists."), VariableNotFoundError),
        (
            dify_404(
                "Conversation Variable Not Exists. You have requested this URI [/v1/x] but "
                "did you mean /v1/y ?"
            ),
            VariableNotFoundError,
        ),
        (dify_404("Message Not Exists."), MessageNotFoundError),
        (
            dify_404(
                "First Message Not Exists. You have requested this URI [/v1/messages] but "
                "did you mean /v1/messages or /api/messages ?"
            ),
            MessageNotFoundError,
        ),
        (dify_404("Workflow run not found."), WorkflowRunNotFoundError),
        (dify_404("Workflow run not found"), WorkflowRunNotFoundError),
        (
            dify_404(
                "Form not found. You have requested this URI [/v1/form/human_input/tok] but "
                "did you mean /v1/form/human_input/<string:form_token> ?"
            ),
            FormNotFoundError,
        ),
        (dify_404("End user not found", code="end_user_not_found"), EndUserNotFoundError),
        (dify_404("End user not found"), EndUserNotFoundError),
        (dify_404("anything at all", code="end_user_not_found"), EndUserNotFoundError),
        (
            dify_404("File not found in message context", code="file_not_found"),
            FileNotFoundInMessageError,
        ),
        (dify_404("Annotation not found"), AnnotationNotFoundError),
        # Not one of ours: the base class, never a guess.
        (dify_404("The requested URL was not found on the server."), NotFoundError),
        (dify_404("Conversation"), NotFoundError),
        (b"<!doctype html><title>404 Not Found</title>", NotFoundError),
    ],
    ids=lambda case: case.decode()[:60] if isinstance(case, bytes) else case.__name__,
)
def test_every_not_found_is_classified_by_code_and_message_start(
    server: DifyTestServer, body: bytes, expected: type[NotFoundError]
) -> None:
    headers = {"Content-Type": "application/json"} if body.startswith(b"{") else None
    server.inject_fault(Fault.status(404, body=body, headers=headers), route="any")
    with httpx.Client() as http:
        response = http.get(f"{server.base_url}/conversations/{CONV_ID}/variables")
    error = make_status_error(response)
    assert type(error) is expected
    assert isinstance(error, NotFoundError)
    assert error.status_code == 404


@pytest.mark.parametrize(
    ("code", "message", "expected"),
    [
        ("speech_to_text_disabled", "Speech to text is disabled.", SpeechToTextDisabledError),
        ("invalid_param", "Speech to text is not enabled", SpeechToTextDisabledError),
        ("invalid_param", "TTS is not enabled", TextToSpeechDisabledError),
        # Other parameter failures stay what they were.
        ("invalid_param", "Text is required", InvalidParamError),
        ("invalid_param", "The job does not exist.", InvalidParamError),
    ],
)
def test_a_feature_switched_off_is_classified_on_both_versions(
    code: str, message: str, expected: type[BadRequestError]
) -> None:
    body = {"code": code, "message": message, "status": 400}
    request = httpx.Request("POST", "http://127.0.0.1/v1/audio-to-text")
    error = make_status_error(httpx.Response(400, json=body, request=request))

    assert type(error) is expected
    assert (error.status_code, error.code, error.message) == (400, code, message)


def test_a_file_not_in_a_message_says_why() -> None:
    body = {"code": "file_not_found", "message": "File not found in message context", "status": 404}
    request = httpx.Request("GET", "http://127.0.0.1/v1/files/x/preview")
    error = make_status_error(httpx.Response(404, json=body, request=request))

    assert isinstance(error, FileNotFoundInMessageError)
    assert error.message == "File not found in message context"
    assert str(error).startswith(
        "404 file_not_found: File not found in message context (Dify serves only files"
    )
