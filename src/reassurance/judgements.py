"""Key judgements, their track record and the front page's status board.

A judgement (data/judgements.csv) is a statement about what will happen, made
as of a date, with a likelihood from the PHIA probability yardstick, a
confidence and its basis, what would change it, the sources it rests on
(data/judgement_evidence.csv) and, once settled, its outcome and the source
that settled it. The rules a schema cannot state are checked here and run by
`make validate` (reassurance.evidence.validate), each problem naming its file
and row. The scores (hit rate, Brier score) are computed here from the rows;
the Sphinx directives of reassurance.sphinx_front write the text, one home for
the rendering of every judgement wherever it is shown.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import labels
from .text import date_text, markdown_text, short_date

# The PHIA probability yardstick: each term's range, in per cent (low, high).
YARDSTICK = {
    "remote-chance": (0, 5),
    "highly-unlikely": (10, 20),
    "unlikely": (25, 35),
    "realistic-possibility": (40, 50),
    "likely": (55, 75),
    "highly-likely": (80, 90),
    "almost-certain": (95, 100),
}

# Outcomes that score: borne out counts 1, not borne out 0; open and
# overtaken calls are not scored.
SCORED = {"borne-out": 1, "not-borne-out": 0}

# At most this many words in a statement: it is shown on several pages, and a
# sentence of twelve words or more may be said on one page only.
MOST_STATEMENT_WORDS = 11

# The page a front-page or chapter box shows its judgements on.
TRACK_RECORD_DOC = "/book/track-record"


def midpoint(likelihood: str) -> float:
    """The probability a yardstick term stands for in the scores: its range's midpoint."""
    low, high = YARDSTICK[likelihood]
    return (low + high) / 200


def range_text(likelihood: str) -> str:
    """'25–35%', '≤5%' or '≥95%'."""
    low, high = YARDSTICK[likelihood]
    if low == 0:
        return f"≤{high}%"
    if high == 100:
        return f"≥{low}%"
    return f"{low}–{high}%"


# --- rules the schema cannot state -------------------------------------------------


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def problems(data_dir: Path | str) -> list[str]:
    """Every judgement or board row that breaks a rule, named by file and row.

    Run after the Data Package's own validation, so types, codes and keys are
    already valid. A package without the judgements' tables has nothing to check.
    """
    data = Path(data_dir)
    files = {name: data / f"{name}.csv" for name in ("judgements", "judgement_evidence", "sources", "board")}
    if not all(f.is_file() for f in files.values()):
        return []
    judgements = _rows(files["judgements"])
    evidence = _rows(files["judgement_evidence"])
    dated = {r["source_key"]: r["dated"] for r in _rows(files["sources"])}
    found: list[str] = []
    where = "data/judgements.csv"
    by_id = {r["judgement_id"]: r for r in judgements}
    cited = {r["judgement_id"] for r in evidence}
    for number, row in enumerate(judgements, start=2):
        here = f"{where}, row {number} ({row['judgement_id']})"
        if row["judgement_id"] not in cited:
            found.append(f"{here}: [no-evidence] the judgement names no evidence; add its sources to data/judgement_evidence.csv")
        if row["likelihood"] not in YARDSTICK:
            found.append(f"{here}: [likelihood] {row['likelihood']!r} is not a term of the PHIA probability yardstick")
        if len(row["statement"].split()) > MOST_STATEMENT_WORDS:
            found.append(f"{here}: [statement] more than {MOST_STATEMENT_WORDS} words; say it shorter")
        if row["written"] < row["as_of"]:
            found.append(f"{here}: [written] written on {row['written']}, before its as_of date {row['as_of']}")
        if row["by_date"] <= row["as_of"]:
            found.append(f"{here}: [by_date] {row['by_date']} is not after the as_of date {row['as_of']}")
        settled = [row[c] for c in ("outcome_date", "outcome_source_key", "outcome_note")]
        if row["outcome"] == "open":
            if any(v != "n/a" for v in settled):
                found.append(f"{here}: [outcome] an open judgement has n/a for its outcome date, source and note")
        else:
            if row["outcome_source_key"] == "n/a":
                found.append(f"{here}: [outcome] the outcome {row['outcome']!r} names no source; give the source that settled it")
            if row["outcome_date"] == "n/a" or row["outcome_note"] == "n/a":
                found.append(f"{here}: [outcome] the outcome {row['outcome']!r} needs its date and a note")
            elif row["outcome_date"] <= row["as_of"]:
                found.append(f"{here}: [outcome] settled on {row['outcome_date']}, not after the as_of date {row['as_of']}")
        replaced = by_id.get(row["replaces"])
        if row["replaces"] == row["judgement_id"]:
            found.append(f"{here}: [replaces] a judgement cannot replace itself")
        elif replaced is not None and replaced["as_of"] > row["as_of"]:
            found.append(f"{here}: [replaces] replaces {row['replaces']}, made later ({replaced['as_of']})")
    for number, row in enumerate(evidence, start=2):
        judgement = by_id.get(row["judgement_id"])
        when = dated.get(row["source_key"])
        if judgement is None or when is None:
            continue  # the foreign keys name these
        if when == "unknown" or when > judgement["as_of"]:
            found.append(
                f"data/judgement_evidence.csv, row {number} ({row['judgement_id']}, {row['source_key']}): [evidence-date] "
                f"the source is dated {when}; a judgement as of {judgement['as_of']} rests only on sources dated by then"
            )
    board = _rows(files["board"])
    missing = [i for i in labels.INDICATOR if i not in {r["indicator"] for r in board}]
    if missing:
        found.append(f"data/board.csv: [indicators] the board has no row for {', '.join(missing)}")
    return found


