"""The road to Paris: timeline helpers and the words in use."""

from __future__ import annotations

import dataclasses

import matplotlib
import pandas as pd
import pytest

from reassurance.chapters import road_to_paris
from reassurance.charts import road_to_paris as charts

matplotlib.use("Agg")


def _events(rows):
    return pd.DataFrame(
        [
            {"event_id": e, "start_date": pd.Timestamp(s), "end_date": pd.Timestamp(t), "title": e, "category": c}
            for e, s, t, c in rows
        ]
    )


def test_between_keeps_events_that_overlap_the_window():
    events = _events(
        [
            ("before", "2025-01-01", "2025-01-01", "war"),
            ("straddles", "2025-02-27", "2025-03-02", "russia"),
            ("inside", "2025-03-10", "2025-03-10", "us"),
            ("on-the-end", "2025-03-31", "2025-03-31", "us"),
            ("after", "2025-04-01", "2025-04-01", "other"),
        ]
    )
    kept = road_to_paris.between(events, "2025-03-01", "2025-03-31")
    assert list(kept["event_id"]) == ["straddles", "inside", "on-the-end"]
    with pytest.raises(ValueError):
        road_to_paris.between(events, "2025-03-31", "2025-03-01")


def test_year_of_war_counts_from_the_invasion():
    assert road_to_paris.year_of_war("2022-02-24", "2022-02-24") == 1
    assert road_to_paris.year_of_war("2022-02-24", "2025-02-23") == 3
    assert road_to_paris.year_of_war("2022-02-24", "2025-02-24") == 4
    assert road_to_paris.year_of_war("2022-02-24", "2025-09-05") == 4
    with pytest.raises(ValueError):
        road_to_paris.year_of_war("2022-02-24", "2021-12-31")


def test_days_between_and_event_lookup():
    events = _events([("a", "2025-03-02", "2025-03-02", "war"), ("b", "2025-03-27", "2025-03-27", "war")])
    assert road_to_paris.days_between(events, "a", "b") == 25
    with pytest.raises(KeyError):
        road_to_paris.event(events, "missing")


def test_the_timeline_is_in_date_order_with_labels(evidence):
    timeline = road_to_paris.timeline(evidence)
    assert timeline["start_date"].is_monotonic_increasing
    assert timeline["category_label"].notna().all() and timeline["source"].notna().all()
    assert (timeline["days"] >= 1).all()


def test_the_article_rendering_gives_way_to_another_source(evidence, article_key):
    checked = 0
    kept = set(road_to_paris.without_article_duplicates(evidence)["statement_id"])
    statements = evidence.statements.set_index("statement_id")
    for statement_id, other in statements["variant_of"].items():
        if other == "n/a":
            continue
        pair = {statement_id, other}
        article = {s for s in pair if statements.loc[s, "source_key"] == article_key}
        if len(article) == 1:
            assert not (article & kept) and (pair - article) <= kept
            checked += 1
    assert checked, "no rendering of the article has a variant in another source: the check checks nothing"


def test_terms_in_use_finds_each_term_in_date_order(evidence):
    statements = pd.DataFrame(
        [
            {"statement_id": "s1", "speaker_id": "macron", "date": pd.Timestamp("2025-09-04"), "quote": "a reassurance force",
             "variant_of": "n/a", "source_key": "voz-afp-28594"},
            {"statement_id": "s2", "speaker_id": "starmer", "date": pd.Timestamp("2025-03-02"), "quote": "A Reassurance Force now",
             "variant_of": "n/a", "source_key": "voz-afp-28594"},
            {"statement_id": "s3", "speaker_id": "putin", "date": pd.Timestamp("2025-09-05"), "quote": "nothing here",
             "variant_of": "n/a", "source_key": "voz-afp-28594"},
        ]
    )
    small = dataclasses.replace(evidence, tables={**evidence.tables, "statements": statements})
    found = road_to_paris.terms_in_use(small, {"reassurance force": r"reassurance force", "absent": r"xyz"})
    assert list(found["statement_id"]) == ["s2", "s1"]
    assert list(found["speaker"]) == ["Keir Starmer", "Emmanuel Macron"]


def test_every_strand_has_its_own_marker_and_colour():
    assert set(charts.CATEGORY_MARKERS) == set(charts.CATEGORY_COLOURS)
    assert len(set(charts.CATEGORY_MARKERS.values())) == len(charts.CATEGORY_MARKERS)


