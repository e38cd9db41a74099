"""client.files.preview / download: a file sent in a message, read back whole or streamed
to disk; files the server does not serve raise typed errors."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest
from dify_chatflow import (
    APIConnectionError,
    ConfigurationError,
    FileContent,
    FileNotFoundInMessageError,
    InvalidIdError,
    LocalFileError,
    NotFoundError,
    PermissionDeniedError,
)
from dify_chatflow.testing import DifyTestServer, Fault
from resource_support import API_KEY, BodySource

NOTES = "Héllo, wörld\n".encode() * 50
OTHER_KEY = "app-other"
FILE_ID = "0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47"


def sent_file(driver, client, server: DifyTestServer, name: str = "notes.txt", data: bytes = NOTES):
    """A file uploaded and sent with a chat message (the server serves only those)."""
    server.add_app(API_KEY, file_upload=True)
    uploaded = driver.run(client.files.upload(data, filename=name))
    driver.run(client.chat.send("Read this", files=[uploaded]))
    return uploaded


def test_preview_reads_a_sent_file_with_its_type(server, driver):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)

    content = driver.run(client.files.preview(uploaded.id))

    assert isinstance(content, FileContent)
    assert content.content == NOTES
    assert (content.mime_type, content.charset, content.size) == ("text/plain", "utf-8", len(NOTES))
    assert content.filename is None
    assert "as_attachment" not in server.requests[-1].query
    assert repr(content) == f"FileContent(mime_type='text/plain', filename=None, size={len(NOTES)})"


def test_preview_as_attachment_gives_the_decoded_name(server, driver):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server, name="résumé final.txt")

    content = driver.run(client.files.preview(str(uploaded.id), as_attachment=True))

    assert content.content == NOTES
    assert content.mime_type == "application/octet-stream"
    assert content.filename == "résumé final.txt"
    # 1.10 reads any non-empty value as true, newer servers parse the word: "true" only.
    assert server.requests[-1].query["as_attachment"] == "true"


def test_a_file_never_sent_in_a_message_is_not_found(server, driver):
    client = driver.client(server)
    server.add_app(API_KEY, file_upload=True)
    uploaded = driver.run(client.files.upload(NOTES, filename="notes.txt"))

    with pytest.raises(FileNotFoundInMessageError) as caught:
        driver.run(client.files.preview(uploaded.id))

    assert isinstance(caught.value, NotFoundError)
    assert caught.value.status_code == 404
    assert caught.value.code == "file_not_found"
    assert "only files attached to a message" in str(caught.value)


def test_a_file_not_found_keeps_the_servers_message(server, driver):
    client = driver.client(server)
    server.add_app(API_KEY, file_upload=True)
    uploaded = driver.run(client.files.upload(NOTES, filename="notes.txt"))

    with pytest.raises(FileNotFoundInMessageError) as caught:
        driver.run(client.files.preview(uploaded.id))

    # .message is the server's text; the hint is only in what the error shows.
    body = caught.value.body
    assert isinstance(body, dict)
    assert caught.value.message == body["message"]
    assert "only files attached to a message" not in caught.value.message
    assert str(caught.value) == (
        f"404 file_not_found: {caught.value.message} (Dify serves only files attached to a "
        "message of this app: send the file with a chat message first)"
    )


def test_another_apps_file_is_refused(server, driver):
    server.add_app(OTHER_KEY, file_upload=True)
    other = driver.client(server, api_key=OTHER_KEY)
    uploaded = driver.run(other.files.upload(NOTES, filename="notes.txt"))
    driver.run(other.chat.send("Read this", files=[uploaded]))
    client = driver.client(server)

    with pytest.raises(PermissionDeniedError) as caught:
        driver.run(client.files.preview(uploaded.id))

    assert (caught.value.status_code, caught.value.code) == (403, "file_access_denied")


def test_a_bad_file_id_is_refused_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(InvalidIdError):
        driver.run(client.files.preview("not-a-uuid"))
    with pytest.raises(ConfigurationError):
        driver.run(client.files.preview(FILE_ID, as_attachment=1))

    assert server.requests == []


def test_download_writes_a_sent_file_to_a_path(server, driver, tmp_path):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)
    target = tmp_path / "copy.txt"

    written = driver.run(client.files.download(uploaded.id, target))

    assert written == target
    assert target.read_bytes() == NOTES


def test_download_writes_into_an_open_binary_file_and_leaves_it_open(server, driver, tmp_path):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)
    target = tmp_path / "copy.txt"

    with open(target, "wb") as sink:
        sink.write(b">")
        written = driver.run(client.files.download(uploaded.id, sink))
        assert not sink.closed

    assert written == target
    assert target.read_bytes() == b">" + NOTES


def test_download_refuses_a_destination_it_cannot_name_before_sending(server, driver, tmp_path):
    client = driver.client(server)
    file_id = FILE_ID

    with pytest.raises(ConfigurationError, match="preview"):
        driver.run(client.files.download(file_id, io.BytesIO()))
    with pytest.raises(ConfigurationError, match="binary mode"):
        driver.run(client.files.download(file_id, io.StringIO()))
    with pytest.raises(ConfigurationError, match="directory"):
        driver.run(client.files.download(file_id, tmp_path))
    with pytest.raises(ConfigurationError, match="folder does not exist"):
        driver.run(client.files.download(file_id, tmp_path / "missing" / "copy.txt"))

    assert server.requests == []


def test_download_of_a_file_not_served_leaves_no_file(server, driver, tmp_path):
    client = driver.client(server)
    target = tmp_path / "copy.txt"

    with pytest.raises(FileNotFoundInMessageError):
        driver.run(client.files.download(FILE_ID, target))

    assert not target.exists()


def test_download_is_retried_like_any_read(server, driver, tmp_path):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)
    server.inject_fault(Fault.status(503), route="files.preview", times=1)

    written = driver.run(client.files.download(uploaded.id, tmp_path / "copy.txt"))

    assert Path(written).read_bytes() == NOTES


def test_a_download_cut_short_raises_and_removes_the_partial_file(driver, tmp_path):
    target = tmp_path / "copy.bin"
    with BodySource(b"x" * 200_000, cut_after=70_000) as source:
        client = driver.client(None, base_url=source.base_url)

        with pytest.raises(APIConnectionError):
            driver.run(client.files.download(FILE_ID, target))

    assert source.served == 1  # a body that broke off is not fetched again
    assert not target.exists()


def test_preview_needs_no_end_user(server, driver, monkeypatch):
    monkeypatch.delenv("DIFY_USER", raising=False)
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)
    anonymous = driver.client(server, user=None)

    content = driver.run(anonymous.files.preview(uploaded.id))

    assert content.content == NOTES
    assert "user" not in server.requests[-1].query


def test_a_failed_download_keeps_the_file_already_at_the_path(server, driver, tmp_path):
    client = driver.client(server)
    target = tmp_path / "copy.txt"
    target.write_bytes(b"kept")

    with pytest.raises(FileNotFoundInMessageError):
        driver.run(client.files.download(FILE_ID, target))

    assert target.read_bytes() == b"kept"
    assert list(tmp_path.iterdir()) == [target]


def test_a_download_cut_short_keeps_the_file_already_at_the_path(driver, tmp_path):
    target = tmp_path / "copy.bin"
    target.write_bytes(b"kept")
    with BodySource(b"x" * 200_000, cut_after=70_000) as source:
        client = driver.client(None, base_url=source.base_url)

        with pytest.raises(APIConnectionError):
            driver.run(client.files.download(FILE_ID, target))

    assert target.read_bytes() == b"kept"
    assert list(tmp_path.iterdir()) == [target]


def test_a_download_replaces_the_file_at_the_path_whole(server, driver, tmp_path):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)
    target = tmp_path / "copy.txt"
    target.write_bytes(b"old " * 1000)

    driver.run(client.files.download(uploaded.id, target))

    assert target.read_bytes() == NOTES
    assert list(tmp_path.iterdir()) == [target]


class FullDisk(io.FileIO):
    """A file whose every write fails as on a full disk."""

    def write(self, data, /):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_write_error_is_a_local_file_error(server, driver, tmp_path):
    client = driver.client(server)
    uploaded = sent_file(driver, client, server)

    with FullDisk(tmp_path / "copy.txt", "wb") as sink, pytest.raises(LocalFileError) as caught:
        driver.run(client.files.download(uploaded.id, sink))

    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.ENOSPC
    assert "cannot write the download to" in str(caught.value)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_a_destination_that_cannot_be_written_is_refused_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(LocalFileError, match=r"cannot write the download to '/proc/nope\.txt'"):
        driver.run(client.files.download(FILE_ID, "/proc/nope.txt"))

    assert server.requests == []
