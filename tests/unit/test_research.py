"""The research log: the report's end date read from it, its own checks, and the month summary."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from reassurance.chapters import since_then
from reassurance.evidence import research


def _with_log(evidence, log):
    return dataclasses.replace(evidence, tables=dict(evidence.tables, research_log=log))


def test_the_log_passes_its_own_checks(evidence):
    assert research.log_problems(evidence) == []


def test_coverage_end_is_the_newest_relevant_result_in_the_log(evidence):
    log = evidence.research_log
    assert research.coverage_end(evidence) == log["newest_relevant_date"].max()


def test_the_events_reach_as_far_as_the_log(evidence):
    """The latest event the book tells is the newest relevant result the searches found:
    neither a date the searches never reached, nor a later source left untold."""
    assert since_then.latest_date(evidence.events) == research.coverage_end(evidence)


def test_every_kept_source_is_in_the_sources_table(evidence):
    assert research.kept_keys(evidence.research_log) <= set(evidence.sources["source_key"])


def test_the_log_covers_every_month_from_the_pledge_to_its_end(evidence):
    months = set(evidence.research_log["window_start"].dt.to_period("M"))
    wanted = pd.period_range("2025-09", research.coverage_end(evidence), freq="M")
    assert not [str(m) for m in wanted if m not in months]


def test_the_log_searches_in_the_actors_languages(evidence):
    assert {"en", "fr", "de", "ru", "uk"} <= set(evidence.research_log["language"])


def test_no_relevant_result_leaves_coverage_unknown(evidence):
    log = evidence.research_log.assign(newest_relevant_date=pd.NaT)
    with pytest.raises(ValueError, match="no relevant dated result"):
        research.coverage_end(_with_log(evidence, log))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"window_end": pd.Timestamp("2025-08-01"), "window_start": pd.Timestamp("2025-09-01")}, "window ends before it starts"),
        ({"newest_relevant_date": pd.Timestamp("2030-01-01")}, "dated after the day of the search"),
        ({"kept": "no-such-source"}, "value 'no-such-source': [foreign-key]"),
        ({"newest_relevant_url": "n/a"}, "a dated result needs its address"),
    ],
)
def test_log_problems_name_row_column_and_value(evidence, change, message):
    log = evidence.research_log.copy()
    row = log["newest_relevant_date"].notna().idxmax()
    for column, value in change.items():
        log[column] = log[column].astype(object)
        log.at[row, column] = value
    problems = research.log_problems(_with_log(evidence, log))
    assert len(problems) == 1
    assert problems[0].startswith(f"data/research_log.csv, row {row + 2}, column ")
    assert message in problems[0]


def test_month_summary_counts_every_search_once(evidence):
    summary = research.month_summary(evidence.research_log)
    assert summary["searches"].sum() == len(evidence.research_log)
    assert summary["month"].is_monotonic_increasing
    table = research.month_reader_table(summary)
    assert list(table.columns)[0] == "Month aimed at"
    assert table["Newest relevant result"].str.len().min() > 0


def test_searches_from_counts_results_inside_their_window():
    log = pd.DataFrame(
        {
            "window_start": pd.to_datetime(["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]),
            "window_end": pd.to_datetime(["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]),
            "newest_relevant_date": pd.to_datetime(["2026-03-02", "2026-03-20", "2026-05-04", None]),
        }
    )
    assert research.searches_from(log, "2026-04-01") == (3, 1)
