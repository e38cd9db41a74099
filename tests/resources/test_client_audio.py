"""client.audio: speech to text and text to speech with the app's scripted voice models;
types checked before sending, disabled features and the server's ``200 null`` typed."""

from __future__ import annotations

import io
import os

import pytest
from dify_chatflow import (
    APIConnectionError,
    AudioContent,
    ConfigurationError,
    InternalServerError,
    LocalFileError,
    NoAudioError,
    SpeechToTextDisabledError,
    TextToSpeechDisabledError,
)
from dify_chatflow.testing import DifyTestServer, Fault
from resource_support import API_KEY, BodySource

SPEECH = b"ID3\x04" + bytes(range(256)) * 40
heard: list[tuple[bytes, str]] = []


def transcribe(audio: bytes, mime_type: str) -> str:
    heard.append((audio, mime_type))
    return f"{len(audio)} bytes of {mime_type}"


def speak(text: str) -> bytes:
    return SPEECH + text.encode()


def with_voice(server: DifyTestServer) -> None:
    heard.clear()
    server.add_app(API_KEY, speech_to_text=transcribe, text_to_speech=speak)


def test_to_text_sends_audio_bytes_with_the_type_dify_takes(server, driver):
    with_voice(server)
    client = driver.client(server)

    text = driver.run(client.audio.to_text(b"RIFF....WAVE", filename="hello.mp3"))

    assert text == "12 bytes of audio/mp3"
    assert heard == [(b"RIFF....WAVE", "audio/mp3")]


def test_to_text_reads_a_path_and_a_file_object(server, driver, tmp_path):
    with_voice(server)
    client = driver.client(server)
    path = tmp_path / "note.wav"
    path.write_bytes(b"RIFF")

    from_path = driver.run(client.audio.to_text(path))
    from_file = driver.run(client.audio.to_text(io.BytesIO(b"#!AMR"), filename="n.amr"))

    assert (from_path, from_file) == ("4 bytes of audio/wav", "5 bytes of audio/amr")


def test_types_dify_refuses_are_refused_before_sending(server, driver):
    with_voice(server)
    client = driver.client(server)

    with pytest.raises(ConfigurationError, match="audio/mp3, audio/m4a, audio/wav"):
        driver.run(client.audio.to_text(b"OggS", filename="voice.ogg"))
    with pytest.raises(ConfigurationError, match="not 'audio/mpeg'"):
        driver.run(client.audio.to_text(b"ID3", filename="a.mp3", mime_type="audio/mpeg"))
    with pytest.raises(ConfigurationError, match=r"e\.g\. 'audio/mp3'"):
        driver.run(client.audio.to_text(b"ID3", filename="recording"))

    assert server.requests == []


def test_a_declared_type_in_upper_case_is_taken(server, driver):
    with_voice(server)
    client = driver.client(server)

    text = driver.run(client.audio.to_text(b"ID3", filename="a", mime_type="audio/MP3"))

    assert text == "3 bytes of audio/mp3"


def test_speech_to_text_switched_off_is_typed_on_both_versions(server, driver, dialect):
    client = driver.client(server)

    with pytest.raises(SpeechToTextDisabledError) as caught:
        driver.run(client.audio.to_text(b"ID3", filename="a.mp3"))

    expected = "speech_to_text_disabled" if dialect == "1.16" else "invalid_param"
    assert (caught.value.status_code, caught.value.code) == (400, expected)


def test_to_audio_speaks_text(server, driver):
    with_voice(server)
    client = driver.client(server)

    audio = driver.run(client.audio.to_audio("Hello"))

    assert isinstance(audio, AudioContent)
    assert (audio.content, audio.mime_type) == (SPEECH + b"Hello", "audio/mpeg")
    assert repr(audio) == f"AudioContent(mime_type='audio/mpeg', size={len(SPEECH) + 5})"


def test_to_audio_speaks_a_messages_answer(server, driver):
    with_voice(server)
    client = driver.client(server)
    reply = driver.run(client.chat.send("Say this"))

    audio = driver.run(client.audio.to_audio(message_id=reply.message_id))

    assert audio.content == SPEECH + b"Say this"


