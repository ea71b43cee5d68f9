"""Every passage the book puts in double quotes is verbatim from a stored excerpt.

The excerpts (data/excerpts.csv) hold each quoted source's words as published,
with the English translation shown beside a passage in another language, so
this check needs nothing outside the repository. It reads everything the built
pages are made of: the front page, the Markdown pages, the notebooks' Markdown
cells, and the notebooks' stored outputs (the Markdown they print and the text
of the tables they show).
"""

from __future__ import annotations

import re

from reassurance.verbatim import occurs_in
from support import book_markdown

# A quotation may wrap across lines but never crosses a blank line (a paragraph
# or a table cell).
QUOTED = re.compile(r"[\"“]((?:(?!\n\s*\n)[^\"“”])+)[\"”]")
FENCE = re.compile(r"^(```|:::).*?$", re.M)


def quotations(text: str) -> list[str]:
    # Directive option lines (":alt: ...") describe figures in our own words.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(":")]
    text = FENCE.sub("", "\n".join(lines))
    return [q for q in QUOTED.findall(text) if "{" not in q and "`" not in q]


def stored_excerpts(evidence) -> list[str]:
    """The stored passages as published, and the stored English translations of
    those in another language (the book quotes a translation beside its original)."""
    excerpts = evidence.excerpts
    return list(excerpts["excerpt"]) + list(excerpts.loc[excerpts["translation"] != "n/a", "translation"])


def test_quoted_passages_are_verbatim(root, evidence):
    excerpts = stored_excerpts(evidence)
    wrong = [
        f"{page.relative_to(root)}: {quote!r}"
        for page, text in book_markdown(root, outputs=True, tables=True)
        for quote in quotations(text)
        if not any(occurs_in(quote, excerpt) for excerpt in excerpts)
    ]
    assert not wrong, "quoted passages not found verbatim in any stored excerpt:\n" + "\n".join(wrong)


def test_the_quote_finder_finds_quotes():
    assert quotations('He said "legitimate targets" and “very good dialogue”.') == ["legitimate targets", "very good dialogue"]
    assert quotations(':alt: a "made up" description') == []


def test_a_quotation_does_not_cross_a_paragraph():
    assert quotations('"Opened and not closed.\n\nA "closed" one.') == ["closed"]


def test_table_outputs_are_read(root):
    texts = dict(book_markdown(root, outputs=True, tables=True))
    # A passage the annotated article shows only in its claim tables.
    assert "законные цели для их поражения" in texts[root / "book" / "article-annotated.ipynb"]


def test_a_made_up_quote_is_caught(evidence):
    assert not any(occurs_in("legitimate targets for annihilation", e) for e in stored_excerpts(evidence))
