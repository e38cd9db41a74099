"""One module per route family; each lists the registry operations it answers as
:class:`RouteSpec` in its ``ROUTES``.

The route modules are found by scanning this package (every module whose name does not
start with ``_``), so a new family's module is picked up without being listed here. The
order does not matter: no two routes' paths match the same request.
"""

from __future__ import annotations

from ..._modules import public_submodules
from ._spec import RouteSpec

__all__ = ["ROUTE_SPECS", "RouteSpec"]


ROUTE_SPECS: tuple[RouteSpec, ...] = tuple(
    spec for module in public_submodules(__name__, __path__) for spec in module.ROUTES
)
