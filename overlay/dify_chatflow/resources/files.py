"""``client.files``: upload a file for the end user, to send it with a chat message.

:class:`FileFlows` holds the upload, written once as a flow (see ``_base_client``);
:class:`Files` and :class:`AsyncFiles` are thin shells with the public signature. The file
is streamed: httpx reads it in chunks while sending the multipart body, from the caller's
file object, from bytes already in memory, or from a path opened (and closed) here.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO, Final

from .. import _binding
from .._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    ClientCore,
    Flow,
    RequestOptions,
    SyncAPIClient,
    SyncAPIResource,
    Timeout,
)
from .._exceptions import ConfigurationError
from .._types import NOT_GIVEN
from ._responses import model_of

if TYPE_CHECKING:
    from ..types.files import UploadedFile

__all__ = ["AsyncFiles", "FileFlows", "FileSource", "Files"]

FileSource = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO
"""What :meth:`Files.upload` takes: a path, the file's bytes, or a binary file object."""

# Dify's own file extensions that the standard library's table lacks on some systems.
_DIFY_TYPES: Final = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".mdx": "text/mdx",
    ".vtt": "text/vtt",
    ".properties": "text/x-java-properties",
    ".m4a": "audio/mp4",
    ".amr": "audio/amr",
    ".mpga": "audio/mpeg",
    ".webp": "image/webp",
}
# A compressed file is sent as its compression's type (``a.tar.gz`` is gzip data).
_ENCODING_TYPES: Final = {
    "gzip": "application/gzip",
    "bzip2": "application/x-bzip2",
    "xz": "application/x-xz",
    "compress": "application/x-compress",
    "br": "application/x-brotli",
}
# type/subtype, optionally with parameters; no control characters (it becomes a header).
_NAME_PART = r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*"
_MIME_TYPE: Final = re.compile(rf"{_NAME_PART}/{_NAME_PART}(\s*;[^\x00-\x1f\x7f]*)?")


def guess_mime_type(filename: str) -> str | None:
    """The MIME type a file's name says it has, or ``None`` when the name does not tell."""
    import mimetypes  # on first use: it reads the system's type tables

    guessed, encoding = mimetypes.guess_type(filename, strict=False)
    if encoding is not None:
        return _ENCODING_TYPES.get(encoding)
    if guessed is None:
        guessed = _DIFY_TYPES.get(os.path.splitext(filename)[1].lower())
    return guessed


class _Upload:
    """One file to upload, checked: where its bytes come from, its name and its type."""

    def __init__(self, file: object, filename: str | None, mime_type: str | None) -> None:
        if filename is not None and (type(filename) is not str or not filename):
            raise ConfigurationError(f"filename must be a non-empty str, got {filename!r}")
        self.path: str | None = None
        self.stream: BinaryIO | None = None
        own_name: str | None = None
        if isinstance(file, str | os.PathLike):
            path = os.fspath(file)
            if not isinstance(path, str) or not path:
                raise ConfigurationError(f"a file path must be a non-empty str, got {file!r}")
            self.path = path
            own_name = os.path.basename(path)
        elif isinstance(file, bytes | bytearray | memoryview):
            self.stream = io.BytesIO(file)
        elif isinstance(file, io.TextIOBase):
            raise ConfigurationError(
                "the file object is open in text mode; open it in binary mode ('rb')"
            )
        elif callable(getattr(file, "read", None)):
            self.stream = file  # type: ignore[assignment]  # a binary file object
            name = getattr(file, "name", None)
            own_name = os.path.basename(name) if isinstance(name, str) else None
        else:
            raise ConfigurationError(
                "file must be a path (str or os.PathLike), bytes, or a binary file object, "
                f"got a {type(file).__name__}"
            )
        name = filename or own_name
        if not name:
            raise ConfigurationError(
                "pass filename=... for a file given as bytes or as an object without a "
                "name: the server needs one (and its type is told from it)"
            )
        self.filename = name
        if mime_type is not None:
            if type(mime_type) is not str or not _MIME_TYPE.fullmatch(mime_type):
                raise ConfigurationError(
                    f"mime_type must look like 'type/subtype' (e.g. 'application/pdf'), "
                    f"got {mime_type!r}"
                )
            self.mime_type = mime_type
        else:
            guessed = guess_mime_type(name)
            if guessed is None:
                # The server refuses a file part without a type (415).
                raise ConfigurationError(
                    f"cannot tell the type of {name!r} from its name: pass mime_type=... "
                    "(e.g. 'application/octet-stream'); nothing was sent"
                )
            self.mime_type = guessed

    @contextlib.contextmanager
    def opened(self) -> Iterator[BinaryIO]:
        """The file's bytes as a stream; a path is opened here and closed afterwards."""
        if self.stream is not None:
            yield self.stream
            return
        assert self.path is not None
        try:
            stream = open(self.path, "rb")  # noqa: SIM115 - closed when the block ends
        except OSError as exc:
            raise ConfigurationError(
                f"cannot open the file to upload, {self.path!r}: {exc.strerror or exc}"
            ) from None
        with stream:
            yield stream


class FileFlows:
    """The upload as a flow, shared by the sync and async shells."""

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def upload_flow(
        self,
        file: FileSource,
        *,
        filename: str | None,
        mime_type: str | None,
        options: RequestOptions,
    ) -> Flow[UploadedFile]:
        """Upload one file; everything is checked (and a path opened) before sending."""
        core = self._core
        end_user = core.end_user(options.user)
        upload = _Upload(file, filename, mime_type)
        with upload.opened() as stream:
            part = _binding.Upload(stream, upload.filename, upload.mime_type)
            request = _binding.build("files.upload", body={"file": part, "user": end_user})
            # Not idempotent: an upload that reached the server made a file record, and a
            # second attempt would make another.
            response = yield from core.execute(request, options, idempotent=False)
        from ..types.files import UploadedFile

        return model_of(response, UploadedFile.from_json)


class Files(SyncAPIResource):
    """File uploads through a blocking client: ``client.files``."""

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = FileFlows(client._core)

    def upload(
        self,
        file: FileSource,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UploadedFile:
        """Upload a file for the end user; pass the result in a chat message's ``files``.

        ``file`` is a path (opened and closed here), the file's bytes, or a binary file
        object (read from its start, left open); it is streamed, never read into memory
        whole. ``filename`` defaults to the path's or file object's name (bytes need
        one). ``mime_type`` defaults to the type the name tells; a name that tells none
        raises :class:`ConfigurationError` before anything is sent (the server refuses a
        file without a type). Refusals: :class:`FileTooLargeError` (413),
        :class:`UnsupportedFileTypeError` (415), :class:`NoFileUploadedError` (400).
        Retried only when the request certainly never reached the server: each upload
        that arrives makes a new file record.
        """
        return self._client._run(
            self._flows.upload_flow(
                file,
                filename=filename,
                mime_type=mime_type,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )


class AsyncFiles(AsyncAPIResource):
    """File uploads through an async client: ``client.files``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = FileFlows(client._core)

    async def upload(
        self,
        file: FileSource,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UploadedFile:
        """Async :meth:`Files.upload` (the file's chunks are read in the event loop's
        thread, as httpx reads them)."""
        return await self._client._run(
            self._flows.upload_flow(
                file,
                filename=filename,
                mime_type=mime_type,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )
