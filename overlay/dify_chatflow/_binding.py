"""The only module that imports the generated package ``dify_chatflow_api``.

:func:`build` makes any operation of the registry (``_registry``) into the request the
generated module's public ``build_request`` (added to every operation by the project's
endpoint template, see tools/generate.py) returns: httpx keyword arguments with a URL
relative to the API root, a :data:`BuiltRequest`. The registry row says where the module
is, which query parameters it takes and what its body model is, so a new operation needs
only its row. The client sends the request with its own httpx client, inside its retry
loop, so timeouts, retries and typed errors stay the client's.

``make generate`` pins every bound operation's module name by method + path, so upstream
renames do not reach this module. A generated module is imported when its operation is
first built: a client generated from an older spec that lacks an operation fails only in
the methods that need it, with :class:`OperationUnavailableError` naming the method + path.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, TypeVar

import httpx

from ._exceptions import GeneratedBindingError, OperationUnavailableError
from ._registry import Operation, by_name, module_name, snake_case

if TYPE_CHECKING:
    from dify_chatflow_api.client import AuthenticatedClient
    from dify_chatflow_api.models.conversation_variable_item import ConversationVariableItem
    from dify_chatflow_api.models.conversation_variables_response import (
        ConversationVariablesResponse,
    )
    from dify_chatflow_api.types import Unset

__all__ = [
    "BuiltRequest",
    "GeneratedBindingError",
    "OperationUnavailableError",
    "Upload",
    "build",
    "make_generated_client",
    "parse_variable",
    "parse_variables_page",
    "unset_as_none",
]

#: What a generated builder returns: httpx keyword arguments for one request, ``method``,
#: ``url`` (relative to the API root), and any of ``params``, ``json``, ``files``,
#: ``headers``.
BuiltRequest = dict[str, Any]
T = TypeVar("T")


class Upload(NamedTuple):
    """A file part of a multipart body: streamed by httpx from ``file``."""

    file: BinaryIO
    filename: str
    mime_type: str


def build(
    name: str,
    *path: object,
    query: Mapping[str, object] | None = None,
    body: Mapping[str, Any] | None = None,
) -> BuiltRequest:
    """The request of registry operation ``name`` (``"messages.list"``).

    ``path`` are its path parameters in path order; ``query`` its query parameters by the
    registry's (wire) names (``None`` leaves one out); ``body`` its JSON object, or for a
    multipart operation its parts (an :class:`Upload` for a file).
    """
    operation = by_name(name)
    bound = _BOUND.get(name) or _bind(operation)
    arguments: dict[str, Any] = {}
    if query:
        unknown = query.keys() - bound.query_names.keys()
        if unknown:
            raise GeneratedBindingError(
                f"{name}() passes query parameters {sorted(unknown)} its registry row lacks"
            )
        unset = bound.unset
        arguments = {
            bound.query_names[key]: unset if value is None else value
            for key, value in query.items()
        }
    if bound.model is not None:
        arguments["body"] = _body(bound.model, body or {}, multipart=operation.body == "multipart")
    built: BuiltRequest = bound.build_request(*path, **arguments)
    if operation.body == "multipart":
        # The generated builder fixes the multipart boundary to ``+++`` in its Content-Type
        # header, which a file containing that line would break: httpx picks one instead.
        built.pop("headers", None)
    return built


class _Bound(NamedTuple):
    """What building one operation needs from the generated package, looked up once."""

    build_request: Any
    #: The body model class (``None`` without a body).
    model: Any
    #: Query parameter: wire name -> the builder's Python name (``created_at__before``
    #: -> ``created_at_before``).
    query_names: dict[str, str]
    #: The generated "not passed" marker.
    unset: Any


_BOUND: dict[str, _Bound] = {}


def _bind(operation: Operation) -> _Bound:
    """Look the operation up in the generated package; a missing module becomes one
    sentence naming the operation."""
    try:
        module = importlib.import_module(module_name(operation))
        model = None
        if operation.body != "none":
            models = importlib.import_module("dify_chatflow_api.models")
            model = getattr(models, operation.request_schema or "")
        from dify_chatflow_api.types import UNSET
    except (ImportError, AttributeError):
        raise OperationUnavailableError(
            f"{operation.name}() needs {operation.label}, which the generated client lacks: "
            "it was generated from a spec that does not document it; regenerate with "
            "`make generate` from a spec that does"
        ) from None
    names = {key: snake_case(key) for key in operation.query}
    bound = _Bound(module.build_request, model, names, UNSET)
    _BOUND[operation.name] = bound
    return bound


def _body(model: Any, body: Mapping[str, Any], *, multipart: bool) -> Any:
    if not multipart:
        return model.from_dict(body)
    from dify_chatflow_api.types import File

    return model(
        **{
            key: File(payload=value.file, file_name=value.filename, mime_type=value.mime_type)
            if isinstance(value, Upload)
            else value
            for key, value in body.items()
        }
    )


def unset_as_none(value: T | Unset) -> T | None:
    """A generated model's field with "not in the response" spelled None."""
    from dify_chatflow_api.types import Unset

    return None if isinstance(value, Unset) else value


def parse_variable(data: dict[str, Any]) -> ConversationVariableItem:
    """A variable as the generated model reads it (the update's 200 response)."""
    from dify_chatflow_api.models import ConversationVariableItem

    return ConversationVariableItem.from_dict(data)


def parse_variables_page(data: dict[str, Any]) -> ConversationVariablesResponse:
    """A page of variables as the generated model reads it (the list's 200 response)."""
    from dify_chatflow_api.models import ConversationVariablesResponse

    return ConversationVariablesResponse.from_dict(data)


# -- the generated client ----------------------------------------------------------------


def make_generated_client(
    *, base_url: str, token: str, http: httpx.Client | httpx.AsyncClient
) -> AuthenticatedClient:
    """A generated ``AuthenticatedClient`` that sends through an existing httpx client."""
    from dify_chatflow_api.client import AuthenticatedClient

    class QuietAuthenticatedClient(AuthenticatedClient):
        """The generated client with a repr that leaves the token out (attrs would show it)."""

        def __repr__(self) -> str:
            return f"AuthenticatedClient(base_url={self._base_url!r}, token=<hidden>)"

    generated = QuietAuthenticatedClient(base_url=base_url, token=token)
    if isinstance(http, httpx.AsyncClient):
        generated.set_async_httpx_client(http)
    else:
        generated.set_httpx_client(http)
    return generated
