"""``client.audio``: speech to text and text to speech with the app's voice models.

:class:`_AudioFlows` holds the operations, written once as flows (see ``_flows``);
:class:`Audio` and :class:`AsyncAudio` are thin shells with the public signatures. Audio
goes up streamed like an upload; speech comes back whole (:meth:`Audio.to_audio`) or
written to a file as it arrives (:meth:`Audio.to_audio_file`).
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

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
from .._constants import MAX_AUDIO_BYTES
from .._downloads import Destination, write_async_download, write_download
from .._exceptions import ConfigurationError, NoAudioError, ResponseDecodeError
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from ._responses import text_of
from .files import FileSource, _guess_mime_type, _Upload

if TYPE_CHECKING:
    import pathlib
    from uuid import UUID

    from ..types.audio import AudioContent

__all__ = [
    "ACCEPTED_AUDIO_TYPES",
    "AsyncAudio",
    "AsyncAudioWithRawResponse",
    "Audio",
    "AudioWithRawResponse",
]

ACCEPTED_AUDIO_TYPES: Final = ("audio/mp3", "audio/m4a", "audio/wav", "audio/amr", "audio/mpga")
"""The declared types speech to text takes (Dify refuses others, ``audio/mpeg`` among
them, with 415)."""

_NO_AUDIO: Final = (
    "the server made no audio (it answered null): the message_id is unknown, belongs to "
    "another user or app, or its answer is empty"
)


def _guess_audio_type(filename: str) -> str | None:
    """The type Dify takes for an audio file's extension (``a.mp3`` -> ``audio/mp3``), else
    what the name tells."""
    extension = os.path.splitext(filename)[1][1:].lower()
    accepted = f"audio/{extension}"
    return accepted if accepted in ACCEPTED_AUDIO_TYPES else _guess_mime_type(filename)


def _no_audio_error(response: httpx.Response) -> Exception:
    """The error for a speech answer that is JSON: :class:`NoAudioError` for ``null``."""
    data = decode_json(response)
    if data is None:
        return NoAudioError(_NO_AUDIO, response=response)
    return ResponseDecodeError(
        f"expected audio or null, got JSON {json_kind(data)} (the body is in .raw)",
        raw=response.text,
        response=response,
        show_raw=False,
    )


class _AudioFlows:
    """The audio operations as flows, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def to_text_flow(
        self,
        file: FileSource,
        *,
        filename: str | None,
        mime_type: str | None,
        options: RequestOptions,
    ) -> Flow[str]:
        """Transcribe one audio file; its type is checked before sending."""
        core = self._core
        end_user = core.end_user(options.user)
        upload = _Upload(
            file, filename, mime_type, guess=_guess_audio_type, accepted=ACCEPTED_AUDIO_TYPES
        )
        size = upload.known_size()
        if size is not None and size > MAX_AUDIO_BYTES:
            # The server reads it whole, then answers 413.
            raise ConfigurationError(
                f"the audio is {size} bytes; Dify transcribes at most "
                f"{MAX_AUDIO_BYTES // (1024 * 1024)} MB; nothing was sent"
            )
        with upload.opened() as stream:
            part = _binding.Upload(stream, upload.filename, upload.mime_type)
            request = _binding.build("audio.to_text", body={"file": part, "user": end_user})
            # Not idempotent: each transcription that arrives runs (and bills) the model.
            response = yield from core.execute(request, options, idempotent=False)
        return text_of(response, "text")

    def speech_request(
        self,
        text: str | None,
        *,
        message_id: str | UUID | None,
        voice: str | None,
        options: RequestOptions,
    ) -> dict[str, Any]:
        """The request of ``POST /text-to-audio``, its arguments checked."""
        core = self._core
        if text is not None and type(text) is not str:
            raise ConfigurationError(f"text must be a str or None, got a {type(text).__name__}")
        if voice is not None and (type(voice) is not str or not voice):
            raise ConfigurationError(f"voice must be a non-empty str or None, got {voice!r}")
        if not text and message_id is None:
            # The server would answer 400 "Text is required".
            raise ConfigurationError(
                "to_audio needs text, or message_id=... to speak a message's answer; "
                "nothing was sent"
            )
        payload: dict[str, Any] = {"user": core.end_user(options.user)}
        if message_id is not None:
            payload["message_id"] = str(core.uuid(message_id, "message_id"))
        if text:
            payload["text"] = text
        if voice is not None:
            payload["voice"] = voice
        return _binding.build("audio.to_audio", body=payload)

    def open_speech_flow(
        self, request: dict[str, Any], *, options: RequestOptions
    ) -> Flow[httpx.Response]:
        """The speech answer with its body still open (never re-sent: each request that
        arrives runs the voice model)."""
        response = yield from self._core.execute(request, options, idempotent=False, stream=True)
        return response

    def to_audio_flow(
        self, request: dict[str, Any], *, options: RequestOptions
    ) -> Flow[AudioContent]:
        """Speech read whole; a JSON answer (``null``) raises :class:`NoAudioError`."""
        response = yield from self._core.execute(request, options, idempotent=False)
        content_type = response.headers.get("content-type", "")
        if "json" in content_type.lower():
            raise _no_audio_error(response)
        from ..types.audio import AudioContent
        from ..types.files import _media_type_of

        return AudioContent(content=response.content, mime_type=_media_type_of(content_type)[0])


