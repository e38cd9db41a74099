"""A turn that pauses for human input, and its form fetched and submitted (1.16 dialect),
through every client kind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from client_support import API_KEY
from dify_chatflow import (
    FormAlreadySubmittedError,
    FormNotFoundError,
    FormValidationError,
    HumanInputForm,
    HumanInputRequiredEvent,
    InvalidFormDataError,
    NotFoundError,
    WorkflowPausedEvent,
)
from dify_chatflow.testing import DifyTestServer, HumanInput
from human_support import DEPLOY_FORM, approval, paused_turn, read


@pytest.fixture
def human_server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect="1.16", ping_interval=0.05) as server:
        server.add_app(API_KEY, responder=approval)
        yield server


def test_a_streamed_turn_that_pauses_ends_normally_with_its_form(driver, human_server):
    client = driver.client(human_server)
    events, reply, stream = read(driver, client.chat.stream("deploy v2?"))
    required = next(e for e in events if isinstance(e, HumanInputRequiredEvent))
    paused = next(e for e in events if isinstance(e, WorkflowPausedEvent))
    assert paused.status == "paused"
    assert reply.answer == "Checking. "
    pause = reply.paused
    assert pause is not None
    assert pause.workflow_run_id == stream.workflow_run_id == reply.workflow_run_id
    (form,) = pause.forms
    assert form.form_token == required.form_token
    assert (form.node_id, form.node_title, form.form_content) == (
        "human_input",
        "Approval",
        DEPLOY_FORM,
    )
    assert [(i.output_variable_name, i.type, i.default) for i in form.inputs] == [
        ("comment", "paragraph", None)
    ]
    assert [(a.id, a.title, a.button_style) for a in form.actions] == [
        ("approve", "Approve", "default"),
        ("reject", "No", "accent"),
    ]
    assert form.expiration_time is not None
    assert form.expiration_time > datetime.now(UTC)
    assert "paused" in repr(reply)


def test_a_blocking_turn_that_pauses_gives_a_paused_reply(driver, human_server):
    client = driver.client(human_server)
    reply = driver.run(client.chat.send("deploy v2?"))
    assert reply.answer == "Checking. "  # the answer so far
    assert reply.paused is not None
    (form,) = reply.paused.forms
    assert (form.node_id, form.node_title) == ("human_input", "Approval")
    # the pause reason alone describes the whole form
    assert form.form_content == DEPLOY_FORM
    assert [action.id for action in form.actions] == ["approve", "reject"]
    assert reply.workflow_run_id == reply.paused.workflow_run_id
    fetched = driver.run(client.forms.get(form.form_token))
    assert fetched.content == DEPLOY_FORM


def test_the_form_is_fetched_by_its_token(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    token = pause.forms[0].form_token
    form = driver.run(client.forms.get(token))
    assert isinstance(form, HumanInputForm)
    assert form.form_token == token
    assert form.content == DEPLOY_FORM
    assert [i.output_variable_name for i in form.inputs] == ["comment"]
    assert [a.id for a in form.actions] == ["approve", "reject"]
    assert form.expires_at is not None
    assert form.expires_at.tzinfo is not None


def test_submitting_the_form_lets_the_run_go_on(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    form = driver.run(client.forms.get(pause.forms[0].form_token))
    result = driver.run(
        client.forms.submit(form.form_token, action="reject", inputs={"comment": "no"}, form=form)
    )
    assert result is None
    sent = human_server.requests[-1]
    assert sent.method == "POST"
    assert sent.path.startswith("/v1/form/human_input/")
    run = driver.run(client.workflows.get_run(pause.workflow_run_id))
    assert run.status in ("running", "succeeded")


def test_with_the_form_a_wrong_action_is_refused_before_sending(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    request = pause.forms[0]
    before = len(human_server.requests)
    with pytest.raises(FormValidationError) as caught:
        driver.run(
            client.forms.submit(
                request.form_token, action="maybe", inputs={"comment": "x"}, form=request
            )
        )
    assert caught.value.action == "maybe"
    assert "approve, reject" in str(caught.value)
    assert len(human_server.requests) == before


def test_with_the_form_a_missing_input_is_refused_before_sending(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    token = pause.forms[0].form_token
    form = driver.run(client.forms.get(token))
    before = len(human_server.requests)
    with pytest.raises(FormValidationError) as caught:
        driver.run(client.forms.submit(token, action="approve", inputs={}, form=form))
    assert caught.value.field == "comment"
    assert isinstance(caught.value, ValueError)
    assert len(human_server.requests) == before


# An input's default as Dify sends it: the node's source object, not a value.
CONSTANT_DEFAULT = {"type": "constant", "selector": [], "value": ""}


def review(query, inputs, conversation):
    answer = yield HumanInput(
        f"Please review the request: {query}",
        actions=[{"id": "approve", "title": "Approve", "button_style": "primary"}],
        inputs=[
            {"output_variable_name": "comment", "default": CONSTANT_DEFAULT},
            {
                "output_variable_name": "owner",
                "default": {"type": "variable", "selector": ["sys", "user_id"], "value": ""},
            },
        ],
        node_title="Review",
        node_id="hitl",
        resolved_default_values={"owner": "ops"},
    )
    yield f"{answer.action}: {answer.inputs['comment']} by {answer.inputs['owner']}"


def test_an_input_with_a_default_source_is_still_required_before_sending(driver, human_server):
    human_server.add_app(API_KEY, responder=review)
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    request = pause.forms[0]
    assert request.inputs[0].default == CONSTANT_DEFAULT
    fetched = driver.run(client.forms.get(request.form_token))
    before = len(human_server.requests)
    for form in (request, fetched):
        with pytest.raises(FormValidationError) as caught:
            driver.run(client.forms.submit(form.form_token, action="approve", form=form))
        assert caught.value.field == "comment"
    assert len(human_server.requests) == before


def test_a_resolved_default_value_is_sent_for_the_input_not_given(driver, human_server):
    human_server.add_app(API_KEY, responder=review)
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    request = pause.forms[0]
    assert request.resolved_default_values == {"owner": "ops"}
    driver.run(
        client.forms.submit(
            request.form_token, action="approve", inputs={"comment": "fine"}, form=request
        )
    )
    sent = human_server.requests[-1].json
    assert isinstance(sent, dict)
    assert sent["inputs"] == {"comment": "fine", "owner": "ops"}


def test_the_servers_refusal_of_several_missing_inputs_names_the_first(driver, human_server):
    human_server.add_app(API_KEY, responder=review)
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    with pytest.raises(InvalidFormDataError) as missing:
        driver.run(client.forms.submit(pause.forms[0].form_token, action="approve"))
    assert missing.value.message == "Missing required inputs: comment, owner"
    assert missing.value.field == "comment"


def test_without_the_form_the_servers_refusals_name_the_action_or_field(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    token = pause.forms[0].form_token
    with pytest.raises(InvalidFormDataError) as wrong_action:
        driver.run(client.forms.submit(token, action="maybe", inputs={"comment": "x"}))
    assert (wrong_action.value.status_code, wrong_action.value.code) == (400, "invalid_form_data")
    assert wrong_action.value.action == "maybe"
    with pytest.raises(InvalidFormDataError) as missing:
        driver.run(client.forms.submit(token, action="approve", inputs={}))
    assert missing.value.field == "comment"
    assert missing.value.action is None


def test_a_second_submission_is_form_already_submitted(driver, human_server):
    client = driver.client(human_server)
    _, pause = paused_turn(driver, client)
    token = pause.forms[0].form_token
    driver.run(client.forms.submit(token, action="approve", inputs={"comment": "go"}))
    with pytest.raises(FormAlreadySubmittedError) as caught:
        driver.run(client.forms.submit(token, action="approve", inputs={"comment": "go"}))
    assert (caught.value.status_code, caught.value.code) == (412, "human_input_form_submitted")


def test_an_unknown_token_is_form_not_found(driver, human_server):
    client = driver.client(human_server)
    with pytest.raises(FormNotFoundError) as caught:
        driver.run(client.forms.get("no-such-token"))
    assert caught.value.message.startswith("Form not found.")  # the hint follows
    with pytest.raises(FormNotFoundError):
        driver.run(client.forms.submit("no-such-token", action="approve"))


@pytest.mark.parametrize("token", ["", "two words", None, 42])
def test_a_malformed_token_is_refused_before_sending(driver, human_server, token):
    from dify_chatflow import ConfigurationError

    client = driver.client(human_server)
    with pytest.raises(ConfigurationError, match="form_token"):
        driver.run(client.forms.get(token))
    assert human_server.requests == []


def test_dify_1_10_has_no_form_route(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.10") as old:
        client = driver.client(old)
        with pytest.raises(NotFoundError) as caught:
            driver.run(client.forms.get("any-token"))
        assert not isinstance(caught.value, FormNotFoundError)
        assert "does not have that endpoint" in str(caught.value)
