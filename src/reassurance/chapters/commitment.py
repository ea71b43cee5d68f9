"""The 26-nation commitment: who said what, who was named, and how the 26 were described.

Macron never listed the 26 countries. What the evidence base holds instead is
each country's own public stance (participants.csv), the few times a source
named a country in connection with the 26 (commitment_mentions.csv), and the
different ways sources described the 26 (reported_counts.csv). This module
puts them side by side.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key as _article_key
from reassurance.evidence.sources import labels_by_key
from reassurance.evidence.verbatim import normalise, occurs_in
from reassurance.text import country_list, date_text, markdown_text, number_text

DOMAINS = ["land", "sea", "air", "training", "logistics", "monitoring"]

# A documented stance says something about the country's own contribution.
UNDOCUMENTED = {"unknown", "not-applicable"}

# Stances that do not amount to a commitment of troops to the force.
NOT_A_TROOP_COMMITMENT = {"no-troops", "undecided", "not-among-26"}

# Mentions that place a country among the contributors.
CONTRIBUTOR_MENTIONS = {"important-contributor", "named-willing-to-deploy", "listed-as-committing"}

NO_STANCE_EVIDENCE = "No public statement on a contribution to the force is in the evidence base."


def _order(codes: pd.Series, mapping: dict) -> pd.Series:
    return codes.map({k: i for i, k in enumerate(mapping)})


def stance_table(evidence: Evidence) -> pd.DataFrame:
    """One row per country with a public stance, plus every European country of
    the evidence base without one, here or in the country tracker (shown as
    unknown, never left out).

    Sorted by stance (in label order), then by country name.
    """
    actors = evidence.actors[evidence.actors["kind"] == "country"].set_index("actor_id")
    sources = labels_by_key(evidence)
    frame = evidence.participants.copy()
    frame["in_participants"] = True
    known = set(frame["actor_id"])
    # A country whose stance the country tracker dates has a public statement
    # on its part (in the tracker chapter), so it is not listed here as having none.
    tracked = set(evidence.country_stances.loc[evidence.country_stances["date"].notna(), "actor_id"])
    missing = actors[(actors["region"] == "europe") & ~actors.index.isin(known | tracked)].index
    if len(missing):
        extra = pd.DataFrame(
            {
                "actor_id": list(missing),
                "stance": "unknown",
                "domains": "unknown",
                "speaker": "none found",
                "stance_date": pd.NaT,
                "stance_evidence": NO_STANCE_EVIDENCE,
                "stance_gloss": "n/a",
                "evidence_kind": "paraphrase",
                "stance_source_key": "n/a",
                "stance_date_note": "n/a",
                "in_participants": False,
            }
        )
        extra["stance_date"] = extra["stance_date"].astype(frame["stance_date"].dtype)
        frame = pd.concat([frame, extra], ignore_index=True)
    frame = frame.assign(
        country=frame["actor_id"].map(actors["name"]),
        iso_a2=frame["actor_id"].map(actors["iso_a2"]),
        region=frame["actor_id"].map(actors["region"]),
        stance_label=frame["stance"].map(labels.STANCE),
        documented=~frame["stance"].isin(UNDOCUMENTED),
        source=frame["stance_source_key"].map(lambda k: sources.get(k, "none")),
        stance_order=_order(frame["stance"], labels.STANCE),
    )
    frame["date_shown"] = [stance_date_text(d, n) for d, n in zip(frame["stance_date"], frame["stance_date_note"])]
    frame["european"] = frame["region"] == "europe"
    if frame["country"].isna().any():
        raise ValueError(f"countries missing from actors.csv: {sorted(frame.loc[frame['country'].isna(), 'actor_id'])}")
    columns = [
        "actor_id",
        "country",
        "iso_a2",
        "region",
        "european",
        "in_participants",
        "stance",
        "stance_label",
        "documented",
        "domains",
        "speaker",
        "stance_date",
        "stance_evidence",
        "evidence_kind",
        "stance_source_key",
        "source",
        "stance_gloss",
        "stance_date_note",
        "date_shown",
    ]
    return frame.sort_values(["stance_order", "country"], ignore_index=True)[columns]


def stance_date_text(date, note: str = "n/a") -> str:
    """The date of a stance for a table: '4 September 2025'; where the date is unknown,
    the period the sources give (stance_date_note), else 'unknown'."""
    if pd.isna(date):
        return "unknown" if note in ("n/a", "", None) or note != note else note
    if note not in ("n/a", "", None) and note == note:
        raise ValueError(f"a stance with a date ({date:%Y-%m-%d}) must not also have a date note ({note!r})")
    return date_text(date)


def domain_list(domains: str) -> list[str]:
    """'air;sea' -> ['air', 'sea']; 'none' and 'unknown' -> []."""
    if domains in ("none", "unknown"):
        return []
    parts = domains.split(";")
    unknown = [p for p in parts if p not in DOMAINS]
    if unknown:
        raise ValueError(f"unknown domain(s) {unknown} in {domains!r}")
    return parts


def domains_text(domains: str) -> str:
    """Reader text for the domains column."""
    if domains == "unknown":
        return "not stated"
    if domains == "none":
        return "none"
    return ", ".join(domain_list(domains))


def contribution_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """Long table: one row per country with a documented stance and per domain it named
    (a row with domain 'not stated' where it named none). Keeps the stance order."""
    rows = []
    for _, row in table[table["documented"]].iterrows():
        named = domain_list(row["domains"]) or ["not stated"]
        for domain in named:
            rows.append({"country": row["country"], "iso_a2": row["iso_a2"], "stance": row["stance"], "stance_label": row["stance_label"], "domain": domain})
    return pd.DataFrame(rows, columns=["country", "iso_a2", "stance", "stance_label", "domain"])


def mentions(evidence: Evidence, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of a country in connection with the 26, with the country's own stance."""
    table = stance_table(evidence) if table is None else table
    stances = table.set_index("actor_id")
    sources = labels_by_key(evidence)
    frame = evidence.commitment_mentions.copy()
    unknown = sorted(set(frame["actor_id"]) - set(stances.index))
    if unknown:
        raise ValueError(f"mentioned countries without a row in the stance table: {unknown}")
    frame = frame.assign(
        country=frame["actor_id"].map(stances["country"]),
        iso_a2=frame["actor_id"].map(stances["iso_a2"]),
        european=frame["actor_id"].map(stances["european"]).astype(bool),
        stance=frame["actor_id"].map(stances["stance"]),
        stance_label=frame["actor_id"].map(stances["stance_label"]),
        mention_label=frame["mention"].map(labels.MENTION),
        attribution_label=frame["attribution"].map(labels.ATTRIBUTION),
        source=frame["source_key"].map(sources),
        mention_order=_order(frame["mention"], labels.MENTION),
        stance_order=frame["actor_id"].map(stances["stance"]).pipe(_order, labels.STANCE),
    )
    frame["named_as_contributor"] = frame["mention"].isin(CONTRIBUTOR_MENTIONS)
    frame["own_stance_rules_out_troops"] = frame["stance"].isin(NOT_A_TROOP_COMMITMENT)
    return frame.sort_values(["mention_order", "stance_order", "country"], ignore_index=True)


