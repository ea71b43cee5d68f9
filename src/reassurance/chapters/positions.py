"""Positions compared: who stood where on the issues of a settlement.

`data/positions.csv` holds one row per actor and issue for which a statement
or source documents a position. The matrix is built over every pair of the
chosen actors and issues; a pair with no row is shown as *unknown*, with no
source, and is never filled in by inference.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key, labels_by_key
from reassurance.text import join_names, number_text, short_date, with_article

UNKNOWN = "unknown"
NO_SOURCE = "no statement or source found"

# Actors of the matrix, in display order: the co-chairs, Ukraine, Russia, the
# United States, then the other European states named in the brief.
MATRIX_ACTORS = ["gb", "fr", "ua", "ru", "us", "de", "it", "pl"]

# Positions that count as agreement with an issue, and as disagreement.
AGREE = {"supports", "accepts", "limited", "conditional"}
DISAGREE = {"opposes"}


def check(evidence: Evidence) -> list[str]:
    """Problems the Data Package's keys cannot catch; an empty list when all is well.

    - a linked statement must come from the row's source;
    - its speaker must be the actor, speak for the actor, or be an
      organisation (the coalition's co-chairs speak for the UK and France);
    - a row resting only on the article must cite the article;
    - an actor has at most one row per issue.
    """
    statements = evidence.statements.set_index("statement_id")
    actors = evidence.actors.set_index("actor_id")
    article = article_key(evidence)
    problems = [
        f"{actor}: more than one row for issue {issue}"
        for (actor, issue), n in evidence.positions.groupby(["actor_id", "issue"]).size().items()
        if n > 1
    ]
    for row in evidence.positions.itertuples(index=False):
        if row.statement_id != "n/a":
            statement = statements.loc[row.statement_id]
            if statement["source_key"] != row.source_key:
                problems.append(
                    f"{row.position_id}: statement {row.statement_id} comes from {statement['source_key']}, not {row.source_key}"
                )
            speaker = actors.loc[statement["speaker_id"]]
            speaks_for = statement["speaker_id"] == row.actor_id or speaker["represents"] == row.actor_id
            if not speaks_for and speaker["kind"] != "organisation":
                problems.append(f"{row.position_id}: {statement['speaker_id']} does not speak for {row.actor_id}")
        if (row.evidence == "article-only") != (row.source_key == article):
            problems.append(f"{row.position_id}: evidence {row.evidence!r} does not match source {row.source_key}")
    return problems


def cells(evidence: Evidence, actors: list[str] | None = None, issues: list[str] | None = None) -> pd.DataFrame:
    """Every (actor, issue) cell of the matrix, in display order, unknown where undocumented.

    Columns: actor_id, actor, issue, issue_label, position, position_label,
    basis, statement_id, quote, date, source_key, source, evidence.
    """
    actors = list(actors or MATRIX_ACTORS)
    issues = list(issues or labels.ISSUE)
    unknown_issues = sorted(set(issues) - set(labels.ISSUE))
    if unknown_issues:
        raise ValueError(f"unknown issues {unknown_issues}")
    names = evidence.actors.set_index("actor_id")["name"]
    missing = [a for a in actors if a not in names.index]
    if missing:
        raise ValueError(f"unknown actors {missing}")
    sources = labels_by_key(evidence)
    statements = evidence.statements.set_index("statement_id")
    source_dates = evidence.sources.set_index("source_key")["dated"]
    documented = evidence.positions.set_index(["actor_id", "issue"])

    rows = []
    for actor in actors:
        for issue in issues:
            base = {"actor_id": actor, "actor": names[actor], "issue": issue, "issue_label": labels.ISSUE[issue]}
            if (actor, issue) in documented.index:
                row = documented.loc[(actor, issue)]
                linked = row["statement_id"] != "n/a"
                base |= {
                    "position": row["position"],
                    "basis": row["basis"],
                    "statement_id": row["statement_id"],
                    "quote": statements.loc[row["statement_id"], "quote"] if linked else "n/a",
                    "date": statements.loc[row["statement_id"], "date"] if linked else source_dates[row["source_key"]],
                    "source_key": row["source_key"],
                    "source": sources[row["source_key"]],
                    "evidence": row["evidence"],
                }
            else:
                base |= {
                    "position": UNKNOWN,
                    "basis": "No statement or source on this issue was found in the evidence base.",
                    "statement_id": "n/a",
                    "quote": "n/a",
                    "date": pd.NaT,
                    "source_key": "n/a",
                    "source": NO_SOURCE,
                    "evidence": "n/a",
                }
            base["position_label"] = labels.POSITION[base["position"]]
            rows.append(base)
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[s]")
    return frame[
        ["actor_id", "actor", "issue", "issue_label", "position", "position_label", "basis",
         "statement_id", "quote", "date", "source_key", "source", "evidence"]
    ]


def grid(cell_table: pd.DataFrame) -> pd.DataFrame:
    """The matrix itself: one row per actor, one column per issue, position codes as values."""
    actors = list(dict.fromkeys(cell_table["actor"]))
    issues = list(dict.fromkeys(cell_table["issue"]))
    return cell_table.pivot(index="actor", columns="issue", values="position").loc[actors, issues]


def issue_summary(cell_table: pd.DataFrame) -> pd.DataFrame:
    """Per issue: how many actors' positions are documented, how many agree and
    disagree, who, and whether the documented positions meet or collide.

    `outcome` is `collide` when at least one documented actor agrees and one
    opposes, `converge` when at least two are documented and none opposes,
    and `too-few` otherwise (one documented position or none).
    """
    rows = []
    for issue, group in cell_table.groupby("issue", sort=False):
        known = group[group["position"] != UNKNOWN]
        agree = known[known["position"].isin(AGREE)]
        disagree = known[known["position"].isin(DISAGREE)]
        if len(agree) and len(disagree):
            outcome = "collide"
        elif len(known) >= 2 and not len(disagree):
            outcome = "converge"
        else:
            outcome = "too-few"
        rows.append(
            {
                "issue": issue,
                "issue_label": group["issue_label"].iloc[0],
                "documented": len(known),
                "unknown": len(group) - len(known),
                "agree": len(agree),
                "disagree": len(disagree),
                "agreeing": ", ".join(agree["actor"]) or "none",
                "disagreeing": ", ".join(disagree["actor"]) or "none",
                "outcome": outcome,
            }
        )
    return pd.DataFrame(rows)


def reader_table(cell_table: pd.DataFrame) -> pd.DataFrame:
    """The matrix cell by cell, for an accessible table under the figure."""
    dated = cell_table["date"].map(lambda d: "n/a" if pd.isna(d) else short_date(d))
    evidence = cell_table["evidence"].map(lambda e: labels.POSITION_EVIDENCE.get(e, "n/a"))
    return pd.DataFrame(
        {
            "Actor": cell_table["actor"],
            "Issue": cell_table["issue_label"],
            "Position": cell_table["position_label"],
            "Basis (our words)": cell_table["basis"],
            "Statement (verbatim)": cell_table["quote"],
            "Date": dated,
            "Source": cell_table["source"],
            "Evidence": evidence,
        }
    )


def actors_with(cell_table: pd.DataFrame, issue: str, positions: set[str] | str) -> list[str]:
    """Names of the actors whose position on `issue` is one of `positions`, in display order."""
    wanted = {positions} if isinstance(positions, str) else set(positions)
    rows = cell_table[(cell_table["issue"] == issue) & cell_table["position"].isin(wanted)]
    return list(rows["actor"])


# Issues as phrases that fit inside a sentence.
ISSUE_PHRASE = {
    "troops-after-ceasefire": "foreign troops in Ukraine after a ceasefire",
    "ceasefire-first": "deploying after a ceasefire",
    "us-backstop": "a US backstop",
    "more-pressure": "more pressure on Russia",
    "guarantees-for-russia": "guarantees for Russia as well",
    "ukraine-in-nato": "Ukraine in NATO",
    "ukraine-in-eu": "Ukraine in the EU",
}


def issue_phrases(issues) -> str:
    """'a US backstop and more pressure on Russia', in the order given."""
    return join_names([ISSUE_PHRASE[i] for i in issues])


def issues_by_coverage(summary: pd.DataFrame) -> list[str]:
    """Issues ordered by how many positions are documented, most first (ties
    keep display order), so that the matrix's known cells gather on the left."""
    ordered = summary.assign(order=range(len(summary))).sort_values(["documented", "order"], ascending=[False, True])
    return list(ordered["issue"])


def matrix_title(summary: pd.DataFrame) -> str:
    """The matrix's finding: where the documented positions collide, and on how
    many issues they agree."""
    collide = summary.loc[summary["outcome"] == "collide", "issue"]
    converge = int((summary["outcome"] == "converge").sum())
    head = f"Documented positions collide only on {issue_phrases(collide)}" if len(collide) else "No documented positions collide"
    return f"{head}; they agree on {number_text(converge)} issue{'' if converge == 1 else 's'}"


def gap_note(cell_table: pd.DataFrame, summary: pd.DataFrame) -> str:
    """What the blank cells mean, and the issues on which a single actor's
    position is recorded: 'Blank: ... Only Russia's position is recorded on
    Ukraine in NATO, ...'."""
    note = "Blank: no source of those days records the actor's position (it may be public record elsewhere)."
    single = summary[summary["documented"] == 1]
    for actor, group in single.groupby(
        single["issue"].map(lambda i: actors_with(cell_table, i, set(labels.POSITION) - {UNKNOWN})[0]), sort=False
    ):
        note += f" Only {with_article(actor)}'s position is recorded on {issue_phrases(group['issue'])}."
    none = summary[summary["documented"] == 0]
    if len(none):
        note += f" No position is recorded on {issue_phrases(none['issue'])}."
    return note


def names_with(cell_table: pd.DataFrame, issue: str, positions: set[str] | str, *, empty: str = "none") -> str:
    """The actors whose position on `issue` is one of `positions`, as they read
    inside a sentence: 'the United Kingdom, France and Ukraine'."""
    return join_names([with_article(a) for a in actors_with(cell_table, issue, positions)], empty=empty)
