"""Human input (Dify 1.14 and later): a paused run, the forms it waits for, a fetched form.

A chatflow's Human Input node pauses the run: the stream sends ``human_input_required``
(the form: its text, inputs and actions, and the token to submit it) then
``workflow_paused``. :class:`WorkflowPause` gathers them (``ChatReply.paused``);
:class:`HumanInputForm` is what ``GET /form/human_input/{form_token}`` answers.
:func:`_check_submission` checks an action and inputs against either before sending.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Protocol

import attrs

from .._convert import (
    decoding,
    flag,
    json_list,
    json_object,
    mapping_of,
    optional_text,
    optional_timestamp,
    short_repr,
    text,
    text_or_empty,
    uuid_of,
)
from .._exceptions import FormValidationError
from .._models import Model

__all__ = [
    "FormAction",
    "FormInput",
    "HumanInputForm",
    "HumanInputRequest",
    "WorkflowPause",
]

#: The ``type`` of a pause reason that waits for a form.
_HUMAN_INPUT_REASON = "human_input_required"


@attrs.frozen
class FormAction(Model):
    """A button that submits a form: its ``id`` is what ``forms.submit(action=...)`` takes."""

    id: str
    title: str
    button_style: str = "default"

    @classmethod
    def from_json(cls, data: Any) -> FormAction:
        """Build from one ``actions`` / ``user_actions`` item.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        with decoding("form action", data):
            return cls._read(data)

    @classmethod
    def _read(cls, data: Any) -> FormAction:
        """The action, or ``ValueError`` naming the malformed field."""
        item = _mapping(data, "action")
        action_id = text(item.get("id"), "id")
        return cls(
            id=action_id,
            title=optional_text(item.get("title"), "title") or action_id,
            button_style=optional_text(item.get("button_style"), "button_style") or "default",
        )


@attrs.frozen
class FormInput(Model):
    """A field of a form: the value is submitted under ``output_variable_name``.

    ``type`` is the field's kind (``paragraph``, ``text-input``, ...); ``default`` the
    node's default setting as the server sends it (``None``: none), a source object such
    as ``{"type": "constant", "selector": [], "value": ""}`` or ``{"type": "variable",
    "selector": ["sys", "user_id"], ...}``. It only pre-fills Dify's own form: the input
    is still required on submit (a variable default's value is in the form's
    ``resolved_default_values``).
    """

    output_variable_name: str
    type: str = "paragraph"
    default: Any = attrs.field(default=None, hash=False)

    @classmethod
    def from_json(cls, data: Any) -> FormInput:
        """Build from one ``inputs`` item.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        with decoding("form input", data):
            return cls._read(data)

    @classmethod
    def _read(cls, data: Any) -> FormInput:
        """The input, or ``ValueError`` naming the malformed field."""
        item = _mapping(data, "input")
        return cls(
            output_variable_name=text(item.get("output_variable_name"), "output_variable_name"),
            type=optional_text(item.get("type"), "type") or "paragraph",
            default=item.get("default"),
        )


def _mapping(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"a form {what} is not a JSON object")
    return data


def _actions(value: Any, key: str) -> list[FormAction]:
    return [FormAction._read(item) for item in json_list(value, key)]


def _inputs(value: Any, key: str) -> list[FormInput]:
    return [FormInput._read(item) for item in json_list(value, key)]


class _FormShape(Protocol):
    """What a submission is checked against: a fetched form or a pause's request."""

    @property
    def inputs(self) -> list[FormInput]: ...
    @property
    def actions(self) -> list[FormAction]: ...
    @property
    def resolved_default_values(self) -> dict[str, Any]: ...


