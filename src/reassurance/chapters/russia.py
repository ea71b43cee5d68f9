"""Russia's response: Putin's remarks at the Eastern Economic Forum (Vladivostok,
5 September 2025) and the Russian statements around them, coded by theme;
the renderings of one remark side by side; how each remark is attested; and
where the position holds steady or differs from one topic to another.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key, labels_by_key
from reassurance.text import (
    date_or_unknown,
    date_text,
    number_text,
    sentence_case,
)

RUSSIA = "ru"
EEF_DATE = pd.Timestamp("2025-09-05")

# Each theme refines one topic of statements.csv (checked against the data by a test).
THEME_TOPIC = {
    "troops-legitimate-targets": "foreign-troops",
    "troops-pointless-after-peace": "foreign-troops",
    "nato-troops-rejected": "foreign-troops",
    "guarantees-insecurity": "security-guarantees",
    "not-without-russia": "security-guarantees",
    "neutral-ukraine": "security-guarantees",
    "guarantees-for-both": "security-guarantees",
    "full-implementation": "implementation",
    "agreement-impossible": "negotiations",
    "no-nato-membership": "nato",
    "eu-membership-accepted": "eu",
}

TOPIC_LABELS = {
    "foreign-troops": "Foreign troops in Ukraine",
    "security-guarantees": "Security guarantees",
    "implementation": "Implementing an agreement",
    "negotiations": "Prospects of an agreement",
    "nato": "Ukraine in NATO",
    "eu": "Ukraine in the EU",
}

STANCE_LABELS = labels.STATEMENT_STANCE  # the chapter reads russia.STANCE_LABELS


def russian_statements(evidence: Evidence) -> pd.DataFrame:
    """Statements by people who speak for Russia, with theme, speaker name and
    source label, ordered by date (unknown last), theme order and id."""
    actors = evidence.actors.set_index("actor_id")
    speakers = actors.index[actors["represents"] == RUSSIA]
    sources = labels_by_key(evidence)
    frame = evidence.statements[evidence.statements["speaker_id"].isin(speakers)]
    frame = frame.merge(evidence.statement_themes, on="statement_id", how="left", validate="one_to_one")
    if frame["theme"].isna().any():
        missing = sorted(frame.loc[frame["theme"].isna(), "statement_id"])
        raise ValueError(f"Russian statements without a theme in statement_themes.csv: {missing}")
    theme_order = {t: i for i, t in enumerate(labels.THEME)}
    frame = frame.assign(
        speaker=lambda d: d["speaker_id"].map(actors["name"]),
        theme_label=lambda d: d["theme"].map(labels.THEME),
        theme_order=lambda d: d["theme"].map(theme_order),
        source=lambda d: d["source_key"].map(sources),
        is_rendering=lambda d: d["variant_of"] != "n/a",
    )
    return frame.sort_values(
        ["date", "theme_order", "statement_id"], na_position="last", ignore_index=True
    )


def remark_ids(statements: pd.DataFrame) -> pd.Series:
    """For each row, the id of the remark it renders: follows `variant_of`
    links to the row that is no one's rendering (a chain a -> b -> c gives c).
    Raises on a link to a missing row or on a cycle."""
    links = dict(zip(statements["statement_id"], statements["variant_of"]))
    roots = []
    for sid in statements["statement_id"]:
        seen, current = {sid}, sid
        while links[current] != "n/a":
            current = links[current]
            if current not in links:
                raise ValueError(f"variant_of names a statement that is not in the table: {current}")
            if current in seen:
                raise ValueError(f"variant_of links form a cycle through {sid}")
            seen.add(current)
        roots.append(current)
    return pd.Series(roots, index=statements.index, name="remark_id")


def primary(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per remark: drop the rows that are other renderings of a remark."""
    return statements[statements["variant_of"] == "n/a"].reset_index(drop=True)


def rendering_count(statements: pd.DataFrame) -> int:
    """Renderings of the remarks: one per remark and source. A source that
    quotes a fragment of a remark and then the full sentence (both rows linked
    by `variant_of`) gives one rendering, not two."""
    if statements.empty:
        return 0
    return int(pd.DataFrame({"remark": remark_ids(statements), "source": statements["source_key"]}).drop_duplicates().shape[0])


