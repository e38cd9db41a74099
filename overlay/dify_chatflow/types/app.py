"""The app's settings: ``GET /info``, ``/parameters``, ``/meta`` and ``/site``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar, Self

import attrs

from .._chat_inputs import (
    Dialect,
    check_input_names,
    check_inputs,
    form_fields,
    form_flag,
    form_limit,
)
from .._convert import (
    decoding,
    flag,
    json_list,
    json_object,
    json_text_object,
    mapping_of,
    optional_integer,
    optional_text,
    short_repr,
    text,
)
from .._exceptions import ResponseDecodeError
from .._models import Model

__all__ = [
    "AppInfo",
    "AppMeta",
    "AppParameters",
    "AppSite",
    "CheckboxField",
    "ExternalDataToolField",
    "Feature",
    "FileField",
    "FileListField",
    "FormField",
    "JsonObjectField",
    "NumberField",
    "ParagraphField",
    "SelectField",
    "SystemParameters",
    "TextInputField",
    "ToolIcon",
    "UnknownField",
]


# --- GET /info ------------------------------------------------------------------------


@attrs.frozen
class AppInfo(Model):
    """The app's name, description, tags, mode (``"advanced-chat"`` for a chatflow) and author."""

    name: str
    description: str
    tags: tuple[str, ...]
    mode: str
    author_name: str | None

    @classmethod
    def from_json(cls, data: Any) -> AppInfo:
        """Build from the ``GET /info`` answer."""
        item = mapping_of(data, "app info")
        with decoding("app info", data):
            return cls(
                name=text(item.get("name"), "name"),
                description=optional_text(item.get("description"), "description") or "",
                tags=_strings(item.get("tags"), "tags"),
                mode=text(item.get("mode"), "mode"),
                author_name=optional_text(item.get("author_name"), "author_name"),
            )


# --- GET /parameters: the input form ----------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class FormField(Model):
    """One field of the app's input form (``user_input_form``); a subclass per control type.

    ``variable`` is the key in chat ``inputs``; ``default`` is used when the field is not
    given. ``settings`` holds the field's JSON as received (extra keys included).
    ``to_dict()`` names the control type too (``control``).
    """

    CONTROL: ClassVar[str] = ""

    variable: str
    label: str = ""
    required: bool = False
    default: Any = attrs.field(default=None, hash=False)
    description: str = ""
    hide: bool = False
    settings: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)

    @property
    def control(self) -> str:
        """The control type, as the server names it (``"text-input"``, ``"select"``, ...)."""
        return self.CONTROL

    @classmethod
    def from_json(cls, data: Any) -> Self:
        """Build from one ``user_input_form`` item, ``{control type: settings}``.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed or is a
        field of another control type than this class's.
        """
        ((control, settings),) = form_fields([data])
        with decoding("form field", data):
            field = _form_field(control, settings)
        if not isinstance(field, cls):
            raise ResponseDecodeError(
                f"a {control!r} form field is not a {cls.__name__}",
                raw=json.dumps(data, default=repr, ensure_ascii=False),
            )
        return field

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        """This control type's own settings, as keyword arguments."""
        return {}

    def to_dict(self) -> dict[str, Any]:
        """The field as JSON-ready data: ``control`` and the fields by name."""
        return {"control": self.control, **super().to_dict()}

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(variable={self.variable!r}, label={short_repr(self.label)}, "
            f"required={self.required})"
        )


@attrs.frozen(kw_only=True, repr=False)
class TextInputField(FormField):
    """A one-line text field; at most ``max_length`` characters (``None``: no limit)."""

    CONTROL: ClassVar[str] = "text-input"
    max_length: int | None = None

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        return {"max_length": form_limit(settings.get("max_length")) or None}


@attrs.frozen(kw_only=True, repr=False)
class ParagraphField(TextInputField):
    """A multi-line text field; at most ``max_length`` characters (``None``: no limit)."""

    CONTROL: ClassVar[str] = "paragraph"


