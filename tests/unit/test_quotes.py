"""Quotes in the data are verbatim from the excerpts stored in the Data Package.

The rules themselves live in reassurance.evidence.rules (run by `make validate`, by
`make book` before any notebook runs, and by the loader): every quote of the
tables is in a stored excerpt of its own source, every claim's excerpt in a
stored excerpt of the article, every claim link names an excerpt of its
source, every claim but an assessment rests on another source's excerpt.
These tests check that the project's data keep them, and what the rules
alone do not say. data/excerpts.csv keeps each source's words as published,
so none of this skips on a fresh clone; the stored excerpts of the annotated
article are compared with the article itself in test_beside_the_project.py,
where ../shared/sources is present. Damaged inputs for each rule are in
test_bad_input.py.
"""

from __future__ import annotations

from reassurance.evidence import quote_rules
from support import word_count


def test_the_tables_quotes_claims_and_translations_keep_the_rules(evidence):
    assert quote_rules.quote_problems(evidence.tables, evidence.paths) == []


def test_article_excerpts_are_short(evidence, article_key):
    # The article is quoted only as far as the claims need: a sentence at most.
    article = evidence.excerpts[evidence.excerpts["source_key"] == article_key]
    long = [i for i, e in zip(article["excerpt_id"], article["excerpt"]) if word_count(e) > 40]
    assert not long


def test_the_single_quote_finder_skips_apostrophes():
    assert quote_rules.single_quoted("Putin's words 'no point in their presence' and 'Ukraine's choice'.") == [
        "no point in their presence",
        "Ukraine's choice",
    ]


def test_a_passage_cut_with_an_ellipsis_or_starting_a_sentence_is_found(evidence):
    stored = quote_rules.StoredExcerpts(evidence.excerpts)
    first = evidence.excerpts["excerpt"].iloc[0]
    words = first.split()
    assert stored.passage(" ".join(words[:2]) + " … " + " ".join(words[-2:]))
    assert stored.passage(words[0][:1].swapcase() + " ".join(words)[1:])
    assert not stored.passage("legitimate targets for annihilation")
