"""client.files.upload: a path, bytes or a file object, streamed; refusals typed."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest
from dify_chatflow import (
    ConfigurationError,
    DifyError,
    FileTooLargeError,
    InternalServerError,
    LocalFileNotFoundError,
    LocalIsADirectoryError,
    NoFileUploadedError,
    UnsupportedFileTypeError,
    UploadedFile,
)
from dify_chatflow.testing import DifyTestServer, Fault
from resource_support import API_KEY, USER, UploadSink

PDF = b"%PDF-1.4\n" + b"x" * 1000


def upload_part(server: DifyTestServer) -> bytes:
    """The body of the last request the server received (the multipart form)."""
    return server.requests[-1].body


def open_descriptors_of(path: Path) -> list[str]:
    """This process's open file descriptors on ``path`` (Linux)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                found.append(fd)
        except OSError:
            continue  # closed meanwhile (e.g. the listing's own descriptor)
    return found


def test_upload_from_a_path_streams_it_and_closes_the_file(server, driver, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    client = driver.client(server)

    uploaded = driver.run(client.files.upload(path))

    assert isinstance(uploaded, UploadedFile)
    assert (uploaded.name, uploaded.size, uploaded.mime_type) == (
        "report.pdf",
        len(PDF),
        "application/pdf",
    )
    assert uploaded.file_type == "document"
    body = upload_part(server)
    assert b'filename="report.pdf"' in body
    assert b"Content-Type: application/pdf" in body
    assert PDF in body
    assert open_descriptors_of(path) == []


def test_upload_from_a_str_path(server, driver, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    client = driver.client(server)

    uploaded = driver.run(client.files.upload(str(path)))

    assert (uploaded.name, uploaded.mime_type, uploaded.size) == ("notes.txt", "text/plain", 5)


def test_upload_from_bytes_takes_the_filename_given(server, driver):
    client = driver.client(server)

    uploaded = driver.run(client.files.upload(b"\x89PNG....", filename="chart.png"))

    assert (uploaded.name, uploaded.mime_type, uploaded.file_type) == (
        "chart.png",
        "image/png",
        "image",
    )
    assert uploaded.as_chat_file() == {
        "type": "image",
        "transfer_method": "local_file",
        "upload_file_id": str(uploaded.id),
    }


def test_upload_from_a_file_object_uses_its_name_and_leaves_it_open(server, driver, tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("a,b\n1,2\n")
    client = driver.client(server)

    with path.open("rb") as file:
        uploaded = driver.run(client.files.upload(file))
        assert not file.closed

    assert (uploaded.name, uploaded.mime_type, uploaded.size) == ("table.csv", "text/csv", 8)


def test_an_explicit_type_uploads_a_file_whose_name_tells_none(server, driver):
    client = driver.client(server)

    uploaded = driver.run(
        client.files.upload(
            io.BytesIO(b"\x00\x01"), filename="dump.zzz", mime_type="application/octet-stream"
        )
    )

    assert (uploaded.name, uploaded.mime_type, uploaded.file_type) == (
        "dump.zzz",
        "application/octet-stream",
        "custom",
    )
    assert server.requests[-1].query == {}
    assert f'name="user"\r\nContent-Type: text/plain\r\n\r\n{USER}'.encode() in upload_part(server)


@pytest.mark.parametrize(
    ("file", "options", "why"),
    [
        (b"data", {}, "filename"),  # bytes have no name
        (io.BytesIO(b"data"), {}, "filename"),
        (b"data", {"filename": "data.zzz"}, "mime_type"),  # the server refuses typeless parts
        (b"data", {"filename": "README"}, "mime_type"),
        (b"data", {"filename": ""}, "filename"),
        (b"data", {"filename": "dir/a.txt"}, "without '/'"),  # Dify refuses path separators
        (b"data", {"filename": "dir\\a.txt"}, "without '/'"),
        (b"data", {"filename": "a.txt", "mime_type": "pdf"}, "mime_type"),
        (b"data", {"filename": "a.txt", "mime_type": "text/plain\r\nX-Evil: 1"}, "mime_type"),
        (io.StringIO("text"), {"filename": "a.txt"}, "binary mode"),
        (42, {}, "path"),
    ],
)
def test_uploads_that_cannot_work_are_refused_before_sending(server, driver, file, options, why):
    client = driver.client(server)

    with pytest.raises(ConfigurationError, match=why):
        driver.run(client.files.upload(file, **options))

    assert server.requests == []


@pytest.mark.parametrize(
    ("name", "os_error", "local_error"),
    [
        ("missing.txt", FileNotFoundError, LocalFileNotFoundError),
        (".", IsADirectoryError, LocalIsADirectoryError),  # its name tells no type: refused first
    ],
)
def test_a_path_that_cannot_be_read_is_an_os_error_and_a_dify_error(
    server, driver, tmp_path, name, os_error, local_error
):
    client = driver.client(server)
    path = tmp_path / name

    with pytest.raises(OSError) as caught:  # what a caller catches for any unreadable file
        driver.run(client.files.upload(path))

    error = caught.value
    assert error.filename == str(path)
    assert isinstance(error, os_error)
    assert isinstance(error, local_error)
    assert isinstance(error, DifyError)
    assert str(error).startswith(f"cannot open the file to upload, {str(path)!r}: ")
    assert server.requests == []


def test_configuration_errors_are_value_errors(server, driver):
    client = driver.client(server)
    with pytest.raises(ValueError, match="filename"):  # a ConfigurationError
        driver.run(client.files.upload(b"data"))


def test_a_file_over_the_servers_limit_is_too_large(server, driver):
    server.add_app(API_KEY, file_size_limit=10)
    client = driver.client(server)

    with pytest.raises(FileTooLargeError) as caught:
        driver.run(client.files.upload(b"x" * 11, filename="a.txt"))

    assert caught.value.status_code == 413
    assert caught.value.code == "file_too_large"


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        # nginx in front of Dify refuses large bodies with its own HTML page.
        (413, "<html><body><h1>413 Request Entity Too Large</h1></body></html>", FileTooLargeError),
        (
            415,
            {"code": "unsupported_file_type", "message": "File type not allowed.", "status": 415},
            UnsupportedFileTypeError,
        ),
        (
            400,
            {"code": "no_file_uploaded", "message": "Please upload your file.", "status": 400},
            NoFileUploadedError,
        ),
    ],
)
def test_upload_refusals_are_typed(server, driver, status, body, error):
    server.inject_fault(Fault.status(status, body=body), route="files")
    client = driver.client(server)

    with pytest.raises(error):
        driver.run(client.files.upload(b"x", filename="a.txt"))


def test_an_upload_that_reached_the_server_is_not_retried(server, driver):
    server.inject_fault(Fault.unavailable(retry_after=0), route="files")
    client = driver.client(server, max_retries=3)

    with pytest.raises(InternalServerError):
        driver.run(client.files.upload(b"x", filename="a.txt"))

    assert len(server.requests) == 1


FIVE_MB = 5 * 1024 * 1024


def test_a_5_mb_upload_reaches_the_server_whole(server, driver, tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(FIVE_MB))
    server.add_app(API_KEY, file_size_limit=2 * FIVE_MB)
    client = driver.client(server)

    uploaded = driver.run(client.files.upload(path, mime_type="application/octet-stream"))

    assert uploaded.size == FIVE_MB
    assert path.read_bytes() in upload_part(server)


@pytest.mark.parametrize("source", ["path", "file object"])
def test_a_5_mb_upload_is_streamed_in_bounded_memory(driver, tmp_path, source):
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(FIVE_MB))
    with UploadSink() as sink:
        client = driver.client(None, base_url=sink.base_url)
        driver.run(client.files.upload(b"warm-up", filename="a.bin"))

        with path.open("rb") as file:
            tracemalloc.start()
            try:
                chosen = path if source == "path" else file
                driver.run(client.files.upload(chosen, mime_type="application/octet-stream"))
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    assert sink.received[-1] > FIVE_MB  # the file and the form around it
    # The whole file in memory even once would be 5 MB; httpx reads 64 KiB at a time.
    assert peak < FIVE_MB / 5
