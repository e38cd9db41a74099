"""``GET`` and ``POST /form/human_input/{form_token}`` (1.16 only): a paused run's form."""

from __future__ import annotations

from typing import Final

from .._context import Call, Reply, error, json_reply
from .._human import FormSubmission, PendingForm
from ._spec import RouteSpec

__all__ = ["ROUTES"]

_MSG_SUBMITTED: Final = "This form has already been submitted."


def _form(call: Call) -> PendingForm:
    found = call.store.form(call.app().api_key, call.params[0])
    if found is None:
        raise call.not_found("Form not found.", hint=True)
    return found


def get_form(call: Call) -> Reply:
    form = _form(call)
    body = {
        "form_content": form.request.form_content,
        "inputs": form.request.input_list(),
        "resolved_default_values": form.resolved_defaults(),
        "user_actions": form.request.action_list(),
        "expiration_time": form.expiration_time,
    }
    return json_reply(200, body)


def submit_form(call: Call) -> Reply:
    call.app()
    payload = call.json()
    call.body_user()
    form = _form(call)
    if form.submitted:
        raise error(412, "human_input_form_submitted", _MSG_SUBMITTED)
    action = payload.get("action")
    actions = [str(a["id"]) for a in form.request.action_list()]
    if action not in actions:
        message = f"Invalid action: {action!r} is not one of {', '.join(actions)}"
        raise error(400, "invalid_form_data", message)
    inputs = payload.get("inputs") or {}
    if not isinstance(inputs, dict):
        raise error(400, "invalid_form_data", "inputs must be an object")
    for item in form.request.input_list():
        name = str(item["output_variable_name"])
        if inputs.get(name) is None and item["default"] is None:
            raise error(400, "invalid_form_data", f"Missing required input: {name}")
    values = {**form.resolved_defaults(), **inputs}
    if not call.store.submit_form(form):
        raise error(412, "human_input_form_submitted", _MSG_SUBMITTED)
    form.resume(FormSubmission(str(action), values))
    return json_reply(200, {})


ROUTES: Final = (
    RouteSpec("forms.get", get_form, strings=("form_token",), new_only=True),
    RouteSpec(
        "forms.submit",
        submit_form,
        strings=("form_token",),
        new_only=True,
        sample_body={"inputs": {"comment": "ok"}, "action": "approve", "user": "u-1"},
    ),
)
