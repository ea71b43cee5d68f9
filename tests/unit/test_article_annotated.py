"""Grouping, counting and flagging of the article's claims (the annotated article)."""

from __future__ import annotations

import pandas as pd
import pytest

from reassurance.chapters import article_annotated
from reassurance.evidence import Evidence, labels


def frame(rows):
    return pd.DataFrame(rows, columns=["claim_id", "paragraph", "topic", "status"])


TOY = frame(
    [
        ["p02-1", 2, "us", "confirmed"],
        ["p01-2", 1, "russia", "disputed"],
        ["p01-1", 1, "russia", "confirmed"],
        ["p03-1", 3, "context", "inconsistent"],
    ]
)


def test_by_paragraph_keeps_article_order():
    groups = article_annotated.by_paragraph(TOY)
    assert [p for p, _ in groups] == [1, 2, 3]
    assert list(groups[0][1]["claim_id"]) == ["p01-1", "p01-2"]
    assert all(isinstance(p, int) for p, _ in groups)


def test_status_by_topic_lists_every_pair_and_adds_up():
    table = article_annotated.status_by_topic(TOY)
    assert len(table) == len(labels.TOPIC) * len(labels.STATUS)
    assert table["claims"].sum() == len(TOY)
    counts = table.set_index(["topic", "status"])["claims"]
    assert counts[("russia", "confirmed")] == 1 and counts[("russia", "disputed")] == 1
    assert counts[("summit", "confirmed")] == 0
    assert list(dict.fromkeys(table["topic"])) == list(labels.TOPIC)


def test_problems_are_the_inconsistent_and_disputed_claims_in_order():
    assert list(article_annotated.problems(TOY)["claim_id"]) == ["p01-2", "p03-1"]


def toy_evidence(counts_rows, outlet_types=("article-under-annotation", "news-outlet")):
    sources = pd.DataFrame({"source_key": ["art", "other"], "outlet_type": list(outlet_types)})
    counts = pd.DataFrame(counts_rows, columns=["count_id", "value", "counted", "counted_by", "quote", "source_key"])
    ledger = pd.DataFrame(
        {"claim_id": ["p02-1", "p07-1"], "paragraph": [2, 7], "excerpt": ["26 allies", "26 European states"]}
    )
    return Evidence({"sources": sources, "reported_counts": counts, "claims": ledger}, paths={})


def test_the_article_s_two_wordings_of_one_count_are_found():
    evidence = toy_evidence(
        [
            ["a", 26, "committed-countries", "X", "26 allies", "art"],
            ["b", 26, "committed-countries", "Y", "26 European states", "art"],
            ["c", 26, "committed-countries", "Z", "26 something else", "other"],
            ["d", 35, "leaders-at-table", "X", "35", "art"],
        ]
    )
    found = article_annotated.article_count_wordings(evidence)
    assert list(found["count_id"]) == ["a", "b"]
    assert list(found["paragraph"]) == [2, 7]


def test_paragraph_of_matches_excerpts_inside_longer_quotes():
    ledger = pd.DataFrame({"claim_id": ["p01-1", "p03-1"], "paragraph": [1, 3], "excerpt": ["alpha", "“beta” gamma"]})
    assert article_annotated.paragraph_of("so said \"beta\" gamma, then", ledger) == 3
    with pytest.raises(ValueError):
        article_annotated.paragraph_of("delta", ledger)


def test_one_wording_is_no_discrepancy():
    evidence = toy_evidence([["a", 26, "committed-countries", "X", "26 allies", "art"], ["b", 26, "committed-countries", "Y", "26 allies", "art"]])
    assert article_annotated.article_count_wordings(evidence).empty


def test_the_article_must_be_unique():
    evidence = toy_evidence([], outlet_types=("news-outlet", "news-outlet"))
    with pytest.raises(ValueError):
        article_annotated.article_key(evidence)


def test_the_real_data_hold_the_allies_versus_european_discrepancy(evidence):
    found = article_annotated.article_count_wordings(evidence)
    assert len(found) >= 2 and found["value"].nunique() == 1


def test_reader_table_can_lead_with_the_claim_id(evidence):
    ledger = article_annotated.with_sources(evidence)
    plain = article_annotated.reader_table(ledger, evidence)
    cited = article_annotated.reader_table(ledger, evidence, with_id=True)
    assert "Claim" not in plain.columns
    assert list(cited.columns) == ["Claim", *plain.columns]
    assert list(cited["Claim"]) == list(ledger["claim_id"])


def test_each_claim_shows_the_passages_its_status_rests_on(evidence):
    shown = article_annotated.passages(evidence)
    # Every claim other than the article's own characterisations quotes a stored passage.
    non_assessments = evidence.claims.loc[evidence.claims["claim_type"] != "assessment", "claim_id"]
    assert set(non_assessments) <= set(shown)
    assert "законные цели для их поражения" in shown["p04-1"] and "our translation" in shown["p04-1"]
    table = article_annotated.reader_table(article_annotated.with_sources(evidence), evidence, with_passages=True)
    assert "The passages it rests on" in table.columns
