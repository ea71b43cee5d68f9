"""The article's claims with their verification status and deciding sources."""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key, describe_keys, labels_by_key
from reassurance.evidence.verbatim import normalise


def with_sources(evidence: Evidence) -> pd.DataFrame:
    """One row per claim, with its deciding source keys joined by '; ' in key order."""
    keys = (
        evidence.claim_sources.sort_values(["claim_id", "source_key"])
        .groupby("claim_id", sort=True)["source_key"]
        .agg("; ".join)
        .rename("source_keys")
    )
    claims = evidence.claims.merge(keys, on="claim_id", how="left", validate="one_to_one")
    return claims.sort_values(["paragraph", "claim_id"], ignore_index=True)


def passages(evidence: Evidence) -> dict[str, str]:
    """For each claim, the stored excerpts its status rests on, as one line of
    text: 'Source: “excerpt” (in English: “…”, ours)', in source-key order.
    The article's own words are the claim itself and are left out."""
    article = article_key(evidence)
    excerpts = evidence.excerpts.set_index("excerpt_id")
    short = labels_by_key(evidence)
    lines: dict[str, list[str]] = {}
    links = evidence.claim_sources.sort_values(["claim_id", "source_key"])
    for link in links.itertuples():
        if link.source_key == article or link.excerpt_id == "n/a":
            continue
        ex = excerpts.loc[link.excerpt_id]
        text = f"{short[link.source_key]}: “{ex['excerpt']}”"
        if ex["translation_by"] != "n/a":
            whose = "our translation" if ex["translation_by"] == "ours" else "the outlet's translation"
            text += f" ({whose}: “{ex['translation']}”)"
        lines.setdefault(link.claim_id, []).append(text)
    return {claim: " · ".join(parts) for claim, parts in lines.items()}


def reader_table(
    claims: pd.DataFrame, evidence: Evidence, *, with_id: bool = False, with_passages: bool = False
) -> pd.DataFrame:
    """The columns a reader needs, with labels instead of codes and keys.

    With `with_id`, the claim's identifier (claims.claim_id) comes first, so a
    reader can cite one claim or find it in the data. With `with_passages`, a
    last column quotes the stored excerpts the status rests on (`passages`).
    """
    table = pd.DataFrame(
        {
            "¶": claims["paragraph"].astype(int),
            "The article says": claims["excerpt"],
            "Kind": claims["claim_type"].map(labels.CLAIM_TYPE),
            "Status": claims["status"].map(labels.STATUS),
            "What the sources show": claims["note"],
            "Sources": [describe_keys(k, evidence) for k in claims["source_keys"]],
        }
    )
    if with_id:
        table.insert(0, "Claim", list(claims["claim_id"]))
    if with_passages:
        shown = passages(evidence)
        table["The passages it rests on"] = [shown.get(c, "none stored") for c in claims["claim_id"]]
    return table


def status_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per status, every status listed (zero where none), in display order."""
    counts = claims["status"].value_counts().reindex(list(labels.STATUS), fill_value=0)
    return pd.DataFrame(
        {"status": counts.index, "label": [labels.STATUS[s] for s in counts.index], "claims": counts.to_numpy()}
    )


PROBLEM_STATUSES = ("inconsistent", "disputed")


def by_paragraph(claims: pd.DataFrame) -> list[tuple[int, pd.DataFrame]]:
    """The claims grouped by article paragraph, in article order (claim order within)."""
    ordered = claims.sort_values(["paragraph", "claim_id"], ignore_index=True)
    return [(int(p), group.reset_index(drop=True)) for p, group in ordered.groupby("paragraph", sort=True)]


def status_by_topic(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic and status: every topic and status listed (zero where none), in display order."""
    counts = claims.groupby(["topic", "status"]).size()
    rows = [
        {
            "topic": topic,
            "topic_label": labels.TOPIC[topic],
            "status": status,
            "status_label": labels.STATUS[status],
            "claims": int(counts.get((topic, status), 0)),
        }
        for topic in labels.TOPIC
        for status in labels.STATUS
    ]
    return pd.DataFrame(rows, columns=["topic", "topic_label", "status", "status_label", "claims"])


def problems(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the sources contradict or dispute (PROBLEM_STATUSES), in article order."""
    rows = claims[claims["status"].isin(PROBLEM_STATUSES)]
    return rows.sort_values(["paragraph", "claim_id"], ignore_index=True)


def article_count_wordings(evidence: Evidence) -> pd.DataFrame:
    """Counts the article gives more than once, for the same thing, in different words.

    One row per wording, for each (counted, value) that the article's rows in
    reported_counts describe in at least two different ways; these are the
    places where the article says one number about two different groups.
    """
    counts = evidence.reported_counts
    own = counts[counts["source_key"] == article_key(evidence)]
    wordings = own.groupby(["counted", "value"])["quote"].transform("nunique")
    rows = own[wordings > 1].assign(paragraph=lambda d: [paragraph_of(q, evidence.claims) for q in d["quote"]])
    rows = rows.sort_values(["counted", "value", "paragraph", "count_id"], ignore_index=True)
    return rows[["count_id", "paragraph", "value", "counted", "counted_by", "quote"]]


def paragraph_of(quote: str, claims: pd.DataFrame) -> int:
    """The paragraph of the first claim whose excerpt is part of `quote` (or contains it)."""
    text = normalise(quote)
    for _, claim in claims.sort_values(["paragraph", "claim_id"]).iterrows():
        excerpt = normalise(claim["excerpt"])
        if excerpt in text or text in excerpt:
            return int(claim["paragraph"])
    raise ValueError(f"no claim of the article matches {quote!r}")


def status_definitions_markdown() -> str:
    """The verification statuses as a Markdown list, in display order, each
    defined in the codebook's own words (so the book cannot drift from it)."""
    from reassurance.evidence.codebook import BY_FIELD

    definitions = BY_FIELD[("claims", "status")]
    missing = [s for s in labels.STATUS if s not in definitions]
    if missing:
        raise ValueError(f"statuses without a definition in the codebook: {missing}")
    return "\n".join(f"- **{labels.STATUS[s]}:** {definitions[s]}" for s in labels.STATUS) + "\n"
