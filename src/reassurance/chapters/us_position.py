"""The US position: what Washington said, and what the coalition expected of it.

Three views of the evidence base:
- `us_statements`: every statement by a US speaker (the US itself or a person
  who represents it), in date order;
- `timeline`: the US's steps (main rows) and the coalition's steps (reference
  marks) in one dated list, for the timeline figure;
- `expectations`: the `us_expectations` table with reader labels, and
  `expectation_counts` for the known / unknown tally.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import labels_by_key
from reassurance.text import date_text, short_date

US = "us"
SIDES = {"coalition": "The coalition and Ukraine", US: "The United States"}
KINDS = {"event": "Event", "statement": "Statement"}
# Short topic names for the timeline's statement labels (statements.topic codes).
TOPIC_WORDS = {
    "foreign-troops": "on troops",
    "security-guarantees": "on guarantees",
    "us-support": "on US support",
    "sanctions": "on pressure on Russia",
    "dialogue": "on talks",
    "negotiations": "on negotiations",
}


# The chapter's timeline: from the Trump–Putin meeting in Alaska, where the
# sources' US track on the force begins, to Putin's answer in Vladivostok. It
# shows what the US said in those weeks; it says nothing about before, which
# the sources checked do not cover.
WINDOW_EVENTS = ("ev-2025-08-15-anchorage", "ev-2025-09-05-putin-eef-plenary")
# The coalition's steps labelled for reference inside that window.
REFERENCE_STEPS = [
    "ev-2025-08-17-cochairs-statement",
    "ev-2025-09-04-paris-summit",
]
def window(evidence: Evidence) -> tuple[str, str]:
    """The timeline's first and last day (ISO), from the dates of WINDOW_EVENTS in events.csv."""
    events = evidence.events.set_index("event_id")
    first, last = (events.loc[e, "start_date"] for e in WINDOW_EVENTS)
    return f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"


def timeline_title(evidence: Evidence, start: str, end: str) -> str:
    """The timeline's finding as its title, from the data: what US speakers
    said of US troops between `start` and `end` (first renderings of their
    statements on foreign troops: its own), and how far the US went on the coalition's
    expectations (us_expectations.us_status)."""
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    remarks = us_statements(evidence, include_variants=False)
    remarks = remarks[remarks["date"].between(first, last)]
    troops = set(remarks.loc[remarks["topic"] == "foreign-troops", "stance"])
    if troops == {"opposes"}:
        on_troops = "ruled out sending troops"
    elif not troops:
        on_troops = "said nothing of sending troops"
    else:
        on_troops = "spoke both for and against sending troops"
    statuses = evidence.us_expectations["us_status"]
    committed = int((statuses == "stated").sum())
    if committed:
        on_help = f"committed to {committed} of the {len(statuses)} things the coalition expected of it"
    elif statuses.isin(["stated-general", "possible"]).any():
        on_help = "promised help only in general terms"
    else:
        on_help = "promised no help"
    span = f"{first.day} {first:%B}" if first.year == last.year else date_text(first)
    return f"From {span} to {date_text(last)}, the US {on_troops} and {on_help}"


def us_speakers(evidence: Evidence) -> set[str]:
    """Actor ids that speak for the United States: the country and the people who represent it."""
    actors = evidence.actors
    return set(actors.loc[(actors["actor_id"] == US) | (actors["represents"] == US), "actor_id"])


def us_statements(evidence: Evidence, *, include_variants: bool = True) -> pd.DataFrame:
    """Statements by US speakers in date order, with the speaker's name and a source label.

    With include_variants=False, a second rendering of a remark already listed
    (a row with variant_of set) is left out, so each remark counts once.
    """
    names = evidence.actors.set_index("actor_id")["name"]
    sources = labels_by_key(evidence)
    rows = evidence.statements[evidence.statements["speaker_id"].isin(us_speakers(evidence))]
    if not include_variants:
        rows = rows[rows["variant_of"] == "n/a"]
    rows = rows.assign(
        speaker=rows["speaker_id"].map(names),
        source=rows["source_key"].map(sources),
    )
    return rows.sort_values(["date", "statement_id"], ignore_index=True)


def _statement_summary(speaker: str, topic: str) -> str:
    """A statement in our words, never a cut quote: 'Donald Trump on troops'."""
    return f"{speaker} {TOPIC_WORDS.get(topic, f'on {topic}')}"


