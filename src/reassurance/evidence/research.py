"""The research log: how far the searches behind the evidence reached.

Every search of the stored public pages is a row of research_log.csv: the
query, its language, the month it aimed at, and the newest relevant dated
result it returned. The report's end date is read from here (the newest
relevant result over the whole log), never typed, so that "the latest source"
means the latest one our searches found, and the log shows how hard each
month and language was searched.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence.load import Evidence
from reassurance.text import date_text

# The first day of the months for which the store's coverage of this story
# thins out (the last dense month is March 2026, see the methodology); the
# count of searches aimed from here on, and of those that found anything
# dated in their month, is what the book reports, not this date alone.
THIN_FROM = "2026-04-01"


def coverage_end(evidence: Evidence) -> pd.Timestamp:
    """The newest relevant dated result that any logged search returned."""
    dates = evidence.research_log["newest_relevant_date"].dropna()
    if dates.empty:
        raise ValueError("the research log records no relevant dated result")
    return pd.Timestamp(dates.max())


def kept_keys(log: pd.DataFrame) -> set[str]:
    """Every source key that some search kept."""
    return {key for kept in log["kept"] if kept != "none" for key in kept.split(";")}


def log_problems(evidence: Evidence) -> list[str]:
    """What the schema cannot say: each search's window in order, its newest
    result inside the time searched, and each kept source in the sources table.
    One line per problem, naming file, row, column and value."""
    log = evidence.research_log
    known = set(evidence.sources["source_key"])
    problems = []
    for row_number, row in enumerate(log.itertuples(index=False), start=2):
        where = f"data/research_log.csv, row {row_number}"
        if row.window_end < row.window_start:
            problems.append(f"{where}, column 'window_end', value '{row.window_end:%Y-%m-%d}': [date-order] the window ends before it starts")
        if pd.notna(row.newest_relevant_date) and row.newest_relevant_date > row.searched_on:
            problems.append(
                f"{where}, column 'newest_relevant_date', value '{row.newest_relevant_date:%Y-%m-%d}': "
                "[date-order] a result dated after the day of the search"
            )
        if pd.notna(row.newest_relevant_date) and row.newest_relevant_url == "n/a":
            problems.append(f"{where}, column 'newest_relevant_url', value 'n/a': [incomplete] a dated result needs its address")
        for key in [] if row.kept == "none" else row.kept.split(";"):
            if key not in known:
                problems.append(f"{where}, column 'kept', value {key!r}: [foreign-key] no such source in data/sources.csv")
    return problems


def month_summary(log: pd.DataFrame) -> pd.DataFrame:
    """One row per month searched (by the first day of each search's window):
    how many searches, in how many languages, and the newest relevant result
    that searches aimed at that month returned."""
    month = log["window_start"].dt.to_period("M")
    grouped = log.assign(month=month).groupby("month", sort=True)
    newest = log.dropna(subset=["newest_relevant_date"]).sort_values(["newest_relevant_date", "search_id"])
    newest_url = newest.assign(month=month).groupby("month")["newest_relevant_url"].last()
    return pd.DataFrame(
        {
            "month": [m.to_timestamp() for m in grouped.groups],
            "searches": grouped.size().to_numpy(),
            "languages": grouped["language"].agg(lambda s: ", ".join(sorted(set(s)))).to_numpy(),
            "with_result": grouped["newest_relevant_date"].agg(lambda s: int(s.notna().sum())).to_numpy(),
            "newest_result": grouped["newest_relevant_date"].max().to_numpy(),
            "newest_url": [newest_url.get(m, "none found") for m in grouped.groups],
        }
    )


def month_reader_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The month summary as the methodology prints it (months and dates in words)."""
    return pd.DataFrame(
        {
            "Month aimed at": [f"{m:%B %Y}" for m in summary["month"]],
            "Searches": summary["searches"],
            "Languages": summary["languages"],
            "Searches with a relevant dated result": summary["with_result"],
            "Newest relevant result": [date_text(d) if pd.notna(d) else "none found" for d in summary["newest_result"]],
            "Source of the newest result": summary["newest_url"],
        }
    )


def searches_from(log: pd.DataFrame, start) -> tuple[int, int]:
    """How many searches aimed at months from `start` on, and how many of them
    returned a relevant result dated inside the window they aimed at: how
    thin the store is for those months."""
    aimed = log[log["window_start"] >= pd.Timestamp(start)]
    inside = aimed["newest_relevant_date"].between(aimed["window_start"], aimed["window_end"])
    return len(aimed), int(inside.sum())
