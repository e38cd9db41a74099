"""The only module that imports the generated package ``dify_chatflow_api``.

Everything the overlay needs from generated code is bound here, so a regeneration that
moves a name is mended in one place. The clients build every request with the generated
operations' request builders (``build_update_request`` / ``build_list_request``) and parse
every 200 answer into the generated models; they send with their own httpx client, inside
their retry loop, so timeouts, retries and typed errors stay theirs.

``make generate`` pins the two operations' names by method + path (tools/generate.py), so
upstream renames do not reach this module; if a name still moves, importing dify_chatflow
fails with one message naming it.
"""

from __future__ import annotations

import importlib
from typing import Any

import httpx

from ._exceptions import DifyError

__all__ = [
    "UNSET",
    "AuthenticatedClient",
    "ConversationVariableItem",
    "ConversationVariableUpdateRequest",
    "ConversationVariablesResponse",
    "GeneratedBindingError",
    "Response",
    "build_list_request",
    "build_update_request",
    "list_variables",
    "make_generated_client",
    "update_variable",
]


class GeneratedBindingError(DifyError, ImportError):
    """generated/ no longer provides a name the overlay binds to."""


def _bind(module: str, name: str | None = None) -> Any:
    path = f"dify_chatflow_api.{module}"
    try:
        found = importlib.import_module(path)
        return found if name is None else getattr(found, name)
    except (ImportError, AttributeError):
        missing = path if name is None else f"{path}.{name}"
        raise GeneratedBindingError(
            f"the generated client has no {missing}; regenerate it with `make generate` from a "
            "spec that documents PUT /conversations/{conversation_id}/variables/{variable_id} "
            "and GET /conversations/{conversation_id}/variables"
        ) from None


update_variable = _bind("api.conversations.update_chatflow_conversation_variable")
list_variables = _bind("api.conversations.get_advanced_conversation_variables")
#: ``(conversation_id, variable_id, *, body)`` -> ``{method, url, json, headers}`` keyword
#: arguments for ``httpx.Client.request`` (``url`` relative to the API root).
build_update_request = _bind(
    "api.conversations.update_chatflow_conversation_variable", "_get_kwargs"
)
#: ``(conversation_id, *, user, last_id, limit)`` -> ``{method, url, params}`` keyword
#: arguments for ``httpx.Client.request`` (``url`` relative to the API root).
build_list_request = _bind("api.conversations.get_advanced_conversation_variables", "_get_kwargs")
AuthenticatedClient = _bind("client", "AuthenticatedClient")
ConversationVariableItem = _bind("models", "ConversationVariableItem")
ConversationVariableUpdateRequest = _bind("models", "ConversationVariableUpdateRequest")
ConversationVariablesResponse = _bind("models", "ConversationVariablesResponse")
Response = _bind("types", "Response")
UNSET = _bind("types", "UNSET")


class _QuietAuthenticatedClient(AuthenticatedClient):  # type: ignore[misc,valid-type]
    """The generated client with a repr that leaves the token out (attrs would show it)."""

    def __repr__(self) -> str:
        return f"AuthenticatedClient(base_url={self._base_url!r}, token=<hidden>)"


def make_generated_client(
    *, base_url: str, token: str, http: httpx.Client | httpx.AsyncClient
) -> Any:
    """A generated ``AuthenticatedClient`` that sends through an existing httpx client."""
    generated = _QuietAuthenticatedClient(base_url=base_url, token=token)
    if isinstance(http, httpx.AsyncClient):
        generated.set_async_httpx_client(http)
    else:
        generated.set_httpx_client(http)
    return generated
