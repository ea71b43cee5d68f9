"""Quotes in the data are verbatim from the excerpts stored in the Data Package.

data/excerpts.csv keeps each source's words as published, so these checks need
nothing outside the repository and none of them skips on a fresh clone. The
stored excerpts of the annotated article are compared with the article itself
in test_beside_the_project.py, where ../shared/sources is present (CI has it);
the article's full text is never copied into the repository.
"""

from __future__ import annotations

import pytest

from reassurance.verbatim import occurs_in
from support import word_count


def excerpts_by_source(evidence) -> dict[str, list[str]]:
    return evidence.excerpts.groupby("source_key")["excerpt"].agg(list).to_dict()


def not_in_own_source(rows, column, evidence, key_column="source_key"):
    """Rows whose quote is in no stored excerpt of the source the row names."""
    stored = excerpts_by_source(evidence)
    return [
        f"{row.iloc[0]}: {row[column]!r} ({row[key_column]})"
        for _, row in rows.iterrows()
        if not any(occurs_in(row[column].strip('"'), e) for e in stored.get(row[key_column], []))
    ]


def test_statement_quotes_are_stored_excerpts_of_their_source(evidence):
    assert not not_in_own_source(evidence.statements, "quote", evidence)


def test_reported_count_quotes_are_stored_excerpts_of_their_source(evidence):
    assert not not_in_own_source(evidence.reported_counts, "quote", evidence)


def test_quoted_stance_evidence_is_a_stored_excerpt_of_its_source(evidence):
    quoted = evidence.participants[evidence.participants["evidence_kind"] == "quote"]
    assert not not_in_own_source(quoted, "stance_evidence", evidence, key_column="stance_source_key")


def test_quoted_commitment_mentions_are_stored_excerpts_of_their_source(evidence):
    quoted = evidence.commitment_mentions[evidence.commitment_mentions["evidence_kind"] == "quote"]
    assert not not_in_own_source(quoted, "evidence", evidence)


def test_every_claim_excerpt_is_a_stored_article_excerpt(evidence, article_key):
    article = excerpts_by_source(evidence)[article_key]
    missing = [c for c, e in zip(evidence.claims["claim_id"], evidence.claims["excerpt"]) if not any(occurs_in(e, a) for a in article)]
    assert not missing


def test_article_excerpts_are_short(evidence, article_key):
    # The article is quoted only as far as the claims need: a sentence at most.
    article = evidence.excerpts[evidence.excerpts["source_key"] == article_key]
    long = [i for i, e in zip(article["excerpt_id"], article["excerpt"]) if word_count(e) > 40]
    assert not long


def test_claim_links_name_an_excerpt_of_the_same_source(evidence):
    links = evidence.claim_sources
    owner = dict(zip(evidence.excerpts["excerpt_id"], evidence.excerpts["source_key"]))
    stored = set(evidence.excerpts["source_key"])
    wrong = [
        f"{r.claim_id} {r.source_key} {r.excerpt_id}"
        for r in links.itertuples()
        if (r.excerpt_id == "n/a" and r.source_key in stored) or (r.excerpt_id != "n/a" and owner[r.excerpt_id] != r.source_key)
    ]
    assert not wrong, "claim links without the source's excerpt, or with another source's:\n" + "\n".join(wrong)


def test_every_claim_rests_on_a_stored_excerpt_of_another_source(evidence, article_key):
    links = evidence.claim_sources
    backed = set(links.loc[(links["excerpt_id"] != "n/a") & (links["source_key"] != article_key), "claim_id"])
    assessments = set(evidence.claims.loc[evidence.claims["claim_type"] == "assessment", "claim_id"])
    assert set(evidence.claims["claim_id"]) - backed - assessments == set()


def test_translations_say_whose_they_are(evidence):
    wrong = []
    for r in evidence.excerpts.itertuples():
        english = r.language == "en"
        if english != (r.translation == "n/a") or english != (r.translation_by == "n/a"):
            wrong.append(r.excerpt_id)
    assert not wrong, f"English excerpts take no translation; others need one and its translator: {wrong}"


def test_excerpts_are_not_duplicated(evidence):
    pairs = evidence.excerpts[["source_key", "excerpt"]]
    assert not pairs.duplicated().any()


def single_quoted(text: str) -> list[str]:
    """Passages a note quotes in single quotes; an apostrophe inside a word
    (Ukraine's) neither opens nor closes one."""
    import re

    return re.findall(r"(?<![\w'])['‘](.+?)['’](?!\w)", text)


def test_the_single_quote_finder_skips_apostrophes():
    assert single_quoted("Putin's words 'no point in their presence' and 'Ukraine's choice'.") == [
        "no point in their presence",
        "Ukraine's choice",
    ]


def test_passages_quoted_in_notes_are_stored_excerpts(evidence):
    """The notes printed beside claims, positions, stances and US expectations
    quote sources in single quotes; each quoted passage is a stored excerpt
    (a capital at the start of a sentence and a cut marked '…' allowed)."""
    excerpts = list(evidence.excerpts["excerpt"])

    def stored(passage: str) -> bool:
        parts = [p.strip() for p in passage.split("…") if p.strip()]
        return all(
            any(occurs_in(p, e) or occurs_in(p[:1].swapcase() + p[1:], e) for e in excerpts) for p in parts
        )

    wrong = []
    for table, column in [
        ("claims", "note"),
        ("positions", "basis"),
        ("participants", "summit_role_note"),
        ("participants", "stance_gloss"),
        ("us_expectations", "us_evidence"),
    ]:
        frame = evidence[table]
        for key, text in zip(frame.iloc[:, 0], frame[column]):
            wrong += [f"{table} {key}: {q!r}" for q in single_quoted(str(text)) if not stored(q)]
    assert not wrong, "\n".join(wrong)
