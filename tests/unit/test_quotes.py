"""Quotes in the data are verbatim from the source texts kept beside the project.

The annotated article and the fact sheet (with its verbatim excerpts of each
public page) live in ../shared/sources, outside the repository. Where they
are absent these tests are skipped with a reason, except under CI, where
they must run.
"""

from __future__ import annotations

import os

import pytest

from reassurance.evidence import load_evidence
from reassurance.paths import article_path, fact_sheet_path
from reassurance.verbatim import occurs_in, paragraphs, word_count

ARTICLE_KEY = "article-2025-09-05"


@pytest.fixture(scope="module")
def texts(root):
    article, facts = article_path(root), fact_sheet_path(root)
    if not (article.is_file() and facts.is_file()):
        if os.environ.get("CI"):
            pytest.fail(f"source texts missing under CI: {article}, {facts}")
        pytest.skip(f"source texts not found beside the project ({article.parent})")
    return article.read_text(encoding="utf-8"), facts.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def evidence(root):
    return load_evidence(root / "data" / "datapackage.json")


def not_verbatim(rows, column, texts, key_column="source_key"):
    article, facts = texts
    missing = []
    for _, row in rows.iterrows():
        quote = row[column].strip('"')
        holder = article if row[key_column] == ARTICLE_KEY else facts
        if not occurs_in(quote, holder):
            missing.append(f"{row.iloc[0]}: {quote!r}")
    return missing


def test_claim_excerpts_are_verbatim_short_and_in_their_paragraph(evidence, texts):
    article, _ = texts
    paras = paragraphs(article)
    problems = []
    for _, claim in evidence.claims.iterrows():
        if word_count(claim["excerpt"]) > 40:
            problems.append(f"{claim['claim_id']}: more than 40 words")
        if claim["paragraph"] > len(paras) or not occurs_in(claim["excerpt"], paras[claim["paragraph"] - 1]):
            problems.append(f"{claim['claim_id']}: not verbatim in paragraph {claim['paragraph']}")
    assert not problems, "\n".join(problems)


def test_the_claims_do_not_reproduce_the_article(evidence, texts):
    article, _ = texts
    quoted = sum(word_count(e) for e in evidence.claims["excerpt"].drop_duplicates())
    assert quoted < 0.6 * word_count(article)


def test_every_paragraph_of_the_article_is_annotated(evidence, texts):
    article, _ = texts
    assert set(evidence.claims["paragraph"]) == set(range(1, len(paragraphs(article)) + 1))


def test_statement_quotes_are_verbatim(evidence, texts):
    assert not not_verbatim(evidence.statements, "quote", texts)


def test_reported_count_quotes_are_verbatim(evidence, texts):
    assert not not_verbatim(evidence.reported_counts, "quote", texts)


def test_quoted_stance_evidence_is_verbatim(evidence, texts):
    quoted = evidence.participants[evidence.participants["evidence_kind"] == "quote"]
    assert not not_verbatim(quoted, "stance_evidence", texts, key_column="stance_source_key")
