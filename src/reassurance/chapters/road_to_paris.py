"""The road to Paris: the dated events from the invasion to the Vladivostok speech."""

from __future__ import annotations

import re

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key, labels_by_key
from reassurance.text import date_span_text, markdown_text

# The window the background chapter lists event by event (events_markdown):
# March to September 2025, the Vladivostok speech included.
DETAIL_WINDOW = ("2025-03-01", "2025-09-10")
# The founding year one outlet gives and the report rejects (am1-euromaidan-2023):
# drawn mid-year on the coalition's strand, as small as an event.
DISPUTED_FOUNDING = ("2023-07-01", "coalition", "'formed in 2023'? (one outlet; unverified)")


def report_end(evidence: Evidence) -> pd.Timestamp:
    """The last day the annotated report covers: the date of the annotated article.

    Events that start after it belong to the "Since then" chapter (see
    reassurance.chapters.since_then); the chapters on the two days stop here.
    """
    sources = evidence.sources
    dated = sources.loc[sources["outlet_type"] == "article-under-annotation", "dated"].dropna()
    if len(dated) != 1:
        raise ValueError(f"expected one dated annotated article, found {len(dated)}")
    return pd.Timestamp(dated.iloc[0])


def timeline(evidence: Evidence) -> pd.DataFrame:
    """Every event up to the annotated article's date, in date order (then by id),
    with readable category and source. Later events are the "Since then" chapter's."""
    sources = labels_by_key(evidence)
    frame = evidence.events[evidence.events["start_date"] <= report_end(evidence)].assign(
        category_label=lambda d: d["category"].map(labels.EVENT_CATEGORY),
        source=lambda d: d["source_key"].map(sources),
        days=lambda d: (d["end_date"] - d["start_date"]).dt.days + 1,
    )
    return frame.sort_values(["start_date", "end_date", "event_id"], ignore_index=True)


def between(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events that overlap the window [start, end] (both inclusive)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError("the window ends before it starts")
    inside = (events["end_date"] >= start) & (events["start_date"] <= end)
    return events[inside].reset_index(drop=True)


def events_markdown(events: pd.DataFrame) -> str:
    """The events as a MyST list in the order given, one item each: its date
    from the data (first and last day for an event of several days), strand,
    title and place, and its source cited as the chapters cite
    ({cite:p}). Text from the data is escaped, so it renders as inert text."""
    if events.empty:
        raise ValueError("no event to list")
    items = []
    for row in events.itertuples(index=False):
        place = "" if row.place == "unknown" else f" ({markdown_text(row.place)})"
        items.append(
            f"- **{date_span_text(row.start_date, row.end_date)}** · {markdown_text(labels.EVENT_CATEGORY[row.category])}: "
            f"{markdown_text(row.title)}{place} {{cite:p}}`{row.source_key}`"
        )
    return "\n".join(items)


def detail_events(evidence: Evidence) -> pd.DataFrame:
    """The events of DETAIL_WINDOW, in date order: the chapter's list."""
    return between(timeline(evidence), *DETAIL_WINDOW)


def event(events: pd.DataFrame, event_id: str) -> pd.Series:
    """One event by id; fails loudly if it is missing."""
    rows = events[events["event_id"] == event_id]
    if len(rows) != 1:
        raise KeyError(f"expected one event {event_id!r}, found {len(rows)}")
    return rows.iloc[0]


def days_between(events: pd.DataFrame, first: str, second: str) -> int:
    """Days from the start of one event to the start of another."""
    return int((event(events, second)["start_date"] - event(events, first)["start_date"]).days)


def year_of_war(invasion, day) -> int:
    """Which year of the war `day` falls in, counting from the invasion (day 1 = year 1)."""
    invasion, day = pd.Timestamp(invasion), pd.Timestamp(day)
    if day < invasion:
        raise ValueError("the day is before the invasion")
    years = day.year - invasion.year - ((day.month, day.day) < (invasion.month, invasion.day))
    return years + 1


# The words that named the plan in those months, as regular expressions.
TERMS = {
    "reassurance force": r"reassurance force|reinsurance forces",
    "security guarantees": r"security guarantees|guarantees of|peace guarantees|guarantors",
    "deterrence force": r"deterrence force",
    "peacekeeping": r"peacekeeping",
    "on the ground": r"on the ground",
}


def without_article_duplicates(evidence: Evidence) -> pd.DataFrame:
    """Statements, leaving out the article's rendering of a remark that another source also records."""
    statements = evidence.statements
    from_article = dict(zip(statements["statement_id"], statements["source_key"] == article_key(evidence)))
    drop = set()
    for statement_id, other in zip(statements["statement_id"], statements["variant_of"]):
        if other == "n/a":
            continue
        if from_article[statement_id] and not from_article[other]:
            drop.add(statement_id)
        elif from_article[other] and not from_article[statement_id]:
            drop.add(other)
    return statements[~statements["statement_id"].isin(drop)].reset_index(drop=True)


def terms_in_use(evidence: Evidence, terms: dict[str, str] | None = None) -> pd.DataFrame:
    """Each recorded statement that uses one of the `terms`, in date order.

    A statement that uses several terms appears once per term. Statements
    recorded from the annotated article are left out when the same remark is
    recorded from another source (variant_of), so each remark counts once.
    The column `when` gives the date in words; for a statement whose day is
    unknown it gives the period of the one event recorded from the same source
    (see `statement_when`), so the table agrees with the timeline.
    """
    terms = terms or TERMS
    events = evidence.events
    names = evidence.actors.set_index("actor_id")["name"]
    sources = labels_by_key(evidence)
    statements = without_article_duplicates(evidence)
    rows = []
    for term, pattern in terms.items():
        hits = statements[statements["quote"].str.contains(pattern, flags=re.IGNORECASE, regex=True)]
        for statement in hits.itertuples(index=False):
            rows.append(
                {
                    "term": term,
                    "date": statement.date,
                    "when": statement_when(statement.date, statement.source_key, events),
                    "speaker": names[statement.speaker_id],
                    "quote": statement.quote,
                    "statement_id": statement.statement_id,
                    "source_key": statement.source_key,
                    "source": sources[statement.source_key],
                }
            )
    frame = pd.DataFrame(rows, columns=["term", "date", "when", "speaker", "quote", "statement_id", "source_key", "source"])
    order = {t: i for i, t in enumerate(terms)}
    frame = frame.assign(_order=frame["term"].map(order))
    return frame.sort_values(["_order", "date", "statement_id"], na_position="last", ignore_index=True).drop(columns="_order")


def statement_when(date, source_key: str, events: pd.DataFrame) -> str:
    """A statement's date in words ('4 Sep 2025'). When the day is unknown and
    exactly one event is recorded from the same source, that event's period
    ('15–16 Mar 2025, day not known'), so that no single day is invented;
    otherwise 'unknown'."""
    if not pd.isna(date):
        return date_span_text(date, date)
    same = events[events["source_key"] == source_key]
    if len(same) != 1:
        return "unknown"
    start, end = pd.Timestamp(same["start_date"].iloc[0]), pd.Timestamp(same["end_date"].iloc[0])
    return date_span_text(start, end) + ("" if start == end else ", day not known")


def reader_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a reader reads them: when, what, where, strand, details, source."""
    return pd.DataFrame(
        {
            "Date": [date_span_text(s, e) for s, e in zip(events["start_date"], events["end_date"])],
            "Event": events["title"],
            "Place": events["place"],
            "Strand": events["category_label"],
            "What happened (our words)": events["description"],
            "Source": events["source"],
        }
    )
