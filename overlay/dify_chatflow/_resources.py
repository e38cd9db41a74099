"""``client.variables``: list, get, set and update conversation variables.

:class:`VariablesCore` holds everything both clients share, written once as flows (see
``_core``): the overlay checks ids, the end user and the value; the generated operation's
request builder (bound in ``_api``) builds the request, whose JSON body is encoded here,
once, so a value JSON cannot carry fails before anything is sent; the flow sends it with
the client's own httpx client inside the retry loop; a 200 answer is parsed into the
generated model, then into :class:`ConversationVariable`, and anything that does not parse
becomes :class:`ResponseDecodeError`. :class:`Variables` and :class:`AsyncVariables` are
thin drivers with the public signatures.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx

from ._core import Call, Flow, TimeoutArg, run_async, run_sync, send
from ._exceptions import (
    ConfigurationError,
    DifyError,
    PaginationError,
    ResponseDecodeError,
    UnknownVariableNameError,
    VariableValueError,
)
from ._ids import canonical_id
from ._retry import RetryPolicy
from ._types import NumberKind, VariableType

if TYPE_CHECKING:
    from uuid import UUID

    from ._models import ConversationVariable

# The value layer (_models, _validation, _decoding, attrs, uuid) and the generated layer
# (_api) are imported on first use, not with the package: `import dify_chatflow` stays
# close to `import httpx` in cost.

__all__ = ["AsyncVariables", "Variables", "VariablesCore"]

Timeout = TimeoutArg | httpx._client.UseClientDefault
NOT_GIVEN = httpx.USE_CLIENT_DEFAULT

# The server's largest page; every list asks for it.
PAGE_LIMIT = 100
# Bounds the paging loop: 100,000 variables in one conversation is far beyond real use.
MAX_PAGES = 1000
# Bounds the per-client memory of variable number kinds (integer / float storage).
MAX_REMEMBERED_KINDS = 10_000
# Bounds each per-client cache (checked ids, parsed URLs): entries kept before it is cleared.
MAX_CACHE_ENTRIES = 4096
# What the overlay sends of a generated request builder's keyword arguments.
_SENT_KEYS = frozenset({"method", "url", "params", "json", "headers"})
# What the generated models raise for an answer of the wrong shape (e.g. a bad UUID).
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError)

# Stands for "no variable id" (the list route) where None could be a caller's mistake.
_LIST_ROUTE = object()

_NO_USER = (
    "no end user given: pass user=... to the client or to this call. Dify scopes every "
    "conversation to the end user that created it; without `user` the server silently "
    "uses a default end user and then answers 404 'Conversation Not Exists.' even for a "
    "conversation that exists"
)


_OTHER_LOOP = (
    "this AsyncChatflowClient was first used in another event loop: an async client and "
    "its connections belong to one event loop. Create the client inside the coroutine that "
    "asyncio.run() runs (e.g. `async with AsyncChatflowClient(...) as client:`), one per "
    "asyncio.run() call"
)


@functools.cache
def _generated() -> ModuleType:
    """The generated layer's bindings, loaded with the first request."""
    from . import _api

    return _api


