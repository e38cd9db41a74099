"""``client.forms``: the human input forms a paused run waits for (Dify 1.14 and later).

:class:`_FormFlows` holds the read and the submission, written once as flows (see
``_flows``); :class:`Forms` and :class:`AsyncForms` are thin shells. A form is
named by its token (``ChatReply.paused.forms[i].form_token``); a submission lets the run
go on (``client.chat.resume`` follows it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

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
)
from .._exceptions import ConfigurationError, InvalidFormDataError
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from ._responses import model_of

if TYPE_CHECKING:
    from ..types.forms import HumanInputForm, HumanInputRequest

__all__ = ["AsyncForms", "AsyncFormsWithRawResponse", "Forms", "FormsWithRawResponse"]

_MAX_TOKEN_LENGTH: Final = 512
# A quoted name in the server's refusal ("'x' ..."), or the first of the names it lists
# ("Missing required inputs: comment, owner").
_NAMED: Final = re.compile(r"""['"]([^'"]+)['"]|:\s*([\w.-]+)\s*(?:,|$)""")


def _checked_token(form_token: object) -> str:
    if (
        type(form_token) is not str
        or not form_token
        or len(form_token) > _MAX_TOKEN_LENGTH
        or any(char.isspace() for char in form_token)
    ):
        raise ConfigurationError(
            "form_token must be the non-empty token of a form (ChatReply.paused.forms[i]"
            f".form_token), got {form_token!r}"[:200]
        )
    return form_token


class _FormFlows:
    """The form operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def get_flow(self, form_token: str, *, options: RequestOptions) -> Flow[HumanInputForm]:
        """``GET /form/human_input/{form_token}``."""
        token = _checked_token(form_token)
        response = yield from self._core.execute(_binding.build("forms.get", token), options)
        from ..types.forms import HumanInputForm

        return model_of(response, lambda data: HumanInputForm.from_json(data, form_token=token))

    def submit_payload(
        self,
        form_token: str,
        *,
        action: str,
        inputs: Mapping[str, Any] | None,
        form: HumanInputForm | HumanInputRequest | None,
        options: RequestOptions,
    ) -> tuple[str, dict[str, Any]]:
        """The token and body of a submission, every argument checked first."""
        token = _checked_token(form_token)
        if type(action) is not str or not action:
            raise ConfigurationError(f"action must be a non-empty action id, got {action!r}")
        if inputs is None:
            inputs = {}
        if not isinstance(inputs, Mapping) or not all(type(key) is str for key in inputs):
            raise ConfigurationError(
                "inputs must be a mapping of input names (str) to values, got "
                f"{type(inputs).__name__}"
            )
        if form is not None:
            from ..types.forms import _check_submission, _with_resolved_defaults

            if getattr(form, "form_token", token) != token:
                raise ConfigurationError(
                    "form= is another form than form_token names (its form_token differs)"
                )
            _check_submission(form, action, inputs)  # FormValidationError naming what
            inputs = _with_resolved_defaults(form, inputs)
        body = {
            "inputs": dict(inputs),
            "action": action,
            "user": self._core.end_user(options.user),
        }
        return token, body

    def submit_flow(
        self,
        token: str,
        body: dict[str, Any],
        *,
        options: RequestOptions,
    ) -> Flow[None]:
        """``POST /form/human_input/{form_token}``: sent once (a second submission of the
        same form is refused with 412, so a retry after a lost answer would mislead)."""
        try:
            response = yield from self._core.execute(
                _binding.build("forms.submit", token, body=body),
                options,
                idempotent=False,
            )
        except InvalidFormDataError as exc:
            _name_the_refused(exc, body)
            raise
        decode_json(response)  # `{}`; a body that is not JSON raises ResponseDecodeError


def _name_the_refused(error: InvalidFormDataError, body: Mapping[str, Any]) -> None:
    """Say which action or input the server refused, from its message and what was sent."""
    message = error.message
    if "action" in message.lower():
        error.action = str(body["action"])
        return
    found = _NAMED.search(message)
    if found is not None:
        error.field = found.group(1) or found.group(2)


class Forms(SyncAPIResource):
    """Human input forms through a blocking client: ``client.forms``."""

    @cached_property
    def with_raw_response(self) -> FormsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return FormsWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _FormFlows(client._core)

    def get(
        self,
        form_token: str,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> HumanInputForm:
        """The form ``form_token`` names: its text, inputs, actions and expiry.

        An unknown token raises :class:`FormNotFoundError`; a server before 1.14 has no
        such route (:class:`NotFoundError` saying so).
        """
        return self._client._run(
            self._flows.get_flow(
                form_token, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    def submit(
        self,
        form_token: str,
        *,
        action: str,
        inputs: Mapping[str, Any] | None = None,
        user: str | None = None,
        form: HumanInputForm | HumanInputRequest | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Submit the form with the button ``action`` and the ``inputs`` (by
        ``output_variable_name``); the paused run then goes on.

        With ``form`` (from :meth:`get` or ``reply.paused.forms``) the action and the
        inputs are checked first (every input is required; the form's resolved default
        values fill those not given): :class:`FormValidationError` before sending.
        The server's refusals: :class:`InvalidFormDataError` (400, ``action`` / ``field``
        name what), :class:`FormAlreadySubmittedError` (412, submitted before),
        :class:`FormNotFoundError` (404).
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        token, body = self._flows.submit_payload(
            form_token, action=action, inputs=inputs, form=form, options=options
        )
        self._client._run(self._flows.submit_flow(token, body, options=options))


class AsyncForms(AsyncAPIResource):
    """Human input forms through an async client: ``client.forms``."""

    @cached_property
    def with_raw_response(self) -> AsyncFormsWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncFormsWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _FormFlows(client._core)

    async def get(
        self,
        form_token: str,
        *,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> HumanInputForm:
        """Async :meth:`Forms.get`."""
        return await self._client._run(
            self._flows.get_flow(
                form_token, options=RequestOptions(timeout=timeout, max_retries=max_retries)
            )
        )

    async def submit(
        self,
        form_token: str,
        *,
        action: str,
        inputs: Mapping[str, Any] | None = None,
        user: str | None = None,
        form: HumanInputForm | HumanInputRequest | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """Async :meth:`Forms.submit`."""
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        token, body = self._flows.submit_payload(
            form_token, action=action, inputs=inputs, form=form, options=options
        )
        await self._client._run(self._flows.submit_flow(token, body, options=options))


class FormsWithRawResponse:
    """``client.forms.with_raw_response``: each method of :class:`Forms`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Forms) -> None:
        self.get = to_raw_response_wrapper(resource.get)
        self.submit = to_raw_response_wrapper(resource.submit)


class AsyncFormsWithRawResponse:
    """``async_client.forms.with_raw_response``: each method of :class:`AsyncForms`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncForms) -> None:
        self.get = async_to_raw_response_wrapper(resource.get)
        self.submit = async_to_raw_response_wrapper(resource.submit)
