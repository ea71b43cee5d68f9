"""Every passage the book puts in double quotes is verbatim from a stored excerpt.

The rule is reassurance.evidence.book_rules.book_problems ([book-quote]), which `make
validate` and `make book` run before any notebook does; the text it reads is
reassurance.evidence.book_text: the front page, the Markdown pages, the notebooks'
Markdown cells, and the notebooks' stored outputs (the Markdown they print
and the text of the tables they show). The excerpts (data/excerpts.csv) hold
each quoted source's words as published, with the English translation shown
beside a passage in another language, so this needs nothing outside the
repository.
"""

from __future__ import annotations

from reassurance.evidence import book_rules, quote_rules
from reassurance.evidence.book_text import html_text, quotations
from support import book_markdown


def test_quoted_passages_are_verbatim(root, evidence):
    wrong = [p for p in book_rules.book_problems(root, evidence.tables) if "[book-quote]" in p]
    assert not wrong, "\n".join(wrong)


def test_the_quote_finder_finds_quotes():
    assert quotations('He said "legitimate targets" and “very good dialogue”.') == ["legitimate targets", "very good dialogue"]
    assert quotations(':alt: a "made up" description') == []


def test_a_quotation_does_not_cross_a_paragraph():
    assert quotations('"Opened and not closed.\n\nA "closed" one.') == ["closed"]


def test_a_quotation_does_not_cross_a_table_cell():
    text = html_text('<table><tr><td>"open</td><td>shut"</td></tr><tr><td>x &amp; "y"</td></tr></table><style>a{b:"c"}</style>')
    assert quotations(text) == ["y"]


def test_table_outputs_are_read(root):
    texts = dict(book_markdown(root, outputs=True, tables=True))
    # A passage the annotated article shows only in its claim tables.
    assert "законные цели для их поражения" in texts[root / "book" / "article-annotated.ipynb"]


def test_a_made_up_quote_is_caught(evidence):
    stored = quote_rules.StoredExcerpts(evidence.excerpts)
    assert "legitimate targets for annihilation" not in stored.with_translations
