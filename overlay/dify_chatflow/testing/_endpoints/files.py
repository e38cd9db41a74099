"""``POST /files/upload``: one multipart ``file`` part (and a ``user`` field)."""

from __future__ import annotations

import base64
import posixpath
import secrets
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Final

from .._context import Call, Reply, error, json_reply
from .._store import UploadedFile
from ._spec import RouteSpec

__all__ = ["ROUTES", "Part", "parse_multipart"]

_MSG_NO_FILE: Final = "Please upload your file."
_MSG_TOO_MANY: Final = "Only one file is allowed."
_MSG_TYPE: Final = "File type not allowed."
_MSG_NO_NAME: Final = "The specified filename does not exist."
_NAME_LENGTH: Final = 200
# 1.16 refuses only path separators in a file name; 1.10 also what Windows refuses.
_BAD_NAME_CHARACTERS: Final = {False: '/\\:*?"<>|', True: "/\\"}
# The answer's keys: 1.10's marshal fields, or 1.16's response model in its field order.
_UPLOAD_KEYS: Final = {
    False: (
        "id",
        "name",
        "size",
        "extension",
        "mime_type",
        "created_by",
        "created_at",
        "preview_url",
        "source_url",
    ),
    True: (
        "id",
        "reference",
        "name",
        "size",
        "extension",
        "mime_type",
        "created_by",
        "created_at",
        "preview_url",
        "source_url",
        "original_url",
        "user_id",
        "tenant_id",
        "conversation_id",
        "file_key",
    ),
}


@dataclass(frozen=True)
class Part:
    """One part of a ``multipart/form-data`` body."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def _disposition(value: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in value.split(";")[1:]:
        key, _, raw = item.strip().partition("=")
        raw = raw.strip()
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            raw = raw[1:-1].replace('\\"', '"')
        params[key.lower()] = raw
    return params


def parse_multipart(content_type: str, body: bytes) -> list[Part]:
    """The parts of a ``multipart/form-data`` body (none if it is not one)."""
    mimetype, _, rest = content_type.partition(";")
    if mimetype.strip().lower() != "multipart/form-data":
        return []
    boundary = _disposition(";" + rest).get("boundary")
    if not boundary:
        return []
    delimiter = b"--" + boundary.encode("latin-1")
    parts = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        params = _disposition(headers.get("content-disposition", ""))
        if "name" not in params:
            continue
        if data.endswith(b"\r\n"):
            data = data[:-2]
        parts.append(
            Part(params["name"], params.get("filename"), headers.get("content-type"), data)
        )
    return parts


def preview_url(call: Call, uploaded: UploadedFile) -> str:
    """A signed link to the file's preview, on the host the request named."""
    host = call.headers.get("host", "127.0.0.1")
    return (
        f"http://{host}/files/{uploaded.id}/file-preview?timestamp={uploaded.created_at}"
        f"&nonce={secrets.token_hex(16)}&sign={_signature()}"
    )


def _signature() -> str:
    # An HMAC-SHA256 digest in URL-safe base64, its padding escaped in the query.
    return urllib.parse.quote(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())


def upload_file(call: Call) -> Reply:
    app = call.app()
    parts = parse_multipart(call.headers.get("content-type", ""), call.body)
    fields = {p.name: p.data.decode("utf-8", "replace") for p in parts if p.filename is None}
    user = call.user(fields.get("user"))
    files = [p for p in parts if p.filename is not None]
    uploads = [p for p in files if p.name == "file"]
    if not uploads:
        raise error(400, "no_file_uploaded", _MSG_NO_FILE)
    if len({p.name for p in files}) > 1:  # Flask counts fields: a repeated one is one
        raise error(400, "too_many_files", _MSG_TOO_MANY)
    part = uploads[0]
    if not part.content_type:
        raise error(415, "unsupported_file_type", _MSG_TYPE)
    if not part.filename:
        raise error(400, "filename_not_exists_error", _MSG_NO_NAME)
    name = part.filename
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    if any(c in name for c in _BAD_NAME_CHARACTERS[call.new]):
        raise error(400, "invalid_param", "Filename contains invalid characters")
    if len(name) > _NAME_LENGTH:  # Dify keeps the start of a long name and its extension
        name = name.split(".")[0][:_NAME_LENGTH] + "." + extension
    if len(part.data) > app.file_size_limit:
        raise error(
            413, "file_too_large", f"File size exceeded. {len(part.data)} > {app.file_size_limit}"
        )
    store = call.store
    end_user = store.end_user(app.api_key, user)
    uploaded = UploadedFile(
        id=str(uuid.uuid4()),
        api_key=app.api_key,
        user=user,
        end_user_id=end_user.id,
        name=name,
        size=len(part.data),
        extension=extension,
        mime_type=part.content_type.split(";", 1)[0].strip(),
        created_at=store.now(),
        data=part.data,
    )
    store.add_file(uploaded)
    source_url = preview_url(call, uploaded)
    values: dict[str, object] = {
        "id": uploaded.id,
        "reference": None,
        "name": uploaded.name,
        "size": uploaded.size,
        "extension": uploaded.extension,
        "mime_type": uploaded.mime_type,
        "created_by": end_user.id,
        "created_at": uploaded.created_at,
        "preview_url": None,
        "source_url": source_url,
        "original_url": None,
        # 1.16 fills these only for files it makes itself, never for an upload.
        "user_id": None,
        "tenant_id": app.tenant_id,
        "conversation_id": None,
        "file_key": None,
    }
    body = {key: values[key] for key in _UPLOAD_KEYS[call.new]}
    return json_reply(201, body)


ROUTES: Final = (
    RouteSpec(
        "files.upload",
        upload_file,
        sample_body={"file": ("a.pdf", b"%PDF-1.4", "application/pdf"), "user": "u-1"},
    ),
)
