"""The server's rules for chat ``inputs`` against an app's ``user_input_form``.

Dify checks ``inputs`` in ``BaseAppGenerator._prepare_user_inputs`` /
``_validate_inputs`` before a chat turn starts. This module applies the same rules to
plain JSON, for the embedded test server (to answer with the server's exact message) and
for the client (to refuse bad inputs before anything is sent):

- Only the form's variables are kept; every one of them is in the result (``None`` when
  neither given nor defaulted). A missing key and ``None`` are the same thing.
- ``None`` on a required field is refused; on an optional one the field's ``default``
  is used and checked like a given value.
- ``text-input`` / ``paragraph`` / ``select`` take strings only; ``max_length`` (when
  non-zero) caps the characters; a ``select`` value must be one of ``options``. An empty
  string passes, even on a required field.
- ``number`` takes numbers, or text: blank text means unset, text with a ``.`` is read as
  a float, any other as an int.
- ``checkbox`` turns ``"true"/"1"/"yes"/"on"`` (any case, spaces trimmed) and ``1`` into
  ``True``, ``"false"/"0"/"no"/"off"`` and ``0`` into ``False``; anything else stays as it is.
- ``file`` takes an object, ``file-list`` a list of objects (at most ``max_length`` when
  non-zero); on an optional field ``""`` means unset (1.10.x: also ``[]``).
- ``json_object`` takes an object (or any falsy value); 1.10.x cannot take one at all.
- NUL characters are removed from strings.

A refusal the server answers with 400 ``invalid_param`` carries its exact message; a few
inputs make the server fail with 500 instead (:attr:`InputValidationError.status`).

:func:`check_input_names` is the client's own rule on top: the server drops an input name
its form does not declare without a word, so a misspelled name would go unnoticed.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal

from ._exceptions import DifyError, ResponseDecodeError

__all__ = [
    "CONTROL_TYPES",
    "Dialect",
    "InputValidationError",
    "check_input_names",
    "check_inputs",
    "form_fields",
    "form_flag",
    "form_limit",
]

Dialect = Literal["1.10", "1.16"]
"""Whose rules to apply: Dify 1.10.x or 1.16.x (the few places where they differ)."""

CONTROL_TYPES: Final = (
    "text-input",
    "paragraph",
    "select",
    "number",
    "checkbox",
    "file",
    "file-list",
    "json_object",
    "external_data_tool",
)
"""The control types a ``user_input_form`` item can have, as the server names them."""

_TEXT_TYPES = frozenset({"text-input", "paragraph", "select"})
_FILE_TYPES = frozenset({"file", "file-list"})
_TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
_FALSE_WORDS = frozenset({"false", "0", "no", "off"})
_SHOWN = 200

# Where the server reaches a branch it does not expect (a Python AssertionError or
# TypeError rather than a ValueError), it answers 500 "Internal Server Error".
_SERVER_FAILURE = 500


class InputValidationError(DifyError, ValueError):
    """Chat ``inputs`` the server would refuse, or with a name the app's form does not have.

    ``field`` names the input at fault. ``status`` is the HTTP status the server answers
    with: 400, with ``message`` as its own text (what the ``invalid_param`` answer
    carries), or 500 where these inputs make it fail (its answer then says only "Internal
    Server Error"; ``message`` says why). It is ``None`` for a name the form does not
    declare: the server would drop it silently; ``message`` names the closest declared
    name when there is one ("did you mean 'topic'?").
    """

    def __init__(self, field: str, message: str, *, status: int | None = 400) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


def form_fields(user_input_form: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """Split the ``user_input_form`` JSON into ``(control type, settings)`` pairs.

    Each item must be a one-key object whose key is the control type and whose value holds
    at least a string ``variable``. Raises :class:`ResponseDecodeError` otherwise.
    """
    if not isinstance(user_input_form, Sequence) or isinstance(user_input_form, str | bytes):
        raise ResponseDecodeError("user_input_form is not a list", raw=_shown(user_input_form))
    fields: list[tuple[str, Mapping[str, Any]]] = []
    for item in user_input_form:
        if not (isinstance(item, Mapping) and len(item) == 1):
            raise ResponseDecodeError(
                "user_input_form item is not a one-key object", raw=_shown(item)
            )
        ((control, settings),) = item.items()
        if not (
            isinstance(control, str)
            and isinstance(settings, Mapping)
            and isinstance(settings.get("variable"), str)
        ):
            raise ResponseDecodeError(
                "user_input_form item has no control type and variable name", raw=_shown(item)
            )
        fields.append((control, settings))
    return fields


def check_input_names(user_input_form: Any, inputs: Mapping[str, Any] | None) -> None:
    """Refuse an input name that ``user_input_form`` does not declare.

    Raises :class:`InputValidationError` (``status`` ``None``) naming the first such input
    and the declared name closest to it, if one is close ("did you mean 'topic'?"), or
    else the names the form declares.
    """
    fields = form_fields(user_input_form)
    if not isinstance(inputs, Mapping):
        return  # check_inputs says what inputs must be
    declared = {settings["variable"] for _, settings in fields}
    unknown = [name for name in inputs if name not in declared]
    if not unknown:
        return
    name = unknown[0]
    # Suggest only what a caller can fill in: external data tools take no value.
    fillable = list(dict.fromkeys(s["variable"] for c, s in fields if c != "external_data_tool"))
    by_folded = {variable.casefold(): variable for variable in reversed(fillable)}
    close = difflib.get_close_matches(str(name).casefold(), list(by_folded), n=1)
    if close:
        hint = f"did you mean {by_folded[close[0]]!r}?"
    elif fillable:
        hint = f"its inputs are {', '.join(map(repr, fillable))}"
    else:
        hint = "it takes no inputs"
    raise InputValidationError(
        str(name), f"{name!r} is not an input of the app's form; {hint}", status=None
    )


def check_inputs(
    user_input_form: Sequence[Mapping[str, Any]],
    inputs: Mapping[str, Any] | None,
    *,
    dialect: Dialect = "1.16",
) -> dict[str, Any]:
    """Check ``inputs`` against ``user_input_form`` as the server does; return what it uses.

    ``user_input_form`` is the JSON list that ``GET /parameters`` sends (one-key objects
    such as ``{"text-input": {"variable": "name", "required": true, ...}}``). The result
    has one entry per form variable, in form order, with defaults applied and values
    converted as the server converts them; inputs that are not in the form are dropped.
    Raises :class:`InputValidationError` for the first field the server would refuse (and
    :class:`ResponseDecodeError` for a malformed form).
    """
    fields = form_fields(user_input_form)
    if inputs is not None and not isinstance(inputs, Mapping):
        raise InputValidationError(
            "inputs", f"inputs must be an object of variable values, not {type(inputs).__name__}"
        )
    given: Mapping[str, Any] = inputs or {}
    checked = {
        settings["variable"]: _sanitized(
            _checked_value(control, settings, given.get(settings["variable"]), dialect)
        )
        for control, settings in fields
    }
    # A later duplicate of a variable name wins, as in the server's dict.
    controls = {settings["variable"]: control for control, settings in fields}
    _check_leftover_objects(controls, checked, dialect)
    return checked


def _checked_value(control: str, settings: Mapping[str, Any], value: Any, dialect: Dialect) -> Any:
    name: str = settings["variable"]
    required = form_flag(settings.get("required"))
    if value is None:
        if required:
            raise InputValidationError(name, f"{name} is required in input form")
        # The default is checked (and converted) like a given value.
        value = settings.get("default")
        if value is None:
            return None

    if control in _FILE_TYPES and not required:
        # An empty placeholder (what the web form sends) on an optional file field is unset.
        if isinstance(value, str) and not value:
            return None
        if dialect == "1.10" and isinstance(value, list) and not value:
            return None

    if control in _TEXT_TYPES and not isinstance(value, str):
        raise InputValidationError(
            name, f"(type '{control}') {name} in input form must be a string"
        )

    if control == "number":
        return _number(name, value)

    max_length = form_limit(settings.get("max_length"))
    if control == "select":
        options = list(settings.get("options") or [])
        if value not in options:
            raise InputValidationError(
                name, f"{name} in input form must be one of the following: {options!r}"
            )
    elif control in ("text-input", "paragraph"):
        if max_length and len(value) > max_length:
            raise InputValidationError(
                name, f"{name} in input form must be less than {max_length} characters"
            )
    elif control == "file":
        if not isinstance(value, dict):
            raise InputValidationError(name, f"{name} in input form must be a file")
    elif control == "file-list":
        if not (isinstance(value, list) and all(isinstance(item, dict) for item in value)):
            raise InputValidationError(name, f"{name} in input form must be a list of files")
        if max_length and len(value) > max_length:
            raise InputValidationError(
                name, f"{name} in input form must be less than {max_length} files"
            )
    elif control == "checkbox":
        value = _checkbox(value)
    elif control == "json_object" and dialect != "1.10":
        if value and not isinstance(value, dict):
            raise InputValidationError(name, f"{name} in input form must be a dict")
    elif control in CONTROL_TYPES:
        # 1.10.x json_object, and external_data_tool on every version: the server has no
        # branch for a value of this type and fails.
        raise InputValidationError(
            name,
            f"{name} in input form takes no value: the server fails on a value for a "
            f"{control} field",
            status=_SERVER_FAILURE,
        )
    # A control type newer than this package: the value is passed on unchecked.
    return value


def form_flag(value: Any) -> bool:
    """A form setting (``required``) read as the server's model reads a boolean."""
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS | {"t", "y"}
    return bool(value)


def form_limit(value: Any) -> int:
    """A form limit (``max_length``) as the server reads it: 0 (no limit) when unset."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return 0


def _number(name: str, value: Any) -> Any:
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            raise InputValidationError(
                name, f"{name} in input form must be a valid number"
            ) from None
    raise InputValidationError(
        name,
        f"{name} in input form must be a number or number text, not {type(value).__name__}: "
        "the server fails on it",
        status=_SERVER_FAILURE,
    )


def _checkbox(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    elif isinstance(value, int | float):
        if value == 1:
            return True
        if value == 0:
            return False
    return value


def _sanitized(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) else value


def _check_leftover_objects(
    controls: Mapping[str, str], checked: Mapping[str, Any], dialect: Dialect
) -> None:
    """The server's last check: objects only where it turns them into files or JSON."""
    if dialect == "1.10":
        # Files are converted by now and a json_object value never gets this far, so any
        # object left is refused; lists are not looked into.
        for name, value in checked.items():
            if isinstance(value, dict) and controls[name] not in _FILE_TYPES:
                raise InputValidationError(name, "Invalid input type")
        return
    objects = [
        name
        for name, value in checked.items()
        if isinstance(value, dict) and controls[name] not in ("file", "json_object")
    ]
    if not objects:
        objects = [
            name
            for name, value in checked.items()
            if isinstance(value, list)
            and any(isinstance(item, dict) for item in value)
            and controls[name] != "file-list"
        ]
    if objects:
        raise InputValidationError(objects[0], f"Invalid input type for {objects!r}")


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except ValueError:  # a circular structure
        text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "..."
