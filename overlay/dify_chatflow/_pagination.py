"""Dify's paging, checked: a broken page is reported, never a silent gap or a loop.

The chat lists page by an item id (``last_id`` for variables and conversations,
``first_id`` for messages), and the server answers the items strictly beyond that item's
timestamp, in whole seconds. Items sharing the boundary item's second are skipped by the
next page. :class:`PageChecker` sees that (and repeated or empty pages) from the pages
alone; the caller raises :class:`~dify_chatflow.PaginationError` with what it read so far.
The app's lists (feedbacks, annotations, workflow logs) page by number instead.

:class:`CursorWalk` and :class:`NumberedWalk` are one walk through a listing, a flow per
page (see ``_flows``); :class:`SyncPager` / :class:`AsyncPager` run a fresh walk
each time they are iterated, so pages are fetched only as the caller reads on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

from ._base_client import AsyncAPIClient, Flow, SyncAPIClient
from ._constants import MAX_PAGES, PAGE_LIMIT
from ._exceptions import ConfigurationError, PaginationError

__all__ = [
    "AsyncPager",
    "CursorWalk",
    "NumberedWalk",
    "PageChecker",
    "SyncPager",
    "Walk",
    "check_page_size",
]


def check_page_size(page_size: object) -> int:
    """``page_size`` if it is an int from 1 to the server's limit, else ConfigurationError."""
    if type(page_size) is not int or not 1 <= page_size <= PAGE_LIMIT:
        raise ConfigurationError(
            f"page_size must be an int from 1 to {PAGE_LIMIT} (the server's limit), "
            f"got {page_size!r}"
        )
    return page_size


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


#: Fetches one page: the items after the cursor item (``None``: the first page) and the
#: server's ``has_more``.
PageFetch = Callable[[ItemT | None], Flow[tuple[list[ItemT], bool]]]


class CursorWalk(Generic[ItemT]):
    """One walk through a cursor-paged listing, one flow per page.

    ``fetch`` gets the cursor item: the last item of the page before, or with
    ``backwards`` (messages: the server answers each page oldest first and pages to older
    items with ``first_id``) the first. ``read`` holds every item read so far, in the
    order the server listed them; a broken page raises :class:`PaginationError` with them.

    ``page_size`` is the ``limit`` each page asks for, given for the listings whose
    ``has_more`` the server works out by counting the items strictly beyond the cursor
    item's second (conversations, messages): a full page that says none follow although
    its two items at the cursor end share a second may hide more of that second, which is
    reported too.
    """

    def __init__(
        self,
        noun: str,
        fetch: PageFetch[ItemT],
        *,
        boundary: Callable[[ItemT], object],
        backwards: bool = False,
        page_size: int | None = None,
    ) -> None:
        self._noun = noun
        self._fetch = fetch
        self._boundary = boundary
        self._backwards = backwards
        self._page_size = page_size
        self._checker: PageChecker[ItemT] = PageChecker(noun, boundary=boundary)
        self._cursor: ItemT | None = None
        self.read: list[ItemT] = []
        #: False once the last page was read.
        self.more = True

    def next_page(self) -> Flow[list[ItemT]]:
        """Fetch the next page: its items not seen before, in the server's order."""
        items, has_more = yield from self._fetch(self._cursor)
        # The checks look at the cursor end of each page: put it last.
        ordered = items[::-1] if self._backwards else items
        fresh, problem = self._checker.accept(ordered, has_more)
        if problem is None and not has_more:
            problem = self._hidden_rest(ordered)
        if self._backwards:
            fresh.reverse()
            self.read[:0] = fresh
        else:
            self.read.extend(fresh)
        if problem is not None:
            self.more = False
            raise PaginationError(problem, partial=list(self.read), noun=self._noun)
        self.more = has_more
        if items:
            self._cursor = items[0] if self._backwards else items[-1]
        return fresh

    def _hidden_rest(self, ordered: Sequence[ItemT]) -> str | None:
        """Why a last page may hide items of its cursor item's second, if it may."""
        size = self._page_size
        if size is None or len(ordered) < max(size, 2):
            return None
        if self._boundary(ordered[-1]) != self._boundary(ordered[-2]):
            return None
        return (
            f"page {self._checker.pages} is full and says no more follow, but its last two "
            f"{self._noun}s share one second: others of that second can be left out (the "
            "server counts only what lies beyond that whole second)"
        )

    def all_pages(self) -> Flow[list[ItemT]]:
        """Every item of the listing, in the server's order (oldest first when backwards)."""
        while self.more:
            yield from self.next_page()
        return self.read


