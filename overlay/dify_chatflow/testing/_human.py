"""Human input (1.16 dialect): a responder's request for a person's answer, the waiting
form, and each run's event log that ``GET /workflow/{run_id}/events`` follows.

A responder pauses its turn by yielding a :class:`HumanInput`; the ``yield`` evaluates
to the :class:`FormSubmission` once someone posts the form::

    def responder(query, inputs, conversation):
        yield "Deploying needs an approval. "
        answer = yield HumanInput("Deploy v2 to prod?", actions=["approve", "reject"],
                                  inputs=["comment"])
        yield f"You chose {answer.action}: {answer.inputs['comment']}"
"""

from __future__ import annotations

import secrets
import string
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

__all__ = ["FormSubmission", "HumanInput", "PendingForm", "RunLog"]

_DEFAULT_ACTIONS: Final = ("approve", "reject")


def _action(spec: str | Mapping[str, object]) -> dict[str, object]:
    if isinstance(spec, str):
        return {"id": spec, "title": spec.replace("_", " ").capitalize(), "button_style": "default"}
    action = {"id": spec["id"], "title": spec.get("title", spec["id"])}
    action["button_style"] = spec.get("button_style", "default")
    return action


def _default(value: object) -> object:
    """An input's default as the node defines it: ``None``, or a ``{"type", "selector",
    "value"}`` source (a plain string is a constant one)."""
    if isinstance(value, str):
        return {"type": "constant", "selector": [], "value": value}
    return value


def _input(spec: str | Mapping[str, object]) -> dict[str, object]:
    if isinstance(spec, str):
        return {"output_variable_name": spec, "type": "paragraph", "default": None}
    return {
        "output_variable_name": spec["output_variable_name"],
        "type": spec.get("type", "paragraph"),
        "default": _default(spec.get("default")),
    }


@dataclass(frozen=True)
class HumanInput:
    """What a responder yields to pause its turn for a person's answer (1.16 dialect).

    ``actions`` are action ids (or ``{"id", "title", "button_style"}`` mappings);
    ``inputs`` are the names of the form's inputs (or ``{"output_variable_name", "type",
    "default"}`` mappings, ``default`` being the node's source object
    ``{"type": "constant", "selector": [], "value": ...}`` or a plain string for a
    constant one), every one required on submit: a default only pre-fills the form.
    ``resolved_default_values`` are what variable defaults resolved to (sent as strings);
    constant defaults are not among them. ``expires_in`` is seconds until the form's
    ``expiration_time``.
    """

    form_content: str
    actions: Sequence[str | Mapping[str, object]] = _DEFAULT_ACTIONS
    inputs: Sequence[str | Mapping[str, object]] = ()
    node_title: str = "Human Input"
    node_id: str = "human_input"
    expires_in: int = 7 * 24 * 3600
    resolved_default_values: Mapping[str, str] = field(default_factory=dict)

    def action_list(self) -> list[dict[str, object]]:
        return [_action(spec) for spec in self.actions]

    def input_list(self) -> list[dict[str, object]]:
        return [_input(spec) for spec in self.inputs]


@dataclass(frozen=True)
class FormSubmission:
    """What the ``yield HumanInput(...)`` of a responder evaluates to: the chosen action
    and the submitted inputs."""

    action: str
    inputs: Mapping[str, object]


#: Dify's form tokens: 22 characters drawn from ASCII letters and digits (never "-", so a
#: token never reads as a command-line option).
_FORM_TOKEN_ALPHABET: Final = string.ascii_letters + string.digits
_FORM_TOKEN_LENGTH: Final = 22


def _form_token() -> str:
    """A new form token, as Dify makes them."""
    return "".join(secrets.choice(_FORM_TOKEN_ALPHABET) for _ in range(_FORM_TOKEN_LENGTH))