# --- Renderings of one remark ------------------------------------------------------------


def attestation(keys: list[str], sources: pd.DataFrame) -> str:
    """How a remark is attested, from the sources of all its renderings.

    'Article only' when nothing but the annotated article carries it; a
    remark carried besides the article only by pro-Kremlin outlets says so.
    """
    table = sources.set_index("source_key")
    article = article_key(sources)
    others = sorted(k for k in set(keys) if k != article)
    in_article = article in keys
    if not others:
        return "Article only" if in_article else "No source"
    names = []
    for key in others:
        row = table.loc[key]
        name = str(row["publisher"])
        if row["via"] not in ("none", "unknown") and row["via"] not in name:
            name += f", citing {row['via']}"
        names.append(name)
    pro_kremlin_only = all(table.loc[k, "outlet_type"] == "pro-kremlin-outlet" for k in others)
    listing = "; ".join(names)
    if pro_kremlin_only:
        listing = f"only a pro-Kremlin outlet ({listing})"
    return f"Article and {listing}" if in_article else sentence_case(listing)


def eef_remarks(evidence: Evidence, statements: pd.DataFrame) -> pd.DataFrame:
    """Putin's remarks at the EEF plenary, one row per theme, with how each is attested."""
    eef = statements[(statements["speaker_id"] == "putin") & (statements["date"] == EEF_DATE)]
    short = labels_by_key(evidence)
    rows = []
    for theme in [t for t in labels.THEME if t in set(eef["theme"])]:
        group = eef[eef["theme"] == theme]
        first = primary(group).iloc[0]
        keys = list(dict.fromkeys(group["source_key"]))
        rows.append(
            {
                "theme": theme,
                "theme_label": labels.THEME[theme],
                "topic": first["topic"],
                "speaker": first["speaker"],
                "date": first["date"],
                "venue": first["venue"],
                "words": first["quote"],
                "renderings": rendering_count(group),
                "sources": "; ".join(short[k] for k in keys),
                "attested_by": attestation(keys, evidence.sources),
            }
        )
    return pd.DataFrame(rows)


def attestation_matrix(evidence: Evidence, statements: pd.DataFrame) -> pd.DataFrame:
    """For each EEF theme and each source carrying any EEF remark: does the
    source carry a rendering of this remark? The article comes first, then
    the other sources by kind (state media, news outlets, republishers,
    mirrors, pro-Kremlin outlets) and key."""
    eef = statements[(statements["speaker_id"] == "putin") & (statements["date"] == EEF_DATE)]
    sources = evidence.sources.set_index("source_key")
    kinds = ["article-under-annotation", "state-media", "news-outlet", "republisher", "mirror", "pro-kremlin-outlet"]
    keys = sorted(
        set(eef["source_key"]),
        key=lambda k: (kinds.index(sources.loc[k, "outlet_type"]) if sources.loc[k, "outlet_type"] in kinds else len(kinds), k),
    )
    themes = [t for t in labels.THEME if t in set(eef["theme"])]
    carried = set(zip(eef["theme"], eef["source_key"]))
    # One column per outlet: several pages of one outlet (TASS's English and
    # Russian reports) make one column, listing their keys.
    outlets: dict[str, list[str]] = {}
    for k in keys:
        name = "The article" if k == article_key(evidence) else str(sources.loc[k, "publisher"]).split(" (")[0]
        outlets.setdefault(name, []).append(k)
    return pd.DataFrame(
        [
            {
                "theme": t,
                "theme_label": labels.THEME[t],
                "source_key": "; ".join(ks),
                "source": name,
                "outlet_type": sources.loc[ks[0], "outlet_type"],
                "carried": any((t, k) in carried for k in ks),
            }
            for t in themes
            for name, ks in outlets.items()
        ]
    )


# --- Dates -------------------------------------------------------------------------------


