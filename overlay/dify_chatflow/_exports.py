"""The names the package exports from its endpoint families, read without importing them.

Every module of ``resources/`` and ``types/`` (but those whose name starts with ``_``) is
a family module; the package exports every name its ``__all__`` lists, and loads the
module on first access. Reading the ``__all__`` lists from the source keeps ``import
dify_chatflow`` from loading the families (attrs, uuid, the value tables).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ._modules import public_module_names

__all__ = ["FAMILY_PACKAGES", "family_exports", "listed_names"]

FAMILY_PACKAGES = ("resources", "types")
"""The packages whose modules are endpoint families' resources and types."""

# `__all__ = [...]` (annotated or not) at the start of a line: a family module's list is
# one literal, which `ast.literal_eval` reads.
_ALL = re.compile(r"^__all__(?:\s*:[^=\n]*)?\s*=\s*(\[[^\]]*\])", re.MULTILINE)


def listed_names(source: str) -> list[str]:
    """The names a module's source lists in its literal ``__all__`` (none: empty)."""
    found = _ALL.search(source)
    if found is None:
        return []
    names = ast.literal_eval(found.group(1))
    return [name for name in names if isinstance(name, str)]


def family_exports() -> dict[str, str]:
    """Each exported name -> its family module, relative to the package (``.types.chat``)."""
    root = Path(__file__).parent
    table: dict[str, str] = {}
    for package in FAMILY_PACKAGES:
        for module in public_module_names([str(root / package)]):
            source = (root / package / f"{module}.py").read_text(encoding="utf-8")
            for name in listed_names(source):
                table.setdefault(name, f".{package}.{module}")
    return table
