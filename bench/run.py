"""Run every benchmark in this folder (``bench_*.py``), one process each.

Each benchmark measures our code and raw httpx / the standard library in the same run and
prints ratios with their targets; it exits non-zero when a target is missed. This runner
prints them all and fails if any failed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    scripts = sorted(here.glob("bench_*.py"))
    if not scripts:
        print("make bench: no benchmarks yet (bench/bench_*.py)", file=sys.stderr)
        return 1
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"targets missed in: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("all benchmark targets hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
