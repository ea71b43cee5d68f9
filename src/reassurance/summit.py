"""The summit outcome: who took part and how, and how many were counted."""

from __future__ import annotations

import pandas as pd

from . import labels
from .evidence import Evidence
from .sources import labels_by_key


def roles(evidence: Evidence) -> pd.DataFrame:
    """Each country's part in the 4 September meeting, in role order then by name."""
    names = evidence.actors.set_index("actor_id")["name"]
    sources = labels_by_key(evidence)
    frame = evidence.participants.assign(
        country=lambda d: d["actor_id"].map(names),
        role=lambda d: d["summit_role"].map(labels.SUMMIT_ROLE),
        role_order=lambda d: d["summit_role"].map({k: i for i, k in enumerate(labels.SUMMIT_ROLE)}),
        source=lambda d: d["summit_role_source_key"].map(lambda k: sources.get(k, "no source found")),
    )
    return frame.sort_values(["role_order", "country"], ignore_index=True)[
        ["country", "summit_role", "role", "summit_role_note", "source"]
    ]


def role_counts(role_table: pd.DataFrame) -> pd.DataFrame:
    """Countries per role, with the names, for the roles that occur."""
    grouped = role_table.groupby("summit_role", sort=False).agg(
        countries=("country", "size"), names=("country", ", ".join)
    )
    order = [r for r in labels.SUMMIT_ROLE if r in grouped.index]
    grouped = grouped.loc[order].reset_index()
    grouped.insert(1, "role", grouped["summit_role"].map(labels.SUMMIT_ROLE))
    return grouped


def reported_counts(evidence: Evidence) -> pd.DataFrame:
    """Every reported count with a readable label, largest first."""
    sources = labels_by_key(evidence)
    frame = evidence.reported_counts.assign(
        what=lambda d: d["counted"].map(labels.COUNTED),
        shown=lambda d: d["qualifier"].map(labels.QUALIFIER) + d["value"].astype(str),
        source=lambda d: d["source_key"].map(sources),
    )
    return frame.sort_values(["counted", "value", "count_id"], ascending=[True, False, True], ignore_index=True)


def count_of(counts: pd.DataFrame, counted: str, counted_by_contains: str | None = None) -> int:
    """The single value counted as `counted` (optionally by a given counter); fails if ambiguous."""
    rows = counts[counts["counted"] == counted]
    if counted_by_contains is not None:
        rows = rows[rows["counted_by"].str.contains(counted_by_contains, regex=False)]
    values = set(rows["value"].astype(int))
    if len(values) != 1:
        raise ValueError(f"expected one value counted as {counted!r}, found {sorted(values)}")
    return values.pop()


def values_counted(counts: pd.DataFrame, counted: str) -> list[int]:
    """The distinct values reported for one quantity, smallest first (empty if none)."""
    if counted not in labels.COUNTED:
        raise ValueError(f"unknown quantity {counted!r}; expected one of {sorted(labels.COUNTED)}")
    return sorted(set(counts.loc[counts["counted"] == counted, "value"].astype(int)))
