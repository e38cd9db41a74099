"""client.app: info, parameters (typed input form, inputs checked), meta and site."""

from __future__ import annotations

import pytest
from dify_chatflow import (
    AppInfo,
    AppMeta,
    AppParameters,
    AppSite,
    CheckboxField,
    ExternalDataToolField,
    FileField,
    FileListField,
    InputValidationError,
    JsonObjectField,
    NumberField,
    ParagraphField,
    SelectField,
    TextInputField,
)
from dify_chatflow.testing import Fault
from resource_support import API_KEY

FILE = {"type": "document", "transfer_method": "local_file", "upload_file_id": "f-1"}

FORM = [
    {"text-input": {"variable": "name", "label": "Name", "required": True, "max_length": 5}},
    {"paragraph": {"variable": "notes", "label": "Notes", "required": False, "max_length": 10}},
    {"select": {"variable": "plan", "label": "Plan", "required": True, "options": ["free", "pro"]}},
    {"number": {"variable": "seats", "label": "Seats", "required": False}},
    {"checkbox": {"variable": "vip", "label": "VIP", "required": False}},
    {"file": {"variable": "contract", "label": "Contract", "required": False}},
    {"file-list": {"variable": "scans", "label": "Scans", "required": False, "max_length": 2}},
    {"json_object": {"variable": "profile", "label": "Profile", "required": False}},
    {"external_data_tool": {"variable": "crm", "label": "CRM", "required": False}},
]
GOOD = {"name": "Ada", "plan": "pro"}


@pytest.fixture
def parameters(server, driver) -> AppParameters:
    server.add_app(API_KEY, user_input_form=FORM, opening_statement="Hi!")
    parameters = driver.run(driver.client(server).app.parameters())
    assert isinstance(parameters, AppParameters)
    return parameters


def test_info(server, driver):
    server.add_app(API_KEY, name="Support bot", description="Answers billing questions")

    info = driver.run(driver.client(server).app.info())

    assert isinstance(info, AppInfo)
    assert (info.name, info.description, info.mode) == (
        "Support bot",
        "Answers billing questions",
        "advanced-chat",
    )


def test_parameters_list_one_typed_field_per_control_type(parameters):
    assert isinstance(parameters, AppParameters)
    assert parameters.opening_statement == "Hi!"
    assert [type(field) for field in parameters.user_input_form] == [
        TextInputField,
        ParagraphField,
        SelectField,
        NumberField,
        CheckboxField,
        FileField,
        FileListField,
        JsonObjectField,
        ExternalDataToolField,
    ]
    name, plan = parameters.field("name"), parameters.field("plan")
    assert isinstance(name, TextInputField)
    assert isinstance(plan, SelectField)
    assert (name.label, name.required, name.max_length) == ("Name", True, 5)
    assert plan.options == ("free", "pro")
    assert parameters.system_parameters.file_size_limit == 15


@pytest.mark.parametrize(
    ("inputs", "used"),
    [
        ({}, None),  # only the required fields
        ({"notes": "short"}, {"notes": "short"}),
        ({"seats": "3"}, {"seats": 3}),  # number text is read as a number
        ({"seats": "2.5"}, {"seats": 2.5}),
        ({"vip": "yes"}, {"vip": True}),  # checkbox words are booleans
        ({"vip": 0}, {"vip": False}),
        ({"contract": FILE}, {"contract": FILE}),
        ({"scans": [FILE, FILE]}, {"scans": [FILE, FILE]}),
        ({"contract": ""}, {"contract": None}),  # the web form's empty file placeholder
    ],
)
def test_validate_inputs_accepts_and_converts_what_the_server_takes(parameters, inputs, used):
    checked = parameters.validate_inputs({**GOOD, **inputs})

    assert set(checked) == {field.variable for field in parameters.user_input_form}
    assert checked["name"] == "Ada"
    for variable, value in (used or {}).items():
        assert checked[variable] == value


@pytest.mark.parametrize(
    ("inputs", "field", "message"),
    [
        ({"name": None}, "name", "name is required in input form"),
        ({"name": "Adalovelace"}, "name", "name in input form must be less than 5 characters"),
        ({"name": 7}, "name", "(type 'text-input') name in input form must be a string"),
        ({"notes": "x" * 11}, "notes", "notes in input form must be less than 10 characters"),
        ({"plan": "gold"}, "plan", "plan in input form must be one of the following"),
        ({"seats": "many"}, "seats", "seats"),
        ({"contract": "report.pdf"}, "contract", "contract in input form must be a file"),
        ({"scans": [FILE] * 3}, "scans", "scans in input form must be less than 2 files"),
        ({"scans": FILE}, "scans", "scans in input form must be a list of files"),
        ({"profile": "text"}, "profile", "profile in input form must be a dict"),
        ({"crm": "anything"}, "crm", "crm in input form takes no value"),
    ],
)
def test_validate_inputs_names_the_field_the_server_would_refuse(
    parameters, inputs, field, message
):
    with pytest.raises(InputValidationError) as caught:
        parameters.validate_inputs({**GOOD, **inputs})

    assert caught.value.field == field
    assert message in str(caught.value)


def test_json_object_inputs_follow_the_servers_version(parameters):
    # Dify 1.10 fails (500) on any value for a json_object field; newer servers take one.
    assert parameters.validate_inputs({**GOOD, "profile": {"city": "Lyon"}})["profile"] == {
        "city": "Lyon"
    }
    with pytest.raises(InputValidationError) as caught:
        parameters.validate_inputs({**GOOD, "profile": {"city": "Lyon"}}, dialect="1.10")
    assert caught.value.status == 500


def test_meta(server, driver):
    meta = driver.run(driver.client(server).app.meta())

    assert meta == AppMeta(tool_icons={})


def test_site(server, driver, dialect):
    server.add_app(API_KEY, name="Support bot")

    site = driver.run(driver.client(server).app.site())

    assert isinstance(site, AppSite)
    assert (site.title, site.icon_type, site.show_workflow_steps) == ("Support bot", "emoji", True)
    assert site.input_placeholder is None


def test_settings_reads_are_retried_after_a_server_error(server, driver):
    server.inject_fault(Fault.unavailable(retry_after=0), route="app", times=2)

    info = driver.run(driver.client(server).app.info())

    assert info.mode == "advanced-chat"
    assert [r.path for r in server.requests] == ["/v1/info"] * 3
