"""POST /audio-to-text and POST /text-to-audio: the app's scripted speech models."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import NO_DEFAULT_MODEL, DifyTestServer, Fault
from server_support import DIALECTS, KEY, USER, FormPart, RawResponse, chat, post_form, raw

SPEECH = b"ID3 fake speech"
USER_PART: FormPart = ("user", None, None, USER.encode())


def transcribe(audio: bytes, mime_type: str) -> str:
    return f"{len(audio)} bytes of {mime_type}"


def speak(text: str) -> bytes:
    return f"<mp3:{text}>".encode() * 2000  # several HTTP chunks


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        started.add_app(KEY, speech_to_text=transcribe, text_to_speech=speak)
        yield started


def to_text(server: DifyTestServer, *parts: FormPart) -> RawResponse:
    return post_form(server.port, "/audio-to-text", USER_PART, *parts)


def to_audio(server: DifyTestServer, **body: object) -> RawResponse:
    return raw(server.port, "POST", "/text-to-audio", {"user": USER, **body})


def error_of(answer: RawResponse) -> tuple[int, str, str]:
    body = answer.json()
    return answer.status, body["code"], body["message"]


# -- speech to text ------------------------------------------------------------------------


def test_speech_becomes_text(server):
    answer = to_text(server, ("file", "hello.mp3", "audio/mp3", SPEECH))

    assert answer.status == 200
    assert answer.body == b'{"text": "15 bytes of audio/mp3"}\n'


@pytest.mark.parametrize("mime_type", ["audio/m4a", "audio/wav", "audio/amr", "audio/mpga"])
def test_every_accepted_audio_type_is_transcribed(server, mime_type):
    answer = to_text(server, ("file", "a", mime_type, b"x"))

    assert answer.json() == {"text": f"1 bytes of {mime_type}"}


def test_the_declared_type_is_read_in_lower_case(server):
    assert to_text(server, ("file", "A.MP3", "Audio/MP3", b"x")).status == 200


@pytest.mark.parametrize("mime_type", ["audio/mpeg", "audio/x-wav", "text/plain", None])
def test_other_types_are_refused(server, mime_type):
    answer = to_text(server, ("file", "a.mp3", mime_type, SPEECH))

    assert error_of(answer) == (415, "unsupported_audio_type", "Audio type not allowed.")


def test_audio_over_30_mb_is_too_large(server):
    big = b"\0" * (30 * 1024 * 1024 + 1)

    answer = to_text(server, ("file", "long.mp3", "audio/mp3", big))

    assert error_of(answer) == (413, "audio_too_large", "Audio size larger than 30 mb")
    assert to_text(server, ("file", "ok.mp3", "audio/mp3", big[:-1])).status == 200


def test_speech_to_text_off_is_refused_with_each_dialects_code(server):
    server.add_app(KEY)

    answer = to_text(server, ("file", "hello.mp3", "audio/mp3", SPEECH))

    if server.dialect == "1.10":
        assert error_of(answer) == (400, "invalid_param", "Speech to text is not enabled")
    else:
        assert error_of(answer) == (400, "speech_to_text_disabled", "Speech to text is disabled.")


def test_no_file_is_refused_with_each_dialects_code(server):
    answer = to_text(server)

    if server.dialect == "1.10":
        text = "The browser (or proxy) sent a request that this server could not understand."
        assert error_of(answer) == (400, "bad_request_key_error", text)
    else:
        assert error_of(answer) == (400, "no_audio_uploaded", "Please upload your audio.")


def test_a_missing_file_is_seen_before_the_feature_on_1_10_only(server):
    server.add_app(KEY)

    code = error_of(to_text(server))[1]

    expected = "bad_request_key_error" if server.dialect == "1.10" else "speech_to_text_disabled"
    assert code == expected


def test_a_failing_speech_model_is_a_server_error(server):
    def broken(audio: bytes, mime_type: str) -> str:
        raise RuntimeError("model down")

    server.add_app(KEY, speech_to_text=broken)

    answer = to_text(server, ("file", "hello.mp3", "audio/mp3", SPEECH))

    assert (answer.status, answer.json()["code"]) == (500, "unknown")


# -- text to speech ------------------------------------------------------------------------


def test_text_becomes_streamed_mpeg_audio(server):
    answer = to_audio(server, text="  Hello there  ")

    assert answer.status == 200
    assert answer.header("content-type") == "audio/mpeg"
    assert answer.header("transfer-encoding") == "chunked"
    assert answer.chunks is not None
    assert len(answer.chunks) > 1
    assert answer.complete
    assert answer.body == speak("Hello there")


def test_a_messages_answer_is_read_out(server):
    reply = chat(server.port, "read me", streaming=False).json()

    answer = to_audio(server, message_id=reply["message_id"])

    assert answer.body == speak(reply["answer"])


def test_neither_text_nor_message_is_refused(server):
    assert error_of(to_audio(server)) == (400, "invalid_param", "Text is required")


def test_text_to_speech_off_is_refused_unless_a_voice_is_named(server):
    server.add_app(KEY)

    assert error_of(to_audio(server, text="hi")) == (400, "invalid_param", "TTS is not enabled")
    voiced = to_audio(server, text="hi", voice="alloy")
    assert error_of(voiced) == (400, "provider_not_initialize", "Default model not found for tts")


@pytest.mark.parametrize("message_id", [str(uuid.uuid4()), "not-a-uuid"])
def test_an_unknown_message_answers_null(server, message_id):
    answer = to_audio(server, message_id=message_id, text="ignored")

    assert (answer.status, answer.body) == (200, b"null\n")
    assert answer.header("content-type") == "application/json"


def test_a_message_with_an_empty_answer_answers_null(server):
    server.add_app(KEY, text_to_speech=speak, responder=lambda query, inputs, conversation: "")
    message_id = chat(server.port, streaming=False).json()["message_id"]

    assert to_audio(server, message_id=message_id).body == b"null\n"


def test_another_users_message_is_read_on_1_10_only(server):
    message_id = chat(server.port, "mine", streaming=False).json()["message_id"]

    answer = to_audio(server, message_id=message_id, user="someone-else")

    if server.dialect == "1.10":
        assert answer.body == speak("mine")
    else:
        assert answer.body == b"null\n"


def test_a_non_string_text_is_read_as_text_on_1_10_and_refused_on_1_16(server):
    answer = to_audio(server, text=42)

    if server.dialect == "1.10":
        assert answer.body == speak("42")
    else:
        status, code, message = error_of(answer)
        assert (status, code) == (400, "invalid_param")
        assert message.startswith("1 validation error for TextToAudioPayload\ntext\n")


def test_a_fault_aimed_at_one_audio_route_leaves_the_other_alone(server):
    server.inject_fault(Fault.status(502), route="audio.to_audio")

    assert to_text(server, ("file", "a.mp3", "audio/mp3", SPEECH)).status == 200
    assert to_audio(server, text="hi").status == 502
    assert to_audio(server, text="hi").status == 200


@pytest.mark.parametrize("path", ["/audio-to-text", "/text-to-audio"])
def test_both_audio_routes_ask_for_the_key_before_anything_else(server, path):
    anonymous = raw(server.port, "POST", path, b"{oops", key=None)
    server.add_app("app-off", enabled=False)
    disabled = raw(server.port, "POST", path, b"{oops", key="app-off")

    assert (anonymous.status, anonymous.json()["code"]) == (401, "unauthorized")
    assert (disabled.status, disabled.json()["code"]) == (403, "forbidden")


def test_speech_to_text_on_without_a_default_model_is_refused(server):
    server.add_app(KEY, speech_to_text=NO_DEFAULT_MODEL)

    answer = to_text(server, ("file", "hello.mp3", "audio/mp3", SPEECH))

    assert error_of(answer) == (
        400,
        "provider_not_initialize",
        "Default model not found for speech2text",
    )
    parameters = raw(server.port, "GET", "/parameters").json()
    assert parameters["speech_to_text"] == {"enabled": True}


def test_text_to_speech_on_without_a_default_model_is_refused(server):
    server.add_app(KEY, text_to_speech=NO_DEFAULT_MODEL)

    answer = to_audio(server, text="hi")

    assert error_of(answer) == (400, "provider_not_initialize", "Default model not found for tts")
    assert raw(server.port, "GET", "/parameters").json()["text_to_speech"]["enabled"] is True
