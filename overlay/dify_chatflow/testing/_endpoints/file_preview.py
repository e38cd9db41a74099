"""``GET /files/{file_id}/preview``: an uploaded file, if it went with a message of the app."""

from __future__ import annotations

from typing import Final
from urllib.parse import quote

from .._context import Call, FieldError, Reply, error, lax_bool
from ._query import refuse_failed
from ._spec import RouteSpec

__all__ = ["ROUTES"]

# pydantic's words for a boolean (compared lower-case), as 1.16's FilePreviewQuery reads them.
_SEEKABLE: Final = frozenset(
    {
        "audio/mpeg",
        "audio/wav",
        "audio/mp4",
        "audio/ogg",
        "audio/flac",
        "audio/aac",
        "video/mp4",
        "video/webm",
        "video/quicktime",
        "audio/x-m4a",
    }
)
# Werkzeug adds a charset to these types (and to text/* and */*+xml).
_CHARSET_TYPES: Final = frozenset(
    {
        "application/ecmascript",
        "application/javascript",
        "application/sql",
        "application/xml",
        "application/xml-dtd",
        "application/xml-external-parsed-entity",
    }
)
_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_OCTET_STREAM: Final = "application/octet-stream"


def _as_attachment(call: Call) -> bool:
    """1.10's reqparse applies ``bool()`` to the text (any non-empty value is true); 1.16's
    pydantic model takes its boolean words and refuses anything else."""
    raw = call.query.get("as_attachment")
    if raw is None:
        return False
    if not call.new:
        return bool(raw)
    read = lax_bool(raw)
    if read is not None:
        return read
    text = "Input should be a valid boolean, unable to interpret input"
    errors: list[FieldError] = [("as_attachment", text, "bool_parsing", raw)]
    refuse_failed(call, "FilePreviewQuery", errors, [f"Download as attachment {text}"])
    return False


def _content_type(mime_type: str) -> str:
    wants_charset = (
        mime_type.startswith("text/") or mime_type in _CHARSET_TYPES or mime_type.endswith("+xml")
    )
    return (
        f"{mime_type}; charset=utf-8" if wants_charset and "charset" not in mime_type else mime_type
    )


def preview_file(call: Call) -> Reply:
    app = call.app()
    call.store.end_user(app.api_key, call.query_user())
    as_attachment = _as_attachment(call)
    file_id = call.params[0].lower()
    sent = call.store.message_with_file(file_id)
    if sent is None:
        raise error(404, "file_not_found", "File not found in message context")
    _, owner_key = sent
    uploaded = call.store.file(file_id)
    if owner_key != app.api_key:
        raise error(403, "file_access_denied", "File access denied: not owned by requesting app")
    if uploaded is None:
        raise error(404, "file_not_found", "Upload file record not found")
    content_type = _content_type(uploaded.mime_type)
    disposition = f"attachment; filename*=UTF-8''{quote(uploaded.name)}"
    headers: dict[str, str] = {}
    if uploaded.mime_type in _SEEKABLE:
        headers["Accept-Ranges"] = "bytes"
    if as_attachment and uploaded.name:
        headers["Content-Disposition"] = disposition
        content_type = _OCTET_STREAM
    is_html = uploaded.mime_type.lower() in _HTML_TYPES or uploaded.extension in ("html", "htm")
    if call.new and is_html:  # 1.16 never lets a browser render an HTML file from here
        headers["Content-Disposition"] = disposition
        headers["X-Content-Type-Options"] = "nosniff"
        content_type = _OCTET_STREAM
    headers["Cache-Control"] = "public, max-age=3600"
    return Reply(200, uploaded.data, content_type, tuple(headers.items()))


ROUTES: Final = (RouteSpec("files.preview", preview_file),)
