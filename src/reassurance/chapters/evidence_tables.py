"""The evidence appendix: the lookup tables the chapters link to, in reader form.

A chapter states its argument and links here for the full listing (every
event, every statement, every count, every source's dating). Each function
returns the table as the reader sees it (reader column names, dates in
words); `publish.show_download_table` prints it and writes its CSV.
"""

from __future__ import annotations

import pandas as pd

from reassurance.chapters import (
    commitment,
    positions,
    road_to_paris,
    russia,
    russia_wordings,
    since_then,
    summit,
    tracker,
    us_position,
)
from reassurance.evidence import research
from reassurance.evidence.load import Evidence
from reassurance.text import date_or_unknown, date_text

COUNT_COLUMNS = {"shown": "Number", "what": "What was counted", "counted_by": "Who gave it", "quote": "In the source's words", "source": "Source"}


def events(evidence: Evidence) -> pd.DataFrame:
    """Every dated event of the background, in date order."""
    return road_to_paris.reader_table(road_to_paris.timeline(evidence))


def terms(evidence: Evidence) -> pd.DataFrame:
    """Recorded statements that use 'security guarantees' or 'reassurance force'."""
    frame = road_to_paris.terms_in_use(evidence)
    return frame[["term", "when", "speaker", "quote", "source"]].rename(
        columns={"term": "Term", "when": "Date", "speaker": "Speaker", "quote": "Words (verbatim)", "source": "Source"}
    )


def summit_roles(evidence: Evidence) -> pd.DataFrame:
    """Countries whose part in the 4 September meeting is documented."""
    return summit.roles(evidence)[["country", "role", "summit_role_note", "source"]].rename(
        columns={"country": "Country", "role": "Part in the meeting", "summit_role_note": "Details", "source": "Source"}
    )


def reported_counts(evidence: Evidence) -> pd.DataFrame:
    """Every reported count of participants, members or committed countries."""
    return summit.reported_counts(evidence)[list(COUNT_COLUMNS)].rename(columns=COUNT_COLUMNS)


def stances(evidence: Evidence) -> pd.DataFrame:
    """Each country's public stance on its own contribution, with its evidence."""
    table = commitment.stance_table(evidence)
    shown = table.assign(
        where=table["european"].map({True: "Europe", False: "Outside Europe"}),
        domains_shown=table["domains"].map(commitment.domains_text),
        evidence_shown=[e if kind == "quote" else f"(paraphrase) {e}" for e, kind in zip(table["stance_evidence"], table["evidence_kind"])],
        gloss_shown=commitment.english_gloss(table["stance_gloss"]),
    )
    return shown[["country", "where", "stance_label", "domains_shown", "speaker", "date_shown", "evidence_shown", "gloss_shown", "source"]].rename(
        columns={
            "country": "Country",
            "where": "Region",
            "stance_label": "Stance",
            "domains_shown": "Domains named",
            "speaker": "Who said it",
            "date_shown": "Date",
            "evidence_shown": "In the source's words",
            "gloss_shown": "In English",
            "source": "Source",
        }
    )


def mentions(evidence: Evidence) -> pd.DataFrame:
    """Every country named in connection with the 26, with its own stance."""
    frame = commitment.mentions(evidence, commitment.stance_table(evidence))
    return frame[["country", "mention_label", "stance_label", "named_by", "attribution_label", "evidence", "source"]].rename(
        columns={
            "country": "Country",
            "mention_label": "How it was named",
            "stance_label": "Its own stance",
            "named_by": "Named by",
            "attribution_label": "Whose words",
            "evidence": "In the source's words",
            "source": "Source",
        }
    )


def phrasings(evidence: Evidence) -> pd.DataFrame:
    """How sources describe the 26, and whether the evidence supports each wording."""
    frame = commitment.phrasings(evidence)
    frame = frame.assign(in_article=frame["in_article"].map({True: "yes", False: "no"}))
    return frame[["counted_by", "quote", "phrasing_label", "in_article", "status_label", "supported", "source"]].rename(
        columns={
            "counted_by": "Who",
            "quote": "In the source's words",
            "phrasing_label": "Describes the 26 as",
            "in_article": "In the article",
            "status_label": "Verification status of the article's wording",
            "supported": "Supported by the evidence?",
            "source": "Source",
        }
    )