class VariablesCore:
    """Request building, paging, validation and decoding shared by both clients.

    Immutable after construction except the number-kind memory, a plain dict whose single
    get / set operations are atomic, so one instance serves many threads or tasks.
    """

    def __init__(
        self,
        *,
        base_url: str,
        user: str | None,
        max_retries: int,
        retry_policy: RetryPolicy,
        timeout: Timeout,
        auth_headers: Mapping[str, str] | None,
    ) -> None:
        self.base_url = base_url
        self.user = user
        self.max_retries = max_retries
        self.retry_policy = retry_policy
        self.timeout = timeout
        # Sent with every request when the httpx client is borrowed (ours carries them).
        self._auth_headers: Mapping[str, str] | None = dict(auth_headers) if auth_headers else None
        # Number variables seen in answers, by id: their storage kind (integer / float) is
        # worked out only when an update needs it.
        self._numbers: dict[UUID, ConversationVariable] = {}
        # (conversation_id, variable_id) as the caller passed them -> the checked UUIDs.
        self._ids: dict[tuple[object, object], tuple[UUID, UUID | None]] = {}
        # The generated builder's relative URL -> absolute parsed URL: a hit skips httpx's
        # URL parsing, the largest share of per-request CPU after the socket work.
        self._urls: dict[str, httpx.URL] = {}

    # -- helpers -------------------------------------------------------------------------

    def _user(self, user: str | None) -> str:
        chosen = self.user if user is None else user
        if type(chosen) is not str or not chosen:
            raise ConfigurationError(_NO_USER)
        return chosen

    def _retries(self, max_retries: int | None) -> int:
        if max_retries is None:
            return self.max_retries
        return check_max_retries(max_retries)

    def _timeout(self, timeout: Timeout) -> Timeout:
        return self.timeout if timeout is NOT_GIVEN else timeout

    def _remember(self, variable: ConversationVariable) -> ConversationVariable:
        if variable.value_type is VariableType.NUMBER:
            if len(self._numbers) >= MAX_REMEMBERED_KINDS:
                self._numbers.clear()
            self._numbers[variable.id] = variable
        return variable

    def _known_number_kind(self, variable_id: UUID) -> NumberKind | None:
        known = self._numbers.get(variable_id)
        return None if known is None else known.number_kind

    def _checked_ids(
        self, conversation_id: object, variable_id: object = _LIST_ROUTE
    ) -> tuple[UUID, UUID | None]:
        """The ids as UUIDs, each checked by :func:`canonical_id` (the variable id is None
        for the list route)."""
        key = (conversation_id, variable_id)
        try:
            cached = self._ids.get(key)
        except TypeError:  # unhashable: certainly not a valid id; canonical_id says why
            cached = None
        if cached is not None:
            return cached
        from uuid import UUID

        cid = UUID(canonical_id(conversation_id, "conversation_id"))
        vid = None if variable_id is _LIST_ROUTE else UUID(canonical_id(variable_id, "variable_id"))
        if len(self._ids) >= MAX_CACHE_ENTRIES:
            self._ids.clear()
        self._ids[key] = (cid, vid)
        return cid, vid

    def _call(self, request: Mapping[str, Any], timeout: Timeout) -> Call:
        """The :class:`Call` for a generated request builder's ``httpx`` keyword arguments.

        A ``json`` body is encoded here (see :func:`_encode_json`) and sent as ``content``
        with the builder's own headers.
        """
        if not _SENT_KEYS.issuperset(request):
            raise _generated().GeneratedBindingError(
                f"the generated request for {request.get('url')} passes "
                f"{sorted(set(request) - _SENT_KEYS)} to httpx, which dify_chatflow does not "
                "send; regenerate it with `make generate` from a spec whose operations take "
                "only path, query and JSON body parameters"
            )
        relative: str = request["url"]
        url = self._urls.get(relative)
        if url is None:
            url = httpx.URL(self.base_url + relative)
            if len(self._urls) >= MAX_CACHE_ENTRIES:
                self._urls.clear()
            self._urls[relative] = url
        headers = request.get("headers")
        if self._auth_headers is not None:
            headers = {**self._auth_headers, **headers} if headers else self._auth_headers
        return Call(
            request["method"].upper(),
            url,
            request.get("params"),
            _encode_json(request["json"]) if "json" in request else None,
            headers,
            self._timeout(timeout),
        )

    # -- flows ---------------------------------------------------------------------------

    def list_flow(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None,
        name: str | None,
        max_retries: int | None,
        timeout: Timeout,
    ) -> Flow[list[ConversationVariable]]:
        """Every variable of a conversation (or the one called ``name``), all pages."""
        cid, _ = self._checked_ids(conversation_id)
        end_user = self._user(user)
        if name is not None:
            _check_name(name)
        api = _generated()
        retries = self._retries(max_retries)
        found: list[ConversationVariable] = []
        seen: set[UUID] = set()
        previous: list[ConversationVariable] = []
        last_id: Any = api.UNSET
        for page_number in range(1, MAX_PAGES + 1):
            request = api.build_list_request(
                conversation_id=cid, user=end_user, last_id=last_id, limit=PAGE_LIMIT
            )
            call = self._call(request, timeout)
            response = yield from send(call, retries, self.retry_policy)
            items, has_more = _decode_page(response)
            repeated = 0
            for item in items:
                if item.id in seen:
                    repeated += 1
                    continue
                seen.add(item.id)
                self._remember(item)
                if name is None or item.name == name:
                    found.append(item)
            # Names are unique within a conversation: stop as soon as it is found.
            if name is not None and found:
                return found
            problem = _paging_problem(page_number, previous, items, repeated, has_more)
            if problem is not None:
                raise PaginationError(problem, partial=found)
            if not has_more:
                return found
            previous = items
            last_id = items[-1].id
        raise PaginationError(f"more than {MAX_PAGES} pages", partial=found)

    def get_flow(
        self,
        conversation_id: str | UUID,
        name: str,
        *,
        user: str | None,
        max_retries: int | None,
        timeout: Timeout,
    ) -> Flow[ConversationVariable]:
        """The variable called ``name``, found through :meth:`list_flow`."""
        _check_name(name)
        found = yield from self.list_flow(
            conversation_id, user=user, name=name, max_retries=max_retries, timeout=timeout
        )
        if not found:
            raise UnknownVariableNameError(
                f"conversation {canonical_id(conversation_id, 'conversation_id')} has no "
                f"variable named {name!r}"
            )
        return found[0]

    def set_flow(
        self,
        conversation_id: str | UUID,
        name: str,
        value: object,
        *,
        user: str | None,
        strict: bool,
        max_retries: int | None,
        timeout: Timeout,
    ) -> Flow[ConversationVariable]:
        """Look ``name`` up, validate ``value`` against its real type, then update it."""
        variable = yield from self.get_flow(
            conversation_id, name, user=user, max_retries=max_retries, timeout=timeout
        )
        from ._validation import validate_value

        validate_value(variable.value_type, value, number_kind=variable.number_kind, strict=strict)
        updated = yield from self.update_flow(
            conversation_id,
            variable.id,
            value,
            user=user,
            value_type=None,
            number_kind=None,
            strict=strict,
            max_retries=max_retries,
            timeout=timeout,
        )
        return updated

    def update_flow(
        self,
        conversation_id: str | UUID,
        variable_id: str | UUID,
        value: object,
        *,
        user: str | None,
        value_type: VariableType | str | None,
        number_kind: NumberKind | None,
        strict: bool,
        max_retries: int | None,
        timeout: Timeout,
    ) -> Flow[ConversationVariable]:
        """Replace one variable's value; validated first when ``value_type`` is given."""
        cid, vid = self._checked_ids(conversation_id, variable_id)
        end_user = self._user(user)
        if value_type is not None:
            if number_kind is None and vid is not None:
                number_kind = self._known_number_kind(vid)
            from ._validation import validate_value

            validate_value(value_type, value, number_kind=number_kind, strict=strict)
        api = _generated()
        request = api.build_update_request(
            conversation_id=cid,
            variable_id=vid,
            body=api.ConversationVariableUpdateRequest(value=value, user=end_user),
        )
        call = self._call(request, timeout)
        response = yield from send(call, self._retries(max_retries), self.retry_policy)
        return self._remember(_decode_item(response))