def _check_submission(form: _FormShape, action: str, inputs: Mapping[str, Any]) -> None:
    """Refuse what the server would refuse with 400 ``invalid_form_data``, before sending.

    ``action`` must be one of the form's action ids; every input needs a value (not
    ``None``), default or not, as the server requires each one; a value in the form's
    ``resolved_default_values`` will do (:func:`_with_resolved_defaults` adds it). Inputs
    the form does not have are left to the server. Raises :class:`FormValidationError`
    naming the action or the field.
    """
    ids = [item.id for item in form.actions]
    if action not in ids:
        raise FormValidationError(
            f"action {action!r} is not one of this form's actions: {', '.join(ids) or '(none)'}",
            action=action,
        )
    defaults = form.resolved_default_values
    for item in form.inputs:
        name = item.output_variable_name
        if inputs.get(name) is None and defaults.get(name) is None:
            raise FormValidationError(
                f"the form's input {name!r} is required: pass inputs={{{name!r}: ...}}",
                field=name,
            )


def _with_resolved_defaults(form: _FormShape, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """``inputs`` plus the form's resolved default values of the inputs given no value:
    the server fills in nothing itself."""
    defaults = form.resolved_default_values
    filled = dict(inputs)
    for item in form.inputs:
        name = item.output_variable_name
        if filled.get(name) is None and defaults.get(name) is not None:
            filled[name] = defaults[name]
    return filled


@attrs.frozen(repr=False)
class HumanInputRequest(Model):
    """One form a paused run waits for (a ``human_input_required`` event, or a pause
    reason when only the ``workflow_paused`` answer came, as in blocking mode).

    ``form_token`` is what ``client.forms.get`` / ``submit`` take. From a pause reason
    alone, ``form_content``, ``inputs`` and ``actions`` can be empty (the server's reason
    may leave them out): fetch the form for them.
    """

    form_token: str
    node_id: str
    node_title: str
    form_content: str = ""
    inputs: list[FormInput] = attrs.field(factory=list, hash=False)
    actions: list[FormAction] = attrs.field(factory=list, hash=False)
    resolved_default_values: dict[str, Any] = attrs.field(factory=dict, hash=False)
    expiration_time: datetime | None = None
    form_id: str | None = None
    display_in_ui: bool = False

    @classmethod
    def from_json(cls, data: Any) -> HumanInputRequest:
        """Build from a ``human_input_required`` event's ``data`` or a pause reason.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        item = mapping_of(data, "human input request")
        with decoding("human input request", data):
            return cls(
                form_token=text(item.get("form_token"), "form_token"),
                node_id=text_or_empty(item.get("node_id"), "node_id"),
                node_title=text_or_empty(item.get("node_title"), "node_title"),
                form_content=text_or_empty(item.get("form_content"), "form_content"),
                inputs=_inputs(item.get("inputs"), "inputs"),
                actions=_actions(item.get("actions"), "actions"),
                resolved_default_values=json_object(
                    item.get("resolved_default_values"), "resolved_default_values"
                ),
                expiration_time=optional_timestamp(item.get("expiration_time"), "expiration_time"),
                form_id=optional_text(item.get("form_id"), "form_id"),
                display_in_ui=flag(item.get("display_in_ui"), "display_in_ui"),
            )

    def __repr__(self) -> str:
        return (
            f"HumanInputRequest(node_title={short_repr(self.node_title)}, "
            f"form_content={short_repr(self.form_content)}, "
            f"actions={[action.id for action in self.actions]!r})"
        )


@attrs.frozen(repr=False)
class WorkflowPause(Model):
    """A run that stopped to wait for people: ``ChatReply.paused``.

    ``forms`` are the forms waiting (submit each with ``client.forms.submit``; then
    ``client.chat.resume(reply)`` follows the run on). ``reasons`` and ``outputs`` are the
    ``workflow_paused`` event's raw ``reasons`` and outputs so far.
    """

    workflow_run_id: uuid.UUID
    forms: list[HumanInputRequest] = attrs.field(factory=list, hash=False)
    paused_nodes: list[str] = attrs.field(factory=list, hash=False)
    reasons: list[dict[str, Any]] = attrs.field(factory=list, hash=False)
    outputs: dict[str, Any] = attrs.field(factory=dict, hash=False)

    @classmethod
    def from_json(
        cls,
        data: Any,
        *,
        requests: Iterable[Mapping[str, Any]] = (),
        workflow_run_id: Any = None,
    ) -> WorkflowPause:
        """Build from the ``workflow_paused`` ``data`` and the ``human_input_required``
        events' ``data`` (``requests``; one without a ``form_token`` is left out, as it
        cannot be submitted); a reason whose form no event described becomes a form too
        (blocking mode has only the reasons).

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        paused = mapping_of(data, "workflow pause")
        # A request without a token cannot be answered through the API: left out.
        forms = [
            HumanInputRequest.from_json(item)
            for item in requests
            if not isinstance(item, Mapping) or item.get("form_token") is not None
        ]
        with decoding("workflow pause", data):
            run_id = uuid_of(paused.get("workflow_run_id") or workflow_run_id, "workflow_run_id")
            reasons = [
                _mapping(item, "pause reason")
                for item in json_list(paused.get("reasons"), "reasons")
            ]
            nodes = json_list(paused.get("paused_nodes"), "paused_nodes")
            paused_nodes = [str(node) for node in nodes]
            outputs = json_object(paused.get("outputs"), "outputs")
        tokens = {form.form_token for form in forms}
        for reason in reasons:
            kind = reason.get("type", reason.get("TYPE"))
            token = reason.get("form_token")
            if kind == _HUMAN_INPUT_REASON and isinstance(token, str) and token not in tokens:
                forms.append(HumanInputRequest.from_json(reason))
                tokens.add(token)
        return cls(
            workflow_run_id=run_id,
            forms=forms,
            paused_nodes=paused_nodes,
            reasons=[dict(reason) for reason in reasons],
            outputs=outputs,
        )

    def __repr__(self) -> str:
        return (
            f"WorkflowPause(workflow_run_id={str(self.workflow_run_id)!r}, "
            f"forms={[form.form_token for form in self.forms]!r})"
        )


