"""The judgements' rules that a schema cannot state (data/judgements.csv,
data/judgement_evidence.csv, data/board.csv), each problem naming its file and
row. They run with the Data Package's own validation (reassurance.evidence);
the scores and the text are reassurance.chapters.track_record's.
"""

from __future__ import annotations

import csv
from pathlib import Path

from reassurance.evidence import labels

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

# At most this many words in a statement: it is shown on several pages, and a
# sentence of twelve words or more may be said on one page only.
MOST_STATEMENT_WORDS = 11


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
