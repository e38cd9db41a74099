"""Writing a response body to disk as it arrives, never holding it whole in memory.

:class:`Download` checks the destination before anything is sent (a path, or a binary
file object opened from one), then writes the body of an open response chunk by chunk:
:meth:`Download.write` for the blocking client, :meth:`Download.awrite` for the async one.
A path is written through a temporary file in its folder that replaces the path only
once the whole body arrived: a failure leaves a file already at the path as it was. A
body that breaks off raises :class:`APIConnectionError`, a write that fails
:class:`LocalFileError`. A caller's file object is left open
(and, after a failure, holding what arrived).
"""

from __future__ import annotations

import io
import os
import pathlib
import secrets
from collections.abc import Callable
from typing import BinaryIO

import httpx

from ._exceptions import ConfigurationError, LocalFileError
from ._flows import transport_error

__all__ = ["Destination", "Download", "JsonRefusal"]

#: The error for a 200 answer that is JSON where the file's bytes were expected (the
#: server's way of saying there is nothing to send), given the read response.
JsonRefusal = Callable[[httpx.Response], Exception]

Destination = str | os.PathLike[str] | BinaryIO
"""Where a download goes: a file path, or a binary file object open for writing."""


class Download:
    """One destination, checked; the body of one response written to it.

    With ``json_refusal``, a response whose type is JSON is read (it is small) and the
    error ``json_refusal`` makes of it raised, before the destination is touched.
    """

    def __init__(self, destination: object, *, json_refusal: JsonRefusal | None = None) -> None:
        self._json_refusal = json_refusal
        self._file: BinaryIO | None = None
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
            self._file = destination  # type: ignore[assignment]  # a binary file object
            self.path = pathlib.Path(os.fspath(name))
        else:
            raise ConfigurationError(
                "destination must be a path (str or os.PathLike) or a binary file object "
                f"open for writing, got a {type(destination).__name__}"
            )

    def _open(self) -> BinaryIO:
        if self._file is not None:
            return self._file
        # A new name in the path's folder, so that os.replace onto the path is one step;
        # the mode is the one open(path, "wb") would give (0o666 less the umask).
        self._temporary = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.part")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            return os.fdopen(os.open(self._temporary, flags, 0o666), "wb")
        except OSError as exc:
            self._temporary = None
            raise ConfigurationError(
                f"cannot write the download to {str(self.path)!r}: {exc.strerror or exc}"
            ) from None

    def _write_error(self, exc: OSError) -> LocalFileError:
        return LocalFileError.from_os_error(
            exc, f"cannot write the download to {str(self.path)!r}: {exc.strerror or exc}"
        )

    def _put(self, sink: BinaryIO, chunk: bytes) -> None:
        try:
            sink.write(chunk)
        except OSError as exc:
            raise self._write_error(exc) from exc

    def _refusal(self, response: httpx.Response) -> Exception:
        assert self._json_refusal is not None
        return self._json_refusal(response)

    def _finish(self, sink: BinaryIO, failed: BaseException | None) -> None:
        """Close the temporary file and put it in the path's place, or remove it when the
        body did not arrive whole."""
        try:
            if self._temporary is None:
                if failed is None:
                    sink.flush()
                return
            sink.close()
            if failed is None:
                os.replace(self._temporary, self.path)
                return
        except OSError as exc:
            if self._temporary is not None:
                self._temporary.unlink(missing_ok=True)
            raise self._write_error(exc) from exc
        self._temporary.unlink(missing_ok=True)

    def _refuses(self, response: httpx.Response) -> bool:
        content_type = response.headers.get("content-type", "")
        return self._json_refusal is not None and "json" in content_type.lower()

    def write(self, response: httpx.Response) -> pathlib.Path:
        """Write the body of an open ``response`` (closed afterwards); the path written."""
        if self._refuses(response):
            try:
                response.read()
            except httpx.TransportError as exc:
                raise transport_error(exc) from exc
            finally:
                response.close()
            raise self._refusal(response)
        try:
            sink = self._open()
        except BaseException:
            response.close()
            raise
        failed: BaseException | None = None
        try:
            for chunk in response.iter_bytes():
                self._put(sink, chunk)
        except BaseException as exc:
            failed = exc
            if isinstance(exc, httpx.TransportError):
                raise transport_error(exc) from exc
            raise
        finally:
            response.close()
            self._finish(sink, failed)
        return self.path

    async def awrite(self, response: httpx.Response) -> pathlib.Path:
        """:meth:`write` for a response of an async client."""
        if self._refuses(response):
            try:
                await response.aread()
            except httpx.TransportError as exc:
                raise transport_error(exc) from exc
            finally:
                await response.aclose()
            raise self._refusal(response)
        try:
            sink = self._open()
        except BaseException:
            await response.aclose()
            raise
        failed: BaseException | None = None
        try:
            async for chunk in response.aiter_bytes():
                self._put(sink, chunk)
        except BaseException as exc:
            failed = exc
            if isinstance(exc, httpx.TransportError):
                raise transport_error(exc) from exc
            raise
        finally:
            await response.aclose()
            self._finish(sink, failed)
        return self.path