@attrs.frozen(repr=False)
class HumanInputForm(Model):
    """A form as ``GET /form/human_input/{form_token}`` answers it.

    ``content`` is the form's text (markdown), ``inputs`` its fields, ``actions`` its
    buttons (``user_actions`` on the wire), ``resolved_default_values`` the defaults the
    run resolved, ``expires_at`` when it expires (aware UTC). Pass it to
    ``forms.submit(..., form=form)`` to have the submission checked first.
    """

    form_token: str
    content: str
    inputs: list[FormInput] = attrs.field(factory=list, hash=False)
    actions: list[FormAction] = attrs.field(factory=list, hash=False)
    resolved_default_values: dict[str, Any] = attrs.field(factory=dict, hash=False)
    expires_at: datetime | None = None

    @classmethod
    def from_json(cls, data: Any, *, form_token: str | None = None) -> HumanInputForm:
        """Build from the server's answer; ``form_token`` is the token it was fetched by
        (the answer does not carry it; ``None``: read from a ``form_token`` field).

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        item = mapping_of(data, "human input form")
        with decoding("human input form", data):
            return cls(
                form_token=text(item.get("form_token"), "form_token")
                if form_token is None
                else form_token,
                content=text_or_empty(item.get("form_content"), "form_content"),
                inputs=_inputs(item.get("inputs"), "inputs"),
                actions=_actions(item.get("user_actions"), "user_actions"),
                resolved_default_values=json_object(
                    item.get("resolved_default_values"), "resolved_default_values"
                ),
                expires_at=optional_timestamp(item.get("expiration_time"), "expiration_time"),
            )

    def __repr__(self) -> str:
        return (
            f"HumanInputForm(content={short_repr(self.content)}, "
            f"inputs={[item.output_variable_name for item in self.inputs]!r}, "
            f"actions={[action.id for action in self.actions]!r})"
        )
