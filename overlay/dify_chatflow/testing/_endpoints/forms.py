"""``GET`` and ``POST /form/human_input/{form_token}`` (1.16 only): a paused run's form."""

from __future__ import annotations

from typing import Final

from .._context import Call, Reply, Stop, error, json_reply
from .._human import FormSubmission, PendingForm
from ._spec import RouteSpec

__all__ = ["ROUTES"]


def _form(call: Call) -> PendingForm:
    found = call.store.form(call.app().api_key, call.params[0])
    if found is None:
        raise call.not_found("Form not found.", hint=True)
    return found


def _submitted(form: PendingForm) -> Stop:
    # Forms are one-shot whoever answers: the text names another user even for the same one.
    message = f"This form has already been submitted by another user, form_id={form.form_id}"
    return error(412, "human_input_form_submitted", message)


def get_form(call: Call) -> Reply:
    form = _form(call)
    if form.submitted:
        raise _submitted(form)
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
    call.body_user(required=True)  # checked with the key, before the form is looked up
    payload = call.json()
    form = _form(call)
    if form.submitted:
        raise _submitted(form)
    action = payload.get("action")
    actions = [str(a["id"]) for a in form.request.action_list()]
    if action not in actions:
        raise error(400, "invalid_form_data", f"Invalid action: {action}")
    inputs = payload.get("inputs") or {}
    if not isinstance(inputs, dict):
        raise error(400, "invalid_form_data", "inputs must be an object")
    # Every input is required, default or not: a default only pre-fills the form.
    names = [str(item["output_variable_name"]) for item in form.request.input_list()]
    missing = [name for name in names if name not in inputs]
    if missing:
        raise error(400, "invalid_form_data", f"Missing required inputs: {', '.join(missing)}")
    submission = FormSubmission(str(action), dict(inputs))
    if not call.store.submit_form(form, submission):
        raise _submitted(form)
    form.resume(form, submission)
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
