"""Memory of the paths that carry a whole file: ``files.download``, ``audio.to_audio_file``
and ``files.preview``, measured with ``tracemalloc`` against the embedded server.

The server runs in a child process (its own copy of the file must not count), holding a
20 MB file sent with a chat message and a voice model that speaks 20 MB. In this process:

1. ``files.download`` to a path, sync and async over ``DefaultAioHttpClient``: at most
   2 MB of Python memory at the peak (target), whatever the file's size;
2. ``audio.to_audio_file``: the same target;
3. ``files.preview`` reads the file into memory by design: its peak is reported beside
   the file's size (no target), and the bytes are checked.

Times are printed for reference. Exits 1 when a target is missed.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dify_chatflow import AsyncChatflowClient, ChatflowClient, DefaultAioHttpClient

API_KEY = "app-bench-files"
USER = "bench-user"
FILE_BYTES = 20 * 1024 * 1024
PEAK_TARGET = 2 * 1024 * 1024

_SERVER = """
import json, sys
from dify_chatflow import ChatflowClient
from dify_chatflow.testing import DifyTestServer

size = int(sys.argv[2])
pattern = bytes(range(256))
data = pattern * (size // len(pattern))
server = DifyTestServer(api_key=sys.argv[1]).start()
server.add_app(
    sys.argv[1],
    file_upload=True,
    file_size_limit=2 * size,
    text_to_speech=lambda text: data,
)
with ChatflowClient(api_key=sys.argv[1], base_url=server.base_url, user=sys.argv[3]) as client:
    uploaded = client.files.upload(data, filename="big.txt", mime_type="text/plain")
    client.chat.send("keep this", files=[uploaded])
print(json.dumps([server.base_url, str(uploaded.id)]), flush=True)
sys.stdin.read()  # serve until the bench closes our stdin
server.stop()
"""


def peak_of(action: Callable[[], Any]) -> tuple[int, float]:
    """The peak of Python memory allocated while ``action`` runs (bytes), and its seconds."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        action()
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, elapsed


def expected() -> bytes:
    pattern = bytes(range(256))
    return pattern * (FILE_BYTES // len(pattern))


def main() -> int:
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER, API_KEY, str(FILE_BYTES), USER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url, file_id = json.loads(process.stdout.readline())
        return _measure(base_url, file_id)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def _measure(base_url: str, file_id: str) -> int:
    missed = []
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.bin"
        with ChatflowClient(api_key=API_KEY, base_url=base_url, user=USER) as client:
            # Warm up every path first: the connection, and the modules each one imports.
            client.files.preview(file_id)
            client.files.download(file_id, target)
            client.audio.to_audio_file("speak", target)
            rows: list[tuple[str, int, float, bool]] = []

            peak, seconds = peak_of(lambda: client.files.download(file_id, target))
            rows.append(("files.download (sync)", peak, seconds, True))
            same = target.read_bytes() == expected()

            peak, seconds = peak_of(lambda: client.audio.to_audio_file("speak", target))
            rows.append(("audio.to_audio_file (sync)", peak, seconds, True))
            same = same and target.stat().st_size == FILE_BYTES

            kept: list[bytes] = []
            peak, seconds = peak_of(lambda: kept.append(client.files.preview(file_id).content))
            rows.append(("files.preview (in memory by design)", peak, seconds, False))
            same = same and kept.pop() == expected()

        async def download_async() -> tuple[int, float]:
            async with (
                DefaultAioHttpClient() as http,
                AsyncChatflowClient(
                    api_key=API_KEY, base_url=base_url, user=USER, http_client=http
                ) as client,
            ):
                await client.files.download(file_id, target)  # warm up
                tracemalloc.start()
                started = time.perf_counter()
                try:
                    await client.files.download(file_id, target)
                    elapsed = time.perf_counter() - started
                    return tracemalloc.get_traced_memory()[1], elapsed
                finally:
                    tracemalloc.stop()

        peak, seconds = asyncio.run(download_async())
        rows.append(("files.download (async, aiohttp)", peak, seconds, True))
        same = same and target.stat().st_size == FILE_BYTES

    print(f"a {FILE_BYTES // mb} MB file; peak Python memory while it moves (tracemalloc):")
    for label, peak, seconds, bounded in rows:
        verdict = f"target <= {PEAK_TARGET / mb:.0f} MB" if bounded else "no target"
        print(f"  {label:38} {peak / mb:6.2f} MB  {seconds:.3f} s  ({verdict})")
        if bounded and peak > PEAK_TARGET:
            missed.append(label)
    if not same:
        print("  the bytes written differ from the file's", file=sys.stderr)
        return 1
    if missed:
        print(f"  over the memory target: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
