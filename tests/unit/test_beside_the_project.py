"""Checks against the texts kept beside the project, in ../shared/sources.

The annotated article is never copied into the repository, so the quote tests
(test_quotes.py, test_book_quotes.py) check every quotation against the
excerpts stored in data/excerpts.csv and need nothing else. The checks here go
one step further where the texts are present beside the project: the stored
article excerpts against the article itself, and the commitment mentions
against the checking notes (the fact sheet). Without them these tests skip
with the reason; under CI they must be present and fail instead.
"""

from __future__ import annotations

import os

import pytest

from reassurance.verbatim import occurs_in
from support import article_path, fact_sheet_path, paragraphs, word_count


def test_stored_article_excerpts_match_the_article(root, evidence, article_key):
    """Against the article itself, where it is present beside the project (CI)."""
    article_file = article_path(root)
    if not article_file.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the annotated article is missing under CI: {article_file}")
        pytest.skip(f"the annotated article is not beside the project ({article_file.parent})")
    article = article_file.read_text(encoding="utf-8")
    paras = paragraphs(article)
    stored = evidence.excerpts[evidence.excerpts["source_key"] == article_key]["excerpt"]
    assert [e for e in stored if not occurs_in(e, article)] == []
    misplaced = [
        c.claim_id
        for c in evidence.claims.itertuples()
        if c.paragraph > len(paras) or not occurs_in(c.excerpt, paras[c.paragraph - 1])
    ]
    assert not misplaced, f"claims not verbatim in their paragraph: {misplaced}"
    assert set(evidence.claims["paragraph"]) == set(range(1, len(paras) + 1)), "every paragraph is annotated"
    # Count each passage once: an excerpt inside a longer stored one adds no words.
    distinct = list(stored.drop_duplicates())
    outer = [e for e in distinct if not any(e != o and occurs_in(e, o) for o in distinct)]
    quoted = sum(word_count(e) for e in outer)
    assert quoted < 0.6 * word_count(article), "the stored excerpts must not reproduce the article"


def test_mention_evidence_quotes_are_in_the_fact_sheet(evidence, root):
    facts = fact_sheet_path(root)
    if not facts.is_file():
        if os.environ.get("CI"):
            pytest.fail("fact sheet missing under CI")
        pytest.skip("fact sheet not found beside the project")
    text = facts.read_text(encoding="utf-8")
    quoted = evidence.commitment_mentions[evidence.commitment_mentions["evidence_kind"] == "quote"]
    wrong = [r["mention_id"] for _, r in quoted.iterrows() if not occurs_in(r["evidence"], text)]
    assert not wrong