def _paging_problem(
    page_number: int,
    previous: list[ConversationVariable],
    items: list[ConversationVariable],
    repeated: int,
    has_more: bool,
) -> str | None:
    """Why this page shows the server's ``last_id`` paging losing variables, if it does.

    Dify's next page holds only variables created strictly after the ``last_id`` one, and
    a conversation's variables usually share one creation second. So: an empty page after
    a full one, a page repeating earlier variables, or a page that starts after a creation
    second still shared at the end of the previous page (the rest of that second was
    skipped) all mean variables went missing.
    """
    if repeated:
        return f"page {page_number} repeated {repeated} variable(s) of earlier pages"
    if not items:
        if page_number > 1:
            return f"page {page_number} is empty although page {page_number - 1} said more follow"
        return "the first page is empty although it says more follow" if has_more else None
    if len(previous) >= 2 and previous[-1].created_at == previous[-2].created_at:
        boundary = previous[-1].created_at
        if all(item.created_at > boundary for item in items):
            return (
                f"page {page_number} skips the variables created in the same second as the "
                f"last one of page {page_number - 1}"
            )
    return None


def _check_name(name: object) -> None:
    """Refuse a variable name that is not a non-empty str (ConfigurationError)."""
    if type(name) is not str or not name:
        shown = repr(name) if type(name) is str else f"a {type(name).__name__}"
        raise ConfigurationError(f"a variable name must be a non-empty str, got {shown}")


