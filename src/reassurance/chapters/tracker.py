"""The country tracker: each country's dated stances on the force, the latest, and how they moved.

country_stances.csv holds one row per country (or organisation) per dated
public stance; coalition_membership.csv says whether each is a member of the
coalition, with its source. This module reads both: the latest dated stance
per actor, the actors whose stance was dated more than once and how it moved,
the reader's tables, and the front page's box of members by latest stance.

A stance whose day is unknown stays in the full table but never counts as an
actor's latest stance, and never enters the movement: without a day it cannot
be placed before or after another.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import labels_by_key
from reassurance.text import (
    date_text,
    lower_first,
    markdown_text,
    number_text,
    short_date,
)

# How close a stance comes to sending ground troops, for the direction of a
# move: higher is closer. The United States' support from outside and
# Ukraine's request as host are not on this scale (a move between them and a
# stance on it has no direction).
TOWARD_TROOPS = {
    "ground-troops": 5,
    "ready-in-principle": 4,
    "undecided": 3,
    "non-ground-support": 2,
    "rules-out-troops": 1,
    "opposes-force": 0,
}

# The count that gives the front page's denominator: the newest count of
# coalition members in reported_counts.csv.
MEMBERS_COUNTED = "coalition-members"

DOMAIN_ORDER = ["land", "sea", "air", "training", "logistics", "monitoring", "funding", "command"]


def _order(codes: pd.Series, mapping: dict) -> pd.Series:
    return codes.map({k: i for i, k in enumerate(mapping)})


def stances(evidence: Evidence) -> pd.DataFrame:
    """Every stance row with the actor's name, kind, region and ISO code, the
    stance's label, the member value and the source's short label.

    Sorted by actor name, then date (undated rows last)."""
    actors = evidence.actors.set_index("actor_id")
    members = evidence.coalition_membership.set_index("actor_id")["member"]
    sources = labels_by_key(evidence)
    frame = evidence.country_stances.copy()
    frame = frame.assign(
        actor=frame["actor_id"].map(actors["name"]),
        kind=frame["actor_id"].map(actors["kind"]),
        iso_a2=frame["actor_id"].map(actors["iso_a2"]),
        region=frame["actor_id"].map(actors["region"]),
        stance_label=frame["stance"].map(labels.TRACKER_STANCE),
        member=frame["actor_id"].map(members).fillna("unknown"),
        source=frame["source_key"].map(lambda k: sources.get(k, k)),
        dated=frame["date"].notna(),
    )
    return frame.sort_values(["actor", "dated", "date", "stance_id"], ascending=[True, False, True, True]).reset_index(drop=True)


def dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with a known day."""
    return frame[frame["dated"]]