def putin_themes(evidence: Evidence) -> pd.DataFrame:
    """Putin's remarks of 5 September by theme, with every source that carries each."""
    eef = russia.eef_remarks(evidence, russia.russian_statements(evidence))
    return eef.assign(date=eef["date"].map(date_or_unknown))[["theme_label", "speaker", "date", "words", "renderings", "sources", "attested_by"]].rename(
        columns={
            "theme_label": "Theme",
            "speaker": "Speaker",
            "date": "Date",
            "words": "In the article's words",
            "renderings": "Renderings (one per source)",
            "sources": "Sources",
            "attested_by": "How it is attested",
        }
    )


def translations(evidence: Evidence) -> pd.DataFrame:
    """The article's English against another rendering, with the Russian where a source carries it."""
    pairs = russia_wordings.translation_pairs(evidence, russia.russian_statements(evidence))
    return pairs[["theme_label", "original_quote", "variant_quote", "variant_source", "changes", "russian", "russian_translation", "russian_source"]].rename(
        columns={
            "theme_label": "Remark",
            "original_quote": "The article",
            "variant_quote": "The other rendering",
            "variant_source": "Other source",
            "changes": "Differences in wording",
            "russian": "The Russian words (where a source carries them)",
            "russian_translation": "The Russian in English (our translation)",
            "russian_source": "Source of the Russian",
        }
    )


def date_readings(evidence: Evidence) -> pd.DataFrame:
    """Russian statements that the sources date differently, or give no day."""
    statements = russia.russian_statements(evidence).set_index("statement_id")
    readings = russia.date_readings(evidence)
    return readings.assign(
        statement=[f"{statements.loc[s, 'speaker']}: {statements.loc[s, 'theme_label']}" for s in readings["statement_id"]],
        reported_date=["no day" if pd.isna(d) else date_or_unknown(d) for d in readings["reported_date"]],
    )[["statement", "source", "reported_date", "basis_label", "note"]].rename(
        columns={
            "statement": "Statement",
            "source": "Source",
            "reported_date": "Day given",
            "basis_label": "What the day rests on",
            "note": "How the date was read",
        }
    )


def russian_statements(evidence: Evidence) -> pd.DataFrame:
    """Every Russian remark recorded, one row per remark, in date order."""
    statements = russia.russian_statements(evidence)
    remarks = russia.primary(statements)
    readings = russia.date_readings(evidence)
    table = remarks.assign(
        shown_date=[russia.date_shown(s, d, readings) for s, d in zip(remarks["statement_id"], remarks["date"])],
        stance_label=remarks["stance"].map(russia.STANCE_LABELS),
    )
    return table[["shown_date", "speaker", "venue", "theme_label", "stance_label", "quote", "source"]].rename(
        columns={
            "shown_date": "Date",
            "speaker": "Speaker",
            "venue": "Where",
            "theme_label": "Theme",
            "stance_label": "Stance",
            "quote": "Words",
            "source": "Source",
        }
    )


def russian_consistency(evidence: Evidence) -> pd.DataFrame:
    """Stances of Russian speakers by topic: steady, or differing."""
    statements = russia.russian_statements(evidence)
    consistency = russia.topic_consistency(statements, russia.date_readings(evidence))
    return consistency[["topic_label", "remarks", "speakers", "stances", "verdict", "who_when"]].rename(
        columns={"topic_label": "Topic", "remarks": "Remarks", "speakers": "Speakers", "stances": "Stances", "verdict": "Verdict", "who_when": "Who, when"}
    )


