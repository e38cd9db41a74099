"""``client.variables``: list, get, set and update conversation variables.

:class:`_VariableFlows` holds the operations, written once as flows (see ``_flows``):
the overlay checks ids, the end user and the value; the generated operation's request
builder (bound in ``_binding``) builds the request, whose JSON body is encoded once, so a
value JSON cannot carry fails before anything is sent; a 200 answer is parsed into the
generated model, then into :class:`ConversationVariable`, and anything that does not parse
becomes :class:`ResponseDecodeError`. :class:`Variables` and :class:`AsyncVariables` are
thin shells with the public signatures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx

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
    decode_json,
    json_kind,
)
from .._constants import MAX_REMEMBERED_KINDS, PAGE_LIMIT
from .._exceptions import (
    ConfigurationError,
    DifyError,
    PaginationError,
    ResponseDecodeError,
    UnknownVariableNameError,
)
from .._ids import canonical_id
from .._pagination import PageChecker
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from .._values.types import NumberKind, VariableType

if TYPE_CHECKING:
    from uuid import UUID

    from ..types.variables import ConversationVariable

# The value layer (types.variables, _values, attrs) is imported on first use, not
# with the package: `import dify_chatflow` stays close to `import httpx` in cost.

__all__ = [
    "AsyncVariables",
    "AsyncVariablesWithRawResponse",
    "Variables",
    "VariablesWithRawResponse",
]

# What the generated models raise for an answer of the wrong shape (e.g. a bad UUID).
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError)


class _VariableFlows:
    """The variable operations as flows, shared by the sync and async shells.

    Its one piece of state is the number-kind memory, a plain dict whose single get / set
    operations are atomic, so one instance serves many threads or tasks.
    """

    def __init__(self, core: ClientCore) -> None:
        self._core = core
        # Number variables seen in answers, by id: their storage kind (integer / float) is
        # worked out only when an update needs it.
        self._numbers: dict[UUID, ConversationVariable] = {}

    def _remember(self, variable: ConversationVariable) -> ConversationVariable:
        if variable.value_type is VariableType.NUMBER:
            if len(self._numbers) >= MAX_REMEMBERED_KINDS:
                self._numbers.clear()
            self._numbers[variable.id] = variable
        return variable

    def _known_number_kind(self, variable_id: UUID) -> NumberKind | None:
        known = self._numbers.get(variable_id)
        return None if known is None else known.number_kind

    # -- flows ---------------------------------------------------------------------------

    def list_flow(
        self,
        conversation_id: str | UUID,
        *,
        name: str | None,
        options: RequestOptions,
    ) -> Flow[list[ConversationVariable]]:
        """Every variable of a conversation (or the one called ``name``), all pages."""
        core = self._core
        cid = core.uuid(conversation_id, "conversation_id")
        end_user = core.end_user(options.user)
        if name is not None:
            _check_name(name)
        found: list[ConversationVariable] = []
        pages: PageChecker[ConversationVariable] = PageChecker("variable", boundary=_created_at)
        last_id: UUID | None = None
        while True:
            request = _binding.build(
                "variables.list",
                cid,
                query={"user": end_user, "last_id": last_id, "limit": PAGE_LIMIT},
            )
            response = yield from core.execute(request, options)
            items, has_more = _decode_page(response)
            fresh, problem = pages.accept(items, has_more)
            for item in fresh:
                self._remember(item)
                if name is None or item.name == name:
                    found.append(item)
            # Names are unique within a conversation: stop as soon as it is found.
            if name is not None and found:
                return found
            if problem is not None:
                raise PaginationError(problem, partial=found)
            if not has_more:
                return found
            last_id = items[-1].id

    def get_flow(
        self,
        conversation_id: str | UUID,
        name: str,
        *,
        options: RequestOptions,
    ) -> Flow[ConversationVariable]:
        """The variable called ``name``, found through :meth:`list_flow`."""
        _check_name(name)
        found = yield from self.list_flow(conversation_id, name=name, options=options)
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
        strict: bool,
        options: RequestOptions,
    ) -> Flow[ConversationVariable]:
        """Look ``name`` up, validate ``value`` against its real type, then update it."""
        variable = yield from self.get_flow(conversation_id, name, options=options)
        from .._values.validation import validate_value

        validate_value(variable.value_type, value, number_kind=variable.number_kind, strict=strict)
        updated = yield from self.update_flow(
            conversation_id,
            variable.id,
            value,
            value_type=None,
            number_kind=None,
            strict=strict,
            options=options,
        )
        return updated

    def update_flow(
        self,
        conversation_id: str | UUID,
        variable_id: str | UUID,
        value: object,
        *,
        value_type: VariableType | str | None,
        number_kind: NumberKind | None,
        strict: bool,
        options: RequestOptions,
    ) -> Flow[ConversationVariable]:
        """Replace one variable's value; validated first when ``value_type`` is given."""
        core = self._core
        cid = core.uuid(conversation_id, "conversation_id")
        vid = core.uuid(variable_id, "variable_id")
        end_user = core.end_user(options.user)
        if value_type is not None:
            if number_kind is None:
                number_kind = self._known_number_kind(vid)
            from .._values.validation import validate_value

            validate_value(value_type, value, number_kind=number_kind, strict=strict)
        request = _binding.build(
            "variables.update", cid, vid, body={"value": value, "user": end_user}
        )
        response = yield from core.execute(request, options)
        return self._remember(_decode_item(response))


