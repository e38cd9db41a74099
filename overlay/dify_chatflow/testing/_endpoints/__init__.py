"""One module per route family; each lists the registry operations it answers as
:class:`RouteSpec` in its ``ROUTES``.

The route modules are found by scanning this package (every module whose name does not
start with ``_``), so a new family's module is picked up without being listed here. The
order does not matter: no two routes' paths match the same request.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._spec import RouteSpec

__all__ = ["ROUTE_SPECS", "RouteSpec"]


def _route_specs() -> tuple[RouteSpec, ...]:
    specs: list[RouteSpec] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if not module_info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            specs.extend(module.ROUTES)
    return tuple(specs)


ROUTE_SPECS: tuple[RouteSpec, ...] = _route_specs()
