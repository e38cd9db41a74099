"""Writing a response body to disk as it arrives, never holding it whole in memory.

:func:`write_download` (blocking client) and :func:`write_async_download` (async client)
prepare the destination before anything is sent, run the flow that opens the response,
and write its body chunk by chunk. A path is written through a temporary file in its
folder that replaces the path only once the whole body arrived: a failure leaves a file
already at the path as it was. A caller's file object is written in place and left open
(and, after a failure, holding what arrived). A body that breaks off raises
:class:`APIConnectionError`; a destination that cannot be written
:class:`LocalFileError`.
"""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import secrets
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

import httpx

from ._exceptions import ConfigurationError, LocalFileError
from ._flows import Flow, transport_error

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["Destination", "Download", "JsonRefusal", "write_async_download", "write_download"]

#: The error for a 200 answer that is JSON where the file's bytes were expected (the
#: server's way of saying there is nothing to send), given the read response.
JsonRefusal = Callable[[httpx.Response], Exception]

Destination = str | os.PathLike[str] | BinaryIO
"""Where a download goes: a file path, or a binary file object open for writing."""


def write_download(
    client: SyncAPIClient,
    flow: Flow[httpx.Response],
    destination: object,
    *,
    json_refusal: JsonRefusal | None = None,
) -> pathlib.Path:
    """Prepare ``destination``, run ``flow`` (which opens the response) and write the
    body to it; the path written."""
    download = Download(destination, json_refusal=json_refusal)
    try:
        response = client._run(flow)
    except BaseException:
        download.discard()
        raise
    return download.write(response)


async def write_async_download(
    client: AsyncAPIClient,
    flow: Flow[httpx.Response],
    destination: object,
    *,
    json_refusal: JsonRefusal | None = None,
) -> pathlib.Path:
    """:func:`write_download` through an async client (the body is written in the event
    loop's thread)."""
    download = Download(destination, json_refusal=json_refusal)
    try:
        response = await client._run(flow)
    except BaseException:
        download.discard()
        raise
    return await download.awrite(response)


class Download:
    """One destination, checked and prepared (a path's temporary file opened); the body
    of one response written to it, or :meth:`discard` when no body comes.

    With ``json_refusal``, a response whose type is JSON is read (it is small) and the
    error ``json_refusal`` makes of it raised; a path is left as it was.
    """

    def __init__(self, destination: object, *, json_refusal: JsonRefusal | None = None) -> None:
        self._json_refusal = json_refusal
        self._temporary: pathlib.Path | None = None
        if destination is None:
            raise ConfigurationError("give the destination: a path or a binary file object")
        if isinstance(destination, str | os.PathLike):
            path = os.fspath(destination)
            if not isinstance(path, str) or not path:
                raise ConfigurationError(
                    f"destination must be a non-empty path, got {destination!r}"
                )
            if os.path.isdir(path):
                raise ConfigurationError(
                    f"destination {path!r} is a directory: give the file's path in it"
                )
            self.path = pathlib.Path(path)
            if not self.path.parent.is_dir():
                raise ConfigurationError(
                    f"cannot write the download to {path!r}: its folder does not exist"
                )
            self._sink: BinaryIO = self._open_temporary()
        elif isinstance(destination, io.TextIOBase):
            raise ConfigurationError(
                "the destination file is open in text mode; open it in binary mode ('wb')"
            )
        elif callable(getattr(destination, "write", None)):
            name = getattr(destination, "name", None)
            if not isinstance(name, str | os.PathLike):
                raise ConfigurationError(
                    "the destination file object has no path (a download returns the path "
                    "it wrote): pass a path or a file opened from one; for the bytes in "
                    "memory use preview()"
                )
            self._sink = destination  # type: ignore[assignment]  # a binary file object
            self.path = pathlib.Path(os.fspath(name))
        else:
            raise ConfigurationError(
                "destination must be a path (str or os.PathLike) or a binary file object "
                f"open for writing, got a {type(destination).__name__}"
            )

    def _open_temporary(self) -> BinaryIO:
        # A new name in the path's folder, so that os.replace onto the path is one step;
        # the mode is the one open(path, "wb") would give (0o666 less the umask).
        self._temporary = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.part")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            return os.fdopen(os.open(self._temporary, flags, 0o666), "wb")
        except OSError as exc:
            self._temporary = None
            raise self._write_error(exc) from None

    def _write_error(self, exc: OSError) -> LocalFileError:
        return LocalFileError.from_os_error(
            exc, f"cannot write the download to {str(self.path)!r}: {exc.strerror or exc}"
        )

    def _refuses(self, response: httpx.Response) -> bool:
        content_type = response.headers.get("content-type", "")
        return self._json_refusal is not None and "json" in content_type.lower()

    def _refusal(self, response: httpx.Response) -> Exception:
        assert self._json_refusal is not None
        return self._json_refusal(response)

    def _put(self, chunk: bytes) -> None:
        try:
            self._sink.write(chunk)
        except OSError as exc:
            raise self._write_error(exc) from exc

    def discard(self) -> None:
        """Remove the temporary file, if any (a caller's file object is left as it is)."""
        if self._temporary is not None:
            self._sink.close()
            self._temporary.unlink(missing_ok=True)
            self._temporary = None

    def _commit(self) -> None:
        """Flush a caller's file object, or put the temporary file in the path's place."""
        try:
            if self._temporary is None:
                self._sink.flush()
                return
            self._sink.close()
            os.replace(self._temporary, self.path)
            self._temporary = None
        except OSError as exc:
            self.discard()
            raise self._write_error(exc) from exc

    @contextlib.contextmanager
    def _transfer(self) -> Iterator[None]:
        """Around reading a body: a transport error becomes :class:`APIConnectionError`;
        any failure discards the temporary file, success commits it."""
        try:
            yield
        except httpx.TransportError as exc:
            self.discard()
            raise transport_error(exc) from exc
        except BaseException:
            self.discard()
            raise
        self._commit()

    def write(self, response: httpx.Response) -> pathlib.Path:
        """Write the body of an open ``response`` (closed afterwards); the path written.

        With ``json_refusal``, a JSON response is read (it is small) and refused instead.
        """
        with self._transfer(), contextlib.closing(response):
            if self._refuses(response):
                response.read()
                raise self._refusal(response)
            for chunk in response.iter_bytes():
                self._put(chunk)
        return self.path

    async def awrite(self, response: httpx.Response) -> pathlib.Path:
        """:meth:`write` for a response of an async client."""
        with self._transfer():
            async with contextlib.aclosing(response):
                if self._refuses(response):
                    await response.aread()
                    raise self._refusal(response)
                async for chunk in response.aiter_bytes():
                    self._put(chunk)
        return self.path
