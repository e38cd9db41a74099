"""An app's input form as Python types: :func:`render_inputs_module`.

A chatflow's Start node declares its inputs (``GET /parameters`` → ``user_input_form``).
:func:`render_inputs_module` turns that form into the text of a small module holding one
``TypedDict``, one key per form variable, so that a type checker reports a misspelled
input name, a select value that is not one of its options or a missing required input
before anything is sent. ``dify-chatflow app types`` is a shell over it.

The text depends only on what is passed in: regenerated from the same form (with the
same class name, app name and Dify version) it is byte for byte the same. That is why
the time of generation is written only when ``generated_at`` is given; the header always
carries the form's fingerprint, which changes exactly when the form does.
"""

from __future__ import annotations

import hashlib
import json
import keyword
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

import attrs

from ._exceptions import ConfigurationError
from .types.app import (
    AppParameters,
    ExternalDataToolField,
    FileField,
    FileListField,
    FormField,
    JsonObjectField,
    SelectField,
    TextInputField,
    UnknownField,
)

__all__ = ["check_class_name", "form_fingerprint", "inputs_class_name", "render_inputs_module"]

# ruff's default line length: a longer line is wrapped the way `ruff format` wraps it, so
# formatting the module changes nothing.
_WIDTH: Final = 88
_INDENT: Final = "    "

# The Python type of each control type's value.
_VALUE_TYPES: Final = {
    "text-input": "str",
    "paragraph": "str",
    "number": "int | float",
    "checkbox": "bool",
    "file": "UploadedFile | FileRef",
    "file-list": "list[UploadedFile | FileRef]",
    "json_object": "dict[str, JSONValue]",
}

# The names the module imports, where each comes from.
_TYPING_NAMES: Final = ("Literal", "Never", "Required", "TypedDict")
_PACKAGE_NAMES: Final = ("FileRef", "JSONValue", "UploadedFile")

# Quotes and dashes (by Unicode category) and signs that look like ASCII ones, written as
# those in comments.
_LOOKALIKES: Final = {"Pd": "-", "Pi": '"', "Pf": '"'}
_LOOKALIKE_SIGNS: Final = {
    "\N{MULTIPLICATION SIGN}": "x",
    "\N{MINUS SIGN}": "-",
    "\N{RATIO}": ":",
    "\N{DIVISION SLASH}": "/",
    "\N{FRACTION SLASH}": "/",
}


def render_inputs_module(
    parameters: AppParameters | Mapping[str, Any],
    class_name: str,
    *,
    app_name: str | None = None,
    dify_version: str | None = None,
    generated_at: datetime | None = None,
) -> str:
    """The text of a Python module declaring the app's inputs as ``class_name``.

    ``parameters`` is ``client.app.parameters()`` (or the ``GET /parameters`` JSON).
    The module holds ``class <class_name>(TypedDict, total=False)``, one key per form
    variable, ``Required[...]`` for the required ones: text-input and paragraph take
    ``str``, select a ``Literal`` of its options, number ``int | float``, checkbox
    ``bool``, file ``UploadedFile | FileRef``, file-list ``list[UploadedFile | FileRef]``,
    json_object ``dict[str, JSONValue]``. External data tools are filled in by the
    server, not by the caller: they are named in the header only. Labels, descriptions,
    length limits, defaults and file types become comments. When a variable name cannot
    be a class attribute (not an ASCII identifier, a keyword, a name Python would mangle)
    the module uses the functional form, ``TypedDict("<class_name>", {...})``.

    The header names the app (``app_name``), the Dify version (``dify_version``, the
    ``X-Version`` header of the server's answer), the form's fingerprint and, only when
    ``generated_at`` (an aware datetime) is given, the time. Raises
    :class:`~dify_chatflow.ConfigurationError` for a class name that cannot be used.
    """
    check_class_name(class_name)
    if generated_at is not None and generated_at.utcoffset() is None:
        raise ConfigurationError(
            "generated_at must be an aware datetime (e.g. datetime.now(UTC)), not a naive one"
        )
    if not isinstance(parameters, AppParameters):
        parameters = AppParameters.from_json(parameters)
    fields = _input_fields(parameters.user_input_form)
    left_out = [f for f in parameters.user_input_form if isinstance(f, ExternalDataToolField)]
    header = _header(
        app_name=app_name,
        dify_version=dify_version,
        fingerprint=form_fingerprint(parameters),
        generated_at=generated_at,
        left_out=left_out,
    )
    entries = [_Entry.of(field) for field in fields]
    if all(_attribute_name(entry.variable) for entry in entries):
        body = _class_form(class_name, entries)
    else:
        body = _functional_form(class_name, entries)
    docstring = '"""Chat inputs of a Dify app, as a type for type checkers."""'
    # Two blank lines before a class, one before an assignment (as isort puts them).
    gap = ["", ""] if body[0].startswith("class ") else [""]
    text = "\n".join([*header, docstring, "", *_imports(entries), *gap, *body])
    return text + "\n"


