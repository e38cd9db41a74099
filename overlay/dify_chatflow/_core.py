"""What every flow needs from its client: settings, checked ids, request preparation.

:class:`ClientCore` turns a generated builder's request into a :class:`PreparedCall`
(absolute URL, encoded body, the call's timeout) and runs it through
:func:`send_with_retries`; :func:`decode_json` and :func:`json_kind` read the responses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from . import _constants
from ._exceptions import ConfigurationError, ResponseDecodeError, VariableValueError
from ._flows import Flow, PreparedCall, SentTimeout, send_with_retries
from ._ids import canonical_id
from ._settings import (
    NO_USER,
    RequestOptions,
    Settings,
    Timeout,
    check_max_retries,
    check_timeout,
    check_user,
)
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from uuid import UUID

    from ._binding import BuiltRequest

__all__ = ["ClientCore", "decode_json", "encode_json", "json_kind"]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
# What the overlay sends of a generated request builder's keyword arguments.
_SENT_KEYS = frozenset({"method", "url", "params", "json", "files", "headers"})


class ClientCore:
    """Settings and request building shared by every resource of one client.

    Immutable after construction except its bounded caches, plain dicts whose single get /
    set operations are atomic, so one instance serves many threads or tasks.
    """

    def __init__(self, settings: Settings, *, borrowed: bool, timeout: SentTimeout) -> None:
        self.base_url = settings.base_url
        self.user = settings.user
        self.max_retries = settings.max_retries
        self.retry_policy = settings.retry_policy
        self.timeout = timeout
        self._timeout_given = not isinstance(settings.timeout, NotGiven)
        # Sent with every request when the httpx client is borrowed (ours carries them).
        self._headers: Mapping[str, str] | None = dict(settings.headers) if borrowed else None
        # The generated builder's relative URL -> absolute parsed URL: a hit skips httpx's
        # URL parsing, the largest share of per-request CPU after the socket work.
        self._urls: dict[str, httpx.URL] = {}
        # Ids as the caller passed them -> the checked UUID.
        self._ids: dict[tuple[object, str], UUID] = {}

    def end_user(self, user: str | None) -> str:
        """The end user of a call: ``user`` if given, else the client's (ConfigurationError
        when neither is set)."""
        if user is None:
            if self.user is None:
                raise ConfigurationError(NO_USER)
            return self.user
        return check_user(user)

    def retries(self, max_retries: int | None) -> int:
        """The retry budget of a call."""
        return self.max_retries if max_retries is None else check_max_retries(max_retries)

    def sent_timeout(self, timeout: Timeout, default: Timeout = NOT_GIVEN) -> SentTimeout:
        """The timeout a call sends: its own, else the client's ``timeout=``, else the
        operation's ``default`` (a blocking chat waits minutes), else the client's default
        (ours, or a borrowed client's own)."""
        chosen = check_timeout(timeout)
        if isinstance(chosen, NotGiven):
            if self._timeout_given or isinstance(default, NotGiven):
                return self.timeout
            return default
        return chosen

    def uuid(self, value: object, what: str) -> UUID:
        """``value`` as a UUID, checked by :func:`canonical_id` (InvalidIdError)."""
        key = (value, what)
        try:
            cached = self._ids.get(key)
        except TypeError:  # unhashable: certainly not a valid id; canonical_id says why
            cached = None
        if cached is not None:
            return cached
        from uuid import UUID  # loaded with the first id: `import dify_chatflow` stays light

        checked = UUID(canonical_id(value, what))
        if len(self._ids) >= _constants.MAX_CACHE_ENTRIES:
            self._ids.clear()
        self._ids[key] = checked
        return checked

    def prepare(
        self, built: BuiltRequest, timeout: SentTimeout, *, stream: bool = False
    ) -> PreparedCall:
        """The :class:`PreparedCall` for a generated builder's ``httpx`` keyword arguments.

        A ``json`` body is encoded here (see :func:`encode_json`) and sent as ``content``
        with the builder's own headers.
        """
        if not _SENT_KEYS.issuperset(built):
            from ._binding import GeneratedBindingError

            raise GeneratedBindingError(
                f"the generated request for {built.get('url')} passes "
                f"{sorted(set(built) - _SENT_KEYS)} to httpx, which dify_chatflow does not "
                "send; regenerate it with `make generate` from a spec whose operations take "
                "only path, query, JSON and multipart body parameters"
            )
        relative: str = built["url"]
        url = self._urls.get(relative)
        if url is None:
            url = httpx.URL(self.base_url + relative)
            if len(self._urls) >= _constants.MAX_CACHE_ENTRIES:
                self._urls.clear()
            self._urls[relative] = url
        headers = built.get("headers")
        if self._headers is not None:
            headers = {**self._headers, **headers} if headers else self._headers
        return PreparedCall(
            built["method"].upper(),
            url,
            built.get("params"),
            encode_json(built["json"]) if "json" in built else None,
            headers,
            timeout,
            built.get("files"),
            stream,
        )

    def execute(
        self,
        built: BuiltRequest,
        options: RequestOptions,
        *,
        default_timeout: Timeout = NOT_GIVEN,
        idempotent: bool = True,
        stream: bool = False,
    ) -> Flow[httpx.Response]:
        """Send a built request with the call's options and the client's retry policy;
        the 2xx response (a final error response raises its typed error)."""
        call = self.prepare(
            built, self.sent_timeout(options.timeout, default_timeout), stream=stream
        )
        response = yield from send_with_retries(
            call, self.retries(options.max_retries), self.retry_policy, idempotent=idempotent
        )
        return response


def encode_json(body: object) -> bytes:
    """``body`` as the JSON httpx would send for ``json=``, or :class:`VariableValueError`.

    Encoded here, once, so a value JSON cannot carry becomes a typed error before anything
    is sent (httpx's own ``json=`` encoding would raise a bare ValueError or TypeError).
    """
    try:
        return _ENCODER.encode(body).encode("utf-8")
    except UnicodeEncodeError:
        problem = "contains a lone surrogate character, which JSON text cannot carry"
    except ValueError as exc:
        problem = (
            "contains itself"
            if "ircular" in str(exc)
            else "contains NaN or infinity, which JSON cannot carry"
        )
    except TypeError as exc:
        problem = f"is not JSON-serialisable ({exc})"
    except RecursionError:
        problem = "is nested too deeply (or contains itself)"
    raise VariableValueError(f"the value {problem}; nothing was sent")


def decode_json(response: httpx.Response) -> Any:
    """The JSON body of a 2xx ``response``, or :class:`ResponseDecodeError`.

    The body may hold secret values: the message says what it is, not what it says.
    """
    try:
        return json.loads(response.content)
    except ValueError:
        content_type = response.headers.get("content-type", "none")
        raise ResponseDecodeError(
            f"HTTP {response.status_code} response is not JSON ({len(response.content)} bytes, "
            f"content type {content_type!r}; the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        ) from None


_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def json_kind(data: object) -> str:
    """What JSON ``data`` is, in words (never its content)."""
    if data is None:
        return "null"
    return _JSON_KINDS.get(type(data), "a number")
