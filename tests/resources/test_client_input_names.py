"""client.chat with parameters=: an input the app's form does not declare is refused before
anything is sent, naming the closest declared name; files go as file inputs' values."""

from __future__ import annotations

import json

import pytest
from dify_chatflow import AppParameters, InputValidationError
from resource_support import API_KEY

FORM = [
    {"text-input": {"variable": "topic", "label": "Topic", "required": True}},
    {"select": {"variable": "plan", "label": "Plan", "required": False, "options": ["a", "b"]}},
    {"file": {"variable": "contract", "label": "Contract", "required": False}},
    {"file-list": {"variable": "scans", "label": "Scans", "required": False}},
    {"external_data_tool": {"variable": "weather", "label": "Weather", "required": False}},
]


def inputs_echo(query, inputs, conversation):
    """A chatflow that answers with the inputs it was given, as JSON."""
    return json.dumps(inputs, sort_keys=True)


@pytest.fixture
def app(server):
    server.add_app(API_KEY, user_input_form=FORM, responder=inputs_echo)
    return server


def chat_requests(server):
    return [r for r in server.requests if r.path.endswith("/chat-messages")]


@pytest.mark.parametrize("method", ["send", "stream"])
def test_a_misspelled_input_is_refused_naming_the_closest_declared_name(app, driver, method):
    client = driver.client(app)
    parameters = driver.run(client.app.parameters())

    with pytest.raises(InputValidationError) as caught:
        driver.run(getattr(client.chat, method)("Hi", inputs={"tpoic": "x"}, parameters=parameters))

    assert caught.value.field == "tpoic"
    assert str(caught.value) == "'tpoic' is not an input of the app's form; did you mean 'topic'?"
    assert caught.value.status is None  # the server would have dropped it silently
    assert chat_requests(app) == []


def test_a_name_close_to_none_lists_the_inputs_a_caller_can_fill_in(app, driver):
    client = driver.client(app)
    parameters = driver.run(client.app.parameters())

    with pytest.raises(InputValidationError) as caught:
        driver.run(client.chat.send("Hi", inputs={"topic": "x", "zzz": 1}, parameters=parameters))

    assert caught.value.field == "zzz"
    assert str(caught.value).endswith("its inputs are 'topic', 'plan', 'contract', 'scans'")
    assert chat_requests(app) == []


def test_an_unknown_name_is_reported_before_a_missing_required_one(app, driver):
    client = driver.client(app)
    parameters = driver.run(client.app.parameters())

    with pytest.raises(InputValidationError, match="did you mean 'topic'"):
        driver.run(client.chat.send("Hi", inputs={"Topic": "x"}, parameters=parameters))


def test_without_parameters_an_unknown_name_still_goes_and_the_server_drops_it(app, driver):
    client = driver.client(app)

    reply = driver.run(client.chat.send("Hi", inputs={"topic": "x", "tpoic": "y"}))

    assert chat_requests(app)[-1].json["inputs"] == {"topic": "x", "tpoic": "y"}
    assert "tpoic" not in json.loads(reply.answer)


def test_uploaded_files_go_as_the_file_objects_of_file_inputs(app, driver):
    client = driver.client(app)
    parameters = driver.run(client.app.parameters())
    uploaded = driver.run(client.files.upload(b"%PDF-1.4\n", filename="contract.pdf"))
    remote = {"type": "image", "transfer_method": "remote_url", "url": "https://x.test/a.png"}

    driver.run(
        client.chat.send(
            "Hi",
            inputs={"topic": "x", "contract": uploaded, "scans": [uploaded, remote]},
            parameters=parameters,
        )
    )

    sent = chat_requests(app)[-1].json["inputs"]
    assert sent["contract"] == uploaded.as_chat_file()
    assert sent["scans"] == [uploaded.as_chat_file(), remote]


def test_validate_inputs_knows_every_declared_name_and_says_when_there_is_none():
    parameters = AppParameters.from_json({"user_input_form": FORM})
    formless = AppParameters.from_json({"user_input_form": []})

    with pytest.raises(InputValidationError) as declared:
        parameters.validate_inputs({"topic": "x", "weather": "sunny"})
    with pytest.raises(InputValidationError) as undeclared:
        formless.validate_inputs({"topic": "x"})

    # An external data tool's name is the form's: the server's own refusal applies.
    assert (declared.value.field, declared.value.status) == ("weather", 500)
    assert str(undeclared.value) == "'topic' is not an input of the app's form; it takes no inputs"
