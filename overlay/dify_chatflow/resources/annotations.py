"""``client.annotations``: the app's annotations and the jobs that switch annotation
replies on and off.

:class:`_AnnotationFlows` holds the operations, written once as flows (see
``_flows``); :class:`Annotations` and :class:`AsyncAnnotations` are thin shells with
the public signatures. Listing pages by number through :class:`SyncPager` /
:class:`AsyncPager`, which fetch pages as the caller reads on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Final

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
from .._constants import PAGE_LIMIT, RECOVERY_POLL_INTERVAL, REPLY_JOB_TIMEOUT
from .._exceptions import (
    AnnotationNotFoundError,
    AnnotationReplyJobError,
    AnnotationReplyJobTimeoutError,
    ConfigurationError,
)
from .._pagination import AsyncPager, NumberedWalk, SyncPager, check_page_size
from .._response import (
    async_pager_raw_wrapper,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._retry import _seconds
from .._types import NOT_GIVEN
from ._responses import model_of, page_of
from .conversations import _LostResponses

if TYPE_CHECKING:
    from uuid import UUID

    from ..types.annotations import Annotation, AnnotationReplyJob, ReplyAction

__all__ = [
    "Annotations",
    "AnnotationsWithRawResponse",
    "AsyncAnnotations",
    "AsyncAnnotationsWithRawResponse",
]

_ACTIONS: Final = ("enable", "disable")


def _checked_text(value: object, name: str) -> str:
    if type(value) is not str:
        raise ConfigurationError(f"{name} must be a str, got a {type(value).__name__}")
    return value


def _checked_name(value: object, name: str) -> str:
    if type(value) is not str or not value:
        raise ConfigurationError(f"{name} must be a non-empty str, got {value!r}")
    return value


class _AnnotationFlows:
    """The annotation operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def list_walks(
        self,
        *,
        keyword: str | None,
        page_size: int,
        options: RequestOptions,
    ) -> Callable[[], NumberedWalk[Annotation]]:
        """Check the arguments now; return what starts one walk through the pages."""
        if keyword is not None and type(keyword) is not str:
            raise ConfigurationError(f"keyword must be a str or None, got {keyword!r}")
        check_page_size(page_size)
        core = self._core

        def fetch(page: int) -> Flow[tuple[list[Annotation], bool]]:
            from ..types.annotations import Annotation

            request = _binding.build(
                "annotations.list",
                query={"page": page, "limit": page_size, "keyword": keyword or None},
            )
            response = yield from core.execute(request, options)
            return page_of(response, Annotation.from_json)

        return lambda: NumberedWalk("annotation", fetch, page_size=page_size)

    def create_flow(
        self, question: str, answer: str, *, options: RequestOptions
    ) -> Flow[Annotation]:
        """Add an annotation (never re-sent once it may have arrived: it would add two)."""
        payload = {
            "question": _checked_text(question, "question"),
            "answer": _checked_text(answer, "answer"),
        }
        request = _binding.build("annotations.create", body=payload)
        response = yield from self._core.execute(request, options, idempotent=False)
        from ..types.annotations import Annotation

        return model_of(response, Annotation.from_json)

    def update_flow(
        self,
        annotation_id: str | UUID,
        *,
        question: str,
        answer: str,
        options: RequestOptions,
    ) -> Flow[Annotation]:
        """Replace an annotation's question and answer (a PUT: retried like any)."""
        payload = {
            "question": _checked_text(question, "question"),
            "answer": _checked_text(answer, "answer"),
        }
        aid = self._core.uuid(annotation_id, "annotation_id")
        request = _binding.build("annotations.update", aid, body=payload)
        response = yield from self._core.execute(request, options)
        from ..types.annotations import Annotation

        return model_of(response, Annotation.from_json)

    def delete_flow(self, annotation_id: str | UUID, *, options: RequestOptions) -> Flow[None]:
        """Delete an annotation, retried like every idempotent request; a 404 after an
        attempt whose response was lost means that attempt deleted it."""
        aid = self._core.uuid(annotation_id, "annotation_id")
        request = _binding.build("annotations.delete", aid)
        watch = _LostResponses()
        try:
            yield from watch.relay(self._core.execute(request, options))
        except AnnotationNotFoundError:
            if not watch.seen:
                raise
        return None

    def reply_flow(
        self,
        action: ReplyAction,
        *,
        embedding_provider_name: str,
        embedding_model_name: str,
        score_threshold: float,
        wait: bool,
        wait_timeout: float,
        options: RequestOptions,
    ) -> Flow[AnnotationReplyJob]:
        """Start the job that switches annotation replies on or off; with ``wait``, its end."""
        if type(wait) is not bool:
            raise ConfigurationError(f"wait must be a bool, got {wait!r}")
        wait_timeout = _seconds("wait_timeout", wait_timeout)
        real = isinstance(score_threshold, int | float) and not isinstance(score_threshold, bool)
        if not real or not 0 <= score_threshold <= 1:
            raise ConfigurationError(
                f"score_threshold must be a number from 0 to 1, got {score_threshold!r}"
            )
        payload = {
            "score_threshold": score_threshold,
            "embedding_provider_name": _checked_name(
                embedding_provider_name, "embedding_provider_name"
            ),
            "embedding_model_name": _checked_name(embedding_model_name, "embedding_model_name"),
        }
        request = _binding.build("annotations.reply", action, body=payload)
        # Not re-sent once it may have arrived: each arrival starts another job.
        response = yield from self._core.execute(request, options, idempotent=False)
        from ..types.annotations import AnnotationReplyJob

        job = model_of(response, lambda data: AnnotationReplyJob.from_json(data, action))
        if wait:
            job = yield from self.wait_flow(
                job, timeout=wait_timeout, options=options, called=f"{action}_reply(wait=True)"
            )
        return job

    def reply_job_flow(
        self,
        action: ReplyAction,
        job_id: str | UUID,
        *,
        options: RequestOptions,
    ) -> Flow[AnnotationReplyJob]:
        """The status of one job (asked under the action that started it)."""
        if action not in _ACTIONS:
            # Servers answer 400 (status) or 500 (start) for another word.
            raise ConfigurationError(f"action must be 'enable' or 'disable', got {action!r}")
        jid = self._core.uuid(job_id, "job_id")
        request = _binding.build("annotations.reply_job", action, jid)
        response = yield from self._core.execute(request, options)
        from ..types.annotations import AnnotationReplyJob

        return model_of(response, lambda data: AnnotationReplyJob.from_json(data, action))

    def wait_flow(
        self, job: AnnotationReplyJob, *, timeout: float, options: RequestOptions, called: str
    ) -> Flow[AnnotationReplyJob]:
        """Poll ``job`` (waits doubling up to 2 s, each poll with ``options``) until it
        ends; an ``error`` end raises, and so does the end of the wait. ``called`` names
        the method the caller called, for the messages."""
        from ..types.annotations import AnnotationReplyJob

        if not isinstance(job, AnnotationReplyJob):
            raise ConfigurationError(
                f"{called} takes an AnnotationReplyJob, got a {type(job).__name__}"
            )
        timeout = _seconds("timeout", timeout)
        deadline = time.monotonic() + timeout
        delay = RECOVERY_POLL_INTERVAL
        while not job.done:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AnnotationReplyJobTimeoutError(
                    f"annotation reply job {job.job_id} ({job.action}) is still {job.status} "
                    f"after {timeout:g} s of {called}; it goes on: wait for it again later "
                    "(the error's .job)",
                    job=job,
                )
            yield min(delay, left)
            delay = min(delay * 2, 2.0)
            job = yield from self.reply_job_flow(job.action, job.job_id, options=options)
        if job.status == "error":
            raise AnnotationReplyJobError(
                f"annotation reply job {job.job_id} ({job.action}) failed: "
                f"{job.error_message or 'the server gave no reason'}",
                job=job,
            )
        return job


class Annotations(SyncAPIResource):
    """The app's annotations through a blocking client: ``client.annotations``."""

    @cached_property
    def with_raw_response(self) -> AnnotationsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AnnotationsWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AnnotationFlows(client._core)

    def list(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncPager[Annotation]:
        """The app's annotations, newest first; ``keyword`` keeps those whose question or
        answer contains it (ignoring case).

        Returns at once; iterating fetches ``page_size`` annotations (1-100) at a time, as
        the loop reads on. Pages are numbered: annotations added meanwhile are not handed
        out twice, but deleting inside the loop shifts later ones to pages already read
        (collect them first: ``list(client.annotations.list())``).
        """
        start = self._flows.list_walks(
            keyword=keyword,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries),
        )
        return SyncPager(self._client, start)

    def create(
        self,
        question: str,
        answer: str,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Annotation:
        """Add an annotation; it as stored. Retried only when the request certainly never
        reached the server (each one that arrives adds an annotation)."""
        return self._client._run(
            self._flows.create_flow(
                question, answer, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def update(
        self,
        annotation_id: str | UUID,
        *,
        question: str,
        answer: str,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Annotation:
        """Replace an annotation's question and answer; it as stored. An unknown id raises
        :class:`AnnotationNotFoundError`."""
        return self._client._run(
            self._flows.update_flow(
                annotation_id,
                question=question,
                answer=answer,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    def delete(
        self,
        annotation_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Delete an annotation. An unknown (or already deleted) one raises
        :class:`AnnotationNotFoundError`, except on a retry after an attempt whose answer
        was lost: that attempt deleted it, and the call succeeds."""
        return self._client._run(
            self._flows.delete_flow(
                annotation_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def enable_reply(
        self,
        *,
        embedding_provider_name: str,
        embedding_model_name: str,
        score_threshold: float,
        wait: bool = False,
        wait_timeout: float = REPLY_JOB_TIMEOUT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """Switch annotation replies on: queries matching an annotation with at least
        ``score_threshold`` (0 to 1, checked before sending) similarity are answered with
        it, matched with the embedding model named.

        Returns the job the server started; with ``wait=True`` the job once ended (see
        :meth:`AnnotationReplyJob.wait`: :class:`AnnotationReplyJobError` when it fails,
        :class:`AnnotationReplyJobTimeoutError` with the job when it outlives
        ``wait_timeout``), polled with this call's ``timeout`` and ``max_retries``.
        """
        return self._client._run(
            self._flows.reply_flow(
                "enable",
                embedding_provider_name=embedding_provider_name,
                embedding_model_name=embedding_model_name,
                score_threshold=score_threshold,
                wait=wait,
                wait_timeout=wait_timeout,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    def disable_reply(
        self,
        *,
        embedding_provider_name: str,
        embedding_model_name: str,
        score_threshold: float,
        wait: bool = False,
        wait_timeout: float = REPLY_JOB_TIMEOUT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """Switch annotation replies off (the server requires the same fields as
        :meth:`enable_reply`); the job, or with ``wait=True`` the job once ended."""
        return self._client._run(
            self._flows.reply_flow(
                "disable",
                embedding_provider_name=embedding_provider_name,
                embedding_model_name=embedding_model_name,
                score_threshold=score_threshold,
                wait=wait,
                wait_timeout=wait_timeout,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    def reply_job(
        self,
        action: ReplyAction,
        job_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """The status of the ``"enable"`` or ``"disable"`` job ``job_id``. A job the
        server does not know under that action raises :class:`InvalidParamError` ("The
        job does not exist.")."""
        return self._client._run(
            self._flows.reply_job_flow(
                action, job_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def wait_for_job(
        self, job: AnnotationReplyJob, *, timeout: float = REPLY_JOB_TIMEOUT
    ) -> AnnotationReplyJob:
        """:meth:`AnnotationReplyJob.wait` through this client."""
        return self._wait(job, timeout, called="wait_for_job")

    def _wait(self, job: AnnotationReplyJob, timeout: float, *, called: str) -> AnnotationReplyJob:
        flow = self._flows.wait_flow(job, timeout=timeout, options=RequestOptions(), called=called)
        return self._client._run(flow)


class AsyncAnnotations(AsyncAPIResource):
    """The app's annotations through an async client: ``client.annotations``."""

    @cached_property
    def with_raw_response(self) -> AsyncAnnotationsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncAnnotationsWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AnnotationFlows(client._core)

    def list(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_LIMIT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncPager[Annotation]:
        """:meth:`Annotations.list` for ``async for`` (not awaited itself)."""
        start = self._flows.list_walks(
            keyword=keyword,
            page_size=page_size,
            options=RequestOptions(timeout=timeout, max_retries=max_retries),
        )
        return AsyncPager(self._client, start)

    async def create(
        self,
        question: str,
        answer: str,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Annotation:
        """Async :meth:`Annotations.create`."""
        return await self._client._run(
            self._flows.create_flow(
                question, answer, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    async def update(
        self,
        annotation_id: str | UUID,
        *,
        question: str,
        answer: str,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Annotation:
        """Async :meth:`Annotations.update`."""
        return await self._client._run(
            self._flows.update_flow(
                annotation_id,
                question=question,
                answer=answer,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    async def delete(
        self,
        annotation_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Async :meth:`Annotations.delete`."""
        return await self._client._run(
            self._flows.delete_flow(
                annotation_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    async def enable_reply(
        self,
        *,
        embedding_provider_name: str,
        embedding_model_name: str,
        score_threshold: float,
        wait: bool = False,
        wait_timeout: float = REPLY_JOB_TIMEOUT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """Async :meth:`Annotations.enable_reply`."""
        return await self._client._run(
            self._flows.reply_flow(
                "enable",
                embedding_provider_name=embedding_provider_name,
                embedding_model_name=embedding_model_name,
                score_threshold=score_threshold,
                wait=wait,
                wait_timeout=wait_timeout,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    async def disable_reply(
        self,
        *,
        embedding_provider_name: str,
        embedding_model_name: str,
        score_threshold: float,
        wait: bool = False,
        wait_timeout: float = REPLY_JOB_TIMEOUT,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """Async :meth:`Annotations.disable_reply`."""
        return await self._client._run(
            self._flows.reply_flow(
                "disable",
                embedding_provider_name=embedding_provider_name,
                embedding_model_name=embedding_model_name,
                score_threshold=score_threshold,
                wait=wait,
                wait_timeout=wait_timeout,
                options=RequestOptions(timeout=timeout, max_retries=max_retries),
            )
        )

    async def reply_job(
        self,
        action: ReplyAction,
        job_id: str | UUID,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AnnotationReplyJob:
        """Async :meth:`Annotations.reply_job`."""
        return await self._client._run(
            self._flows.reply_job_flow(
                action, job_id, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    async def wait_for_job(
        self, job: AnnotationReplyJob, *, timeout: float = REPLY_JOB_TIMEOUT
    ) -> AnnotationReplyJob:
        """Async :meth:`Annotations.wait_for_job`."""
        return await self._wait(job, timeout, called="wait_for_job")

    async def _wait(
        self, job: AnnotationReplyJob, timeout: float, *, called: str
    ) -> AnnotationReplyJob:
        flow = self._flows.wait_flow(job, timeout=timeout, options=RequestOptions(), called=called)
        return await self._client._run(flow)


class AnnotationsWithRawResponse:
    """``client.annotations.with_raw_response``: each method of :class:`Annotations`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Annotations) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.update = to_raw_response_wrapper(resource.update)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.enable_reply = to_raw_response_wrapper(resource.enable_reply)
        self.disable_reply = to_raw_response_wrapper(resource.disable_reply)
        self.reply_job = to_raw_response_wrapper(resource.reply_job)
        self.wait_for_job = to_raw_response_wrapper(resource.wait_for_job)


class AsyncAnnotationsWithRawResponse:
    """``async_client.annotations.with_raw_response``: each method of :class:`AsyncAnnotations`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncAnnotations) -> None:
        self.list = async_pager_raw_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.enable_reply = async_to_raw_response_wrapper(resource.enable_reply)
        self.disable_reply = async_to_raw_response_wrapper(resource.disable_reply)
        self.reply_job = async_to_raw_response_wrapper(resource.reply_job)
        self.wait_for_job = async_to_raw_response_wrapper(resource.wait_for_job)