def mention_crosstab(mention_table: pd.DataFrame) -> pd.DataFrame:
    """Countries by how they were named (rows) and their own stance (columns); only
    mentions and stances that occur, in label order, with the country codes in each cell."""
    rows = [m for m in labels.MENTION if m in set(mention_table["mention"])]
    cols = [s for s in labels.STANCE if s in set(mention_table["stance"])]
    records = []
    for m in rows:
        for s in cols:
            cell = mention_table[(mention_table["mention"] == m) & (mention_table["stance"] == s)]
            records.append(
                {
                    "mention": m,
                    "mention_label": labels.MENTION[m],
                    "stance": s,
                    "stance_label": labels.STANCE[s],
                    "countries": len(cell),
                    "iso_codes": " ".join(cell["iso_a2"]),
                }
            )
    return pd.DataFrame(records)


# How a source describes the 26, from its words (checked in this order).
PHRASINGS = {
    "mostly-european": "Mostly European",
    "european": "European",
    "allies": "Ukraine's allies",
    "countries": "Countries (no region given)",
}


# What a claim's verification status says about whether the evidence supports the wording.
SUPPORT = {
    "confirmed": "supported",
    "confirmed-with-nuance": "supported",
    "disputed": "disputed",
    "inconsistent": "not supported",
    "unverified": "unverified",
    "n/a": "n/a (not the article)",
}