def test_the_overview_chart_states_its_finding_and_draws_the_rejected_date_small(evidence):
    import matplotlib.pyplot as plt

    timeline = road_to_paris.timeline(evidence)
    overview = charts.overview_chart(timeline, *road_to_paris.DETAIL_WINDOW, source_line="test",
                                     disputed_date=road_to_paris.DISPUTED_FOUNDING)
    # The rejected founding date is drawn no larger than an event's marker.
    sizes = [c.get_sizes().max() for c in overview.axes[0].collections if len(c.get_sizes())]
    assert max(sizes) <= 36
    n_2025 = int((timeline["start_date"].dt.year == 2025).sum())
    title = overview.axes[0].get_title(loc="left") or overview.axes[0].get_title()
    assert title == f"{n_2025} of the {len(timeline)} recorded events fall in 2025"
    plt.close("all")


def test_the_detail_window_is_a_list_of_events_each_dated_from_the_data_and_cited(evidence):
    detail = road_to_paris.detail_events(evidence)
    assert len(detail) > 10 and detail["start_date"].is_monotonic_increasing
    items = road_to_paris.events_markdown(detail).split("\n")
    assert len(items) == len(detail)
    for item, row in zip(items, detail.itertuples(index=False)):
        assert item.startswith(f"- **{road_to_paris.date_span_text(row.start_date, row.end_date)}** · ")
        assert item.endswith(f"{{cite:p}}`{row.source_key}`")


def test_an_event_list_item_gives_the_span_of_several_days_and_escapes_the_data():
    events = pd.DataFrame(
        {
            "start_date": [pd.Timestamp("2025-09-03"), pd.Timestamp("2025-09-04")],
            "end_date": [pd.Timestamp("2025-09-06"), pd.Timestamp("2025-09-04")],
            "category": ["russia", "coalition"],
            "title": ["Forum *one*", "Summit"],
            "place": ["Vladivostok", "unknown"],
            "source_key": ["a-1", "b-2"],
        }
    )
    first, second = road_to_paris.events_markdown(events).split("\n")
    assert first == "- **3–6 Sep 2025** · Russia: Forum \\*one\\* (Vladivostok) {cite:p}`a-1`"
    assert second == "- **4 Sep 2025** · Coalition of the Willing: Summit {cite:p}`b-2`"
    with pytest.raises(ValueError):
        road_to_paris.events_markdown(events.iloc[0:0])


def test_statement_when_gives_the_period_of_the_matching_event_not_a_single_day():
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "start_date": pd.to_datetime(["2025-03-15", "2025-09-04", "2025-09-04"]),
            "end_date": pd.to_datetime(["2025-03-16", "2025-09-04", "2025-09-04"]),
            "source_key": ["one", "two", "two"],
        }
    )
    assert road_to_paris.statement_when(pd.Timestamp("2025-09-04"), "one", events) == "4 Sep 2025"
    assert road_to_paris.statement_when(pd.NaT, "one", events) == "15–16 Mar 2025, day not known"
    assert road_to_paris.statement_when(pd.NaT, "two", events) == "unknown"  # two events: no single match
    assert road_to_paris.statement_when(pd.NaT, "none", events) == "unknown"


def test_terms_in_use_never_shows_unknown_when_an_event_gives_the_period(evidence):
    # An undated statement that uses a term, from a source that dates exactly one
    # event, is added to the real data, so that the check always checks something.
    from reassurance.evidence import Evidence

    counts = evidence.events["source_key"].value_counts()
    one_event_source = counts[counts == 1].index[0]
    statements = evidence.statements
    extra = statements.iloc[[0]].assign(
        statement_id="st-test-undated", date=pd.NaT, quote="a peacekeeping effort", source_key=one_event_source, variant_of="n/a"
    )
    evidence = Evidence(tables={**evidence.tables, "statements": pd.concat([statements, extra], ignore_index=True)}, paths=evidence.paths)
    terms = road_to_paris.terms_in_use(evidence)
    events = road_to_paris.timeline(evidence)
    checked = 0
    for row in terms.itertuples(index=False):
        if pd.isna(row.date) and (events["source_key"] == row.source_key).sum() == 1:
            assert row.when != "unknown"
            assert any(ch.isdigit() for ch in row.when)
            checked += 1
    assert checked, "no undated term whose source dates one event: the check checks nothing"