def timeline(evidence: Evidence, start: str, end: str) -> pd.DataFrame:
    """The US's steps, and the coalition's steps for reference, between start and end (inclusive).

    Rows with side 'us' are the figure's main rows: the US events of
    events.csv, whose titles say in our words what was done or said, and any
    dated US statement (first renderings only) made on a day with no US event
    recorded, summarised by speaker and topic. Rows with side 'coalition' are
    the coalition's events, drawn as light reference marks. Each row's label
    begins with its date; no row carries a quotation.
    """
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if first > last:
        raise ValueError(f"start {start} is after end {end}")
    names = evidence.actors.set_index("actor_id")["name"]
    speakers = us_speakers(evidence)

    events = evidence.events[evidence.events["category"].isin(["coalition", US])]
    event_rows = pd.DataFrame(
        {
            "date": events["start_date"],
            "side": events["category"],
            "kind": "event",
            "item_id": events["event_id"],
            "what": events["title"],
            "source_key": events["source_key"],
        }
    )
    us_event_days = set(events.loc[events["category"] == US, "start_date"])

    statements = evidence.statements
    chosen = statements[
        (statements["variant_of"] == "n/a")
        & statements["date"].notna()
        & statements["speaker_id"].isin(speakers)
        & ~statements["date"].isin(us_event_days)
    ]
    statement_rows = pd.DataFrame(
        {
            "date": chosen["date"],
            "side": US,
            "kind": "statement",
            "item_id": chosen["statement_id"],
            "what": [_statement_summary(names[s], t) for s, t in zip(chosen["speaker_id"], chosen["topic"])],
            "source_key": chosen["source_key"],
        }
    )

    frame = pd.concat([event_rows, statement_rows], ignore_index=True)
    frame = frame[(frame["date"] >= first) & (frame["date"] <= last)]
    frame = frame.assign(
        side_label=frame["side"].map(SIDES),
        kind_label=frame["kind"].map(KINDS),
        label=[f"{short_date(d, year=False)} · {w}" for d, w in zip(frame["date"], frame["what"])],
    )
    order = {"event": 0, "statement": 1}
    frame = frame.assign(_k=frame["kind"].map(order), _s=(frame["side"] == US).astype(int))
    frame = frame.sort_values(["date", "_s", "_k", "item_id"], ignore_index=True).drop(columns=["_k", "_s"])
    return frame[["date", "side", "side_label", "kind", "kind_label", "item_id", "what", "label", "source_key"]]


def expectations(evidence: Evidence) -> pd.DataFrame:
    """The coalition's expectations of the US with the US status, in status order then by id."""
    sources = labels_by_key(evidence)
    order = {k: i for i, k in enumerate(labels.US_STATUS)}
    frame = evidence.us_expectations.assign(
        status=lambda d: d["us_status"].map(labels.US_STATUS),
        expectation_source=lambda d: d["expectation_source_key"].map(sources),
        us_source=lambda d: d["us_source_key"].map(sources),
        _order=lambda d: d["us_status"].map(order),
    )
    if frame["status"].isna().any():
        unknown = sorted(set(frame.loc[frame["status"].isna(), "us_status"]))
        raise ValueError(f"us_status without a label: {unknown}")
    return frame.sort_values(["_order", "expectation_id"], ignore_index=True).drop(columns="_order")


def expectation_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Expectations per US status, every status listed (zero where none), in display order."""
    counts = frame["us_status"].value_counts().reindex(list(labels.US_STATUS), fill_value=0)
    return pd.DataFrame(
        {
            "us_status": counts.index,
            "label": [labels.US_STATUS[s] for s in counts.index],
            "expectations": [int(n) for n in counts.to_numpy()],
        }
    )


def expectations_caption(evidence: Evidence) -> str:
    """The expectations table's caption, dated by the report's last day (from the data)."""
    from reassurance.chapters.road_to_paris import report_end

    return f"What the coalition expected from the US, and what the US had said by {date_text(report_end(evidence))}"


def expectations_reader_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The coalition's expectations of the US against what the US had said, as the chapter prints them."""
    return frame[["expectation", "voiced_by", "expectation_source", "status", "us_evidence", "us_source"]].rename(
        columns={
            "expectation": "What was expected of the US",
            "voiced_by": "Voiced by",
            "expectation_source": "Source",
            "status": "US position by 5 September",
            "us_evidence": "What the sources show",
            "us_source": "Source (US side)",
        }
    )
