"""An uploaded file, as ``POST /files/upload`` returns it, Dify's file types, and a file's
content as its preview serves it."""

from __future__ import annotations

import re
import urllib.parse
import uuid
from datetime import datetime
from typing import Any, Final, Literal, Required, TypedDict

import attrs

from .._convert import (
    base64_bytes,
    decoding,
    integer,
    mapping_of,
    optional_text,
    optional_uuid,
    short_repr,
    text,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = [
    "FileContent",
    "FileRef",
    "FileType",
    "UploadedFile",
]

FileType = Literal["image", "document", "audio", "video", "custom"]
"""The kinds of file a chat message's ``files`` can carry."""


class FileRef(TypedDict, total=False):
    """A file as the chat API takes it, in ``files`` or as a file input's value.

    An uploaded file by its id (``"transfer_method": "local_file"``, ``upload_file_id``;
    :meth:`UploadedFile.as_chat_file` makes one) or a file on the web
    (``"transfer_method": "remote_url"``, ``url``).
    """

    type: Required[FileType]
    transfer_method: Required[Literal["local_file", "remote_url"]]
    upload_file_id: str
    url: str


# Dify's extension lists (its default document extractor), matched in lower or upper case
# only, as the server matches them.
_BY_EXTENSION: Final[dict[str, FileType]] = {
    **dict.fromkeys(("jpg", "jpeg", "png", "webp", "gif", "svg"), "image"),
    **dict.fromkeys(("mp4", "mov", "mpeg", "webm"), "video"),
    **dict.fromkeys(("mp3", "m4a", "wav", "amr", "mpga"), "audio"),
    **dict.fromkeys(
        (
            "txt", "markdown", "md", "mdx", "pdf", "html", "htm", "xlsx", "xls", "docx",
            "csv", "vtt", "properties",
        ),
        "document",
    ),
}  # fmt: skip

# Read in this order, as substrings of the MIME type.
_BY_MIME_PART: Final[tuple[tuple[str, FileType], ...]] = (
    ("image", "image"),
    ("video", "video"),
    ("audio", "audio"),
    ("text", "document"),
    ("pdf", "document"),
)


def _file_type_of(extension: str | None, mime_type: str | None) -> FileType:
    """The file type Dify gives a file: by its extension first, then by its MIME type.

    ``extension`` may start with a dot. A file neither names as an image, video, audio or
    document is ``"custom"``.
    """
    ext = (extension or "").lstrip(".")
    by_extension = _BY_EXTENSION.get(ext.lower()) if ext in (ext.lower(), ext.upper()) else None
    if by_extension is not None:
        return by_extension
    for part, file_type in _BY_MIME_PART:
        if part in (mime_type or ""):
            return file_type
    return "custom"


@attrs.frozen(repr=False)
class UploadedFile(Model):
    """A file uploaded for the current user, ready to be sent with a chat message.

    Pass it in a chat call's ``files=``, or send :meth:`as_chat_file`. ``source_url`` and
    ``preview_url`` are signed links (they grant access to the file): the repr leaves
    them out. ``original_url``, ``tenant_id``, ``conversation_id`` and ``reference`` come
    from servers from 1.16 (``None`` on older ones).
    """

    id: uuid.UUID
    name: str
    size: int
    extension: str | None
    mime_type: str | None
    created_by: uuid.UUID | None
    created_at: datetime
    preview_url: str | None
    source_url: str | None
    original_url: str | None = None
    tenant_id: uuid.UUID | None = None
    conversation_id: uuid.UUID | None = None
    reference: Any = attrs.field(default=None, hash=False)

    @property
    def file_type(self) -> FileType:
        """The type Dify gives this file (see :func:`_file_type_of`)."""
        return _file_type_of(self.extension, self.mime_type)

    def as_chat_file(self) -> FileRef:
        """The item that sends this file with a chat message (in its ``files`` list, or
        as a file input's value)."""
        return {
            "type": self.file_type,
            "transfer_method": "local_file",
            "upload_file_id": str(self.id),
        }

    @classmethod
    def from_json(cls, data: Any) -> UploadedFile:
        """Build from the upload answer (1.10 or 1.16 fields; extra ones are ignored).

        Raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed answer.
        """
        item = mapping_of(data, "uploaded file")
        with decoding("uploaded file", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                name=text(item.get("name"), "name"),
                size=integer(item.get("size"), "size"),
                extension=optional_text(item.get("extension"), "extension"),
                mime_type=optional_text(item.get("mime_type"), "mime_type"),
                created_by=optional_uuid(item.get("created_by"), "created_by"),
                created_at=timestamp(item.get("created_at"), "created_at"),
                preview_url=optional_text(item.get("preview_url"), "preview_url"),
                source_url=optional_text(item.get("source_url"), "source_url"),
                original_url=optional_text(item.get("original_url"), "original_url"),
                tenant_id=optional_uuid(item.get("tenant_id"), "tenant_id"),
                conversation_id=optional_uuid(item.get("conversation_id"), "conversation_id"),
                reference=item.get("reference"),
            )

    def __repr__(self) -> str:
        return (
            f"UploadedFile(id={str(self.id)!r}, name={short_repr(self.name)}, "
            f"size={self.size}, mime_type={self.mime_type!r})"
        )


@attrs.frozen(repr=False)
class FileContent(Model):
    """A file's bytes as ``GET /files/{file_id}/preview`` serves them.

    ``mime_type`` is the served type without parameters (``application/octet-stream``
    when asked for as an attachment), ``charset`` its ``charset`` parameter if any,
    ``filename`` the name the server gives in ``Content-Disposition`` (sent for
    attachments only, else ``None``), ``size`` the number of bytes. The repr leaves the
    content out.

    ``to_dict()`` gives ``content`` as base64 text (JSON has no bytes);
    :meth:`from_json` reads that form back.
    """

    content: bytes
    mime_type: str
    filename: str | None
    charset: str | None = None

    @property
    def size(self) -> int:
        """The number of bytes."""
        return len(self.content)

    def to_dict(self) -> dict[str, Any]:
        """The fields by name, with ``size`` after ``filename`` (a reader of the JSON
        sees the length without decoding the content)."""
        data = super().to_dict()
        charset = data.pop("charset")
        return {**data, "size": self.size, "charset": charset}

    @classmethod
    def from_json(cls, data: Any) -> FileContent:
        """Build from what :meth:`to_dict` gives (``content`` as base64 text; a ``size``
        must be its length).

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        item = mapping_of(data, "file content")
        with decoding("file content", data):
            content = base64_bytes(item.get("content"), "content")
            size = item.get("size")
            if size is not None and integer(size, "size") != len(content):
                raise ValueError(f"field 'size' is {size!r} but the content has {len(content)}")
            return cls(
                content=content,
                mime_type=text(item.get("mime_type"), "mime_type"),
                filename=optional_text(item.get("filename"), "filename"),
                charset=optional_text(item.get("charset"), "charset"),
            )

    @classmethod
    def from_response(
        cls, content: bytes, content_type: str | None, disposition: str | None
    ) -> FileContent:
        """Build from the body and the ``Content-Type`` / ``Content-Disposition`` headers."""
        mime_type, charset = _media_type_of(content_type)
        return cls(
            content=content,
            mime_type=mime_type,
            filename=_filename_of(disposition),
            charset=charset,
        )

    def __repr__(self) -> str:
        return (
            f"FileContent(mime_type={self.mime_type!r}, filename={self.filename!r}, "
            f"size={self.size})"
        )


_DEFAULT_TYPE: Final = "application/octet-stream"
_CHARSET = re.compile(r";\s*charset\s*=\s*\"?([^\";\s]+)", re.IGNORECASE)
# RFC 5987 / 6266: filename*=<charset>'<language>'<percent-encoded>, preferred over the
# plain (quoted or bare) filename=.
_EXTENDED_NAME = re.compile(r"(?:^|;)\s*filename\*\s*=\s*([^';]*)'[^']*'([^;\s]*)", re.IGNORECASE)
_PLAIN_NAME = re.compile(
    r"(?:^|;)\s*filename\s*=\s*(?:\"((?:[^\"\\]|\\.)*)\"|([^;\s]+))", re.IGNORECASE
)


def _media_type_of(content_type: str | None) -> tuple[str, str | None]:
    """``("text/plain", "utf-8")`` from ``text/plain; charset=utf-8``; a missing type is
    ``application/octet-stream``."""
    if not content_type or not content_type.split(";", 1)[0].strip():
        return _DEFAULT_TYPE, None
    found = _CHARSET.search(content_type)
    return content_type.split(";", 1)[0].strip().lower(), found.group(1) if found else None


def _filename_of(disposition: str | None) -> str | None:
    """The file name a ``Content-Disposition`` header gives (RFC 5987 decoded), if any."""
    if not disposition:
        return None
    extended = _EXTENDED_NAME.search(disposition)
    if extended is not None:
        charset = extended.group(1).strip() or "utf-8"
        try:
            return urllib.parse.unquote(extended.group(2), encoding=charset, errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown charset or broken bytes: fall back to the plain name
    plain = _PLAIN_NAME.search(disposition)
    if plain is None:
        return None
    quoted = plain.group(1)
    return re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else plain.group(2)
