"""Since then: what followed the two days, from the events table.

The events that start after the annotated article's date (context.report_end)
carry the story on: the coalition's planning, the US role, Russia's answers,
and the talks on a ceasefire. Every event has a source and a stored excerpt of
that source (events.excerpt_id); the functions here join them, check them,
and build the chapter's tables: the then-and-now comparison, the answers to
the positions chapter's watch list, and the places where sources disagree.
"""

from __future__ import annotations

import pandas as pd

from reassurance.chapters.road_to_paris import event, report_end
from reassurance.evidence import sources
from reassurance.evidence.labels import MEETING_FORMAT, US_ATTENDED
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import labels_by_key
from reassurance.text import date_span_text, date_text

# The lanes of the timeline, top to bottom: one per actor, and one for the
# war itself, where the talks on a ceasefire between the belligerents sit.
LANES = {
    "coalition": "Coalition",
    "force": "Toward the force",
    "us": "United States",
    "russia": "Russia",
    "talks": "Talks and truces",
}

# For each of the report's four questions: the event that gave the answer on
# 4-5 September 2025, and the latest event that answers it now.
THEN_AND_NOW = [
    ("The summit's outcome", "ev-2025-09-04-paris-summit", "ev-2026-02-24-coalition-kyiv"),
    ("The 26-nation commitment", "ev-2025-09-04-paris-summit", "ev-2026-02-24-mnfu-hq"),
    ("Russia's response", "ev-2025-09-05-putin-eef-plenary", "ev-2026-02-26-lavrov-wishful"),
    ("The US position", "ev-2025-09-04-trump-call", "ev-2026-02-24-zelensky-cnn"),
]

# The trilateral rounds of Russia, Ukraine and the United States, in order.
ROUNDS = ["ev-2026-01-23-abu-dhabi-1", "ev-2026-02-04-abu-dhabi-2", "ev-2026-02-17-geneva-trilateral"]

# Where stored excerpts disagree on a count, a date or who signed: (the question, excerpt ids).
DISAGREEMENTS = [
    ("Points in the US peace plan", ["ex-anewz-28-points", "ex-novinite-235759-27-points"]),
    ("Who took part in Paris on 6 January 2026", ["ex-dlf-2026-35-states", "ex-expertnews-27-leaders"]),
    ("When the Geneva round took place", ["ex-unn-geneva-17-18", "ex-kyivindependent-feb-16"]),
    ("Who signed the Paris Declaration of 6 January 2026",
     ["ex-presidentgovua-all-coalition", "ex-beninwebtv-35-approved", "ex-eurointegration-not-party",
      "ex-onlineua-us-signed", "ex-expertnews-us-not-signed", "ex-euromaidanpress-three-signed"]),
]


def _sorted(events: pd.DataFrame) -> pd.DataFrame:
    return events.sort_values(["start_date", "end_date", "event_id"], ignore_index=True)


def excerpt_problems(evidence: Evidence) -> list[str]:
    """Every event whose excerpt is missing, empty or copied from another source."""
    return sources.excerpt_problems(evidence.events, "event_id", evidence.excerpts)


def date_problems(events: pd.DataFrame) -> list[str]:
    """Events that end before they start."""
    bad = events[events["end_date"] < events["start_date"]]
    return [f"{e}: ends before it starts" for e in bad["event_id"]]


def since_events(evidence: Evidence) -> pd.DataFrame:
    """The events after the annotated article, in date order, each with its
    lane, source label and excerpt (with the English translation where the
    excerpt is in another language)."""
    end = report_end(evidence)
    events = evidence.events[evidence.events["start_date"] > end]
    unknown = set(events["category"]) - set(LANES)
    if unknown:
        raise ValueError(f"events after {end:%Y-%m-%d} in categories without a lane: {sorted(unknown)}")
    excerpts = evidence.excerpts.set_index("excerpt_id")
    sources = labels_by_key(evidence)
    frame = _sorted(events).assign(
        lane=lambda d: d["category"].map(LANES),
        when=lambda d: [date_span_text(s, e) for s, e in zip(d["start_date"], d["end_date"])],
        source=lambda d: d["source_key"].map(sources),
        excerpt=lambda d: d["excerpt_id"].map(excerpts["excerpt"]),
        language=lambda d: d["excerpt_id"].map(excerpts["language"]),
        translation=lambda d: d["excerpt_id"].map(excerpts["translation"]),
    )
    return frame


