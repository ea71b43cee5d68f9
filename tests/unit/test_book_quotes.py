"""Every passage the book puts in double quotes is verbatim from a stored excerpt.

The excerpts (data/excerpts.csv) hold each quoted source's words as published,
with the English translation shown beside a passage in another language, so
this check needs nothing outside the repository. It reads everything the built
pages are made of: the front page, the Markdown pages, the notebooks' Markdown
cells, and the notebooks' stored outputs (the Markdown they print and the text
of the tables they show).
"""

from __future__ import annotations

import csv
import json
import re

from bs4 import BeautifulSoup

from reassurance.verbatim import occurs_in

QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
FENCE = re.compile(r"^(```|:::).*?$", re.M)


def prose(root):
    """(page, text) for the book's Markdown pages, notebook Markdown cells and
    the notebooks' Markdown and HTML (table) outputs."""
    pages = [root / "intro.md", *sorted(root.glob("book/*.md"))]
    for page in pages:
        yield page, page.read_text(encoding="utf-8")
    for notebook in sorted(root.glob("book/*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        parts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        for cell in cells:
            for output in cell.get("outputs", []):
                markdown = output.get("data", {}).get("text/markdown")
                if markdown:
                    # Printed data is backslash-escaped Markdown; read it as the page shows it.
                    parts.append(re.sub(r"\\(.)", r"\1", "".join(markdown)))
                html = output.get("data", {}).get("text/html")
                if html:
                    # A table cell is one line: a quotation never runs across cells.
                    parts.append(BeautifulSoup("".join(html), "html.parser").get_text("\n"))
        yield notebook, "\n".join(parts)


def quotations(text: str) -> list[str]:
    # Directive option lines (":alt: ...") describe figures in our own words.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(":")]
    text = FENCE.sub("", "\n".join(lines))
    return [q for q in QUOTED.findall(text) if "{" not in q and "`" not in q]


def stored_excerpts(root) -> list[str]:
    """The stored passages as published, and the stored English translations
    of those in another language (the book quotes a translation beside its original)."""
    with open(root / "data" / "excerpts.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [row["excerpt"] for row in rows] + [row["translation"] for row in rows if row["translation"] != "n/a"]


def test_quoted_passages_are_verbatim(root):
    excerpts = stored_excerpts(root)
    assert len(excerpts) > 100, "the excerpts table is unexpectedly small"
    wrong = [
        f"{page.relative_to(root)}: {quote!r}"
        for page, text in prose(root)
        for quote in quotations(text)
        if not any(occurs_in(quote, excerpt) for excerpt in excerpts)
    ]
    assert not wrong, "quoted passages not found verbatim in any stored excerpt:\n" + "\n".join(wrong)


def test_the_quote_finder_finds_quotes():
    assert quotations('He said "legitimate targets" and “very good dialogue”.') == ["legitimate targets", "very good dialogue"]
    assert quotations(':alt: a "made up" description') == []


def test_table_outputs_are_read(root):
    texts = dict(prose(root))
    # A passage the annotated article shows only in its claim tables.
    assert "законные цели для их поражения" in texts[root / "book" / "article-annotated.ipynb"]


def test_a_made_up_quote_is_caught(root):
    excerpts = stored_excerpts(root)
    assert not any(occurs_in("legitimate targets for annihilation", e) for e in excerpts)
