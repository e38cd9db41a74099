"""UploadedFile: the upload answer of Dify 1.10.1 and 1.16.1, and the chat files= item."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.files import FileContent, UploadedFile, _file_type_of

FILE_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
END_USER_ID = "7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908"
TENANT_ID = "3b2a1908-7e6d-4c4b-8a29-18179f6e5d4c"
SIGNED = "http://127.0.0.1:5001/files/5a4b/file-preview?timestamp=1&nonce=abc&sign=SECRETSIGN"


def body_1_10(**changes: Any) -> dict[str, Any]:
    """The 201 answer of POST /files/upload on Dify 1.10.1."""
    data: dict[str, Any] = {
        "id": FILE_ID,
        "name": "report.pdf",
        "size": 5_242_880,
        "extension": "pdf",
        "mime_type": "application/pdf",
        "created_by": END_USER_ID,
        "created_at": 1_764_578_000,
        "preview_url": None,
        "source_url": SIGNED,
    }
    data.update(changes)
    return data


def body_1_16(**changes: Any) -> dict[str, Any]:
    """The same answer on Dify 1.16.1, with its added fields."""
    data = body_1_10(
        reference=None,
        file_key=None,
        original_url=None,
        tenant_id=TENANT_ID,
        user_id=None,
        conversation_id=None,
    )
    data.update(changes)
    return data


def test_a_1_10_upload_is_typed() -> None:
    uploaded = UploadedFile.from_json(body_1_10())
    assert uploaded.id == uuid.UUID(FILE_ID)
    assert uploaded.name == "report.pdf"
    assert uploaded.size == 5_242_880
    assert uploaded.extension == "pdf"
    assert uploaded.mime_type == "application/pdf"
    assert uploaded.created_by == uuid.UUID(END_USER_ID)
    assert uploaded.created_at == datetime(2025, 12, 1, 8, 33, 20, tzinfo=UTC)
    assert uploaded.preview_url is None
    assert uploaded.source_url == SIGNED
    assert uploaded.tenant_id is None


def test_a_1_16_upload_adds_its_fields() -> None:
    uploaded = UploadedFile.from_json(body_1_16(conversation_id=END_USER_ID))
    assert uploaded.tenant_id == uuid.UUID(TENANT_ID)
    assert uploaded.conversation_id == uuid.UUID(END_USER_ID)
    assert uploaded.original_url is None
    assert uploaded.reference is None
    assert UploadedFile.from_json(body_1_16()).conversation_id is None


def test_the_chat_files_item_names_the_upload_and_its_dify_type() -> None:
    assert UploadedFile.from_json(body_1_10()).as_chat_file() == {
        "type": "document",
        "transfer_method": "local_file",
        "upload_file_id": FILE_ID,
    }
    photo = UploadedFile.from_json(body_1_10(name="a.png", extension="png", mime_type="image/png"))
    assert photo.as_chat_file()["type"] == "image"


@pytest.mark.parametrize(
    ("extension", "mime_type", "file_type"),
    [
        ("jpg", "image/jpeg", "image"),
        ("SVG", None, "image"),
        (".mp4", "video/mp4", "video"),
        ("m4a", "audio/mp4", "audio"),
        ("md", "text/markdown", "document"),
        ("xlsx", "application/octet-stream", "document"),
        # No listed extension: the MIME type decides.
        ("heic", "image/heic", "image"),
        ("log", "text/plain", "document"),
        (None, "application/pdf", "document"),
        ("ogg", "audio/ogg", "audio"),
        # Mixed case is not in the server's lists either.
        ("Png", "application/octet-stream", "custom"),
        ("zip", "application/zip", "custom"),
        # A document type the default extractor does not read.
        ("pptx", "application/vnd.ms-powerpoint", "custom"),
        (None, None, "custom"),
    ],
)
def test_file_type_follows_the_servers_rules(
    extension: str | None, mime_type: str | None, file_type: str
) -> None:
    assert _file_type_of(extension, mime_type) == file_type


def test_repr_leaves_the_signed_urls_out() -> None:
    shown = repr(UploadedFile.from_json(body_1_16(preview_url=SIGNED)))
    assert "SECRETSIGN" not in shown
    assert FILE_ID in shown
    assert "report.pdf" in shown


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"size": "big"}, "size"), ({"id": 7}, "id"), ({"created_by": "nobody"}, "created_by")],
)
def test_a_malformed_answer_names_the_field_and_hides_the_signed_url(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        UploadedFile.from_json(body_1_16(**changes))
    assert str(caught.value).startswith(f"malformed uploaded file: field '{field}'")
    assert "SECRETSIGN" not in str(caught.value)


# -- FileContent: a preview's headers --------------------------------------------------------


@pytest.mark.parametrize(
    ("disposition", "name"),
    [
        # What Dify sends for as_attachment: RFC 5987 only, no plain filename=.
        ("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.pdf", "résumé final.pdf"),
        ("attachment; filename*=utf-8''%E6%8A%A5%E5%91%8A.txt", "报告.txt"),
        ('attachment; filename="plain name.txt"', "plain name.txt"),
        ('attachment; filename="say \\"hi\\".txt"', 'say "hi".txt'),
        ("attachment; filename=bare.txt", "bare.txt"),
        # The extended name wins; a broken one falls back to the plain name.
        ("attachment; filename=\"a.txt\"; filename*=UTF-8''b.txt", "b.txt"),
        ("attachment; filename=\"a.txt\"; filename*=nope''b%C3%A9.txt", "a.txt"),
        ("inline", None),
        (None, None),
    ],
)
def test_the_file_name_is_read_from_content_disposition(
    disposition: str | None, name: str | None
) -> None:
    content = FileContent.from_response(b"x", "application/octet-stream", disposition)

    assert content.filename == name


@pytest.mark.parametrize(
    ("content_type", "mime_type", "charset"),
    [
        ("text/plain; charset=utf-8", "text/plain", "utf-8"),
        ('Text/HTML; Charset="ISO-8859-1"', "text/html", "ISO-8859-1"),
        ("image/png", "image/png", None),
        (None, "application/octet-stream", None),
        ("", "application/octet-stream", None),
    ],
)
def test_the_type_is_the_media_type_without_parameters(
    content_type: str | None, mime_type: str, charset: str | None
) -> None:
    content = FileContent.from_response(b"abc", content_type, None)

    assert (content.mime_type, content.charset, content.size) == (mime_type, charset, 3)


def test_the_file_contents_repr_leaves_the_bytes_out() -> None:
    content = FileContent.from_response(b"SECRET-BYTES", "text/plain", None)

    assert "SECRET" not in repr(content)
    assert repr(content) == "FileContent(mime_type='text/plain', filename=None, size=12)"


def test_the_file_contents_size_follows_its_content() -> None:
    content = FileContent(content=b"abc", mime_type="text/plain", filename=None)
    changed = attrs.evolve(content, content=b"abcdef")

    assert (content.size, changed.size) == (3, 6)
    assert changed.to_dict() == {
        "content": "YWJjZGVm",
        "mime_type": "text/plain",
        "filename": None,
        "size": 6,
        "charset": None,
    }
    assert FileContent.from_json(changed.to_dict()) == changed