# --- scores ------------------------------------------------------------------------------


def is_hit(p: float, o: int) -> bool:
    """A call holds when it leaned the way things went: p above one half and it
    happened, or below one half and it did not (even odds never hold)."""
    return (p > 0.5 and o == 1) or (p < 0.5 and o == 0)


@dataclass(frozen=True)
class Scores:
    calls: int
    hits: int
    brier: float

    @property
    def hit_rate(self) -> float:
        return self.hits / self.calls


def scored(judgements: pd.DataFrame) -> pd.DataFrame:
    """The settled calls, each with its probability p, outcome o (1 or 0), hit and squared error."""
    rows = judgements[judgements["outcome"].isin(list(SCORED))].copy()
    rows["p"] = rows["likelihood"].map(midpoint)
    rows["o"] = rows["outcome"].map(SCORED)
    rows["hit"] = [is_hit(p, o) for p, o in zip(rows["p"], rows["o"])]
    rows["error"] = (rows["p"] - rows["o"]) ** 2
    return rows


def scores(judgements: pd.DataFrame) -> Scores:
    rows = scored(judgements)
    if rows.empty:
        raise ValueError("no settled judgement to score")
    return Scores(calls=len(rows), hits=int(rows["hit"].sum()), brier=float(rows["error"].mean()))


# --- the text, as MyST whose data are escaped ------------------------------------------------


def likelihood_text(row) -> str:
    return f"{labels.LIKELIHOOD[row.likelihood]} ({range_text(row.likelihood)}), {labels.CONFIDENCE[row.confidence]} confidence"


def item_markdown(row, *, outcome: bool) -> str:
    """One judgement as a list item: the statement, its likelihood and confidence;
    with outcome=True, its date and how it turned out (a link to the track record)."""
    text = f"- **{markdown_text(row.statement)}** {likelihood_text(row)}."
    if outcome:
        text += f" Made as of {date_text(row.as_of)}. Outcome: {labels.OUTCOME[row.outcome].lower()}"
        if row.outcome in SCORED:
            verdict = "held" if is_hit(midpoint(row.likelihood), SCORED[row.outcome]) else "failed"
            text += f"; the call {{doc}}`{verdict} <{TRACK_RECORD_DOC}>`"
        text += "."
    return text


def list_markdown(judgements: pd.DataFrame, shown_in: str) -> str:
    """The judgements a page's box states, in order of their rows."""
    rows = judgements[judgements["shown_in"] == shown_in]
    if rows.empty:
        raise ValueError(f"no judgement is shown in {shown_in!r}")
    outcome = shown_in not in ("front", "since-then")
    items = "\n".join(item_markdown(r, outcome=outcome) for r in rows.itertuples(index=False))
    if outcome:
        return items
    # Calls still open say once when they were made.
    made = " and ".join(sorted({date_text(d) for d in rows["as_of"]}))
    return f"*As of {made}:*\n\n{items}"


