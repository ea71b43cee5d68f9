"""Every passage the book puts in double quotes is verbatim from a source text.

The source texts are the annotated article and the fact sheet, whose excerpts
reproduce each public page's words; both live in ../shared/sources. Under CI
they must be present; elsewhere the test is skipped without them.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from reassurance.paths import article_path, fact_sheet_path
from reassurance.verbatim import occurs_in

QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
FENCE = re.compile(r"^(```|:::).*?$", re.M)


def prose(root):
    """(page, text) for the book's Markdown pages and notebook Markdown cells."""
    pages = [root / "intro.md", *sorted(root.glob("book/*.md"))]
    for page in pages:
        yield page, page.read_text(encoding="utf-8")
    for notebook in sorted(root.glob("book/*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        yield notebook, "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def quotations(text: str) -> list[str]:
    # Directive option lines (":alt: ...") describe figures in our own words.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(":")]
    text = FENCE.sub("", "\n".join(lines))
    return [q for q in QUOTED.findall(text) if "{" not in q and "`" not in q]


def test_quoted_passages_are_verbatim(root):
    article, facts = article_path(root), fact_sheet_path(root)
    if not (article.is_file() and facts.is_file()):
        if os.environ.get("CI"):
            pytest.fail("source texts missing under CI")
        pytest.skip("source texts not found beside the project")
    sources = article.read_text(encoding="utf-8") + "\n" + facts.read_text(encoding="utf-8")
    wrong = [
        f"{page.relative_to(root)}: {quote!r}"
        for page, text in prose(root)
        for quote in quotations(text)
        if not occurs_in(quote, sources)
    ]
    assert not wrong, "quoted passages not found verbatim in the article or the fact sheet:\n" + "\n".join(wrong)


def test_the_quote_finder_finds_quotes():
    assert quotations('He said "legitimate targets" and “very good dialogue”.') == ["legitimate targets", "very good dialogue"]
    assert quotations(':alt: a "made up" description') == []
