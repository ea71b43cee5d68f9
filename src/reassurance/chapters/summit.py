"""The summit outcome: who took part and how, and how many were counted."""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import labels_by_key


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
    frame["who_and_source"] = [who_and_source(b, s) for b, s in zip(frame["counted_by"], frame["source"])]
    return frame.sort_values(["counted", "value", "count_id"], ascending=[True, False, True], ignore_index=True)


def who_and_source(counted_by: str, source: str) -> str:
    """'AP (Africanews)' with source 'Africanews, 4 Sep 2025' -> 'AP (Africanews), 4 Sep 2025':
    the source's publisher is written once where the counter already names it."""
    publisher, _, rest = source.partition(", ")
    publisher = publisher.split(" (")[0]  # 'Élysée (Présidence de la République)' -> 'Élysée'
    if publisher and publisher.lower() in counted_by.lower():
        return f"{counted_by}, {rest}" if rest else counted_by
    return f"{counted_by} ({source})"


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


# How the roles group for the chapter's counts. "In the room" and "remote" need
# a source that says how the country took part on the day; a country known only
# from a list published before the meeting is counted as listed, not present.
IN_ROOM = ("co-chair-in-person", "in-person", "in-person-part")
REMOTE = ("co-chair-by-video", "video")
LISTED_BEFOREHAND = ("listed-in-person", "listed-remote")
ATTENDANCE_GROUPS = {
    "in-room": IN_ROOM,
    "remote": REMOTE,
    "listed-beforehand": LISTED_BEFOREHAND,
    "mode-unknown": ("participant-mode-unknown",),
}


def attendance(role_table: pd.DataFrame) -> pd.DataFrame:
    """Countries per attendance group (in the room, remote, listed beforehand, mode
    unknown), with the roles each group covers as reader labels and the names."""
    records = []
    for group, roles_in_group in ATTENDANCE_GROUPS.items():
        rows = role_table[role_table["summit_role"].isin(roles_in_group)]
        records.append(
            {
                "group": group,
                "roles": "; ".join(labels.SUMMIT_ROLE[r] for r in roles_in_group),
                "countries": len(rows),
                "names": ", ".join(rows["country"]),
            }
        )
    return pd.DataFrame(records)