@attrs.frozen(kw_only=True, repr=False)
class SelectField(FormField):
    """A choice of one of ``options`` (strings)."""

    CONTROL: ClassVar[str] = "select"
    options: tuple[str, ...] = ()

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        return {"options": _strings(settings.get("options"), "options")}


@attrs.frozen(kw_only=True, repr=False)
class NumberField(FormField):
    """A number (the server also takes number text)."""

    CONTROL: ClassVar[str] = "number"


@attrs.frozen(kw_only=True, repr=False)
class CheckboxField(FormField):
    """A yes / no field (the server also reads ``"yes"`` / ``"off"``, ``1`` / ``0``...)."""

    CONTROL: ClassVar[str] = "checkbox"


@attrs.frozen(kw_only=True, repr=False)
class FileField(FormField):
    """One file (a chat ``files`` item), of the allowed types, extensions and methods."""

    CONTROL: ClassVar[str] = "file"
    allowed_file_types: tuple[str, ...] = ()
    allowed_file_extensions: tuple[str, ...] = ()
    allowed_file_upload_methods: tuple[str, ...] = ()

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            key: _strings(settings.get(key), key)
            for key in (
                "allowed_file_types",
                "allowed_file_extensions",
                "allowed_file_upload_methods",
            )
        }


@attrs.frozen(kw_only=True, repr=False)
class FileListField(FileField):
    """A list of files; at most ``max_length`` of them (``None``: no limit)."""

    CONTROL: ClassVar[str] = "file-list"
    max_length: int | None = None

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super()._specific(settings),
            "max_length": form_limit(settings.get("max_length")) or None,
        }


@attrs.frozen(kw_only=True, repr=False)
class JsonObjectField(FormField):
    """A JSON object, optionally described by a JSON schema (servers from 1.16)."""

    CONTROL: ClassVar[str] = "json_object"
    json_schema: Mapping[str, Any] | None = attrs.field(default=None, hash=False)

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        # Some servers store the schema as JSON text.
        schema = settings.get("json_schema")
        return {"json_schema": None if schema is None else json_text_object(schema, "json_schema")}


@attrs.frozen(kw_only=True, repr=False)
class ExternalDataToolField(FormField):
    """A value an external data tool fills in; the server takes none from a client."""

    CONTROL: ClassVar[str] = "external_data_tool"
    tool_type: str | None = None
    config: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    @classmethod
    def _specific(cls, settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "tool_type": optional_text(settings.get("type"), "type"),
            "config": json_object(settings.get("config"), "config"),
        }


@attrs.frozen(kw_only=True, repr=False)
class UnknownField(FormField):
    """A field of a control type this package does not know (from a newer server)."""

    control_type: str

    @property
    def control(self) -> str:
        """The control type, as the server names it."""
        return self.control_type


_FIELD_CLASSES: dict[str, type[FormField]] = {
    cls.CONTROL: cls
    for cls in (
        TextInputField,
        ParagraphField,
        SelectField,
        NumberField,
        CheckboxField,
        FileField,
        FileListField,
        JsonObjectField,
        ExternalDataToolField,
    )
}


def _form_field(control: str, settings: Mapping[str, Any]) -> FormField:
    common: dict[str, Any] = {
        "variable": settings["variable"],
        "label": _label(settings.get("label")),
        "required": form_flag(settings.get("required")),
        "default": settings.get("default"),
        "description": optional_text(settings.get("description"), "description") or "",
        "hide": form_flag(settings.get("hide")),
        "settings": dict(settings),
    }
    cls = _FIELD_CLASSES.get(control)
    if cls is None:
        return UnknownField(control_type=control, **common)
    return cls(**common, **cls._specific(settings))


def _label(value: Any) -> str:
    # Labels are text; some app exports hold them translated ({"en_US": ...}).
    if isinstance(value, Mapping):
        value = value.get("en_US") or next(iter(value.values()), "")
    return value if isinstance(value, str) else ""


