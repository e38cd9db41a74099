"""README.md and CONTRIBUTING.md link to each other's sections, and those sections exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = ("README.md", "CONTRIBUTING.md")


def heading_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a document's headings: lower case, spaces as hyphens,
    punctuation other than hyphens and underscores dropped. Code blocks have no headings."""
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    titles = re.findall(r"^#{1,6} (.+)$", prose, re.M)
    return {re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-") for title in titles}


@pytest.mark.parametrize("doc", DOCS)
def test_every_link_between_the_documents_names_a_file_and_heading_that_exist(
    repo_root: Path, doc: str
) -> None:
    text = (repo_root / doc).read_text(encoding="utf-8")
    links = re.findall(r"\]\(([A-Z]+\.md)(?:#([\w-]+))?\)", text)
    assert links, f"{doc} links to no other document"
    for target, anchor in links:
        path = repo_root / target
        assert path.is_file(), f"{doc} links to {target}, which does not exist"
        if anchor:
            assert anchor in heading_anchors(path.read_text(encoding="utf-8")), (
                f"{doc} links to {target}#{anchor}, a heading {target} does not have"
            )


def test_the_readme_points_contributors_to_contributing(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    intro = readme.split("\n## ", 1)[0]
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in intro
