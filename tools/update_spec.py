"""Replace ``openapi_chatflow.json`` with a newer spec and summarise what changed.

    python tools/update_spec.py https://example.com/openapi_chatflow.json
    python tools/update_spec.py file:///path/to/openapi_service.json --target other.json

The download must be JSON, valid OpenAPI 3.x, and document the conversation-variable
operations the overlay cannot do without (found by method + path, as ``tools/generate.py``
finds every operation of the overlay's registry). Only then is the
target written: pretty-printed (indent 2, key order kept, UTF-8, trailing newline), so the
same spec always gives the same bytes. Nothing is generated; run ``make generate`` next.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from generate import (
    ROOT,
    BoundOperation,
    SpecError,
    find_bound_operations,
    iter_operations,
    path_shape,
    prepare_spec,
)

# A Dify spec is under 1 MB; anything far larger is not one.
MAX_BYTES = 32 * 1024 * 1024
TIMEOUT_SECONDS = 60
SCHEMES = ("http", "https", "file")
# Keeps the summary short when a spec grows by dozens of operations.
SHOWN_PER_KIND = 10


def download(url: str) -> bytes:
    """Return the body at *url* (http, https or file), or raise :class:`SpecError`."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SCHEMES:
        raise SpecError(f"cannot download {url!r}: use an http://, https:// or file:// URL")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SpecError(f"cannot download {url}: the server answered {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SpecError(f"cannot download {url}: {reason}") from None
    if len(body) > MAX_BYTES:
        raise SpecError(f"cannot use {url}: it is larger than {MAX_BYTES} bytes")
    return body


def parse_spec(body: bytes, source: str) -> dict[str, Any]:
    """Decode *body* as an OpenAPI 3.x document the overlay can use, or raise SpecError."""
    from openapi_spec_validator import validate

    try:
        spec = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SpecError(f"{source} is not JSON: {exc}") from None
    if not isinstance(spec, dict):
        raise SpecError(f"{source} is not an OpenAPI document (top level is not an object)")
    version = spec.get("openapi")
    if not (isinstance(version, str) and version.startswith("3.")):
        raise SpecError(f"{source} is not OpenAPI 3.x (its openapi field is {version!r})")
    try:
        validate(spec)
    except Exception as exc:  # the validator raises several unrelated types
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SpecError(f"{source} is not valid OpenAPI {version}: {first_line}") from None
    prepare_spec(spec)  # raises SpecError naming a missing operation, body or schema
    return spec


def render(spec: dict[str, Any]) -> str:
    """The stable text written to disk: same spec, same bytes."""
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def _operations(spec: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    """``(method, path shape) -> (path, operationId)`` for every operation."""
    return {
        (method, path_shape(path)): (path, str(operation.get("operationId", "")))
        for method, path, operation in iter_operations(spec)
    }


def _bound_operation_ids(spec: dict[str, Any]) -> dict[BoundOperation, str]:
    return {
        bound: str(spec["paths"][path][bound.method].get("operationId", ""))
        for bound, path in find_bound_operations(spec).items()
    }


def summarize(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """Lines describing operations added, removed and renamed from *old* to *new*.

    Operations are matched by method + path shape; a rename keeps both and changes the
    operationId. Each kind lists at most ``SHOWN_PER_KIND`` operations.
    """
    before = _operations(old) if old is not None else {}
    after = _operations(new)

    def show(key: tuple[str, str], ops: dict[tuple[str, str], tuple[str, str]]) -> str:
        path, operation_id = ops[key]
        return f"{key[0].upper()} {path}" + (f" ({operation_id})" if operation_id else "")

    kinds = {
        "renamed": [
            f"{key[0].upper()} {after[key][0]}: {before[key][1]} -> {after[key][1]}"
            for key in after
            if key in before and before[key][1] != after[key][1]
        ],
        "added": [show(key, after) for key in after if key not in before],
        "removed": [show(key, before) for key in before if key not in after],
    }
    counts = ", ".join(f"{len(items)} {kind}" for kind, items in kinds.items())
    lines = [f"operations: {len(before)} before, {len(after)} now ({counts})"]
    for kind, items in kinds.items():
        lines += [f"  {kind:<8} {item}" for item in items[:SHOWN_PER_KIND]]
        if len(items) > SHOWN_PER_KIND:
            lines.append(f"  {kind:<8} ... and {len(items) - SHOWN_PER_KIND} more")
    return lines


def write_atomically(target: Path, text: str) -> None:
    """Replace *target* with *text* so a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_previous(target: Path) -> dict[str, Any] | None:
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return previous if isinstance(previous, dict) else None


def update(url: str, target: Path) -> list[str]:
    """Download *url* into *target*; return the lines to show the user."""
    new = parse_spec(download(url), url)
    text = render(new)
    try:
        unchanged = target.read_text(encoding="utf-8") == text
    except OSError:
        unchanged = False
    if unchanged:
        return [f"{target.name} is already this spec; nothing to do"]
    old = _read_previous(target)
    changes = summarize(old, new)
    write_atomically(target, text)
    title = (new.get("info") or {}).get("title", "")
    lines = [f"wrote {target.name} from {url} ({title})"]
    lines += changes if old is not None else ["no previous spec to compare with"]
    lines += [
        f"  pinned   {bound.label}: {operation_id or 'no operationId'} upstream, "
        f"generated as {bound.operation_id}"
        for bound, operation_id in _bound_operation_ids(new).items()
    ]
    lines.append("next: run `make generate`, then `make test`, and commit the spec with generated/")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("url", help="http(s):// or file:// URL of the new spec (JSON)")
    parser.add_argument("--target", type=Path, default=ROOT / "openapi_chatflow.json")
    args = parser.parse_args(argv)
    try:
        lines = update(args.url, args.target)
    except SpecError as exc:
        print(f"make update-spec: {exc}; {args.target.name} was not changed", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
