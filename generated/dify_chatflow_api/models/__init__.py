"""Contains all the data models used in inputs/outputs"""

from .conversation_variable_item import ConversationVariableItem
from .conversation_variable_update_request import ConversationVariableUpdateRequest
from .conversation_variables_response import ConversationVariablesResponse

__all__ = (
    "ConversationVariableItem",
    "ConversationVariableUpdateRequest",
    "ConversationVariablesResponse",
)