def classify_phrasing(quote: str) -> str:
    """How a source's words describe the 26 committed countries."""
    text = normalise(quote).lower()
    if "essentiellement européens" in text or "essentially european" in text or "mostly european" in text:
        return "mostly-european"
    if "european" in text or "européen" in text:
        return "european"
    if "allies" in text:
        return "allies"
    return "countries"


def phrasings(evidence: Evidence, article_key: str | None = None) -> pd.DataFrame:
    """Each source's description of the 26 committed countries, classified, with the
    verification status of the article's own two descriptions (from claims.csv)."""
    article_key = article_key or _article_key(evidence)
    sources = labels_by_key(evidence)
    counts = evidence.reported_counts
    rows = counts[counts["counted"] == "committed-countries"].copy()
    claims = evidence.claims

    def article_claim(row) -> pd.Series:
        if row["source_key"] != article_key:
            return pd.Series({"claim_id": "n/a", "status": "n/a"})
        hits = claims[[occurs_in(excerpt, row["quote"]) for excerpt in claims["excerpt"]]]
        if len(hits) != 1:
            raise ValueError(f"expected one claim for {row['count_id']}, found {list(hits['claim_id'])}")
        return pd.Series({"claim_id": hits["claim_id"].iloc[0], "status": hits["status"].iloc[0]})

    rows[["claim_id", "status"]] = rows.apply(article_claim, axis=1)
    rows = rows.assign(
        phrasing=rows["quote"].map(classify_phrasing),
        source=rows["source_key"].map(sources),
        in_article=rows["source_key"] == article_key,
    )
    rows["phrasing_label"] = rows["phrasing"].map(PHRASINGS)
    rows["status_label"] = rows["status"].map(lambda s: labels.STATUS.get(s, "not a claim of the article"))
    rows["supported"] = rows["status"].map(SUPPORT)
    rows["phrasing_order"] = _order(rows["phrasing"], PHRASINGS)
    return rows.sort_values(["in_article", "phrasing_order", "count_id"], ascending=[False, True, True], ignore_index=True)[
        [
            "count_id",
            "counted_by",
            "quote",
            "phrasing",
            "phrasing_label",
            "in_article",
            "claim_id",
            "status",
            "status_label",
            "supported",
            "source_key",
            "source",
        ]
    ]


def non_european_participants(table: pd.DataFrame) -> pd.DataFrame:
    """Countries outside Europe (by actors.region) in the participants table."""
    return table[table["in_participants"] & ~table["european"]].sort_values("country", ignore_index=True)


def code_key(codes, evidence: Evidence) -> str:
    """A compact key from ISO codes to country names, in code order:
    'BE Belgium, DE Germany, ...' (each code once; fails on a code not in actors)."""
    actors = evidence.actors[evidence.actors["kind"] == "country"]
    names = dict(zip(actors["iso_a2"], actors["name"]))
    wanted = sorted(set(codes))
    missing = [c for c in wanted if c not in names]
    if missing:
        raise ValueError(f"codes without a country in actors.csv: {missing}")
    return ", ".join(f"{c} {names[c]}" for c in wanted)


# What the "In English" column says where the evidence needs no gloss: a cell is
# never blank, in the table or in its download.
ALREADY_ENGLISH = "already in English"


