"""Speech made from text, as ``POST /text-to-audio`` answers it."""

from __future__ import annotations

import attrs

__all__ = ["AudioContent"]


@attrs.frozen(repr=False)
class AudioContent:
    """Speech: its bytes and their MIME type (``audio/mpeg`` from Dify's models). The repr
    leaves the bytes out."""

    content: bytes
    mime_type: str

    @property
    def size(self) -> int:
        """The number of bytes."""
        return len(self.content)

    def __repr__(self) -> str:
        return f"AudioContent(mime_type={self.mime_type!r}, size={self.size})"
