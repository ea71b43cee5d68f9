"""Source labels name one source each, in tables, charts and citations."""

from __future__ import annotations

import pandas as pd
import pytest

from reassurance.evidence.sources import (
    credited_name,
    describe_keys,
    findings_texts,
    independent_count,
    labels_by_key,
    mirrors_in_findings,
    report,
    short_label,
    source_shares,
    unique_labels,
)


def _source(key, publisher, dated, title="unknown", locator="example.org/x"):
    return {
        "source_key": key,
        "publisher": publisher,
        "dated": pd.Timestamp(dated) if dated else pd.NaT,
        "title": title,
        "locator": locator,
    }


def test_every_source_label_is_unique(evidence):
    labels = labels_by_key(evidence)
    assert sorted(labels) == sorted(evidence.sources["source_key"])
    assert len(set(labels.values())) == len(labels)


def test_a_source_that_shares_nothing_keeps_its_short_label():
    sources = pd.DataFrame([_source("a", "TASS", "2025-09-05"), _source("b", "TASS", "2025-09-04")])
    assert unique_labels(sources) == {"a": "TASS, 5 Sep 2025", "b": "TASS, 4 Sep 2025"}


def test_sources_sharing_publisher_and_date_are_told_apart_by_title_or_locator():
    sources = pd.DataFrame(
        [
            _source("a", "TASS", "2025-09-05", locator="tass.com/politics/1"),
            _source("b", "TASS", "2025-09-05", locator="tass.com/world/2"),
            _source("c", "TASS", "2025-09-05", title="A titled report", locator="tass.com/world/3"),
        ]
    )
    labels = unique_labels(sources)
    assert labels["a"] == "TASS, 5 Sep 2025 (tass.com/politics/1)"
    assert labels["c"] == "TASS, 5 Sep 2025 (A titled report)"
    assert len(set(labels.values())) == 3


def test_same_locator_falls_back_to_the_key():
    sources = pd.DataFrame([_source("a", "X", None, locator="x.org"), _source("b", "X", None, locator="x.org")])
    assert unique_labels(sources) == {"a": "X, n.d. (a)", "b": "X, n.d. (b)"}


def test_describe_keys_never_repeats_a_label_for_two_keys(evidence):
    sources = evidence.sources
    shared = sources.groupby(["publisher", "dated"]).filter(lambda g: len(g) > 1)
    keys = list(shared["source_key"])
    assert keys, "the data has sources that share a publisher and a date"
    described = describe_keys("; ".join(keys), evidence).split("; ")
    assert len(set(described)) == len(keys)
    assert all(label.startswith(short_label(row)) for label, (_, row) in zip(described, shared.iterrows()))


# --- independent_count: pages carrying the same wire copy count as one ---------


def _page(key, publisher, dated, via="none"):
    return {**_source(key, publisher, dated), "via": via}


PAGES = pd.DataFrame(
    [
        _page("afp-a", "Voz", "2025-09-04", via="AFP"),
        _page("afp-b", "Overview Press", "2025-09-04", via="AFP"),
        _page("afp-later", "Kyiv Post", "2025-03-10", via="AFP"),
        _page("ria", "RIA Novosti", "2025-09-05"),
        _page("ria-copy", "Gazeta.ru", "2025-09-05", via="RIA Novosti"),
        _page("tass-1", "TASS", "2025-09-05"),
        _page("tass-2", "TASS", "2025-09-05"),
        _page("mirror", "techlovers.online", "2025-03-01", via="unknown"),
    ]
)


def test_two_pages_of_one_wire_copy_count_once():
    assert independent_count(["afp-a", "afp-b"], PAGES) == 1
    assert independent_count(["afp-a", "afp-b", "tass-1"], PAGES) == 2


def test_the_agency_copy_of_another_day_is_another_report():
    assert independent_count(["afp-a", "afp-later"], PAGES) == 2


def test_a_copy_adds_nothing_beside_the_agency_own_page():
    assert independent_count(["ria", "ria-copy"], PAGES) == 1
    assert independent_count(["ria-copy"], PAGES) == 1


def test_original_pages_of_one_publisher_each_count():
    assert independent_count(["tass-1", "tass-2"], PAGES) == 2


def test_a_copy_of_unknown_origin_counts_as_its_own_and_keys_count_once():
    assert independent_count(["mirror", "mirror", "tass-1"], PAGES) == 2
    assert independent_count([], PAGES) == 0


