"""Every citation in the book, and every source named by a data row, resolves."""

from __future__ import annotations

import json
import re


# Pages about the book itself, which state no fact of the story.
UNCITED_PAGES = {"book/changelog.md", "book/how-to-cite.md", "book/references.md", "book/data-dictionary.ipynb"}
CITE = re.compile(r"\{(?:cite|cite:p|cite:t|cite:ps|cite:ts|footcite)\}`([^`]+)`")


def book_texts(root):
    for path in sorted([root / "intro.md", *root.glob("book/*.md")]):
        yield path, path.read_text(encoding="utf-8")
    for path in sorted(root.glob("book/*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        yield path, "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_every_cited_key_is_a_source(root, evidence):
    keys = set(evidence.sources["source_key"])
    unknown = []
    for path, text in book_texts(root):
        for group in CITE.findall(text):
            for key in (k.strip() for k in group.split(",")):
                if key not in keys:
                    unknown.append(f"{path.relative_to(root)}: {key}")
    assert not unknown, "citation keys with no row in data/sources.csv:\n" + "\n".join(unknown)


def test_every_chapter_and_the_front_page_cite_sources(root):
    uncited = [str(path.relative_to(root)) for path, text in book_texts(root) if not CITE.search(text)]
    assert sorted(set(uncited) - UNCITED_PAGES) == []