def us_statements(evidence: Evidence) -> pd.DataFrame:
    """What the United States said, with every rendering of each remark."""
    statements = us_position.us_statements(evidence)
    return (
        statements[["date", "speaker", "venue", "quote", "source"]]
        .assign(date=lambda d: d["date"].map(date_text))
        .rename(columns={"date": "Date", "speaker": "Speaker", "venue": "Where", "quote": "In the source's words", "source": "Source"})
    )


def position_cells(evidence: Evidence) -> pd.DataFrame:
    """Every cell of the positions matrix, with its basis and source."""
    return positions.reader_table(positions.cells(evidence))


def since_steps(evidence: Evidence) -> pd.DataFrame:
    """Every step after the two days, with the passage each rests on."""
    return since_then.reader_table(since_then.since_events(evidence))


def since_disagreements(evidence: Evidence) -> pd.DataFrame:
    """Counts, dates and signatories on which the later sources differ."""
    return since_then.disagreements_reader_table(since_then.disagreements(evidence))


def research_months(evidence: Evidence) -> pd.DataFrame:
    """The research log by the month each search aimed at."""
    return research.month_reader_table(research.month_summary(evidence.research_log))


# The appendix, in page order: (anchor, caption, builder). The notebook shows
# them one by one; a test checks that each builds and that none is empty.
def tracker_stances(evidence: Evidence) -> pd.DataFrame:
    """Every dated (and undated) stance of the country tracker, by country and date."""
    return tracker.full_table(tracker.stances(evidence))


def tracker_membership(evidence: Evidence) -> pd.DataFrame:
    """Each country's coalition membership as the sources give it."""
    return tracker.membership_table(evidence)


TABLES = {
    "tbl-evidence-events": ("Every dated event from the invasion to Putin's Vladivostok speech, in date order", events),
    "tbl-evidence-terms": ("Recorded statements that use 'security guarantees' or 'reassurance force', in date order", terms),
    "tbl-evidence-roles": ("Countries whose part in the 4 September meeting is documented", summit_roles),
    "tbl-evidence-counts": ("Every reported count of participants, members or committed countries", reported_counts),
    "tbl-evidence-stances": ("Each country's public stance on contributing to the force, by stance", stances),
    "tbl-evidence-mentions": ("Every country named in connection with the 26, with its own stance", mentions),
    "tbl-evidence-phrasings": ("How sources describe the 26 committed countries", phrasings),
    "tbl-evidence-putin": ("Putin's remarks at the Eastern Economic Forum plenary, by theme", putin_themes),
    "tbl-evidence-translations": ("The article's English against another English rendering, with the Russian where a source carries it", translations),
    "tbl-evidence-datings": ("Where the sources date a Russian statement differently or give no day (unresolved)", date_readings),
    "tbl-evidence-russian": ("Russian statements, August–September 2025, in date order", russian_statements),
    "tbl-evidence-consistency": ("Stances of Russian speakers by topic", russian_consistency),
    "tbl-evidence-us": ("What the United States said, with every rendering of each remark", us_statements),
    "tbl-evidence-positions": ("Every cell of the positions matrix: position, basis, statement and source", position_cells),
    "tbl-evidence-since": ("Every step after the two days, in date order, with the passage each rests on", since_steps),
    "tbl-evidence-disagreements": ("Counts, dates and signatories on which the later sources differ", since_disagreements),
    "tbl-evidence-research": ("The searches behind the evidence, by the month they aimed at", research_months),
    "tbl-evidence-tracker": ("Every stance of the country tracker, by country and date", tracker_stances),
    "tbl-evidence-membership": ("Coalition membership, country by country, with its source", tracker_membership),
}


def table(name: str, evidence: Evidence) -> tuple[str, pd.DataFrame]:
    """The caption and reader frame of one appendix table."""
    caption, build = TABLES[name]
    return caption, build(evidence)


def show(name: str, evidence: Evidence) -> None:
    """Print one appendix table and write its CSV (figure-data/<name>.csv)."""
    from reassurance.publish import show_download_table

    caption, frame = table(name, evidence)
    # The appendix keeps its columns side by side: on a phone it scrolls
    # sideways in its labelled region.
    show_download_table(name, frame, caption=caption, stack=False)