def _cite(key: str) -> str:
    return f"{{cite:p}}`{key}`"


def track_record_markdown(judgements: pd.DataFrame, part: str) -> str:
    """A part of the track record: the summary with the scores, the settled
    calls, or the open ones. `judgements` carries its evidence keys (with_evidence)."""
    rows = scored(judgements)
    if part == "summary":
        s = scores(judgements)
        as_of = ", ".join(sorted({date_text(d) for d in rows["as_of"]}))
        written = ", ".join(sorted({date_text(d) for d in rows["written"]}))
        misses = rows[~rows["hit"]]
        lines = [
            f"These {s.calls} calls are dated as of {as_of} and rest only on sources dated by then. "
            f"We wrote them on {written}, knowing what happened since: the score is a retrospective "
            "test, not a real-time record.",
            "",
            f"**{s.hits} of {s.calls} calls held, a hit rate of {s.hit_rate:.0%}. The Brier score is {s.brier:.3f}** "
            "(0 is perfect; a forecaster who always said even odds would score 0.250).",
        ]
        if not misses.empty:
            failed = "; ".join(f"*{markdown_text(r.statement.rstrip('.'))}*" for r in misses.itertuples(index=False))
            lines += ["", f"The calls that failed: {failed}."]
        return "\n".join(lines)
    if part == "settled":
        lines = []
        for r in rows.itertuples(index=False):
            verdict = "held" if r.hit else "failed"
            lines += [
                f"- **{markdown_text(r.statement)}** {likelihood_text(r)}, scored as {r.p:.3f}. "
                f"{markdown_text(r.confidence_basis)} {_cite_all(r.evidence)}",
                "",
                f"  *{labels.OUTCOME[r.outcome]}, {short_date(r.outcome_date)}: the call {verdict}.* "
                f"{markdown_text(r.outcome_note)} {_cite(r.outcome_source_key)}",
            ]
        return "\n".join(lines)
    if part == "open":
        lines = []
        for r in judgements[judgements["outcome"] == "open"].itertuples(index=False):
            lines += [
                f"- **{markdown_text(r.statement)}** {likelihood_text(r)}. Made as of {date_text(r.as_of)}, "
                f"to be scored on {date_text(r.by_date)}. {markdown_text(r.confidence_basis)} {_cite_all(r.evidence)}",
                "",
                f"  *What would change it:* {markdown_text(r.indicators)}",
            ]
        return "\n".join(lines)
    if part == "yardstick":
        return "\n".join(f"- **{labels.LIKELIHOOD[code]}:** {range_text(code)}" for code in YARDSTICK)
    raise ValueError(f"no part {part!r} of the track record (summary, settled, open or yardstick)")


def _cite_all(keys) -> str:
    """At most three sources a bracket."""
    keys = list(keys)
    return " ".join(f"{{cite:p}}`{','.join(keys[i:i + 3])}`" for i in range(0, len(keys), 3))


def with_evidence(evidence) -> pd.DataFrame:
    """The judgements, each with the list of its evidence keys (column evidence)."""
    keys = evidence.judgement_evidence.groupby("judgement_id", sort=False)["source_key"].apply(list)
    return evidence.judgements.assign(evidence=lambda d: d["judgement_id"].map(keys))


# --- the status board ---------------------------------------------------------------------------


def board_as_of(evidence) -> pd.Timestamp:
    """The board's date: the latest date the book's events or the board reach."""
    return max(pd.Timestamp(evidence.events["end_date"].max()), pd.Timestamp(evidence.board["changed"].max()))


def board_rows(evidence) -> list[tuple[str, str, str, str]]:
    """(indicator label, status, date it last changed, source key), in the board's order."""
    board = evidence.board.set_index("indicator")
    return [
        (labels.INDICATOR[code], board.at[code, "status"], short_date(board.at[code, "changed"]), board.at[code, "source_key"])
        for code in labels.INDICATOR
    ]
