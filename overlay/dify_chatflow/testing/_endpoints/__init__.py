"""One module per route family; each lists the registry operations it answers as
:class:`RouteSpec`.

The server core (:mod:`.._routes`) compiles them into its route table, in this order.
"""

from __future__ import annotations

from ._spec import RouteSpec
from .annotations import ROUTES as _ANNOTATIONS
from .app import ROUTES as _APP
from .audio import ROUTES as _AUDIO
from .chat import ROUTES as _CHAT
from .conversations import ROUTES as _CONVERSATIONS
from .end_users import ROUTES as _END_USERS
from .feedbacks import ROUTES as _FEEDBACKS
from .file_preview import ROUTES as _FILE_PREVIEW
from .files import ROUTES as _FILES
from .forms import ROUTES as _FORMS
from .messages import ROUTES as _MESSAGES
from .variables import ROUTES as _VARIABLES
from .workflow_logs import ROUTES as _WORKFLOW_LOGS
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
    *_FILE_PREVIEW,
    *_FEEDBACKS,
    *_AUDIO,
    *_ANNOTATIONS,
    *_WORKFLOW_LOGS,
)
