"""``client.files``: upload a file for the end user, to send it with a chat message; read
a file sent in a message back (preview, download).

:class:`_FileFlows` holds the operations, written once as flows (see ``_flows``);
:class:`Files` and :class:`AsyncFiles` are thin shells with the public signatures. Both
directions stream: an upload is read in chunks while httpx sends the multipart body (from
the caller's file object, from bytes already in memory, or from a path opened and closed
here), a download is written to its destination as it arrives.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, BinaryIO, Final

import httpx

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
from .._downloads import Destination, write_async_download, write_download
from .._exceptions import ConfigurationError, LocalFileError
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN
from ._responses import model_of

if TYPE_CHECKING:
    import pathlib
    from uuid import UUID

    from ..types.files import FileContent, UploadedFile

__all__ = [
    "AsyncFiles",
    "AsyncFilesWithRawResponse",
    "FileSource",
    "Files",
    "FilesWithRawResponse",
]

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


def _guess_mime_type(filename: str) -> str | None:
    """The MIME type a file's name says it has, or ``None`` when the name does not tell."""
    import mimetypes  # on first use: it reads the system's type tables

    guessed, encoding = mimetypes.guess_type(filename, strict=False)
    if encoding is not None:
        return _ENCODING_TYPES.get(encoding)
    if guessed is None:
        guessed = _DIFY_TYPES.get(os.path.splitext(filename)[1].lower())
    return guessed


def _media_type(mime_type: str) -> str:
    return mime_type.split(";", 1)[0].strip().lower()


def _unreadable(path: str, exc: OSError) -> LocalFileError:
    message = f"cannot open the file to upload, {path!r}: {exc.strerror or exc}"
    return LocalFileError.from_os_error(exc, message)


def _check_readable_file(path: str) -> None:
    """Refuse a missing path or a directory first, before its name and type are judged."""
    try:
        is_directory = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if is_directory:
        raise _unreadable(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path))


class _Upload:
    """One file to upload, checked: where its bytes come from, its name and its type.

    ``guess`` tells the type from the name when none is given; ``accepted``, when given,
    lists the only types the server takes (others are refused here, naming them).
    """

    def __init__(
        self,
        file: object,
        filename: str | None,
        mime_type: str | None,
        *,
        guess: Callable[[str], str | None] = _guess_mime_type,
        accepted: tuple[str, ...] | None = None,
    ) -> None:
        if filename is not None and (type(filename) is not str or not filename):
            raise ConfigurationError(f"filename must be a non-empty str, got {filename!r}")
        if filename is not None and ("/" in filename or "\\" in filename):
            # Dify refuses a name with a path separator ("Filename contains invalid characters")
            raise ConfigurationError(
                f"filename must be a bare name without '/' or '\\', got {filename!r}"
            )
        self.path: str | None = None
        self.stream: BinaryIO | None = None
        own_name: str | None = None
        if isinstance(file, str | os.PathLike):
            path = os.fspath(file)
            if not isinstance(path, str) or not path:
                raise ConfigurationError(f"a file path must be a non-empty str, got {file!r}")
            self.path = path
            own_name = os.path.basename(path)
            _check_readable_file(path)
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
            guessed = guess(name)
            if guessed is None:
                # The server refuses a file part without a type (415).
                example = accepted[0] if accepted else "application/octet-stream"
                raise ConfigurationError(
                    f"cannot tell the type of {name!r} from its name: pass mime_type=... "
                    f"(e.g. {example!r}); nothing was sent"
                )
            self.mime_type = guessed
        # Servers compare the type's lower-case form, parameters left off.
        if accepted is not None and _media_type(self.mime_type) not in accepted:
            raise ConfigurationError(
                f"the server takes only {', '.join(accepted)}, not {self.mime_type!r} (of "
                f"{name!r}): pass mime_type=... if the file is one of them; nothing was sent"
            )

    def known_size(self) -> int | None:
        """The file's size in bytes when it is known without reading it (bytes, a path)."""
        if self.path is not None:
            try:
                return os.path.getsize(self.path)
            except OSError:
                return None  # opening it says why
        if isinstance(self.stream, io.BytesIO):
            return self.stream.getbuffer().nbytes
        return None

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
            raise _unreadable(self.path, exc) from None
        with stream:
            yield stream