def check_class_name(class_name: str) -> None:
    """Raise :class:`~dify_chatflow.ConfigurationError` unless ``class_name`` can name the
    module's class (an ASCII identifier, no keyword, none of the names it imports)."""
    if not (
        isinstance(class_name, str)
        and class_name.isidentifier()
        and class_name.isascii()
        and not keyword.iskeyword(class_name)
        and class_name not in _TYPING_NAMES + _PACKAGE_NAMES
    ):
        raise ConfigurationError(
            f"class name must be an ASCII Python identifier that is not a keyword or one of "
            f"{', '.join(_TYPING_NAMES + _PACKAGE_NAMES)}, got {class_name!r}"
        )


def inputs_class_name(app_name: str) -> str:
    """The class name made from an app's name: ``"Support bot"`` → ``"SupportBotInputs"``.

    ASCII letters and digits are kept, each word capitalised; ``"AppInputs"`` when none
    are left (a name in another script), ``App`` in front of a leading digit.
    """
    words = re.findall(r"[A-Za-z0-9]+", app_name)
    name = "".join(word[:1].upper() + word[1:] for word in words)
    if not name or name[0].isdigit():
        name = "App" + name
    return name if name.endswith("Inputs") else name + "Inputs"


def form_fingerprint(parameters: AppParameters) -> str:
    """A short digest of the input form: the same for the same form, whatever the order
    of each field's settings (``sha256:`` and 16 hex digits)."""
    form = [{field.control: field.settings} for field in parameters.user_input_form]
    canonical = json.dumps(form, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:16]


# --- the fields ---------------------------------------------------------------------------


def _input_fields(form: Iterable[FormField]) -> list[FormField]:
    """The fields a caller fills in, one per variable name: a later duplicate replaces an
    earlier one in its place, as the server's dict of inputs does."""
    by_name: dict[str, FormField] = {}
    for field in form:
        if not isinstance(field, ExternalDataToolField):
            by_name[field.variable] = field
    return list(by_name.values())


@attrs.frozen
class _Entry:
    """One key of the TypedDict: its type is ``value_type``, or a ``Literal`` of
    ``options`` when they are given; ``notes`` become the comment above it."""

    variable: str
    required: bool
    value_type: str
    options: tuple[str, ...] | None
    notes: tuple[str, ...]

    @classmethod
    def of(cls, field: FormField) -> _Entry:
        options = None
        if isinstance(field, SelectField):
            options = tuple(dict.fromkeys(field.options))
            # No option: every value is refused.
            value_type = "Literal" if options else "Never"
        elif isinstance(field, UnknownField):
            value_type = "JSONValue"
        else:
            value_type = _VALUE_TYPES[field.control]
        return cls(field.variable, field.required, value_type, options or None, _notes(field))

    def annotation(self) -> str:
        """The type on one line."""
        value_type = self.value_type
        if self.options:
            value_type = f"Literal[{', '.join(map(_string_literal, self.options))}]"
        return f"Required[{value_type}]" if self.required else value_type

    def lines(self, start: str, end: str) -> list[str]:
        """``start + annotation + end``, on one line, or split as ``ruff format`` splits
        a long ``Literal``: one option a line, with a trailing comma that keeps it so."""
        line = start + self.annotation() + end
        if len(line) <= _WIDTH or not self.options:
            return [line]
        indent = start[: len(start) - len(start.lstrip())]
        inner = indent + _INDENT if self.required else indent
        literal = [
            "Literal[",
            *(f"{inner}{_INDENT}{_string_literal(option)}," for option in self.options),
            f"{inner}]",
        ]
        if not self.required:
            return [start + literal[0], *literal[1:-1], literal[-1] + end]
        return [f"{start}Required[", inner + literal[0], *literal[1:], f"{indent}]{end}"]


def _notes(field: FormField) -> tuple[str, ...]:
    """What the comment above the key says: the label, then the field's settings."""
    details = [field.control]
    if field.required:
        details.append("required")
    if isinstance(field, TextInputField) and field.max_length:
        details.append(f"at most {field.max_length} characters")
    if isinstance(field, FileListField) and field.max_length:
        details.append(f"at most {field.max_length} files")
    if isinstance(field, FileField):
        for label, values in (
            ("types", field.allowed_file_types),
            ("extensions", field.allowed_file_extensions),
            ("sent as", field.allowed_file_upload_methods),
        ):
            if values:
                details.append(f"{label} {', '.join(values)}")
    if isinstance(field, JsonObjectField) and field.json_schema:
        details.append("described by a JSON schema")
    if isinstance(field, UnknownField):
        details.append("a control type this package does not know: any JSON value")
    if field.default not in (None, "", [], {}):
        details.append(f"default {_shortened(json.dumps(field.default, ensure_ascii=False))}")
    if field.hide:
        details.append("hidden in the web app")
    label = _one_line(field.label)
    notes = [f"{label}: {'; '.join(details)}" if label else "; ".join(details)]
    if description := _one_line(field.description):
        notes.append(description)
    return tuple(notes)


# --- the text -----------------------------------------------------------------------------


def _header(
    *,
    app_name: str | None,
    dify_version: str | None,
    fingerprint: str,
    generated_at: datetime | None,
    left_out: Sequence[FormField],
) -> list[str]:
    app = f'the Dify app "{_one_line(app_name)}"' if app_name else "a Dify app"
    version = f"Dify {_one_line(dify_version)}" if dify_version else "Dify (version not known)"
    when = (
        f"Generated at {generated_at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC."
        if generated_at is not None
        else "No time is recorded, so the same form always gives the same file."
    )
    paragraphs = [
        f"Chat inputs of {app}, generated by dify-chatflow from its input form as "
        f"{version} served it (form {fingerprint}). {when} Do not edit: generate it again "
        "(`dify-chatflow app types`) when the form changes.",
    ]
    if left_out:
        names = _one_line(", ".join(repr(field.variable) for field in left_out))
        paragraphs.append(f"Left out, filled in by the server's external data tools: {names}.")
    return [line for paragraph in paragraphs for line in _comment(paragraph, "")]


def _class_form(class_name: str, entries: list[_Entry]) -> list[str]:
    lines = [
        f"class {class_name}(TypedDict, total=False):",
        f'{_INDENT}"""The app\'s chat inputs, for ``inputs=`` of ``client.chat.send`` / '
        '``stream``."""',
    ]
    for entry in entries:
        lines.append("")
        for note in entry.notes:
            lines.extend(_comment(note, _INDENT))
        lines.extend(entry.lines(f"{_INDENT}{entry.variable}: ", ""))
    return lines


def _functional_form(class_name: str, entries: list[_Entry]) -> list[str]:
    inner = _INDENT * 2
    lines = [
        f"{class_name} = TypedDict(",
        f'{_INDENT}"{class_name}",',
        f"{_INDENT}{{",
    ]
    for entry in entries:
        for note in entry.notes:
            lines.extend(_comment(note, inner))
        lines.extend(entry.lines(f"{inner}{_string_literal(entry.variable)}: ", ","))
    lines += [f"{_INDENT}}},", f"{_INDENT}total=False,", ")"]
    return lines


