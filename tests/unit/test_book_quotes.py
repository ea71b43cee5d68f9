"""Every passage the book puts in double quotes is verbatim from a stored excerpt.

The excerpts (data/excerpts.csv) hold each quoted source's words as published,
so this check needs nothing outside the repository. It reads the front page,
the Markdown pages, the notebooks' Markdown cells and the Markdown the notebooks
print (their stored outputs).
"""

from __future__ import annotations

import re

from reassurance.verbatim import occurs_in
from support import book_markdown

QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
FENCE = re.compile(r"^(```|:::).*?$", re.M)


def quotations(text: str) -> list[str]:
    # Directive option lines (":alt: ...") describe figures in our own words.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(":")]
    text = FENCE.sub("", "\n".join(lines))
    return [q for q in QUOTED.findall(text) if "{" not in q and "`" not in q]


def test_quoted_passages_are_verbatim(root, evidence):
    excerpts = list(evidence.excerpts["excerpt"])
    wrong = [
        f"{page.relative_to(root)}: {quote!r}"
        for page, text in book_markdown(root, outputs=True)
        for quote in quotations(text)
        if not any(occurs_in(quote, excerpt) for excerpt in excerpts)
    ]
    assert not wrong, "quoted passages not found verbatim in any stored excerpt:\n" + "\n".join(wrong)


def test_the_quote_finder_finds_quotes():
    assert quotations('He said "legitimate targets" and “very good dialogue”.') == ["legitimate targets", "very good dialogue"]
    assert quotations(':alt: a "made up" description') == []


def test_a_made_up_quote_is_caught(evidence):
    assert not any(occurs_in("legitimate targets for annihilation", e) for e in evidence.excerpts["excerpt"])
