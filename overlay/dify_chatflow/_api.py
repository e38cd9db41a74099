"""The only module that imports the generated package ``dify_chatflow_api``.

Everything the overlay needs from generated code is bound here, so a regeneration that
moves a name is mended in one place. ``make generate`` pins the two operations' names by
method + path (tools/generate.py), so upstream renames do not reach this module; if a
name still moves, importing dify_chatflow fails with one message naming it.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._exceptions import DifyError

__all__ = [
    "UNSET",
    "AuthenticatedClient",
    "ConversationVariableItem",
    "ConversationVariableUpdateRequest",
    "ConversationVariablesResponse",
    "GeneratedBindingError",
    "Response",
    "list_variables",
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
AuthenticatedClient = _bind("client", "AuthenticatedClient")
ConversationVariableItem = _bind("models", "ConversationVariableItem")
ConversationVariableUpdateRequest = _bind("models", "ConversationVariableUpdateRequest")
ConversationVariablesResponse = _bind("models", "ConversationVariablesResponse")
Response = _bind("types", "Response")
UNSET = _bind("types", "UNSET")