def date_readings(evidence: Evidence) -> pd.DataFrame:
    """Each source's dating of a statement (statement_dates.csv), with labels.

    `source` names the source uniquely (labels_by_key); `attribution` is how a
    sentence credits the day: the publisher, and the agency it cites where
    sources.via names one ('Novinite citing RIA Novosti')."""
    short = labels_by_key(evidence)
    by_key = evidence.sources.set_index("source_key")
    credit = {
        key: row["publisher"] + (f" citing {row['via']}" if row["via"] not in ("none", "unknown") else "")
        for key, row in by_key.iterrows()
    }
    return evidence.statement_dates.assign(
        basis_label=lambda d: d["basis"].map(labels.DATE_BASIS),
        source=lambda d: d["source_key"].map(short),
        attribution=lambda d: d["source_key"].map(credit),
    ).sort_values(["statement_id", "reported_date", "source_key"], na_position="last", ignore_index=True)


def date_shown(statement_id: str, recorded, readings: pd.DataFrame) -> str:
    """The date as a reader should see it: the recorded date, or 'unknown',
    followed by every source's own dating where statement_dates.csv has one."""
    base = date_or_unknown(recorded)
    rows = readings[readings["statement_id"] == statement_id]
    if rows.empty:
        return base
    alternatives = [
        f"{'no day' if pd.isna(r['reported_date']) else date_or_unknown(r['reported_date'])} per {_credit(r)}"
        for _, r in rows.iterrows()
    ]
    return f"{base} (" + "; ".join(alternatives) + ")"


def _credit(reading: pd.Series) -> str:
    """Who gives a dating, as a sentence credits it (date_readings' attribution,
    or the source's label where there is none)."""
    credit = reading.get("attribution")
    return reading["source"] if credit is None or pd.isna(credit) else credit


# --- Timeline ----------------------------------------------------------------------------


def timeline(statements: pd.DataFrame, readings: pd.DataFrame, topics: list[str]) -> pd.DataFrame:
    """One point per remark (renderings dropped) on the given topics, plus one
    point per alternative dating a source gives. `dating` is 'recorded' for the
    date in statements.csv, 'alternative' for another source's day and
    'unknown' where the statement has no date."""
    remarks = primary(statements)
    remarks = remarks[remarks["topic"].isin(topics)]
    rows = []
    for _, r in remarks.iterrows():
        base = {
            "statement_id": r["statement_id"],
            "speaker": r["speaker"],
            "topic": r["topic"],
            "theme": r["theme"],
            "theme_label": r["theme_label"],
            "stance": r["stance"],
        }
        rows.append({**base, "date": r["date"], "dating": "unknown" if pd.isna(r["date"]) else "recorded", "source_key": r["source_key"]})
        for _, d in readings[readings["statement_id"] == r["statement_id"]].iterrows():
            if pd.isna(d["reported_date"]) or d["reported_date"] == r["date"]:
                continue
            rows.append({**base, "date": d["reported_date"], "dating": "alternative", "source_key": d["source_key"]})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    order = {t: i for i, t in enumerate(labels.THEME)}
    return frame.assign(_o=frame["theme"].map(order)).sort_values(
        ["_o", "date", "dating", "statement_id"], na_position="last", ignore_index=True
    ).drop(columns="_o")


# What a remark of each stance did, as the timeline's title says it.
STANCE_VERBS = {"opposes": "opposed", "conditional": "set conditions", "supports": "supported", "describes": "described"}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def timeline_title(points: pd.DataFrame) -> str:
    """The timeline's finding as its title, counted from its points: for each
    topic in the order drawn, what the remarks on it did ('opposed foreign
    troops in Ukraine in all three remarks'; 'on security guarantees, three
    opposed and two set conditions'). Each remark counts once, whatever the
    number of days the sources give it."""
    remarks = points.drop_duplicates("statement_id")
    parts = []
    for topic in dict.fromkeys(remarks["topic"]):
        counts = remarks.loc[remarks["topic"] == topic, "stance"].value_counts()
        label = _lower_first(TOPIC_LABELS[topic])
        if len(counts) == 1:
            stance, n = counts.index[0], int(counts.iloc[0])
            every = f"in all {number_text(n)} remarks" if n > 1 else "in its one remark"
            parts.append(f"{STANCE_VERBS[stance]} {label} {every}" if stance != "conditional" else f"set conditions on {label} {every}")
        else:
            ordered = [s for s in labels.STATEMENT_STANCE if s in counts.index]
            said = [f"{number_text(int(counts[s]))} {STANCE_VERBS[s]}" for s in ordered]
            parts.append(f"on {label}, " + ", ".join(said[:-1]) + f" and {said[-1]}")
    if not parts:
        raise ValueError("no remark to title the timeline with")
    lead = "Russian officials " if not parts[0].startswith("on ") else "Russian officials' remarks: "
    return lead + "; ".join(parts)