def latest(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: its latest dated stance (of two on the same day, the
    later row of the file's order by stance id). Actors with only undated
    stances are left out (see undated_only). Sorted by stance, then name."""
    rows = dated(frame).sort_values(["actor_id", "date", "stance_id"]).groupby("actor_id").tail(1)
    rows = rows.assign(stance_order=_order(rows["stance"], labels.TRACKER_STANCE))
    return rows.sort_values(["stance_order", "actor"]).drop(columns="stance_order").reset_index(drop=True)


def undated_only(frame: pd.DataFrame) -> list[str]:
    """Names of the actors whose every stance is undated."""
    has_date = set(dated(frame)["actor_id"])
    return sorted(frame.loc[~frame["actor_id"].isin(has_date), "actor"].unique())


def movers(frame: pd.DataFrame) -> pd.DataFrame:
    """The dated stances of every actor with two or more of them, in date order."""
    rows = dated(frame)
    counts = rows.groupby("actor_id")["stance_id"].transform("count")
    return rows[counts >= 2].sort_values(["actor", "date", "stance_id"]).reset_index(drop=True)


def direction(first: str, last: str) -> str:
    """'toward troops', 'away from troops', 'same stance' or 'off the scale'
    (a stance without a place on TOWARD_TROOPS, such as the US backstop)."""
    if first == last:
        return "same stance"
    if first not in TOWARD_TROOPS or last not in TOWARD_TROOPS:
        return "off the scale"
    return "toward troops" if TOWARD_TROOPS[last] > TOWARD_TROOPS[first] else "away from troops"


def moves(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per actor with two or more dated stances: its first and latest
    dated stance, their dates, how many dated stances, whether it ever changed,
    and the direction from the first to the latest."""
    rows = []
    for actor_id, group in movers(frame).groupby("actor_id", sort=False):
        first, last = group.iloc[0], group.iloc[-1]
        rows.append(
            {
                "actor_id": actor_id,
                "actor": first["actor"],
                "n_stances": len(group),
                "first_date": first["date"],
                "first_stance": first["stance"],
                "latest_date": last["date"],
                "latest_stance": last["stance"],
                "changed": group["stance"].nunique() > 1,
                "direction": direction(first["stance"], last["stance"]),
            }
        )
    return pd.DataFrame(rows)


def movement_title(summary: pd.DataFrame) -> str:
    """The movement chart's finding, computed: how many of the actors drawn
    changed stance at least once, and how many ended nearer to or further from
    sending troops than they began."""
    n, changed = len(summary), int(summary["changed"].sum())
    away = int((summary["direction"] == "away from troops").sum())
    toward = int((summary["direction"] == "toward troops").sum())
    return (
        f"{number_text(changed).capitalize()} of {number_text(n)} countries and bodies changed stance at least once;\n"
        f"{number_text(away)} ended further from sending troops than they began, {number_text(toward)} nearer"
    )


def members_count(evidence: Evidence) -> tuple[int, pd.Series]:
    """The newest count of coalition members in reported_counts.csv, and its row."""
    counts = evidence.reported_counts
    rows = counts[counts["counted"] == MEMBERS_COUNTED].dropna(subset=["date"]).sort_values(["date", "count_id"])
    if rows.empty:
        raise ValueError("no dated count of coalition members in reported_counts.csv")
    row = rows.iloc[-1]
    return int(row["value"]), row


def named_members(evidence: Evidence) -> pd.DataFrame:
    """The countries a source names as coalition members (organisations are not counted)."""
    actors = evidence.actors.set_index("actor_id")
    m = evidence.coalition_membership
    rows = m[(m["member"] == "yes") & (m["actor_id"].map(actors["kind"]) == "country")]
    return rows.assign(country=rows["actor_id"].map(actors["name"])).sort_values("country").reset_index(drop=True)


def domains_text(domains: str) -> str:
    """'land, sea' for 'sea;land'; 'not stated' for none or unknown."""
    named = [d for d in DOMAIN_ORDER if d in str(domains).split(";")]
    return ", ".join(named) if named else "not stated"


MEMBER_SHORT = {"yes": "yes", "no": "no", "unknown": "unknown"}


def short_name(name: str) -> str:
    """A name without its bracketed expansion, where a column is narrow:
    'NATO (North Atlantic Treaty Organization)' -> 'NATO'."""
    return name.split(" (", 1)[0]


def reader_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The page's table, narrow enough for a phone: each country's latest dated
    stance, the day it was stated, and whether a source names it a member."""
    rows = latest(frame)
    return pd.DataFrame(
        {
            "Country or body": rows["actor"].map(short_name),
            "Latest stance": rows["stance_label"],
            "Stated on": [short_date(d) for d in rows["date"]],
            "Member": rows["member"].map(MEMBER_SHORT),
        }
    )


def full_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Every stance, dated or not, with its details and source: the appendix's
    table and the page's download."""
    return pd.DataFrame(
        {
            "Country or body": frame["actor"],
            "Date": [short_date(d) if pd.notna(d) else "day unknown" for d in frame["date"]],
            "Stance": frame["stance_label"],
            "Domains or roles": frame["domains"].map(domains_text),
            "Numbers reported": frame["reported_numbers"],
            "Conditions": frame["conditions"],
            "Parliament": frame["parliamentary_step"],
            "Source": frame["source"],
        }
    )


def membership_table(evidence: Evidence) -> pd.DataFrame:
    """Every membership row, with the country's name and the source's label."""
    actors = evidence.actors.set_index("actor_id")
    sources = labels_by_key(evidence)
    m = evidence.coalition_membership
    order = m.assign(name=m["actor_id"].map(actors["name"]), member_order=_order(m["member"], labels.MEMBER))
    order = order.sort_values(["member_order", "name"])
    return pd.DataFrame(
        {
            "Country or body": order["name"],
            "Member": order["member"].map(labels.MEMBER),
            "Source": order["source_key"].map(lambda k: sources.get(k, k)),
        }
    ).reset_index(drop=True)


# --- The front page's box ----------------------------------------------------


def box(evidence: Evidence) -> dict:
    """What the front page's box shows, from the tracker.

    {members: N counted, named: countries named as members, with_stance: named
    members with a dated stance, groups: [{stance, label, entries}] of named
    members by latest stance, others: entries of non-members, countries of
    unknown membership and organisations, no_stance: named members without a
    dated stance}. An entry is {name, date, source_key, status} where status
    says, for the others, why the actor is not counted among the members."""
    n_members, _ = members_count(evidence)
    frame = stances(evidence)
    last = latest(frame).set_index("actor_id")
    named = named_members(evidence)
    groups = []
    for stance, label in labels.TRACKER_STANCE.items():
        ids = [a for a in named["actor_id"] if a in last.index and last.loc[a, "stance"] == stance]
        if not ids:
            continue
        entries = [_entry(last.loc[a], "") for a in sorted(ids, key=lambda a: last.loc[a, "actor"])]
        groups.append({"stance": stance, "label": label, "entries": entries})
    others = []
    for actor_id, row in last.sort_values("actor").iterrows():
        if actor_id in set(named["actor_id"]):
            continue
        others.append(_entry(row, _status(row)))
    no_stance = sorted(named.loc[~named["actor_id"].isin(last.index), "country"])
    with_stance = int(named["actor_id"].isin(last.index).sum())
    return {"members": n_members, "named": len(named), "with_stance": with_stance, "groups": groups,
            "others": others, "no_stance": no_stance}


def _status(row) -> str:
    if row["kind"] != "country":
        return "an organisation, not one of the member countries"
    if row["stance"] == "host":
        return "the host country, which asks for the force; not counted among the members"
    if row["member"] == "no":
        return "not a member"
    return "membership not established"


def _entry(row, status: str) -> dict:
    # The host's status already says what its stance is.
    label = "" if row["stance"] == "host" else row["stance_label"]
    return {"name": short_name(row["actor"]), "date": row["date"], "source_key": row["source_key"],
            "status": status, "stance_label": label}


def box_lead(content: dict) -> str:
    """The sentence above the groups: the denominator, from the data."""
    return (
        f"Our sources name {content['named']} of the {content['members']} member countries; "
        f"{content['with_stance']} of them have a dated public stance. Each is listed under its "
        "latest stance, with the day it was stated."
    )


def box_entry_markdown(entry: dict, *, others: bool = False) -> str:
    """'France (6 January 2026) {cite:p}`key`'; for a non-member, its status and stance too."""
    when = date_text(entry["date"])
    parts = [entry["status"], lower_first(entry["stance_label"]), when] if others else [when]
    inside = "; ".join(p for p in parts if p)
    # Names and labels come from the data: escaped, so they render as words, never as markup.
    return f"{markdown_text(entry['name'])} ({markdown_text(inside)}) {{cite:p}}`{entry['source_key']}`"


OTHERS_LABEL = "Not counted among the members"
NO_STANCE_LABEL = "Members with no dated stance found"


def box_markdown(content: dict) -> str:
    """The box as MyST: the lead sentence, then a definition list, one term per
    stance held by a named member ('Ready to send troops: 4 of the 35'), then the
    actors that are not counted among the members, each saying why."""
    lines = [box_lead(content), ""]
    for group in content["groups"]:
        n = len(group["entries"])
        lines.append(f"{group['label']}: {n} of the {content['members']}")
        lines.append(": " + "; ".join(box_entry_markdown(e) for e in group["entries"]))
        lines.append("")
    if content["no_stance"]:
        lines += [NO_STANCE_LABEL, ": " + "; ".join(markdown_text(n) for n in content["no_stance"]), ""]
    if content["others"]:
        lines.append(OTHERS_LABEL)
        lines.append(": " + "; ".join(box_entry_markdown(e, others=True) for e in content["others"]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