# --- GET /parameters: the rest ----------------------------------------------------------


@attrs.frozen
class Feature(Model):
    """An app feature: whether it is ``enabled`` and its other ``settings`` as received."""

    enabled: bool
    settings: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)

    @classmethod
    def from_json(cls, data: Any, key: str = "feature") -> Feature:
        """Build from ``{"enabled": ..., ...}`` (missing or null: disabled); ``key`` is
        the feature's name in ``GET /parameters``.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        with decoding(key, data):
            return cls._read(data, key)

    @classmethod
    def _read(cls, data: Any, key: str) -> Feature:
        """The feature, or ``ValueError`` naming the malformed field."""
        item = json_object(data, key)
        enabled = item.pop("enabled", None)
        if enabled is None and isinstance(item.get("image"), Mapping):
            # Older file_upload settings hold the switch in their image part.
            enabled = item["image"].get("enabled")
        return cls(enabled=flag(enabled, f"{key}.enabled"), settings=item)


@attrs.frozen
class SystemParameters(Model):
    """The server's upload limits: sizes in MB, and files per workflow input."""

    file_size_limit: int | None = None
    image_file_size_limit: int | None = None
    audio_file_size_limit: int | None = None
    video_file_size_limit: int | None = None
    workflow_file_upload_limit: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> SystemParameters:
        """Build from the ``system_parameters`` object (missing fields are ``None``).

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        with decoding("system_parameters", data):
            return cls._read(data)

    @classmethod
    def _read(cls, data: Any) -> SystemParameters:
        """The limits, or ``ValueError`` naming the malformed field."""
        item = json_object(data, "system_parameters")
        return cls(
            **{
                field.name: optional_integer(item.get(field.name), field.name)
                for field in attrs.fields(cls)
            }
        )


@attrs.frozen(repr=False)
class AppParameters(Model):
    """What the app expects and offers: ``GET /parameters``.

    ``user_input_form`` lists the input fields, one :class:`FormField` subclass per
    control type; :meth:`validate_inputs` checks chat ``inputs`` against them as the
    server does.
    """

    opening_statement: str
    suggested_questions: tuple[str, ...]
    suggested_questions_after_answer: Feature
    speech_to_text: Feature
    text_to_speech: Feature
    retriever_resource: Feature
    annotation_reply: Feature
    more_like_this: Feature
    user_input_form: tuple[FormField, ...]
    sensitive_word_avoidance: Feature
    file_upload: Feature
    system_parameters: SystemParameters

    _FEATURES: ClassVar[tuple[str, ...]] = (
        "suggested_questions_after_answer",
        "speech_to_text",
        "text_to_speech",
        "retriever_resource",
        "annotation_reply",
        "more_like_this",
        "sensitive_word_avoidance",
        "file_upload",
    )

    def field(self, variable: str) -> FormField:
        """The form field whose ``variable`` is this name (``KeyError`` if there is none)."""
        for form_field in self.user_input_form:
            if form_field.variable == variable:
                return form_field
        raise KeyError(variable)

    def validate_inputs(
        self, inputs: Mapping[str, Any] | None, *, dialect: Dialect = "1.16"
    ) -> dict[str, Any]:
        """Check chat ``inputs`` as the server does; return the inputs it would use.

        The result has every form variable, with defaults applied and values converted
        (number text to numbers, checkbox words to booleans). Raises
        :class:`~dify_chatflow.InputValidationError` (a ``DifyError``) naming the first
        field the server would refuse, with the server's message, and, before that, an
        input the form does not declare (which the server would drop silently), with the
        closest declared name: "did you mean 'topic'?". ``dialect`` picks the rules of
        Dify 1.10.x where they differ from newer servers.
        """
        form = [{field.control: field.settings} for field in self.user_input_form]
        check_input_names(form, inputs)
        return check_inputs(form, inputs, dialect=dialect)

    @classmethod
    def from_json(cls, data: Any) -> AppParameters:
        """Build from the ``GET /parameters`` answer (missing features read as disabled).

        Raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed answer.
        """
        item = mapping_of(data, "app parameters")
        with decoding("app parameters", data):
            features = {key: Feature._read(item.get(key), key) for key in cls._FEATURES}
            return cls(
                opening_statement=(
                    optional_text(item.get("opening_statement"), "opening_statement") or ""
                ),
                suggested_questions=_strings(
                    item.get("suggested_questions"), "suggested_questions"
                ),
                user_input_form=tuple(
                    _form_field(control, settings)
                    for control, settings in form_fields(
                        json_list(item.get("user_input_form"), "user_input_form")
                    )
                ),
                system_parameters=SystemParameters._read(item.get("system_parameters")),
                **features,
            )

    def __repr__(self) -> str:
        fields = ", ".join(repr(field.variable) for field in self.user_input_form)
        return (
            f"AppParameters(user_input_form=[{fields}], "
            f"opening_statement={short_repr(self.opening_statement)})"
        )


# --- GET /meta, GET /site ---------------------------------------------------------------


@attrs.frozen
class ToolIcon(Model):
    """An emoji tool icon on its background colour."""

    content: str
    background: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> ToolIcon:
        """Build from one emoji icon of ``GET /meta``'s ``tool_icons``.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        with decoding("tool icon", data):
            return cls._read(data, "tool_icon")

    @classmethod
    def _read(cls, data: Any, key: str) -> ToolIcon:
        """The icon, or ``ValueError`` naming the malformed field (``key`` its place)."""
        icon = json_object(data, key)
        return cls(
            content=text(icon.get("content"), f"{key}.content"),
            background=optional_text(icon.get("background"), f"{key}.background"),
        )


