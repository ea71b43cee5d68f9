"""Key judgements, their track record and the front page's status board.

A judgement (data/judgements.csv) is a statement about what will happen, made
as of a date, with a likelihood from the PHIA probability yardstick, a
confidence and its basis, what would change it, the sources it rests on
(data/judgement_evidence.csv) and, once settled, its outcome and the source
that settled it. The rules a schema cannot state are checked here and run by
`make validate` (reassurance.evidence.load.validate), each problem naming its file
and row. The scores (hit rate, Brier score) are computed here from the rows;
the Sphinx directives of reassurance.sphinxext.front write the text, one home for
the rendering of every judgement wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.judgement_rules import YARDSTICK
from reassurance.text import date_text, markdown_text, short_date

# Outcomes that score: borne out counts 1, not borne out 0; open and
# overtaken calls are not scored.
SCORED = {"borne-out": 1, "not-borne-out": 0}

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