def english_gloss(glosses: pd.Series) -> pd.Series:
    """The English gloss of each stance's evidence for a table: ALREADY_ENGLISH
    where the evidence is in English (stance_gloss 'n/a')."""
    return glosses.fillna("n/a").map(lambda g: ALREADY_ENGLISH if g == "n/a" else g)


# --- The front page's "Who's in the 26?" box -----------------------------------

# The box's groups, in reading order: every stance that says something about a
# country's own part. Unknown and not-applicable say nothing, so they get no group.
BOX_STANCES = ["ready", "ready-in-principle", "open", "air-sea-training-only", "undecided", "no-troops", "not-among-26"]

# Stances whose entries name the domains the country offered (they differ within the group).
BOX_SHOWS_DOMAINS = {"air-sea-training-only"}

BOX_EMPTY = "No country in our sources said this of itself."


def box_groups(table: pd.DataFrame) -> list[dict]:
    """The box's groups, each {stance, label, entries}, in BOX_STANCES order.

    An entry is {country, source_key, domains}: a country whose own coded
    stance (participants.csv) is the group's, with the source of that stance.
    A group no country falls in is kept, with no entries; a country whose
    stance is not coded is in no group. Entries are sorted by country name.
    """
    missing = [s for s in BOX_STANCES if s not in labels.STANCE]
    if missing:
        raise ValueError(f"box stances without a label: {missing}")
    groups = []
    for stance in BOX_STANCES:
        rows = table[table["stance"] == stance].sort_values("country")
        entries = []
        for row in rows.itertuples():
            if row.stance_source_key in ("n/a", "unknown", ""):
                raise ValueError(f"{row.country}: a coded stance ({stance}) without a source")
            domains = domains_text(row.domains) if stance in BOX_SHOWS_DOMAINS else ""
            entries.append({"country": row.country, "source_key": row.stance_source_key, "domains": domains})
        groups.append({"stance": stance, "label": labels.STANCE[stance], "entries": entries})
    return groups


def box_entry_markdown(entry: dict) -> str:
    """'Sweden (air, sea) {cite:p}`key`': the country, what it offered where the
    group says it, and a citation that links to the source of its words."""
    offered = f" ({markdown_text(entry['domains'])})" if entry["domains"] and entry["domains"] != "not stated" else ""
    # Names and domains come from the data: escaped, so they render as words, never as markup.
    return f"{markdown_text(entry['country'])}{offered} {{cite:p}}`{entry['source_key']}`"


def box_markdown(groups: list[dict]) -> str:
    """The groups as a MyST definition list: one term per group, its entries
    separated by semicolons, or BOX_EMPTY where no country falls in it."""
    lines = []
    for group in groups:
        entries = "; ".join(box_entry_markdown(e) for e in group["entries"]) or BOX_EMPTY
        lines += [group["label"], f": {entries}", ""]
    return "\n".join(lines).rstrip() + "\n"


def names_with_stance(table: pd.DataFrame, *stances: str) -> str:
    """The countries of `table` whose stance is one of `stances`, joined for a sentence."""
    return country_list(table.loc[table["stance"].isin(stances), "country"])


def count_with_stance(table: pd.DataFrame, *stances: str) -> int:
    """How many countries of `table` have one of `stances`."""
    return int(table["stance"].isin(stances).sum())


def on_map(table: pd.DataFrame) -> pd.DataFrame:
    """The countries the map draws: those with a documented part in the meeting
    or a public stance. European countries with neither are left off, and the
    caption names them."""
    return table[table["in_participants"]].reset_index(drop=True)


def map_title(table: pd.DataFrame) -> str:
    """The map's finding: how many of the countries drawn said they were ready (at least in principle),
    and how many ruled out troops."""
    drawn = on_map(table)
    ready = count_with_stance(drawn, "ready", "ready-in-principle")
    no_troops = count_with_stance(drawn, "no-troops")
    return (
        f"{number_text(ready).capitalize()} of {len(drawn)} countries with a documented part said they were\n"
        f"ready, at least in principle; {number_text(no_troops)} ruled out troops"
    )
