"""Speech made from text, as ``POST /text-to-audio`` answers it."""

from __future__ import annotations

from typing import Any

import attrs

from .._convert import base64_bytes, decoding, mapping_of, text
from .._models import Model

__all__ = ["AudioContent"]


@attrs.frozen(repr=False)
class AudioContent(Model):
    """Speech: its bytes and their MIME type (``audio/mpeg`` from Dify's models). The repr
    leaves the bytes out.

    ``to_dict()`` gives ``content`` as base64 text (JSON has no bytes);
    :meth:`from_json` reads that form back.
    """

    content: bytes
    mime_type: str

    @property
    def size(self) -> int:
        """The number of bytes."""
        return len(self.content)

    @classmethod
    def from_json(cls, data: Any) -> AudioContent:
        """Build from what :meth:`to_dict` gives (``content`` as base64 text).

        Raises :class:`~dify_chatflow.ResponseDecodeError` when it is malformed.
        """
        item = mapping_of(data, "audio content")
        with decoding("audio content", data):
            return cls(
                content=base64_bytes(item.get("content"), "content"),
                mime_type=text(item.get("mime_type"), "mime_type"),
            )

    def __repr__(self) -> str:
        return f"AudioContent(mime_type={self.mime_type!r}, size={self.size})"
