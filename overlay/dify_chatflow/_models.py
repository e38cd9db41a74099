"""The base every model the package returns shares, and the JSON-ready conversion.

A model is built from the server's JSON (:meth:`Model.from_json`) and handed on as plain
JSON data (:meth:`Model.to_dict`, :meth:`Model.to_json`): UUIDs and decimals as text,
datetimes in ISO 8601 with their UTC offset, enums as their values, never bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import json
import uuid
from collections.abc import Mapping, Set
from typing import Any, Self

import attrs

from ._exceptions import DifyError

__all__ = ["Model", "json_ready", "json_text"]


class Model:
    """What every model of the package can do: be built from the server's JSON and be
    turned back into JSON data.

    ``to_dict()`` gives the model's fields by name as JSON-ready data (nested models
    included); a stream event gives its wire JSON instead, and a ``secret`` variable's
    value stays masked unless asked for.
    """

    # Slotted: the attrs models below are slotted, and an event stream makes many.
    __slots__ = ()

    @classmethod
    def from_json(cls, data: Any) -> Self:
        """Build from the server's JSON for this model, as ``json.loads`` returns it.

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        # Every model class defines its own; only the base itself lands here.
        raise DifyError(f"{cls.__name__} is the models' base: call from_json on a model class")

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data: its fields by name (see :func:`json_ready`)."""
        cls: Any = type(self)  # an attrs class: every model is one
        return {
            field.name: json_ready(getattr(self, field.name))
            for field in attrs.fields(cls)
            if field.init  # caches and other internal state are not fields of the data
        }

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text; one line unless ``indent`` is given."""
        return json_text(self.to_dict(), indent)


def json_text(data: Any, indent: int | None = None) -> str:
    """JSON-ready ``data`` as JSON text (non-ASCII kept as is); one line unless ``indent``."""
    return json.dumps(data, indent=indent, ensure_ascii=False)


def json_ready(value: Any) -> Any:
    """``value`` (a model, or anything inside one) as plain JSON data.

    Models give their :meth:`Model.to_dict`; other attrs classes their fields. UUIDs and
    decimals become text, datetimes ISO 8601 with their offset (a naive one is taken as
    UTC, as every time the package reads is), dates ISO 8601, enums their value, tuples
    and sets lists, bytes base64 text; other values are returned as they are.
    """
    if isinstance(value, Model):
        return value.to_dict()
    if attrs.has(type(value)):
        return {f.name: json_ready(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    if isinstance(value, Set):
        return sorted((json_ready(item) for item in value), key=repr)
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return json_ready(value.value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(value).decode("ascii")
    return value