def check_max_retries(max_retries: object) -> int:
    """Return ``max_retries`` if it is a non-negative int, else raise ConfigurationError."""
    if type(max_retries) is not int or max_retries < 0:
        raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
    return max_retries


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _encode_json(body: object) -> bytes:
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


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        # The body may hold secret values: the message says what it is, not what it says.
        content_type = response.headers.get("content-type", "none")
        raise ResponseDecodeError(
            f"HTTP {response.status_code} answer is not JSON ({len(response.content)} bytes, "
            f"content type {content_type!r}; the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        ) from None


def _checked_object(data: object, response: httpx.Response) -> dict[str, Any]:
    # The generated models call dict() on what they get: a list of pairs would pass.
    if not isinstance(data, dict):
        raise ResponseDecodeError(
            f"expected a variable (a JSON object), got {_json_kind(data)} (the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        )
    return data


def _variable(item: Any, data: dict[str, Any], response: httpx.Response) -> ConversationVariable:
    """The :class:`ConversationVariable` for a generated ``ConversationVariableItem``.

    ``data`` is the item as received, shown (secret values hidden) when it is malformed.
    """
    from ._models import ConversationVariable

    try:
        return ConversationVariable.from_generated(item)
    except ResponseDecodeError as exc:
        if exc.response is None:
            exc.response = response
        raise
    except DifyError:
        raise
    except _MALFORMED as exc:
        raise _malformed_variable(exc, data, response) from None


def _parse_item(data: object, response: httpx.Response) -> Any:
    """``data`` parsed into the generated ``ConversationVariableItem``."""
    item = _checked_object(data, response)
    try:
        return _generated().ConversationVariableItem.from_dict(item)
    except _MALFORMED as exc:
        raise _malformed_variable(exc, item, response) from None


def _malformed_variable(
    exc: Exception, data: Mapping[str, Any], response: httpx.Response
) -> ResponseDecodeError:
    from ._models import _masked_text  # secret values hidden

    return ResponseDecodeError(
        f"malformed variable ({type(exc).__name__})", raw=_masked_text(data), response=response
    )


def _decode_item(response: httpx.Response) -> ConversationVariable:
    data = _json(response)
    return _variable(_parse_item(data, response), data, response)


def _decode_page(response: httpx.Response) -> tuple[list[ConversationVariable], bool]:
    page = _json(response)
    # Checked on the JSON: the generated model passes these through unchecked (and would
    # iterate a string `data`).
    data = page.get("data") if isinstance(page, dict) else None
    has_more = page.get("has_more", False) if isinstance(page, dict) else None
    if not isinstance(data, list) or type(has_more) is not bool:
        # Shown without `data`, whose items may hold secret values.
        got = (
            f"{_short_json(_without_data(page))} and data as {_json_kind(data)}"
            if isinstance(page, dict)
            else _json_kind(page)
        )
        raise ResponseDecodeError(
            f"expected a page {{data: [...], has_more: bool}}, got {got} (the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        )
    for entry in data:
        _checked_object(entry, response)
    try:
        parsed = _generated().ConversationVariablesResponse.from_dict(page)
    except _MALFORMED as exc:
        # Name the item at fault, with its secret values hidden.
        for entry in data:
            _parse_item(entry, response)
        raise ResponseDecodeError(
            f"malformed page ({type(exc).__name__})",
            raw=_short_json(_without_data(page)),
            response=response,
        ) from None
    # `data` was checked to be a list, so the generated page holds one item per entry.
    pairs = zip(parsed.data, data, strict=True)
    return [_variable(item, entry, response) for item, entry in pairs], has_more


def _short_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, default=repr)[:1000]


def _without_data(page: Mapping[str, Any]) -> dict[str, Any]:
    """A list page without its variables, which may hold secret values: safe to show."""
    return {key: value for key, value in page.items() if key != "data"}


_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def _json_kind(data: object) -> str:
    """What JSON ``data`` is, in words (never its content)."""
    if data is None:
        return "null"
    return _JSON_KINDS.get(type(data), "a number")


class Variables:
    """Conversation variables through a blocking client: ``client.variables``."""

    def __init__(self, core: VariablesCore, http: httpx.Client) -> None:
        self._core = core
        self._http = http

    def list(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        name: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[ConversationVariable]:
        """Return every variable of the conversation, following all pages.

        ``name`` keeps only the variable with that name (filtered here: some servers ignore
        the server-side filter, others reject some names). Raises :class:`PaginationError`
        when the server's paging breaks (an empty or repeated page) rather than looping or
        dropping variables silently.
        """
        return run_sync(
            self._http,
            self._core.list_flow(
                conversation_id, user=user, name=name, max_retries=max_retries, timeout=timeout
            ),
        )

    def get(
        self,
        conversation_id: str | UUID,
        name: str,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Return the variable called ``name``; :class:`UnknownVariableNameError` if none."""
        return run_sync(
            self._http,
            self._core.get_flow(
                conversation_id, name, user=user, max_retries=max_retries, timeout=timeout
            ),
        )

    def set(
        self,
        conversation_id: str | UUID,
        name: str,
        value: object,
        *,
        user: str | None = None,
        strict: bool = True,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Set the variable called ``name`` to ``value`` and return it as stored.

        Looks the variable up, validates ``value`` against its real type and number kind
        (:class:`VariableValueError` before the update is sent), then updates it.
        """
        return run_sync(
            self._http,
            self._core.set_flow(
                conversation_id,
                name,
                value,
                user=user,
                strict=strict,
                max_retries=max_retries,
                timeout=timeout,
            ),
        )

    def update(
        self,
        conversation_id: str | UUID,
        variable_id: str | UUID,
        value: object,
        *,
        user: str | None = None,
        value_type: VariableType | str | None = None,
        number_kind: NumberKind | None = None,
        strict: bool = True,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Replace the value of the variable ``variable_id`` and return it as stored.

        With ``value_type`` the value is validated first; ``number_kind`` (``"integer"`` /
        ``"float"``) defaults to what earlier answers showed for this variable. Without
        ``value_type`` the value is sent as is and the server's verdict is raised as a
        typed error. The request is idempotent, so retries are safe.
        """
        return run_sync(
            self._http,
            self._core.update_flow(
                conversation_id,
                variable_id,
                value,
                user=user,
                value_type=value_type,
                number_kind=number_kind,
                strict=strict,
                max_retries=max_retries,
                timeout=timeout,
            ),
        )


class AsyncVariables:
    """Conversation variables through an async client: ``client.variables``."""

    def __init__(
        self, core: VariablesCore, http: httpx.AsyncClient, max_in_flight: int | None = None
    ) -> None:
        self._core = core
        self._http = http
        self._max_in_flight = max_in_flight
        # The event loop of the first call, and the in-flight limit created in it (an
        # asyncio.Semaphore, like httpx's pooled connections, belongs to one loop).
        self._loop: object = None
        self._gate: Any = None

    def _gate_of_this_loop(self) -> Any:
        """The in-flight limit (None when unlimited), after checking the running loop is
        the one this client was first used in (ConfigurationError otherwise)."""
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._loop is not None:
                raise ConfigurationError(_OTHER_LOOP)
            self._loop = loop
            if self._max_in_flight is not None:
                self._gate = asyncio.Semaphore(self._max_in_flight)
        return self._gate

    async def list(
        self,
        conversation_id: str | UUID,
        *,
        user: str | None = None,
        name: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[ConversationVariable]:
        """Async :meth:`Variables.list`."""
        return await run_async(
            self._http,
            self._core.list_flow(
                conversation_id, user=user, name=name, max_retries=max_retries, timeout=timeout
            ),
            self._gate_of_this_loop(),
        )

    async def get(
        self,
        conversation_id: str | UUID,
        name: str,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Async :meth:`Variables.get`."""
        return await run_async(
            self._http,
            self._core.get_flow(
                conversation_id, name, user=user, max_retries=max_retries, timeout=timeout
            ),
            self._gate_of_this_loop(),
        )

    async def set(
        self,
        conversation_id: str | UUID,
        name: str,
        value: object,
        *,
        user: str | None = None,
        strict: bool = True,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Async :meth:`Variables.set`."""
        return await run_async(
            self._http,
            self._core.set_flow(
                conversation_id,
                name,
                value,
                user=user,
                strict=strict,
                max_retries=max_retries,
                timeout=timeout,
            ),
            self._gate_of_this_loop(),
        )

    async def update(
        self,
        conversation_id: str | UUID,
        variable_id: str | UUID,
        value: object,
        *,
        user: str | None = None,
        value_type: VariableType | str | None = None,
        number_kind: NumberKind | None = None,
        strict: bool = True,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ConversationVariable:
        """Async :meth:`Variables.update`."""
        return await run_async(
            self._http,
            self._core.update_flow(
                conversation_id,
                variable_id,
                value,
                user=user,
                value_type=value_type,
                number_kind=number_kind,
                strict=strict,
                max_retries=max_retries,
                timeout=timeout,
            ),
            self._gate_of_this_loop(),
        )