def _created_at(variable: ConversationVariable) -> object:
    return variable.created_at


def _check_name(name: object) -> None:
    """Refuse a variable name that is not a non-empty str (ConfigurationError)."""
    if type(name) is not str or not name:
        shown = repr(name) if type(name) is str else f"a {type(name).__name__}"
        raise ConfigurationError(f"a variable name must be a non-empty str, got {shown}")


def _checked_object(data: object, response: httpx.Response) -> dict[str, Any]:
    # The generated models call dict() on what they get: a list of pairs would pass.
    if not isinstance(data, dict):
        raise ResponseDecodeError(
            f"expected a variable (a JSON object), got {json_kind(data)} (the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        )
    return data


def _variable(item: Any, data: dict[str, Any], response: httpx.Response) -> ConversationVariable:
    """The :class:`ConversationVariable` for a generated ``ConversationVariableItem``.

    ``data`` is the item as received, shown (secret values hidden) when it is malformed.
    """
    from ..types.variables import ConversationVariable

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
        return _binding.parse_variable(item)
    except _MALFORMED as exc:
        raise _malformed_variable(exc, item, response) from None


def _malformed_variable(
    exc: Exception, data: Mapping[str, Any], response: httpx.Response
) -> ResponseDecodeError:
    from ..types.variables import _masked_text  # secret values hidden

    return ResponseDecodeError(
        f"malformed variable ({type(exc).__name__})", raw=_masked_text(data), response=response
    )


def _decode_item(response: httpx.Response) -> ConversationVariable:
    data = decode_json(response)
    return _variable(_parse_item(data, response), data, response)


def _decode_page(response: httpx.Response) -> tuple[list[ConversationVariable], bool]:
    page = decode_json(response)
    # Checked on the JSON: the generated model passes these through unchecked (and would
    # iterate a string `data`).
    data = page.get("data") if isinstance(page, dict) else None
    has_more = page.get("has_more", False) if isinstance(page, dict) else None
    if not isinstance(data, list) or type(has_more) is not bool:
        # Shown without `data`, whose items may hold secret values.
        got = (
            f"{_short_json(_without_data(page))} and data as {json_kind(data)}"
            if isinstance(page, dict)
            else json_kind(page)
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
        parsed = _binding.parse_variables_page(page)
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
    pairs = zip(_binding.unset_as_none(parsed.data) or (), data, strict=True)
    return [_variable(item, entry, response) for item, entry in pairs], has_more


def _short_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, default=repr)[:1000]


def _without_data(page: Mapping[str, Any]) -> dict[str, Any]:
    """A list page without its variables, which may hold secret values: safe to show."""
    return {key: value for key, value in page.items() if key != "data"}


class Variables(SyncAPIResource):
    """Conversation variables through a blocking client: ``client.variables``."""

    @cached_property
    def with_raw_response(self) -> VariablesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return VariablesWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _VariableFlows(client._core)

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
        return self._client._run(
            self._flows.list_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                name=name,
            )
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
        return self._client._run(
            self._flows.get_flow(
                conversation_id,
                name,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
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
        return self._client._run(
            self._flows.set_flow(
                conversation_id,
                name,
                value,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                strict=strict,
            )
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
        return self._client._run(
            self._flows.update_flow(
                conversation_id,
                variable_id,
                value,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                value_type=value_type,
                number_kind=number_kind,
                strict=strict,
            )
        )


class AsyncVariables(AsyncAPIResource):
    """Conversation variables through an async client: ``client.variables``."""

    @cached_property
    def with_raw_response(self) -> AsyncVariablesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncVariablesWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _VariableFlows(client._core)

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
        return await self._client._run(
            self._flows.list_flow(
                conversation_id,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                name=name,
            )
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
        return await self._client._run(
            self._flows.get_flow(
                conversation_id,
                name,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
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
        return await self._client._run(
            self._flows.set_flow(
                conversation_id,
                name,
                value,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                strict=strict,
            )
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
        return await self._client._run(
            self._flows.update_flow(
                conversation_id,
                variable_id,
                value,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
                value_type=value_type,
                number_kind=number_kind,
                strict=strict,
            )
        )


class VariablesWithRawResponse:
    """``client.variables.with_raw_response``: each method of :class:`Variables`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Variables) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.get = to_raw_response_wrapper(resource.get)
        self.set = to_raw_response_wrapper(resource.set)
        self.update = to_raw_response_wrapper(resource.update)


class AsyncVariablesWithRawResponse:
    """``async_client.variables.with_raw_response``: each method of :class:`AsyncVariables`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncVariables) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.get = async_to_raw_response_wrapper(resource.get)
        self.set = async_to_raw_response_wrapper(resource.set)
        self.update = async_to_raw_response_wrapper(resource.update)
