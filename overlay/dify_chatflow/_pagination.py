"""Dify's cursor paging, checked: a broken page is reported, never a silent gap or a loop.

Every list endpoint pages by an item id (``last_id`` for variables and conversations,
``first_id`` for messages), and the server answers the items strictly beyond that item's
timestamp, in whole seconds. Items sharing the boundary item's second are skipped by the
next page. :class:`PageChecker` sees that (and repeated or empty pages) from the pages
alone; the caller raises :class:`~dify_chatflow.PaginationError` with what it read so far.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

from ._constants import MAX_PAGES

__all__ = ["PageChecker"]


class _Identified(Protocol):
    @property
    def id(self) -> Hashable: ...


ItemT = TypeVar("ItemT", bound=_Identified)


class PageChecker(Generic[ItemT]):
    """Follows one listing page by page and says why a page shows the paging broke.

    ``noun`` names the items in messages (``"variable"``); ``boundary`` gives the value the
    server's cursor compares (an item's timestamp).
    """

    def __init__(self, noun: str, *, boundary: Callable[[ItemT], object]) -> None:
        self._noun = noun
        self._boundary = boundary
        self._seen: set[Hashable] = set()
        self._previous: Sequence[ItemT] = ()
        self.pages = 0

    def accept(self, items: Sequence[ItemT], has_more: bool) -> tuple[list[ItemT], str | None]:
        """Take the next page: its items not seen before, and the problem it shows, if any."""
        self.pages += 1
        fresh = [item for item in items if item.id not in self._seen]
        self._seen.update(item.id for item in fresh)
        problem = self._problem(items, len(items) - len(fresh), has_more)
        self._previous = items
        if problem is None and has_more and self.pages >= MAX_PAGES:
            problem = f"more than {MAX_PAGES} pages"
        return fresh, problem

    def _problem(self, items: Sequence[ItemT], repeated: int, has_more: bool) -> str | None:
        page, noun = self.pages, self._noun
        if repeated:
            return f"page {page} repeated {repeated} {noun}(s) of earlier pages"
        if not items:
            if page > 1:
                return f"page {page} is empty although page {page - 1} said more follow"
            return "the first page is empty although it says more follow" if has_more else None
        previous = self._previous
        if len(previous) >= 2:
            boundary = self._boundary(previous[-1])
            if boundary == self._boundary(previous[-2]) and all(
                self._boundary(item) != boundary for item in items
            ):
                return (
                    f"page {page} skips the {noun}s of the same second as the last one of "
                    f"page {page - 1} (the server's paging compares whole seconds)"
                )
        return None