class _FileFlows:
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

    def preview_request(
        self, file_id: str | UUID, *, as_attachment: bool, options: RequestOptions
    ) -> dict[str, Any]:
        """The request of ``GET /files/{file_id}/preview``, its arguments checked.

        The server serves a file without an end user too: the client's is sent when it
        has one.
        """
        if type(as_attachment) is not bool:
            raise ConfigurationError(f"as_attachment must be a bool, got {as_attachment!r}")
        core = self._core
        fid = core.uuid(file_id, "file_id")
        user = options.user
        end_user = core.end_user(user) if user is not None or core.user is not None else None
        # ``as_attachment`` is sent only when true, as ``true``: Dify 1.10 reads any
        # non-empty value as true (``false`` included), newer servers parse the word.
        query = {"user": end_user, "as_attachment": True if as_attachment else None}
        return _binding.build("files.preview", fid, query=query)

    def preview_flow(
        self,
        file_id: str | UUID,
        *,
        as_attachment: bool,
        options: RequestOptions,
    ) -> Flow[FileContent]:
        """A file's bytes, read whole, with its type and (as an attachment) its name."""
        request = self.preview_request(file_id, as_attachment=as_attachment, options=options)
        response = yield from self._core.execute(request, options)
        from ..types.files import FileContent

        return FileContent.from_response(
            response.content,
            response.headers.get("content-type"),
            response.headers.get("content-disposition"),
        )

    def open_flow(
        self, request: dict[str, Any], *, options: RequestOptions
    ) -> Flow[httpx.Response]:
        """The response to a built GET with its body still open (retried like any read;
        once the body flows, a break is the caller's to report)."""
        response = yield from self._core.execute(request, options, stream=True)
        return response


class Files(SyncAPIResource):
    """File uploads through a blocking client: ``client.files``."""

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return FilesWithRawResponse(self)

    def __init__(self, client: SyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _FileFlows(client._core)

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

    def preview(
        self,
        file_id: str | UUID,
        *,
        as_attachment: bool = False,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FileContent:
        """A file sent in a message of the app, its bytes read into memory.

        ``as_attachment=True`` asks for it as a download: served as
        ``application/octet-stream`` with its name (``filename``). For a large file use
        :meth:`download`, which never holds it whole. Dify serves only files attached to a
        message of this app: one uploaded but never sent (or an unknown id) raises
        :class:`FileNotFoundInMessageError`, another app's file
        :class:`PermissionDeniedError`.
        """
        return self._client._run(
            self._flows.preview_flow(
                file_id,
                as_attachment=as_attachment,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    def download(
        self,
        file_id: str | UUID,
        destination: Destination,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> pathlib.Path:
        """Write a file sent in a message of the app to ``destination`` as it arrives;
        the path written.

        ``destination`` is a path (created, or replaced once the whole file arrived: a
        failure leaves it as it was) or a binary file object opened from one (left
        open). The file is never held in memory whole. Errors as :meth:`preview`; a
        transfer that breaks raises :class:`APIConnectionError`; a path that cannot be
        written :class:`LocalFileError`, before anything is sent (and a write that
        fails later the same).
        """
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.preview_request(file_id, as_attachment=False, options=options)
        flow = self._flows.open_flow(request, options=options)
        return write_download(self._client, flow, destination)


class AsyncFiles(AsyncAPIResource):
    """File uploads through an async client: ``client.files``."""

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """Each method of this family returning an :class:`~dify_chatflow.APIResponse`
        (status, headers, elapsed time) whose ``parse()`` is the method's value."""
        return AsyncFilesWithRawResponse(self)

    def __init__(self, client: AsyncAPIClient) -> None:
        super().__init__(client)
        self._flows = _FileFlows(client._core)

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

    async def preview(
        self,
        file_id: str | UUID,
        *,
        as_attachment: bool = False,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FileContent:
        """Async :meth:`Files.preview`."""
        return await self._client._run(
            self._flows.preview_flow(
                file_id,
                as_attachment=as_attachment,
                options=RequestOptions(timeout=timeout, max_retries=max_retries, user=user),
            )
        )

    async def download(
        self,
        file_id: str | UUID,
        destination: Destination,
        *,
        user: str | None = None,
        max_retries: int | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> pathlib.Path:
        """Async :meth:`Files.download` (the file is written in the event loop's thread)."""
        options = RequestOptions(timeout=timeout, max_retries=max_retries, user=user)
        request = self._flows.preview_request(file_id, as_attachment=False, options=options)
        flow = self._flows.open_flow(request, options=options)
        return await write_async_download(self._client, flow, destination)


class FilesWithRawResponse:
    """``client.files.with_raw_response``: each method of :class:`Files`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: Files) -> None:
        self.upload = to_raw_response_wrapper(resource.upload)
        self.preview = to_raw_response_wrapper(resource.preview)
        self.download = to_raw_response_wrapper(resource.download)


class AsyncFilesWithRawResponse:
    """``async_client.files.with_raw_response``: each method of :class:`AsyncFiles`
    returning an :class:`~dify_chatflow.APIResponse` of its value."""

    def __init__(self, resource: AsyncFiles) -> None:
        self.upload = async_to_raw_response_wrapper(resource.upload)
        self.preview = async_to_raw_response_wrapper(resource.preview)
        self.download = async_to_raw_response_wrapper(resource.download)
