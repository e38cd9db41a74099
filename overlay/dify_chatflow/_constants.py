"""Every default the package uses, in one place: timeouts, retries, pages, limits."""

from __future__ import annotations

from typing import Final

import httpx

__all__ = [
    "ASYNC_MAX_IN_FLIGHT",
    "BLOCKING_CHAT_TIMEOUT",
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_AUDIO_BYTES",
    "MAX_CACHE_ENTRIES",
    "MAX_EVENT_BYTES",
    "MAX_PAGES",
    "MAX_REMEMBERED_KINDS",
    "MAX_USER_LENGTH",
    "PAGE_LIMIT",
    "RECOVERY_POLL_INTERVAL",
    "RECOVERY_TIMEOUT",
    "REPLY_JOB_TIMEOUT",
    "RETRY_INITIAL_DELAY",
    "RETRY_JITTER",
    "RETRY_MAX_DELAY",
    "RETRY_MAX_RETRY_AFTER",
    "STREAM_TIMEOUT",
]

#: Dify Cloud's Service API; self-hosted servers answer under ``https://<host>/v1``.
DEFAULT_BASE_URL: Final = "https://api.dify.ai/v1"
#: 30 s for the whole exchange, 5 s to connect: never wait forever (httpx's own default is
#: 5 s for everything; the generated client's is no timeout at all).
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
#: A blocking chat message answers only when the whole workflow has run: LLM nodes take
#: minutes (proxies in front of Dify often cut at 60-120 s, their limit then applies).
BLOCKING_CHAT_TIMEOUT: Final = httpx.Timeout(600.0, connect=5.0)
#: A stream's read timeout is the longest silence between two events: Dify sends a ping
#: every 10 s while the run is busy, so 60 s of silence means the stream is dead.
STREAM_TIMEOUT: Final = httpx.Timeout(60.0, connect=5.0)
#: How long ``chat.recover`` waits at most for a run whose stream broke to end.
RECOVERY_TIMEOUT: Final = 120.0
#: Its first wait between two looks at the run (doubling up to 2 s); annotation reply
#: jobs are polled the same way.
RECOVERY_POLL_INTERVAL: Final = 0.25
#: How long ``AnnotationReplyJob.wait`` waits at most for a job to end.
REPLY_JOB_TIMEOUT: Final = 60.0
#: The largest audio file speech to text takes (Dify refuses more with 413).
MAX_AUDIO_BYTES: Final = 30 * 1024 * 1024
DEFAULT_MAX_RETRIES: Final = 2
#: RetryPolicy's defaults: the first wait, doubling up to the longest; a server's
#: Retry-After is honoured up to its own cap; up to a quarter of each wait is taken off at
#: random so many clients do not retry in step.
RETRY_INITIAL_DELAY: Final = 0.5
RETRY_MAX_DELAY: Final = 8.0
RETRY_MAX_RETRY_AFTER: Final = 60.0
RETRY_JITTER: Final = 0.25
#: Dify keeps end-user ids in a varchar(255) column.
MAX_USER_LENGTH: Final = 255
#: Enough idle connections kept open for many concurrent tasks or threads.
DEFAULT_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=100)
#: Requests our own async pool works on at once; more wait in an asyncio queue. httpx's
#: async pool scans every connection and every waiting request on each hand-over, so on
#: loopback 1,000 concurrent updates took about 1.3x longer at 100 in flight than at 32.
#: A borrowed ``http_client`` (e.g. ``DefaultAioHttpClient``) is not limited.
ASYNC_MAX_IN_FLIGHT: Final = 32

#: The server's largest page; every list asks for it.
PAGE_LIMIT: Final = 100
#: Bounds every paging loop: 100,000 items behind one cursor is far beyond real use.
MAX_PAGES: Final = 1000
#: Bounds the per-client memory of variable number kinds (integer / float storage).
MAX_REMEMBERED_KINDS: Final = 10_000
#: Bounds each per-client cache (checked ids, parsed URLs): entries kept before it is cleared.
MAX_CACHE_ENTRIES: Final = 4096
#: One server-sent event larger than this is refused: memory stays bounded whatever the
#: server sends.
MAX_EVENT_BYTES: Final = 64 * 1024 * 1024