@dataclass
class PendingForm:
    """A form waiting for a person (mutated under the store's lock)."""

    request: HumanInput
    api_key: str
    run_id: str
    created_at: int
    resume: Callable[[PendingForm, FormSubmission], None]  # continues the turn in a thread
    token: str = field(default_factory=_form_token)
    form_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    submitted: bool = False
    submission: FormSubmission | None = None  # what was submitted, once it was

    @property
    def expiration_time(self) -> int:
        return self.created_at + self.request.expires_in

    def resolved_defaults(self) -> dict[str, object]:
        return dict(self.request.resolved_default_values)

    def action_title(self, action: str) -> object:
        titles = {a["id"]: a["title"] for a in self.request.action_list()}
        return titles.get(action, action)

    def rendered(self, submission: FormSubmission) -> str:
        """The form's text with each ``{{#$output.name#}}`` replaced by the value."""
        text = self.request.form_content
        for name, value in submission.inputs.items():
            text = text.replace(f"{{{{#$output.{name}#}}}}", str(value))
        return text

    def definition(
        self, *, token: str | None, approval_channels: Sequence[str] | None = None
    ) -> dict[str, object]:
        """The form as a ``human_input_required`` event describes it (with
        ``approval_channels``) or a message's ``extra_contents`` (without)."""
        request = self.request
        described: dict[str, object] = {
            "form_id": self.form_id,
            "node_id": request.node_id,
            "node_title": request.node_title,
            "form_content": request.form_content,
            "inputs": request.input_list(),
            "actions": request.action_list(),
            "display_in_ui": True,
            "form_token": token,
        }
        if approval_channels is not None:
            described["approval_channels"] = list(approval_channels)
        described["resolved_default_values"] = self.resolved_defaults()
        described["expiration_time"] = self.expiration_time
        return described

    def message_content(self) -> dict[str, object]:
        """The form as its message's ``extra_contents`` shows it: the definition (no token
        once submitted) and what was submitted."""
        request = self.request
        submission = self.submission
        submitted = None
        if submission is not None:
            submitted = {
                "node_id": request.node_id,
                "node_title": request.node_title,
                "rendered_content": self.rendered(submission),
                "action_id": submission.action,
                "action_text": self.action_title(submission.action),
                "submitted_data": dict(submission.inputs),
            }
        token = None if submission is not None else self.token
        return {
            "workflow_run_id": self.run_id,
            "submitted": submission is not None,
            "form_definition": self.definition(token=token),
            "form_submission_data": submitted,
            "type": "human_input",
        }


class RunLog:
    """Every event of one workflow run, in segments (the initial run, then one per
    resumption), for ``GET /workflow/{run_id}/events`` to follow."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._events: list[Mapping[str, object]] = []
        self._segment_start = 0
        self._running = False
        self._ends: list[int] = []  # event counts at which a segment ended
        self._waiting = 0  # followers blocked in wait(): only then is a notify needed
        self.finished = False  # the last segment ended with the run

    def begin(self) -> None:
        """A segment starts (its first event is the next one appended)."""
        with self._changed:
            self._segment_start = len(self._events)
            self._running = True
            self._changed.notify_all()

    def append(self, event: Mapping[str, object]) -> None:
        with self._changed:
            self._events.append(event)
            if self._waiting:
                self._changed.notify_all()

    def end(self, *, finished: bool) -> None:
        """The segment ended: the run paused, or it ``finished``."""
        with self._changed:
            self.finished = finished
            self._running = False
            self._ends.append(len(self._events))
            self._changed.notify_all()

    def follow_from(self, *, from_now: bool = False) -> tuple[int, int]:
        """Where a new follower starts: the segment it follows (the running one, or, while
        the run is paused, the next) and its first event, the segment's first or, with
        ``from_now``, the next one appended."""
        with self._changed:
            if not self._running:
                return len(self._events), len(self._events)
            return self._segment_start, len(self._events) if from_now else self._segment_start

    def wait(
        self, start: int, index: int, timeout: float
    ) -> tuple[list[Mapping[str, object]], bool]:
        """Events from ``index`` on (waiting up to ``timeout`` for some) within the segment
        starting at ``start``, and whether that segment is over once they are read."""
        with self._changed:
            end = self._end_after(start)
            if end is None and len(self._events) <= index:
                self._waiting += 1
                try:
                    self._changed.wait(timeout)
                finally:
                    self._waiting -= 1
                end = self._end_after(start)
            stop = end if end is not None else len(self._events)
            batch = self._events[index:stop]
            return batch, end is not None and index + len(batch) >= end

    def _end_after(self, start: int) -> int | None:
        return next((end for end in self._ends if end > start), None)