@attrs.frozen
class AppMeta(Model):
    """``GET /meta``: each tool's icon, a URL or a :class:`ToolIcon`."""

    tool_icons: Mapping[str, str | ToolIcon] = attrs.field(hash=False)

    @classmethod
    def from_json(cls, data: Any) -> AppMeta:
        """Build from the ``GET /meta`` answer."""
        item = mapping_of(data, "app meta")
        with decoding("app meta", data):
            icons: dict[str, str | ToolIcon] = {}
            for name, icon in json_object(item.get("tool_icons"), "tool_icons").items():
                if isinstance(icon, str):
                    icons[name] = icon
                else:
                    icons[name] = ToolIcon._read(icon, f"tool_icons.{name}")
            return cls(tool_icons=icons)


@attrs.frozen
class AppSite(Model):
    """``GET /site``: the app's web page settings (``input_placeholder`` from 1.16)."""

    title: str | None = None
    chat_color_theme: str | None = None
    chat_color_theme_inverted: bool = False
    icon_type: str | None = None
    icon: str | None = None
    icon_background: str | None = None
    icon_url: str | None = None
    description: str | None = None
    copyright: str | None = None
    privacy_policy: str | None = None
    custom_disclaimer: str | None = None
    default_language: str | None = None
    show_workflow_steps: bool = False
    use_icon_as_answer_icon: bool = False
    input_placeholder: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> AppSite:
        """Build from the ``GET /site`` answer (missing fields are ``None`` / ``False``)."""
        item = mapping_of(data, "app site")
        with decoding("app site", data):
            values: dict[str, Any] = {}
            for field in attrs.fields(cls):
                value = item.get(field.name)
                read = flag if field.name in _SITE_SWITCHES else optional_text
                values[field.name] = read(value, field.name)
            return cls(**values)


_SITE_SWITCHES = frozenset(
    {"chat_color_theme_inverted", "show_workflow_steps", "use_icon_as_answer_icon"}
)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    items = json_list(value, key)
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"field {key!r} holds an item that is not a string")
    return tuple(items)
