"""``POST /audio-to-text`` and ``POST /text-to-audio``: the app's scripted speech models."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Final

from .._context import Call, FieldError, Reply, Stop, error, internal_error, json_reply
from .._store import App, NoDefaultModel, StoredMessage
from .._stream import Job, Sink
from ._query import refuse_failed
from ._spec import RouteSpec
from .files import parse_multipart

__all__ = ["ROUTES"]

AUDIO_LIMIT: Final = 30 * 1024 * 1024
_AUDIO_TYPES: Final = frozenset(f"audio/{ext}" for ext in ("mp3", "m4a", "wav", "amr", "mpga"))
_AUDIO_CHUNK: Final = 8192
_MSG_KEY_ERROR: Final = (
    "The browser (or proxy) sent a request that this server could not understand."
)


def _speech_to_text_off(call: Call) -> Stop:
    if call.new:
        return error(400, "speech_to_text_disabled", "Speech to text is disabled.")
    return error(400, "invalid_param", "Speech to text is not enabled")


def audio_to_text(call: Call) -> Reply:
    app = call.app()
    parts = parse_multipart(call.headers.get("content-type", ""), call.body)
    fields = {p.name: p.data.decode("utf-8", "replace") for p in parts if p.filename is None}
    call.store.end_user(app.api_key, call.user(fields.get("user")))
    upload = next((p for p in parts if p.filename is not None and p.name == "file"), None)
    if upload is None and not call.new:  # 1.10 reads request.files["file"] first
        raise error(400, "bad_request_key_error", _MSG_KEY_ERROR)
    model = app.speech_to_text
    if model is None:
        raise _speech_to_text_off(call)
    if upload is None:
        raise error(400, "no_audio_uploaded", "Please upload your audio.")
    mime_type = (upload.content_type or "").split(";", 1)[0].strip().lower()
    if mime_type not in _AUDIO_TYPES:
        raise error(415, "unsupported_audio_type", "Audio type not allowed.")
    if len(upload.data) > AUDIO_LIMIT:
        raise error(413, "audio_too_large", "Audio size larger than 30 mb")
    if isinstance(model, NoDefaultModel):
        raise error(400, "provider_not_initialize", "Default model not found for speech2text")
    try:
        text = model(upload.data, mime_type)
    except Exception:  # a failing model is Dify's catch-all 500
        raise internal_error() from None
    return json_reply(200, {"text": text})


def _check_tts_payload(call: Call, payload: Mapping[str, object]) -> dict[str, str | None]:
    """1.10's reqparse turns every value into text; 1.16's pydantic model wants strings."""
    values: dict[str, str | None] = {}
    errors: list[FieldError] = []
    for name in ("message_id", "voice", "text"):
        value = payload.get(name)
        if value is None or isinstance(value, str):
            values[name] = value
        elif call.new:
            errors.append((name, "Input should be a valid string", "string_type", value))
        else:
            values[name] = str(value)
    refuse_failed(call, "TextToAudioPayload", errors, [text for _, text, _, _ in errors])
    return values


def _message_to_read(call: Call, app: App, message_id: str, user: str) -> StoredMessage | None:
    """The message whose answer is read out; ``None`` answers ``200 null``. 1.10 finds a
    message by its id alone; 1.16 only among the app's messages of this end user."""
    try:
        uuid.UUID(message_id)
    except ValueError:
        return None
    key = message_id.lower()
    message = (
        call.store.message(app.api_key, key, user) if call.new else call.store.any_message(key)
    )
    if message is None:
        return None
    if message.answer == "" and message.status in ("normal", "paused"):
        return None
    return message


def _stream_audio(audio: bytes) -> Job:
    def run(sink: Sink) -> None:
        for start in range(0, len(audio), _AUDIO_CHUNK):
            if sink.gone:
                return
            sink.send(audio[start : start + _AUDIO_CHUNK])
        sink.finish()

    return Job(run, streaming=True, ping_interval=0)  # an audio body gets no pings


def text_to_audio(call: Call) -> Reply:
    app = call.app()
    payload = call.json()
    user = call.body_user()
    call.store.end_user(app.api_key, user)
    values = _check_tts_payload(call, payload)
    message_id, text = values["message_id"], values["text"]
    if message_id:
        message = _message_to_read(call, app, message_id, user)
        if message is None:
            return json_reply(200, None)
        text = message.answer
    elif text is None:
        raise error(400, "invalid_param", "Text is required")
    model = app.text_to_speech
    if values["voice"] is None and model is None:
        raise error(400, "invalid_param", "TTS is not enabled")
    if model is None or isinstance(model, NoDefaultModel):  # a voice skips the feature check
        raise error(400, "provider_not_initialize", "Default model not found for tts")
    try:
        audio = bytes(model(text.strip()))
    except Exception:  # a failing model is Dify's catch-all 500
        raise internal_error() from None
    return Reply(200, b"", "audio/mpeg", job=_stream_audio(audio))


ROUTES: Final = (
    RouteSpec(
        "audio.to_text",
        audio_to_text,
        sample_body={"file": ("a.mp3", b"ID3", "audio/mp3"), "user": "u-1"},
    ),
    RouteSpec(
        "audio.to_audio",
        text_to_audio,
        sample_body={
            "text": "hello",
            "message_id": "7c1e9d34-8f2a-4b6c-a5d0-3e4f5a6b7c8d",
            "voice": "alloy",
            "user": "u-1",
        },
    ),
)
