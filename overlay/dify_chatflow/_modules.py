"""Finding a package's modules by scanning it, so a new module needs no list to join."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from types import ModuleType

__all__ = ["public_module_names", "public_submodules"]


def public_module_names(path: Iterable[str]) -> list[str]:
    """The names of the modules in a package's ``__path__`` that do not start with ``_``,
    sorted; none is imported."""
    return sorted(info.name for info in pkgutil.iter_modules(path) if not info.name.startswith("_"))


def public_submodules(package: str, path: Iterable[str]) -> list[ModuleType]:
    """The modules :func:`public_module_names` finds in ``package``, imported."""
    return [importlib.import_module(f"{package}.{name}") for name in public_module_names(path)]
