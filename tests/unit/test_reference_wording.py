"""Reader-facing wording of the reference pages and the claims' notes."""

from __future__ import annotations

import json
import re

import pandas as pd

from support import book_markdown


def _markdown(root):
    return {path.name: text for path, text in book_markdown(root)}


def _title(root, doc: str) -> str:
    path = root / "book" / f"{doc}.ipynb"
    if path.exists():
        text = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    else:
        page = root / "book" / f"{doc}.md"
        text = (page if page.exists() else root / f"{doc}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1)


def doubled_the(text: str, title_of) -> list[str]:
    """Links that would read 'the The ...': 'the {doc}`x`' where page x's title starts with 'The'."""
    found = []
    for match in re.finditer(r"\b(the)\s+\{doc\}`(?:\.\./)?(?:book/)?([\w-]+)`", text, re.I):
        if title_of(match.group(2)).startswith("The "):
            found.append(match.group(0))
    return found


def test_a_link_to_a_page_whose_title_starts_with_the_is_not_preceded_by_the(root):
    # {doc}`summit` renders the page's title, "The summit outcome: ...", so "see the
    # {doc}`summit`" reads "see the The summit outcome"; give the link its own text.
    bad = [f"{name}: {hit}" for name, text in _markdown(root).items() for hit in doubled_the(text, lambda d: _title(root, d))]
    assert not bad, bad


def test_the_doubled_the_finder():
    titles = {"summit": "The summit outcome", "glossary": "Glossary"}.__getitem__
    assert doubled_the("see the {doc}`summit`.", titles) == ["the {doc}`summit`"]
    assert doubled_the("The\n{doc}`book/summit` chapter", titles) == ["The\n{doc}`book/summit`"]
    assert doubled_the("see the {doc}`glossary`; {doc}`the summit <summit>`", titles) == []


def test_claim_notes_do_not_refer_readers_to_the_fact_sheet(root):
    notes = pd.read_csv(root / "data" / "claims.csv")["note"]
    assert not [n for n in notes if "fact sheet" in n.lower()]


def test_reference_pages_do_not_mention_the_fact_sheet(root):
    for page in ("glossary.md", "methodology.md", "changelog.md", "how-to-cite.md", "references.md"):
        assert "fact sheet" not in (root / "book" / page).read_text(encoding="utf-8").lower(), page


def test_the_title_finder_reads_a_notebook_title(root):
    assert _title(root, "summit").startswith("The ")
