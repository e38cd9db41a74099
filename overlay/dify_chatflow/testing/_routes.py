"""The server core: the route table, and one request turned into one :class:`Reply`.

Each family's module (``_endpoints/``) lists its routes; this module matches a request
against them in the order Flask does: path and id shape (an HTML 404 when nothing
matches, before any authentication), method (405), then the route's handler, which runs
Dify's checks in Dify's order. Faults are aimed by the family and name of a route.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from ._context import HTML, Call, Handler, Reply, ServerOptions, ServerState, Stop, error
from ._endpoints import ROUTE_SPECS
from ._records import RecordedRequest, redact_authorization
from ._wire import HTML_NOT_FOUND

__all__ = ["Reply", "ServerOptions", "ServerState", "handle", "record", "route_of", "take_fault"]

_UUID: Final = r"([A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12})"
_STRING: Final = r"([^/]+)"
_MSG_METHOD: Final = "The method is not allowed for the requested URL."


@dataclass(frozen=True)
class Route:
    """One URL rule: where it is, which methods it answers and who answers them."""

    family: str
    name: str
    pattern: re.Pattern[str]  # ids as Flask's converters accept them
    shape: re.Pattern[str]  # any id at all: aims faults at malformed requests too
    handlers: Mapping[str, Handler]
    new_only: bool
    path: str  # the URL rule as declared: routes sharing it answer as one resource


def _allow(routes: Iterable[Route]) -> str:
    methods = {"OPTIONS"}
    for route in routes:
        methods.update(route.handlers)
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


def _compile(template: str, *, strict: bool) -> re.Pattern[str]:
    uuid_part, string_part = (_UUID, _STRING) if strict else ("[^/]+", "[^/]+")
    regex = re.escape(template).replace(r"\{uuid\}", uuid_part).replace(r"\{str\}", string_part)
    return re.compile(regex + ("" if strict else "/?"))


def _build() -> tuple[Route, ...]:
    routes = []
    for spec in ROUTE_SPECS:
        routes.append(
            Route(
                family=spec.family,
                name=spec.name,
                pattern=_compile("/v1" + spec.path, strict=True),
                shape=_compile("/v1" + spec.path, strict=False),
                handlers=spec.handlers,
                new_only=spec.new_only,
                path=spec.path,
            )
        )
    return tuple(routes)


ROUTES: Final = _build()


def _routes_for(options: ServerOptions) -> tuple[Route, ...]:
    return ROUTES if options.new else tuple(r for r in ROUTES if not r.new_only)


def route_of(path: str, options: ServerOptions, method: str = "") -> tuple[str, ...]:
    """The family and name of the route a request is aimed at (empty: none), for faults.

    Several routes may share a path (one per operation, e.g. ``GET`` and ``POST
    /apps/annotations``); the one answering ``method`` is named, else the first."""
    shaped = [route for route in _routes_for(options) if route.shape.fullmatch(path)]
    if not shaped:
        return ()
    wanted = "GET" if method == "HEAD" else method
    route = next((r for r in shaped if wanted in r.handlers), shaped[0])
    return (route.family, route.name)


def record(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> None:
    """Log a request with its Authorization credential removed."""
    safe = {
        name: (redact_authorization(value) if name == "authorization" else value)
        for name, value in headers.items()
    }
    state.log.append(RecordedRequest(method, path, dict(query), safe, body))


def take_fault(state: ServerState, path: str, method: str = "") -> tuple[float, Reply | None]:
    """Take the next request fault aimed at ``path``: ``(delay in seconds, reply replacing
    Dify's)``; ``(0.0, None)`` when none is pending: answer normally, at once."""
    if not state.faults:
        return 0.0, None
    fault = state.faults.take(route_of(path, state.options, method))
    if fault is None:
        return 0.0, None
    if fault.kind == "drop":
        return 0.0, Reply(0, drop=True)
    if fault.kind == "status":
        return 0.0, Reply(fault.status_code, fault.body, None, fault.headers)
    return fault.seconds, None


def handle(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    """The reply Dify would give (``headers`` keys are lower-case; ``query`` first values).

    Request faults are not applied here: the transport takes them (see :func:`take_fault`)
    so that a delay holds up only its own connection.
    """
    options = state.options
    try:
        reply = _dispatch(state, method, path, query, headers, body)
    except Stop as stop:
        reply = stop.reply
    return Reply(
        reply.status,
        reply.body,
        reply.content_type,
        reply.headers + options.version_headers,
        reply.drop,
        reply.job,
    )


def _dispatch(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    # Routes sharing a URL rule (one per operation) answer as one Flask resource.
    matches = [
        (route, matched)
        for route in _routes_for(state.options)
        if (matched := route.pattern.fullmatch(path)) is not None
    ]
    if not matches:
        return Reply(404, HTML_NOT_FOUND, HTML)
    first = matches[0][0]
    sharing = [(r, m) for r, m in matches if r.path == first.path]
    allow = _allow(r for r, _ in sharing)
    if method == "OPTIONS":
        return Reply(200, b"", HTML, (("Allow", allow),))
    wanted = "GET" if method == "HEAD" else method
    for route, matched in sharing:
        handler = route.handlers.get(wanted)
        if handler is not None:
            call = Call(state, method, path, query, headers, body, tuple(matched.groups()))
            return handler(call)
    raise error(405, "method_not_allowed", _MSG_METHOD, Allow=allow)
