"""One module per route family; each lists the registry operations it answers as
:class:`RouteSpec`.

The server core (:mod:`.._routes`) compiles them into its route table, in this order.
"""

from __future__ import annotations

from ._spec import RouteSpec
from .app import ROUTES as _APP
from .chat import ROUTES as _CHAT
from .conversations import ROUTES as _CONVERSATIONS
from .end_users import ROUTES as _END_USERS
from .files import ROUTES as _FILES
from .forms import ROUTES as _FORMS
from .messages import ROUTES as _MESSAGES
from .variables import ROUTES as _VARIABLES
from .workflows import ROUTES as _WORKFLOWS

__all__ = ["ROUTE_SPECS", "RouteSpec"]

ROUTE_SPECS: tuple[RouteSpec, ...] = (
    *_VARIABLES,
    *_CHAT,
    *_CONVERSATIONS,
    *_MESSAGES,
    *_FILES,
    *_APP,
    *_WORKFLOWS,
    *_END_USERS,
    *_FORMS,
)
