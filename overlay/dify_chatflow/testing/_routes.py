"""The server core: the route table, and one request turned into one :class:`Reply`.

Each family's module (``_endpoints/``) names the registry operations it answers; the
registry gives each one's method and path, and operations on one path share one URL
rule. A request is matched in the order Flask does: path and id shape (an HTML 404 when
nothing matches, before any authentication), method (405), then the operation's handler,
which runs Dify's checks in Dify's order. Faults are aimed by family or operation name.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from .._registry import by_name, path_shape
from ._context import HTML, Call, Handler, Reply, ServerOptions, ServerState, Stop, error
from ._endpoints import ROUTE_SPECS, RouteSpec
from ._records import RecordedRequest, redact_authorization
from ._wire import HTML_NOT_FOUND

__all__ = [
    "ROUTES",
    "Reply",
    "ServerOptions",
    "ServerState",
    "fault_target",
    "handle",
    "record",
    "route_of",
    "take_fault",
]

_UUID: Final = r"([A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12})"
_STRING: Final = r"([^/]+)"
_PARAMETER: Final = re.compile(r"\{([^}]*)\}")
_MSG_METHOD: Final = "The method is not allowed for the requested URL."
Header = tuple[str, str]
_EXPOSED: Final = "X-Env, X-Trace-Id, X-Version"
_CORS_METHODS: Final = "DELETE, GET, OPTIONS, PATCH, POST, PUT"
_CORS_HEADERS: Final = frozenset({"content-type", "authorization", "x-app-code", "x-app-passport"})
# The only bare names faults were aimed at before they took operation names.
_SHORT_NAMES: Final = ("list", "update")


@dataclass(frozen=True)
class Route:
    """One URL rule: where it is, and the registry operation behind each method."""

    family: str
    pattern: re.Pattern[str]  # ids as Flask's converters accept them
    shape: re.Pattern[str]  # any id at all: aims faults at malformed requests too
    operations: Mapping[str, str]  # HTTP method -> operation name ("chat.send")
    handlers: Mapping[str, Handler]  # HTTP method -> its handler
    new_only: bool

    @property
    def allow(self) -> str:
        methods = set(self.handlers) | {"OPTIONS"}
        if "GET" in methods:
            methods.add("HEAD")
        return ", ".join(sorted(methods))


def _compile(spec: RouteSpec, *, strict: bool) -> re.Pattern[str]:
    """The URL rule of ``spec``'s operation under ``/v1``; ``strict`` reads each path
    parameter with its Flask converter, otherwise any segment matches."""
    template = "/v1" + by_name(spec.operation).path
    regex, end = "", 0
    for found in _PARAMETER.finditer(template):
        converter = _STRING if found.group(1) in spec.strings else _UUID
        if not strict:
            converter = "[^/]+"
        regex += re.escape(template[end : found.start()]) + converter
        end = found.end()
    regex += re.escape(template[end:])
    return re.compile(regex + ("" if strict else "/?"))


def _build() -> tuple[Route, ...]:
    """One route per path; its operations in the order the route modules list them."""
    grouped: dict[str, list[RouteSpec]] = {}
    for spec in ROUTE_SPECS:
        grouped.setdefault(path_shape(by_name(spec.operation).path), []).append(spec)
    routes = []
    for specs in grouped.values():
        first = specs[0]
        methods = {by_name(spec.operation).method.upper(): spec for spec in specs}
        routes.append(
            Route(
                family=first.operation.split(".")[0],
                pattern=_compile(first, strict=True),
                shape=_compile(first, strict=False),
                operations={method: spec.operation for method, spec in methods.items()},
                handlers={method: spec.handler for method, spec in methods.items()},
                new_only=first.new_only,
            )
        )
    return tuple(routes)


ROUTES: Final = _build()
_OPERATIONS: Final = tuple(spec.operation for spec in ROUTE_SPECS)
_FAMILIES: Final = tuple(dict.fromkeys(name.split(".")[0] for name in _OPERATIONS))


def fault_target(route: str) -> str:
    """What a fault's ``route`` names: ``"any"``, a family (``"chat"``) or an operation
    (``"variables.list"``); the old bare names are taken where they name one operation."""
    if route == "any" or route in _FAMILIES or route in _OPERATIONS:
        return route
    if route in _SHORT_NAMES:
        matches = sorted(name for name in _OPERATIONS if name.split(".")[1] == route)
        if len(matches) == 1:
            return matches[0]
        raise ValueError(
            f"route {route!r} names several operations ({', '.join(matches)}): "
            "aim the fault at one of them"
        )
    known = ", ".join(("any", *_FAMILIES, *_OPERATIONS))
    raise ValueError(f"route must be 'any', a family or an operation ({known}), not {route!r}")


def _routes_for(options: ServerOptions) -> tuple[Route, ...]:
    return ROUTES if options.new else tuple(r for r in ROUTES if not r.new_only)


def route_of(method: str, path: str, options: ServerOptions) -> tuple[str, ...]:
    """The family and operation a request is aimed at, for faults: ``(family,
    operation)``, ``(family,)`` for a method the path does not answer, ``()`` for no
    route at all."""
    for route in _routes_for(options):
        if route.shape.fullmatch(path):
            operation = route.operations.get("GET" if method == "HEAD" else method)
            return (route.family, operation) if operation else (route.family,)
    return ()


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


def take_fault(state: ServerState, method: str, path: str) -> tuple[float, Reply | None]:
    """Take the next request fault aimed at this request: ``(delay in seconds, reply
    replacing Dify's)``; ``(0.0, None)`` when none is pending: answer normally, at once."""
    if not state.faults:
        return 0.0, None
    fault = state.faults.take(route_of(method, path, state.options))
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
    route = _matched(state, path)
    if route is None:
        reply = _unrouted(state, path, query, headers)
    elif method != "OPTIONS" and route[0].handlers.get(_as_get(method)) is None:
        # Routing refuses the method before the blueprint's CORS layer sees the request.
        reply = error(405, "method_not_allowed", _MSG_METHOD).reply
    else:
        try:
            reply = _dispatch(state, method, path, query, headers, body, route)
        except Stop as stop:
            reply = stop.reply
        cors = _cors(options, method, headers)
        reply = Reply(
            reply.status,
            reply.body,
            reply.content_type,
            reply.headers + cors,
            reply.drop,
            reply.job,
        )
    version = options.version_headers
    if any(name == "Vary" for name, _ in reply.headers):
        # The session layer adds Cookie to a Vary the CORS layer already set.
        version = tuple(header for header in version if header[0] != "Vary")
    return Reply(
        reply.status,
        reply.body,
        reply.content_type,
        reply.headers + version,
        reply.drop,
        reply.job,
    )


def _as_get(method: str) -> str:
    return "GET" if method == "HEAD" else method


def _matched(state: ServerState, path: str) -> tuple[Route, tuple[str, ...]] | None:
    for route in _routes_for(state.options):
        matched = route.pattern.fullmatch(path)
        if matched is not None:
            return route, tuple(matched.groups())
    return None


def _unrouted(
    state: ServerState, path: str, query: Mapping[str, str], headers: Mapping[str, str]
) -> Reply:
    """No route: Flask redirects ``/v1`` to the blueprint's root and a path with doubled
    slashes to the route it names once merged (keeping the query), else an HTML 404."""
    merged = re.sub("/{2,}", "/", path)
    if path == "/v1":
        target = "/v1/"
    elif merged != path and _matched(state, merged) is not None:
        target = merged
    else:
        return Reply(404, HTML_NOT_FOUND, HTML)
    target = f"http://{headers.get('host', '127.0.0.1')}{target}"
    if query:
        target += "?" + urllib.parse.urlencode(query)
    shown = html.escape(target)
    page = (
        "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n"
        "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target "
        f'URL: <a href="{shown}">{shown}</a>. If not, click the link.\n'
    )
    return Reply(308, page.encode("utf-8"), HTML, (("Location", target),))


def _cors(options: ServerOptions, method: str, headers: Mapping[str, str]) -> tuple[Header, ...]:
    """The service API's CORS headers: any origin is allowed, so a request's ``Origin``
    is echoed back (``*`` without one); a preflight also names what it may send."""
    origin = headers.get("origin")
    found: list[Header] = [("Access-Control-Allow-Origin", origin or "*")]
    if options.new:
        found.append(("Access-Control-Expose-Headers", _EXPOSED))
    wanted_method = headers.get("access-control-request-method", "").upper()
    if method == "OPTIONS" and wanted_method in _CORS_METHODS.split(", "):
        wanted = [h.strip() for h in headers.get("access-control-request-headers", "").split(",")]
        allowed = sorted(h for h in wanted if h.lower() in _CORS_HEADERS)
        if allowed:
            found.append(("Access-Control-Allow-Headers", ", ".join(allowed)))
        found.append(("Access-Control-Allow-Methods", _CORS_METHODS))
    if origin:
        found.append(("Vary", "Origin, Cookie" if options.new else "Origin"))
    return tuple(found)


def _dispatch(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
    matched: tuple[Route, tuple[str, ...]],
) -> Reply:
    route, groups = matched
    if method == "OPTIONS":
        return Reply(200, b"", HTML, (("Allow", route.allow),))
    handler = route.handlers[_as_get(method)]
    call = Call(state, method, path, query, headers, body, groups)
    return handler(call)
