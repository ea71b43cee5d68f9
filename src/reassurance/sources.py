"""Short, reader-facing labels for source keys ("TASS, 5 Sep 2025")."""

from __future__ import annotations

import pandas as pd

from .evidence import Evidence


def short_label(source: pd.Series) -> str:
    dated = source["dated"]
    when = "n.d." if pd.isna(dated) else f"{dated.day} {dated.strftime('%b %Y')}"
    return f"{source['publisher']}, {when}"


def labels_by_key(evidence: Evidence) -> dict[str, str]:
    return {row["source_key"]: short_label(row) for _, row in evidence.sources.iterrows()}


def describe_keys(keys: str, evidence: Evidence, separator: str = "; ") -> str:
    """'tass-2012993; voz-afp-28594' -> 'TASS, 5 Sep 2025; Voz, 4 Sep 2025'."""
    by_key = labels_by_key(evidence)
    return separator.join(by_key[k] for k in keys.split(separator))