def latest_date(events: pd.DataFrame) -> pd.Timestamp:
    """The last day any event covers: the latest date the book reaches."""
    if events.empty:
        raise ValueError("no events")
    return pd.Timestamp(events["end_date"].max())


def lane_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per lane, every lane listed, in display order."""
    counts = events["category"].value_counts().reindex(list(LANES), fill_value=0)
    return pd.DataFrame({"category": counts.index, "lane": [LANES[c] for c in counts.index], "events": counts.to_numpy()})


def reader_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a reader reads them: when, who, what, source, and the passage it rests on."""
    passage = [
        f"{x} [{t}]" if lang != "en" else x
        for x, t, lang in zip(events["excerpt"], events["translation"], events["language"])
    ]
    return pd.DataFrame(
        {
            "Date": events["when"],
            "Strand": events["lane"],
            "Event": events["title"],
            "What happened (our words)": events["description"],
            "Source": events["source"],
            "Passage (verbatim)": passage,
        }
    )


def then_and_now(evidence: Evidence) -> pd.DataFrame:
    """One row per question of the report: the event of 4-5 September 2025 and
    the latest event that answers it, each named by its title, with its date
    and source. Titles, not descriptions: the descriptions are printed once, in
    the evidence appendix's listings."""
    end = report_end(evidence)
    sources = labels_by_key(evidence)
    rows = []
    for question, then_id, now_id in THEN_AND_NOW:
        then, now = event(evidence.events, then_id), event(evidence.events, now_id)
        if then["start_date"] > end:
            raise ValueError(f"{then_id} is not from the two days")
        if now["start_date"] <= end:
            raise ValueError(f"{now_id} is not after the two days")
        rows.append(
            {
                "question": question,
                "then_date": then["start_date"],
                "then": then["title"],
                "then_source_key": then["source_key"],
                "then_source": sources[then["source_key"]],
                "now_date": now["start_date"],
                "now": now["title"],
                "now_source_key": now["source_key"],
                "now_source": sources[now["source_key"]],
            }
        )
    return pd.DataFrame(rows)


def watch_answers(evidence: Evidence, latest) -> pd.DataFrame:
    """Each item of the watch list (the data's watch list, in its order) with
    its answer: 'Reported' when one of its events reports it, otherwise
    'Nothing reported by <latest>'; with the events that bear on it and their
    sources."""
    events = evidence.events.set_index("event_id")
    sources = labels_by_key(evidence)
    links = evidence.watch_list_events
    rows = []
    for item in evidence.watch_list.sort_values("position").itertuples():
        own = links[links["item_id"] == item.item_id]
        if own.empty:
            raise KeyError(f"watch item {item.item_id}: no event bears on it")
        chosen = events.loc[list(own["event_id"])].sort_values(["start_date", "end_date"])
        what = "; ".join(f"{date_span_text(r.start_date, r.end_date)}: {r.title}" for r in chosen.itertuples())
        reported = (own["relation"] == "reports").any()
        rows.append(
            {
                "number": int(item.position),
                "item": item.item,
                "answer": "Reported" if reported else f"Nothing reported by {date_span_text(latest, latest)}",
                "events": what,
                "sources": "; ".join(dict.fromkeys(sources[k] for k in chosen["source_key"])),
                "source_keys": ",".join(dict.fromkeys(chosen["source_key"])),
            }
        )
    return pd.DataFrame(rows)


def disagreements(evidence: Evidence) -> pd.DataFrame:
    """Passages of different sources that give different counts, dates or signatories for the same thing."""
    excerpts = evidence.excerpts.set_index("excerpt_id")
    sources = labels_by_key(evidence)
    rows = []
    for topic, ids in DISAGREEMENTS:
        for excerpt_id in ids:
            row = excerpts.loc[excerpt_id]
            text = row["excerpt"] if row["language"] == "en" else f"{row['excerpt']} [{row['translation']}]"
            rows.append({"topic": topic, "passage": text, "source": sources[row["source_key"]], "source_key": row["source_key"]})
    return pd.DataFrame(rows)