def _imports(entries: list[_Entry]) -> list[str]:
    """The import lines for the names the keys' types use."""
    words = {"TypedDict"}
    for entry in entries:
        words |= set(re.findall(r"\w+", entry.value_type)) | (
            {"Required"} if entry.required else set()
        )
    typing = [name for name in _TYPING_NAMES if name in words]
    lines = [f"from typing import {', '.join(typing)}"]
    package = [name for name in _PACKAGE_NAMES if name in words]
    if package:
        lines += ["", f"from dify_chatflow import {', '.join(package)}"]
    return lines


def _attribute_name(variable: str) -> bool:
    """Whether ``variable`` can be a key in the class form: an ASCII identifier (Python
    normalises other identifiers, which could change the key), no keyword, and no
    ``__name`` (which Python renames inside a class)."""
    return (
        variable.isidentifier()
        and variable.isascii()
        and not keyword.iskeyword(variable)
        and not (variable.startswith("__") and not variable.endswith("__"))
    )


def _string_literal(text: str) -> str:
    """``text`` as a Python string literal, in the quotes ``ruff format`` picks (double,
    unless the text holds more of them than single ones).

    Letters and digits of every script are kept as they are; other characters outside
    ASCII that are invisible, or punctuation that looks like ASCII (a fullwidth comma, an
    en dash), are escaped, so the value is exact and linters see no lookalike.
    """
    quote = "'" if text.count('"') > text.count("'") else '"'
    parts = [quote]
    lookalikes = _lookalike_letters(text)
    for index, char in enumerate(text):
        if char in (quote, "\\"):
            parts.append("\\" + char)
        elif char.isascii() and char.isprintable():
            parts.append(char)
        elif char in _ESCAPES:
            parts.append(_ESCAPES[char])
        elif _plain_non_ascii(char) and index not in lookalikes:
            parts.append(char)
        else:
            parts.append(_escaped(char))
    parts.append(quote)
    return "".join(parts)


_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _plain_non_ascii(char: str) -> bool:
    """A letter, digit or mark that is its own normal form (not a fullwidth variant)."""
    return unicodedata.category(char)[0] in "LNM" and unicodedata.normalize("NFKC", char) == char


def _lookalike_letters(text: str) -> set[int]:
    """Where ``text`` has Greek or Cyrillic letters a reader may take for Latin ones: in a
    word that mixes them with ASCII letters (a Cyrillic a in "paypal"), or in a short word
    of them alone (a lone capital alpha). Longer words read as their own script."""
    found: set[int] = set()
    for word in re.finditer(r"\w+", text):
        suspects = [
            i
            for i, c in enumerate(word[0], word.start())
            if unicodedata.name(c, "").startswith(("GREEK", "CYRILLIC"))
        ]
        mixed = any(c.isascii() and c.isalpha() for c in word[0])
        if suspects and (mixed or len(word[0]) <= _SHORT_WORD):
            found.update(suspects)
    return found


_SHORT_WORD: Final = 3


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=_WIDTH,
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_on_hyphens=False,
    )


def _one_line(text: str | None) -> str:
    """``text`` fit for a comment: printable characters, fullwidth forms as the ASCII
    ones they stand for, dashes and curly quotes as ASCII ones, letters that look Latin
    escaped (``\\u0430``), whitespace runs as one space."""
    normal = unicodedata.normalize("NFKC", text or "")
    lookalikes = _lookalike_letters(normal)
    shown = (
        c
        if c.isascii()
        else " "
        if not c.isprintable()
        else _escaped(c)
        if i in lookalikes
        else _LOOKALIKE_SIGNS.get(c) or _LOOKALIKES.get(unicodedata.category(c), c)
        for i, c in enumerate(normal)
    )
    return " ".join("".join(shown).split())


def _shortened(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