def test_an_unknown_key_is_an_error():
    with pytest.raises(ValueError, match="nope"):
        independent_count(["tass-1", "nope"], PAGES)


def test_the_evidence_has_wire_copies_that_collapse(evidence):
    keys = list(evidence.sources["source_key"])
    assert independent_count(keys, evidence.sources) < len(keys)
    assert independent_count(["trt-afp-516bed66f428", "voz-afp-28594"], evidence.sources) == 1


# --- Credit: the agency first where a republisher carries its copy -------------


def _typed(key, publisher, outlet_type, via="none", locator="example.org/x", dated="2025-09-04"):
    return {**_source(key, publisher, dated, locator=locator), "outlet_type": outlet_type, "via": via}


def test_a_republisher_carrying_an_agency_copy_is_credited_to_the_agency_first():
    assert credited_name(_typed("v", "Voz", "republisher", via="AFP")) == "AFP, via Voz"
    assert short_label(pd.Series(_typed("v", "Voz", "republisher", via="AFP"))) == "AFP, via Voz, 4 Sep 2025"


def test_originals_mirrors_and_copies_of_unknown_origin_keep_their_publisher():
    assert credited_name(_typed("t", "TASS", "state-media")) == "TASS"
    assert credited_name(_typed("m", "daily8.com", "mirror", via="PA")) == "daily8.com"
    assert credited_name(_typed("n", "Newswire.ca", "republisher", via="unknown")) == "Newswire.ca"


def test_every_republisher_of_a_named_agency_is_labelled_agency_first(evidence):
    labels = labels_by_key(evidence)
    rows = evidence.sources[(evidence.sources["outlet_type"] == "republisher") & ~evidence.sources["via"].isin(["none", "unknown"])]
    assert len(rows), "the data has republishers of agency copy"
    for _, row in rows.iterrows():
        assert labels[row["source_key"]].startswith(f"{row['via']}, via {row['publisher']}"), row["source_key"]


# --- Shares against the targets (make sources) ---------------------------------

MIX = pd.DataFrame(
    [
        _typed("art", "Agencies", "article-under-annotation", locator="held by the project"),
        _typed("gov", "Elysee", "government", locator="elysee.fr/a"),
        _typed("copy", "Voz", "republisher", via="AFP", locator="voz.us/1"),
        _typed("mir", "Scraper", "mirror", via="AP", locator="scraper.example/2"),
        _typed("bare", "Outlet", "news-outlet", locator="outlet.example"),
    ]
)


def test_shares_count_mirrors_republishers_and_pages_without_an_address():
    shares = source_shares(MIX)
    assert shares["total"] == 5
    assert shares["mirrors"] == ["mir"] and shares["republishers"] == ["copy"]
    assert shares["no_address"] == ["bare"], "a bare host is no address; the held article is not a page"
    assert shares["not_pages"] == ["art"]
    assert shares["by_type"]["news-outlet"] == 1


def test_a_mirror_cited_in_findings_is_found_and_misses_the_target():
    texts = {"index.md": "Said {cite:p}`gov,copy`.", "book/x.ipynb (findings)": "See {cite:t}`mir` and {cite:p}`bare`."}
    assert mirrors_in_findings(MIX, texts) == {"book/x.ipynb (findings)": ["mir"]}
    text, missed = report(MIX, texts)
    assert "Mirrors: 1/5 (20.0%)" in text
    assert "a mirror is cited on the front page or in chapter findings" in missed
    assert "mirrors above 5%" in missed and "no address above 5%" in missed


def test_targets_met_leave_nothing_missed():
    clean = MIX[MIX["source_key"].isin(["art", "gov", "copy"])]
    text, missed = report(clean, {"index.md": "{cite:p}`gov`"})
    assert missed == []
    assert "Mirrors cited on the front page or in chapter findings: none" in text


def test_findings_are_the_front_page_and_each_chapter_s_first_cell(root):
    texts = findings_texts(root)
    assert "index.md" in texts and "book/russia.ipynb (findings)" in texts
    assert texts["book/russia.ipynb (findings)"].startswith("# ")


def test_the_references_meet_the_share_targets_and_the_front_page_cites_no_mirror(root, evidence):
    shares = source_shares(evidence.sources)
    assert len(shares["mirrors"]) <= 0.05 * shares["total"], shares["mirrors"]
    assert len(shares["no_address"]) <= 0.05 * shares["total"], shares["no_address"]
    assert "index.md" not in mirrors_in_findings(evidence.sources, findings_texts(root))