def timeline_note(points: pd.DataFrame) -> str:
    """The timeline caption's count sentence: how many remarks are drawn, and,
    only when there are any, how many have no date (drawn in the column
    marked 'date unknown')."""
    remarks = points.drop_duplicates("statement_id")
    shown = len(remarks)
    undated = int((remarks["dating"] == "unknown").sum())
    sentence = f"Remarks shown: {number_text(shown)}."
    if undated:
        sentence += f" Without a date: {number_text(undated)}, drawn in the column marked date unknown."
    return sentence


# --- Consistency -------------------------------------------------------------------------


def topic_consistency(statements: pd.DataFrame, readings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per topic, the stances Russian speakers took across their remarks.

    'steady' when every remark on the topic takes the same stance, 'differs'
    when they take more than one, 'single remark' when there is only one.
    Renderings of one remark are counted once. With `readings`
    (date_readings), a day that a source of statement_dates.csv gives is
    attributed to it ('2 September 2025 per Novinite').
    """
    remarks = primary(statements)
    rows = []
    for topic in [t for t in TOPIC_LABELS if t in set(remarks["topic"])]:
        group = remarks[remarks["topic"] == topic]
        stances = [s for s in labels.STATEMENT_STANCE if s in set(group["stance"])]
        verdict = "single remark" if len(group) == 1 else ("steady" if len(stances) == 1 else "differs")
        by_stance = "; ".join(
            f"{labels.STATEMENT_STANCE[s]}: " + _speakers_and_days(group[group["stance"] == s], readings) for s in stances
        )
        rows.append(
            {
                "topic": topic,
                "topic_label": TOPIC_LABELS[topic],
                "remarks": len(group),
                "speakers": ", ".join(sorted(set(group["speaker"]))),
                "stances": "; ".join(labels.STATEMENT_STANCE[s] for s in stances),
                "verdict": verdict,
                "who_when": by_stance,
            }
        )
    return pd.DataFrame(rows)


def _day(value) -> str:
    return "date unknown" if pd.isna(value) else date_text(value)


def _speakers_and_days(group: pd.DataFrame, readings: pd.DataFrame | None = None) -> str:
    """'Maria Zakharova (18 August 2025), Vladimir Putin (2 September 2025, 5 September 2025)': each speaker
    once, in order of first appearance, with the distinct days in date order. With
    `readings`, a day given by a source of statement_dates.csv names that source."""
    parts = []
    for speaker in dict.fromkeys(group["speaker"]):
        mine = group[group["speaker"] == speaker]
        dated = mine.dropna(subset=["date"]).sort_values("date", kind="stable")
        days = list(dict.fromkeys(_attributed_day(sid, d, readings) for sid, d in zip(dated["statement_id"], dated["date"])))
        days += ["date unknown"] if mine["date"].isna().any() else []
        parts.append(f"{speaker} ({', '.join(days)})")
    return ", ".join(parts)


def _attributed_day(statement_id: str, date, readings: pd.DataFrame | None) -> str:
    """The day, followed by 'per <source>' for every source of `readings` that
    gives that day for this statement."""
    day = _day(date)
    if readings is None or readings.empty:
        return day
    rows = readings[(readings["statement_id"] == statement_id) & (readings["reported_date"] == date)]
    sources = list(dict.fromkeys(_credit(r) for _, r in rows.iterrows()))
    return f"{day} per {' and '.join(sources)}" if sources else day
