"""``client.app``: the app's name and mode, its input form and features, tool icons, web
page, and the feedback its messages got.

:class:`_AppFlows` holds the reads, written once as flows (see ``_flows``);
:class:`App` and :class:`AsyncApp` are thin shells. None of them needs an end user.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .. import _binding
from .._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    ClientCore,
    Flow,
    RequestOptions,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
)
from .._constants import PAGE_LIMIT
from .._pagination import AsyncPager, NumberedWalk, SyncPager, check_page_size
from .._response import (
    async_pager_raw_wrapper,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN
from ._responses import items_of, model_of

if TYPE_CHECKING:
    from ..types.app import AppInfo, AppMeta, AppParameters, AppSite
    from ..types.feedbacks import AppFeedback

__all__ = ["App", "AppWithRawResponse", "AsyncApp", "AsyncAppWithRawResponse"]

T = TypeVar("T")


class _AppFlows:
    """The app settings reads as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def _read(
        self, operation: str, model: Callable[[], Callable[[Any], T]], options: RequestOptions
    ) -> Flow[T]:
        response = yield from self._core.execute(_binding.build(operation), options)
        return model_of(response, model())

    def info_flow(self, *, options: RequestOptions) -> Flow[AppInfo]:
        """``GET /info``."""
        return self._read("app.info", _info, options)

    def parameters_flow(self, *, options: RequestOptions) -> Flow[AppParameters]:
        """``GET /parameters``."""
        return self._read("app.parameters", _parameters, options)

    def meta_flow(self, *, options: RequestOptions) -> Flow[AppMeta]:
        """``GET /meta``."""
        return self._read("app.meta", _meta, options)

    def site_flow(self, *, options: RequestOptions) -> Flow[AppSite]:
        """``GET /site``."""
        return self._read("app.site", _site, options)

    def feedbacks_walks(
        self, *, page_size: int, options: RequestOptions
    ) -> Callable[[], NumberedWalk[AppFeedback]]:
        """Check the arguments now; return what starts one walk through the pages (the
        server sends no paging fields: a page shorter than the limit is the last)."""
        check_page_size(page_size)
        core = self._core

        def fetch(page: int) -> Flow[tuple[list[AppFeedback], bool]]:
            from ..types.feedbacks import AppFeedback

            request = _binding.build("app.feedbacks", query={"page": page, "limit": page_size})
            response = yield from core.execute(request, options)
            return items_of(response, AppFeedback.from_json), True

        return lambda: NumberedWalk("feedback", fetch, page_size=page_size)


# The models load on first use (attrs and the input rules are not needed to import us).
def _info() -> Callable[[Any], AppInfo]:
    from ..types.app import AppInfo

    return AppInfo.from_json


def _parameters() -> Callable[[Any], AppParameters]:
    from ..types.app import AppParameters

    return AppParameters.from_json


def _meta() -> Callable[[Any], AppMeta]:
    from ..types.app import AppMeta

    return AppMeta.from_json


def _site() -> Callable[[Any], AppSite]:
    from ..types.app import AppSite

    return AppSite.from_json


class App(SyncAPIResource):
    """The app's settings through a blocking client: ``client.app``."""

    @cached_property
    def with_raw_response(self) -> AppWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AppWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AppFlows(client._core)

    def info(self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN) -> AppInfo:
        """The app's name, description, tags, mode (``"advanced-chat"``) and author."""
        return self._client._run(
            self._flows.info_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    def parameters(
        self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN
    ) -> AppParameters:
        """What the app expects and offers: its input form (``user_input_form``, with
        :meth:`AppParameters.validate_inputs`), opening statement, features, file limits."""
        return self._client._run(
            self._flows.parameters_flow(
                options=RequestOptions(max_retries=max_retries, timeout=timeout)
            )
        )

    def meta(self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN) -> AppMeta:
        """The icons of the tools the app uses."""
        return self._client._run(
            self._flows.meta_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    def site(self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN) -> AppSite:
        """The settings of the app's web page: title, icon, colours, language, texts."""
        return self._client._run(
            self._flows.site_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    def feedbacks(
        self,
        *,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncPager[AppFeedback]:
        """Every rating the app's messages got, from every end user, newest first.

        Returns at once; iterating fetches ``page_size`` (1-100) at a time, as the loop
        reads on.
        """
        start = self._flows.feedbacks_walks(
            page_size=page_size, options=RequestOptions(timeout=timeout, max_retries=max_retries)
        )
        return SyncPager(self._client, start)


class AsyncApp(AsyncAPIResource):
    """The app's settings through an async client: ``client.app``."""

    @cached_property
    def with_raw_response(self) -> AsyncAppWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncAppWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AppFlows(client._core)

    async def info(
        self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN
    ) -> AppInfo:
        """Async :meth:`App.info`."""
        return await self._client._run(
            self._flows.info_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    async def parameters(
        self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN
    ) -> AppParameters:
        """Async :meth:`App.parameters`."""
        return await self._client._run(
            self._flows.parameters_flow(
                options=RequestOptions(max_retries=max_retries, timeout=timeout)
            )
        )

    async def meta(
        self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN
    ) -> AppMeta:
        """Async :meth:`App.meta`."""
        return await self._client._run(
            self._flows.meta_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    async def site(
        self, *, max_retries: int | None = None, timeout: Timeout = NOT_GIVEN
    ) -> AppSite:
        """Async :meth:`App.site`."""
        return await self._client._run(
            self._flows.site_flow(options=RequestOptions(max_retries=max_retries, timeout=timeout))
        )

    def feedbacks(
        self,
        *,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncPager[AppFeedback]:
        """:meth:`App.feedbacks` for ``async for`` (not awaited itself)."""
        start = self._flows.feedbacks_walks(
            page_size=page_size, options=RequestOptions(timeout=timeout, max_retries=max_retries)
        )
        return AsyncPager(self._client, start)


class AppWithRawResponse:
    """``client.app.with_raw_response``: each method of :class:`App`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: App) -> None:
        self.info = to_raw_response_wrapper(resource.info)
        self.parameters = to_raw_response_wrapper(resource.parameters)
        self.meta = to_raw_response_wrapper(resource.meta)
        self.site = to_raw_response_wrapper(resource.site)
        self.feedbacks = to_raw_response_wrapper(resource.feedbacks)


class AsyncAppWithRawResponse:
    """``async_client.app.with_raw_response``: each method of :class:`AsyncApp`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncApp) -> None:
        self.info = async_to_raw_response_wrapper(resource.info)
        self.parameters = async_to_raw_response_wrapper(resource.parameters)
        self.meta = async_to_raw_response_wrapper(resource.meta)
        self.site = async_to_raw_response_wrapper(resource.site)
        self.feedbacks = async_pager_raw_wrapper(resource.feedbacks)