class NumberedWalk(Generic[ItemT]):
    """One walk through a listing paged by number (``page=1, 2, ...``), one flow per page.

    ``fetch`` gets the page number and returns its items and whether more follow (the
    server's ``has_more``, or for a list without one, whether the page was full). A page
    shorter than ``page_size`` is the last. Items listed newest first move to later pages
    when new ones arrive meanwhile: an item seen on an earlier page is not handed out
    again. More than ``MAX_PAGES`` pages raise :class:`PaginationError`.
    """

    def __init__(
        self,
        noun: str,
        fetch: Callable[[int], Flow[tuple[list[ItemT], bool]]],
        *,
        page_size: int,
    ) -> None:
        self._noun = noun
        self._fetch = fetch
        self._page_size = page_size
        self._page = 0
        self._seen: set[Hashable] = set()
        self.read: list[ItemT] = []
        #: False once the last page was read.
        self.more = True

    def next_page(self) -> Flow[list[ItemT]]:
        """Fetch the next page: its items not seen before, in the server's order."""
        if self._page >= MAX_PAGES:
            self.more = False
            raise PaginationError(
                f"more than {MAX_PAGES} pages", partial=list(self.read), noun=self._noun
            )
        self._page += 1
        items, has_more = yield from self._fetch(self._page)
        fresh = [item for item in items if item.id not in self._seen]
        self._seen.update(item.id for item in fresh)
        self.read.extend(fresh)
        self.more = has_more and len(items) >= self._page_size
        return fresh


class Walk(Protocol[ItemT]):
    """What a pager walks: pages fetched one flow at a time until ``more`` is False."""

    more: bool

    def next_page(self) -> Flow[list[ItemT]]: ...


class _Pages(Generic[ItemT]):
    """What both pagers' iterators share: the walk and the items fetched but not yet given."""

    def __init__(self, walk: Walk[ItemT]) -> None:
        self._walk = walk
        self._ready: deque[ItemT] = deque()

    def _wants_page(self) -> bool:
        # The next page is fetched before the last item of this one is handed out: that
        # item is the next page's cursor, and the caller may delete it.
        return self._walk.more and len(self._ready) <= 1


class SyncPager(Generic[ItemT]):
    """A listing whose pages are fetched as the loop reads on (blocking client).

    Each ``for`` loop walks the listing from its first page (fetched already, for the first
    loop after :meth:`fetch_first_page`). A broken page raises
    :class:`~dify_chatflow.PaginationError` (``partial``: the items read before it).
    """

    def __init__(self, client: SyncAPIClient, start: Callable[[], Walk[ItemT]]) -> None:
        self._client = client
        self._start = start
        self._started: _SyncPages[ItemT] | None = None

    def fetch_first_page(self) -> None:
        """Fetch the first page now; the next loop starts with its items."""
        pages = _SyncPages(self._client, self._start())
        pages.fetch_page()
        self._started = pages

    def __iter__(self) -> _SyncPages[ItemT]:
        pages, self._started = self._started, None
        return pages if pages is not None else _SyncPages(self._client, self._start())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class _SyncPages(_Pages[ItemT]):
    def __init__(self, client: SyncAPIClient, walk: Walk[ItemT]) -> None:
        super().__init__(walk)
        self._client = client

    def __iter__(self) -> _SyncPages[ItemT]:
        return self

    def fetch_page(self) -> None:
        self._ready.extend(self._client._run(self._walk.next_page()))

    def __next__(self) -> ItemT:
        while self._wants_page():
            self.fetch_page()
        if not self._ready:
            raise StopIteration
        return self._ready.popleft()


class AsyncPager(Generic[ItemT]):
    """A listing whose pages are fetched as the loop reads on (async client).

    Each ``async for`` loop walks the listing from its first page (fetched already, for
    the first loop after :meth:`fetch_first_page`). A broken page raises
    :class:`~dify_chatflow.PaginationError` (``partial``: the items read before it).
    """

    def __init__(self, client: AsyncAPIClient, start: Callable[[], Walk[ItemT]]) -> None:
        self._client = client
        self._start = start
        self._started: _AsyncPages[ItemT] | None = None

    async def fetch_first_page(self) -> None:
        """Fetch the first page now; the next loop starts with its items."""
        pages = _AsyncPages(self._client, self._start())
        await pages.fetch_page()
        self._started = pages

    def __aiter__(self) -> _AsyncPages[ItemT]:
        pages, self._started = self._started, None
        return pages if pages is not None else _AsyncPages(self._client, self._start())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class _AsyncPages(_Pages[ItemT]):
    def __init__(self, client: AsyncAPIClient, walk: Walk[ItemT]) -> None:
        super().__init__(walk)
        self._client = client

    def __aiter__(self) -> _AsyncPages[ItemT]:
        return self

    async def fetch_page(self) -> None:
        self._ready.extend(await self._client._run(self._walk.next_page()))

    async def __anext__(self) -> ItemT:
        while self._wants_page():
            await self.fetch_page()
        if not self._ready:
            raise StopAsyncIteration
        return self._ready.popleft()