def timeline_points(evidence: Evidence, start=None) -> pd.DataFrame:
    """Every event from `start` (by default 1 January of the annotated
    article's year) to the latest, one row each, with its lane and whether it
    falls after the two days: the data of the timeline figure."""
    end = report_end(evidence)
    start = pd.Timestamp(year=end.year, month=1, day=1) if start is None else pd.Timestamp(start)
    events = evidence.events[(evidence.events["start_date"] >= start) & evidence.events["category"].isin(list(LANES))]
    frame = _sorted(events)
    return frame.assign(lane=frame["category"].map(LANES), after=frame["start_date"] > end)[
        ["event_id", "start_date", "end_date", "category", "lane", "after", "title", "source_key"]
    ]


def timeline_title(points: pd.DataFrame, evidence: Evidence) -> str:
    """The timeline's finding as its title: how many recorded steps followed
    the two days (timeline_points' `after`), and the ceasefire's status as
    the front page's board gives it, with its source (board.csv, the part
    before any ';': 'None agreed' becomes 'ceasefire: none agreed')."""
    after = int(points["after"].sum())
    status = evidence.board.set_index("indicator").loc["ceasefire", "status"].split(";")[0].strip()
    return f"{after} steps since Paris; ceasefire: {status[:1].lower() + status[1:]}"


def long_date_span(start, end) -> str:
    """A date or span as the prose writes it, month in full: '12 September 2025',
    '23–24 January 2026'."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    text = date_span_text(start, end)
    return text.replace(f"{start:%b} ", f"{start:%B} ").replace(f"{end:%b} ", f"{end:%B} ")


def rounds(evidence: Evidence) -> pd.DataFrame:
    """The trilateral rounds (ROUNDS), in date order; fails if one is missing."""
    found = evidence.events[evidence.events["event_id"].isin(ROUNDS)]
    missing = set(ROUNDS) - set(found["event_id"])
    if missing:
        raise KeyError(f"rounds not in the events table: {sorted(missing)}")
    return _sorted(found)


def then_and_now_reader_table(table: pd.DataFrame) -> pd.DataFrame:
    """The then-and-now questions as the chapter prints them (dates in words)."""
    return table.assign(then_date=table["then_date"].map(date_text), now_date=table["now_date"].map(date_text))[
        ["question", "then_date", "then", "then_source", "now_date", "now", "now_source"]
    ].rename(
        columns={"question": "Question", "then_date": "Then", "then": "What happened then", "then_source": "Source",
                 "now_date": "Latest", "now": "What the latest source shows", "now_source": "Latest source"}
    )


def disagreements_reader_table(table: pd.DataFrame) -> pd.DataFrame:
    """The passages on which sources differ, as the chapter prints them."""
    return table[["topic", "passage", "source"]].rename(
        columns={"topic": "What is counted", "passage": "Passage (verbatim)", "source": "Source"}
    )


def watch_reader_table(answers: pd.DataFrame) -> pd.DataFrame:
    """The positions chapter's watch list with its answers, as the chapter prints them."""
    return answers[["number", "item", "answer", "events", "sources"]].rename(
        columns={"number": "No.", "item": "What to watch", "answer": "Answer", "events": "What happened", "sources": "Sources"}
    )


def meetings(evidence: Evidence) -> pd.DataFrame:
    """The coalition's meetings after the pledge, in date order: each meetings
    row with its event's date, place and title, and its sources' labels."""
    events = evidence.events.set_index("event_id")
    table = evidence.meetings
    unknown = sorted(set(table["event_id"]) - set(events.index))
    if unknown:
        raise KeyError(f"meetings without an event: {unknown}")
    sources = labels_by_key(evidence)
    frame = table.join(events[["start_date", "end_date", "place", "title", "source_key"]], on="event_id")
    return frame.assign(
        when=[date_span_text(s, e) for s, e in zip(frame["start_date"], frame["end_date"])],
        format_label=frame["format"].map(MEETING_FORMAT),
        us_label=frame["us_attended"].map(US_ATTENDED),
        countries=[str(int(n)) if pd.notna(n) else "not given" for n in frame["countries_reported"]],
        source=frame["source_key"].map(sources),
    ).sort_values(["start_date", "event_id"], ignore_index=True)


def meetings_reader_table(table: pd.DataFrame) -> pd.DataFrame:
    """The meetings as the chapter prints them: date, place, format, chairs, the
    number of countries a source gave, and US attendance."""
    return table[["when", "place", "format_label", "chairs", "countries", "us_label", "source"]].rename(
        columns={"when": "Date", "place": "Where", "format_label": "Format", "chairs": "Chaired by",
                 "countries": "Countries (as counted)", "us_label": "US present", "source": "Source"}
    )