def test_a_message_without_audio_is_no_audio_error(server, driver):
    with_voice(server)
    client = driver.client(server)

    with pytest.raises(NoAudioError) as caught:
        driver.run(client.audio.to_audio(message_id="0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47"))

    assert caught.value.response is not None
    assert caught.value.response.status_code == 200


def test_text_to_speech_switched_off_is_typed(server, driver):
    client = driver.client(server)

    with pytest.raises(TextToSpeechDisabledError) as caught:
        driver.run(client.audio.to_audio("Hello"))

    assert (caught.value.status_code, caught.value.code) == (400, "invalid_param")


def test_neither_text_nor_message_is_refused_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(ConfigurationError, match="needs text, or message_id"):
        driver.run(client.audio.to_audio())
    with pytest.raises(ConfigurationError, match="needs text"):
        driver.run(client.audio.to_audio(""))

    assert server.requests == []


def test_to_audio_file_writes_speech_to_a_path(server, driver, tmp_path):
    with_voice(server)
    client = driver.client(server)
    target = tmp_path / "hello.mp3"

    written = driver.run(client.audio.to_audio_file("Hello", target))

    assert written == target
    assert target.read_bytes() == SPEECH + b"Hello"


def test_to_audio_file_without_audio_raises_and_writes_nothing(server, driver, tmp_path):
    with_voice(server)
    client = driver.client(server)
    target = tmp_path / "none.mp3"

    with pytest.raises(NoAudioError):
        driver.run(
            client.audio.to_audio_file(
                message_id="0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47", destination=target
            )
        )

    assert not target.exists()


def test_speech_requests_are_not_sent_twice(server, driver):
    with_voice(server)
    client = driver.client(server)
    server.inject_fault(Fault.status(503), route="audio.to_audio", times=1)

    with pytest.raises(InternalServerError):
        driver.run(client.audio.to_audio("Hello"))

    assert len(server.requests) == 1


def test_transcriptions_are_not_sent_twice(server, driver):
    with_voice(server)
    client = driver.client(server)
    server.inject_fault(Fault.status(503), route="audio.to_text", times=1)

    with pytest.raises(InternalServerError):
        driver.run(client.audio.to_text(b"ID3", filename="a.mp3"))

    assert len(server.requests) == 1


def test_speech_cut_short_raises_and_removes_the_partial_file(driver, tmp_path):
    target = tmp_path / "speech.mp3"
    with BodySource(SPEECH * 100, content_type="audio/mpeg", cut_after=50_000) as source:
        client = driver.client(None, base_url=source.base_url)

        with pytest.raises(APIConnectionError):
            driver.run(client.audio.to_audio_file("Hello", target))

    assert source.served == 1
    assert not target.exists()


def test_audio_over_the_servers_limit_is_refused_before_sending(server, driver, tmp_path):
    with_voice(server)
    client = driver.client(server)
    too_large = b"\0" * (30 * 1024 * 1024 + 1)
    path = tmp_path / "long.wav"
    path.write_bytes(too_large)

    with pytest.raises(ConfigurationError, match="at most 30 MB"):
        driver.run(client.audio.to_text(too_large, filename="long.mp3"))
    with pytest.raises(ConfigurationError, match="at most 30 MB"):
        driver.run(client.audio.to_text(path))

    assert server.requests == []


def test_speech_that_fails_keeps_the_file_already_at_the_path(server, driver, tmp_path):
    with_voice(server)
    client = driver.client(server)
    target = tmp_path / "hello.mp3"
    target.write_bytes(b"kept")
    server.inject_fault(Fault.status(503), route="audio.to_audio", times=1)

    with pytest.raises(InternalServerError):
        driver.run(client.audio.to_audio_file("Hello", target))

    assert target.read_bytes() == b"kept"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_speech_to_a_destination_that_cannot_be_written_is_never_requested(server, driver):
    with_voice(server)
    client = driver.client(server)

    with pytest.raises(LocalFileError, match=r"cannot write the download to '/proc/nope\.mp3'"):
        driver.run(client.audio.to_audio_file("hello", "/proc/nope.mp3"))

    assert server.requests == []