class Audio(SyncAPIResource):
    """Speech to text and text to speech through a blocking client: ``client.audio``."""

    @cached_property
    def with_raw_response(self) -> AudioWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AudioWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AudioFlows(client._core)

    def to_text(
        self,
        file: FileSource,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """The text spoken in an audio file (a path, its bytes, or a binary file object, as
        :meth:`Files.upload` takes them; streamed).

        Its type (``mime_type``, else told from the name: ``.mp3`` is ``audio/mp3``) must
        be one of :data:`ACCEPTED_AUDIO_TYPES`; another raises :class:`ConfigurationError`
        before sending. Refusals: :class:`SpeechToTextDisabledError` (the app has speech
        to text off), :class:`UnsupportedFileTypeError` (415),
        :class:`FileTooLargeError` (a file object over 30 MB; bytes or a path that large
        raise :class:`ConfigurationError` before sending). Retried only when the request
        certainly never reached the server.
        """
        return self._client._run(
            self._flows.to_text_flow(
                file,
                filename=filename,
                mime_type=mime_type,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    def to_audio(
        self,
        text: str | None = None,
        *,
        message_id: str | UUID | None = None,
        voice: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AudioContent:
        """Speech for ``text``, or for the answer of the message ``message_id`` (which the
        server prefers when both are given), read into memory.

        Neither raises :class:`ConfigurationError` before sending. A message the server
        cannot speak (unknown, another user's, an empty answer) raises
        :class:`NoAudioError`; an app with text to speech off
        :class:`TextToSpeechDisabledError` (servers skip that check when ``voice`` is
        given). Retried only when the request certainly never reached the server.
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.speech_request(
            text, message_id=message_id, voice=voice, options=options
        )
        return self._client._run(self._flows.to_audio_flow(request, options=options))

    def to_audio_file(
        self,
        text: str | None = None,
        destination: Destination | None = None,
        *,
        message_id: str | UUID | None = None,
        voice: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> pathlib.Path:
        """:meth:`to_audio` written to ``destination`` (a path, or a binary file object
        opened from one) as it arrives, never held in memory whole; the path written.

        ``to_audio_file("Hello", "hello.mp3")``, or ``to_audio_file(message_id=...,
        destination=...)``. A path is replaced only once the whole speech arrived: a
        failure leaves it as it was. A path that cannot be written raises
        :class:`LocalFileError` before anything is sent (the request is not repeated).
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.speech_request(
            text, message_id=message_id, voice=voice, options=options
        )
        flow = self._flows.open_speech_flow(request, options=options)
        return write_download(self._client, flow, destination, json_refusal=_no_audio_error)


class AsyncAudio(AsyncAPIResource):
    """Speech to text and text to speech through an async client: ``client.audio``."""

    @cached_property
    def with_raw_response(self) -> AsyncAudioWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncAudioWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _AudioFlows(client._core)

    async def to_text(
        self,
        file: FileSource,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """Async :meth:`Audio.to_text`."""
        return await self._client._run(
            self._flows.to_text_flow(
                file,
                filename=filename,
                mime_type=mime_type,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    async def to_audio(
        self,
        text: str | None = None,
        *,
        message_id: str | UUID | None = None,
        voice: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AudioContent:
        """Async :meth:`Audio.to_audio`."""
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.speech_request(
            text, message_id=message_id, voice=voice, options=options
        )
        return await self._client._run(self._flows.to_audio_flow(request, options=options))

    async def to_audio_file(
        self,
        text: str | None = None,
        destination: Destination | None = None,
        *,
        message_id: str | UUID | None = None,
        voice: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> pathlib.Path:
        """Async :meth:`Audio.to_audio_file`."""
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.speech_request(
            text, message_id=message_id, voice=voice, options=options
        )
        flow = self._flows.open_speech_flow(request, options=options)
        return await write_async_download(
            self._client, flow, destination, json_refusal=_no_audio_error
        )


class AudioWithRawResponse:
    """``client.audio.with_raw_response``: each method of :class:`Audio`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Audio) -> None:
        self.to_text = to_raw_response_wrapper(resource.to_text)
        self.to_audio = to_raw_response_wrapper(resource.to_audio)
        self.to_audio_file = to_raw_response_wrapper(resource.to_audio_file)


class AsyncAudioWithRawResponse:
    """``async_client.audio.with_raw_response``: each method of :class:`AsyncAudio`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncAudio) -> None:
        self.to_text = async_to_raw_response_wrapper(resource.to_text)
        self.to_audio = async_to_raw_response_wrapper(resource.to_audio)
        self.to_audio_file = async_to_raw_response_wrapper(resource.to_audio_file)
