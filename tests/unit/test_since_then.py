"""Since then: the events after the two days, their excerpts, the chapter's tables and figure.

Date order means: every event's start_date is on or before its end_date, and
the chapter's tables list events by start_date, then end_date, then event_id.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import matplotlib
import pandas as pd
import pytest

from reassurance import text
from reassurance.chapters import road_to_paris, since_then
from reassurance.charts import since_then as charts

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def events(evidence):
    return since_then.since_events(evidence)


def _with_events(evidence, events):
    tables = dict(evidence.tables, events=events)
    return dataclasses.replace(evidence, tables=tables)


# --- the data -----------------------------------------------------------------


def test_every_event_has_a_stored_excerpt_of_its_own_source(evidence):
    assert since_then.excerpt_problems(evidence) == []


def test_every_event_excerpt_is_really_stored_text(evidence):
    excerpts = evidence.excerpts.set_index("excerpt_id")
    for event in evidence.events.itertuples(index=False):
        text = excerpts.loc[event.excerpt_id, "excerpt"]
        assert len(text.strip()) >= 20, event.event_id


def test_every_event_source_is_a_reference(evidence, root):
    bib = (root / "references.bib").read_text(encoding="utf-8")
    for key in set(evidence.events["source_key"]):
        assert f"{{{key}," in bib, key


def test_no_event_ends_before_it_starts(evidence):
    assert since_then.date_problems(evidence.events) == []


def test_the_chapter_lists_events_in_date_order(events):
    keys = list(zip(events["start_date"], events["end_date"], events["event_id"]))
    assert keys == sorted(keys)


def test_every_event_after_the_article_starts_after_it(evidence, events):
    end = road_to_paris.report_end(evidence)
    assert (events["start_date"] > end).all()
    assert not events.empty


def test_a_missing_excerpt_is_reported(evidence):
    broken = evidence.events.copy()
    broken.loc[broken.index[-1], "excerpt_id"] = "ex-not-stored"
    problems = since_then.excerpt_problems(_with_events(evidence, broken))
    assert len(problems) == 1 and "ex-not-stored" in problems[0]


def test_an_excerpt_of_another_source_is_reported(evidence):
    broken = evidence.events.copy()
    other = evidence.excerpts.loc[evidence.excerpts["source_key"] != broken.iloc[0]["source_key"], "excerpt_id"].iloc[0]
    broken.loc[broken.index[0], "excerpt_id"] = other
    problems = since_then.excerpt_problems(_with_events(evidence, broken))
    assert len(problems) == 1 and "not " in problems[0]


def test_an_event_that_ends_before_it_starts_is_reported():
    frame = pd.DataFrame(
        {"event_id": ["ok", "bad"], "start_date": pd.to_datetime(["2026-01-01", "2026-01-05"]),
         "end_date": pd.to_datetime(["2026-01-02", "2026-01-04"])}
    )
    assert since_then.date_problems(frame) == ["bad: ends before it starts"]


def test_the_road_to_paris_timeline_stops_at_the_article(evidence):
    end = road_to_paris.report_end(evidence)
    assert (road_to_paris.timeline(evidence)["start_date"] <= end).all()


# --- the analysis -------------------------------------------------------------


def test_latest_date_is_the_last_end_date(events):
    assert since_then.latest_date(events) == events["end_date"].max()


def test_latest_date_of_no_events_fails():
    with pytest.raises(ValueError):
        since_then.latest_date(pd.DataFrame({"end_date": pd.Series([], dtype="datetime64[s]")}))


def test_every_lane_is_counted(events):
    counts = since_then.lane_counts(events)
    assert list(counts["category"]) == list(since_then.LANES)
    assert counts["events"].sum() == len(events)


def test_then_and_now_sets_the_two_days_beside_later_events(evidence):
    table = since_then.then_and_now(evidence)
    end = road_to_paris.report_end(evidence)
    assert len(table) == 4
    assert (table["then_date"] <= end).all() and (table["now_date"] > end).all()
    # Each event is named by its title: its description is printed once, in the appendix.
    titles = set(evidence.events["title"])
    assert set(table["then"]) <= titles and set(table["now"]) <= titles


def test_watch_list_answers_every_item_with_a_date_when_nothing_was_reported(evidence, events):
    latest = since_then.latest_date(events)
    answers = since_then.watch_answers(evidence, latest)
    assert list(answers["number"]) == list(range(1, len(evidence.watch_list) + 1))
    links = evidence.watch_list_events
    for row, item in zip(answers.itertuples(), evidence.watch_list.sort_values("position").itertuples()):
        reported = (links.loc[links["item_id"] == item.item_id, "relation"] == "reports").any()
        assert row.answer == ("Reported" if reported else f"Nothing reported by {text.date_span_text(latest, latest)}")
        assert row.events and row.sources


def test_a_watch_item_s_answer_follows_its_events_in_the_data(evidence, events):
    """The answer is read from the data: the same item with no event that reports it reads "Nothing reported"."""
    latest = since_then.latest_date(events)
    links = evidence.watch_list_events.assign(relation="bears-on")
    changed = SimpleNamespace(events=evidence.events, sources=evidence.sources, watch_list=evidence.watch_list, watch_list_events=links)
    answers = since_then.watch_answers(changed, latest)
    assert set(answers["answer"]) == {f"Nothing reported by {text.date_span_text(latest, latest)}"}


def test_disagreements_show_each_source_passage(evidence):
    table = since_then.disagreements(evidence)
    assert len(table) == sum(len(ids) for _, ids in since_then.DISAGREEMENTS)
    for topic in table["topic"].unique():
        assert table.loc[table["topic"] == topic, "source_key"].nunique() >= 2


def test_reader_table_translates_non_english_passages(events):
    table = since_then.reader_table(events)
    german = events["language"] == "de"
    assert german.any()
    for passage, translation in zip(table.loc[german.to_numpy(), "Passage (verbatim)"], events.loc[german, "translation"]):
        assert translation in passage


def test_an_event_outside_the_lanes_fails_loudly(evidence):
    extra = evidence.events.copy()
    extra.loc[extra.index[-1], "category"] = "other"
    with pytest.raises(ValueError, match="lane"):
        since_then.since_events(_with_events(evidence, extra))


# --- the figure ---------------------------------------------------------------


def test_timeline_has_one_lane_per_strand_and_marks_the_two_days(evidence, events):
    points = since_then.timeline_points(evidence)
    fig = charts.timeline_chart(points, ("2025-09-04", "2025-09-05"), since_then.latest_date(events), "test source",
                                title=since_then.timeline_title(points, evidence))
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    for label in charts.lane_labels(points).values():
        assert label in texts
    joined = " ".join(texts)
    assert "4–5 Sep 2025" in joined and "latest" in joined
    assert ax.get_title(loc="left") or ax.get_title()
    assert ax.get_xlabel() and ax.get_ylabel()
    assert fig.get_figwidth() <= 5.5
    matplotlib.pyplot.close(fig)


def test_timeline_title_counts_the_steps_after_the_two_days_and_reads_the_ceasefire_from_the_board(evidence):
    points = since_then.timeline_points(evidence)
    title = since_then.timeline_title(points, evidence)
    assert title.startswith(f"{int(points['after'].sum())} steps since Paris; ceasefire: ")
    # The ceasefire's words follow the board's row, not a typed phrase.
    board = evidence.board.copy()
    board.loc[board["indicator"] == "ceasefire", "status"] = "Agreed on 1 May; monitored"
    changed = since_then.timeline_title(points.iloc[:3].assign(after=[False, True, True]), SimpleNamespace(board=board))
    assert changed == "2 steps since Paris; ceasefire: agreed on 1 May"


def test_timeline_covers_the_whole_span(evidence, events):
    points = since_then.timeline_points(evidence)
    assert points["start_date"].min().year == road_to_paris.report_end(evidence).year
    assert points["start_date"].max() == events["start_date"].max()


def test_long_date_span_writes_the_month_in_full():
    assert since_then.long_date_span("2026-01-23", "2026-01-24") == "23–24 January 2026"
    assert since_then.long_date_span("2025-09-12", "2025-09-12") == "12 September 2025"
    assert since_then.long_date_span("2025-05-30", "2025-06-02") == "30 May – 2 June 2025"


def test_lane_labels_count_each_lane(evidence):
    points = since_then.timeline_points(evidence)
    labels = charts.lane_labels(points)
    assert list(labels) == list(since_then.LANES)
    for category, label in labels.items():
        assert label.endswith(f"({(points['category'] == category).sum()})")


def test_the_rounds_are_the_trilateral_meetings(evidence):
    rounds = since_then.rounds(evidence)
    assert list(rounds["event_id"]) == since_then.ROUNDS
    assert (rounds["category"] == "talks").all()


def test_every_meeting_is_an_event_with_a_reader_row(evidence):
    table = since_then.meetings(evidence)
    assert len(table) == len(evidence.meetings)
    assert table["start_date"].is_monotonic_increasing
    shown = since_then.meetings_reader_table(table)
    assert list(shown.columns)[:2] == ["Date", "Where"]
    assert not shown.isna().any().any()


def test_a_meeting_without_its_event_fails_loudly(evidence):
    meetings = evidence.meetings.assign(event_id="ev-no-such-meeting")
    broken = dataclasses.replace(evidence, tables=dict(evidence.tables, meetings=meetings))
    with pytest.raises(KeyError, match="ev-no-such-meeting"):
        since_then.meetings(broken)
