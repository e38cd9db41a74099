"""Every real upstream spec regenerates: the overlay binds to it and round-trips, or the
spec is refused in one line because it lacks an operation the overlay needs.

The specs are read from ../shared/upstream-specs (never copied into the repository); the
tests are skipped when that directory is absent. Each spec is generated twice (to check
byte-reproducibility) into a temp dir, and the overlay is imported against that tree in a
fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from _generation_support import (
    PACKAGE,
    REPO_ROOT,
    UPDATE_PATH,
    documented_operations,
    python_with_generated,
    run_generate,
    tree_bytes,
    upstream_specs,
)

SPECS = upstream_specs()
# Generation is a subprocess each; two at a time keeps a 2-core machine busy, not swamped.
WORKERS = 2
REPORT = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "from _generation_support import overlay_report; "
    "print(json.dumps(overlay_report(json.loads(sys.argv[2]))))"
)


def has_update_operation(spec: Path) -> bool:
    paths = json.loads(spec.read_text(encoding="utf-8")).get("paths", {})
    return "put" in paths.get(UPDATE_PATH, {})


@dataclass(frozen=True)
class Generated:
    """Two generations from one spec."""

    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    out: Path  # the first generation; dify_chatflow_api is below it

    @property
    def ok(self) -> bool:
        return self.first.returncode == 0 and self.second.returncode == 0


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Path, Generated]]:
    root = tmp_path_factory.mktemp("upstream")

    def both(spec: Path) -> Generated:
        first, second = root / spec.stem / "first", root / spec.stem / "second"
        return Generated(run_generate(first, spec), run_generate(second, spec), first)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        yield dict(zip(SPECS, pool.map(both, SPECS), strict=True))


CURRENT = [spec for spec in SPECS if has_update_operation(spec)]
OLDER = [spec for spec in SPECS if not has_update_operation(spec)]


def _ids(spec: Path) -> str:
    return spec.stem


def test_the_upstream_collection_is_the_expected_one() -> None:
    if not SPECS:
        pytest.skip("../shared/upstream-specs is absent")
    assert (len(SPECS), len(CURRENT), len(OLDER)) == (12, 9, 3)


@pytest.mark.parametrize("spec", CURRENT, ids=_ids)
def test_a_current_spec_regenerates_byte_reproducibly(
    spec: Path, generated: dict[Path, Generated]
) -> None:
    result = generated[spec]
    assert result.ok, result.first.stderr + result.second.stderr
    first = tree_bytes(result.out / PACKAGE)
    assert first == tree_bytes(result.out.parent / "second" / PACKAGE)
    assert "api/variables/update_conversation_variable.py" in first


@pytest.mark.parametrize("spec", CURRENT, ids=_ids)
def test_the_overlay_binds_and_round_trips_against_the_regenerated_client(
    spec: Path, generated: dict[Path, Generated]
) -> None:
    result = generated[spec]
    assert result.ok, result.first.stderr
    documented = sorted(documented_operations(spec))
    run = python_with_generated(
        result.out, REPORT, str(REPO_ROOT / "tests"), json.dumps(documented)
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    assert report["problems"] == []
    assert (report["update_status"], report["update_parsed"]) == (200, "ConversationVariableItem")
    assert report["updated"]["name"] == "tags"
    assert report["updated"]["value"] == "['x', 'y']"  # Dify sends str() of the stored value
    assert (report["list_status"], report["list_parsed"]) == (200, "ConversationVariablesResponse")
    assert report["list_items_parsed"] == ["ConversationVariableItem"]
    listed = {item["name"]: item["value"] for item in report["listed"]["data"]}
    assert listed == {"colour": "red", "tags": "['x', 'y']"}
    assert report["client"] == {
        "updated": ["colour", "blue"],
        "listed": [["colour", "blue"], ["tags", ["x", "y"]]],
    }


@pytest.mark.parametrize("spec", OLDER, ids=_ids)
def test_an_older_spec_is_refused_in_one_line(spec: Path, generated: dict[Path, Generated]) -> None:
    result = generated[spec]
    assert result.first.returncode == 1
    assert result.first.stderr.splitlines() == [
        f"make generate: the spec has no PUT {UPDATE_PATH} operation, which dify_chatflow "
        "needs; use a Dify chatflow or service spec that documents conversation variables"
    ]
    assert not (result.out / PACKAGE).exists()
