"""The article's claims with their verification status and deciding sources."""

from __future__ import annotations

import pandas as pd

from . import labels
from .evidence import Evidence
from .sources import describe_keys


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


def for_topic(evidence: Evidence, topic: str) -> pd.DataFrame:
    if topic not in labels.TOPIC:
        raise ValueError(f"unknown topic {topic!r}; expected one of {sorted(labels.TOPIC)}")
    claims = with_sources(evidence)
    return claims[claims["topic"] == topic].reset_index(drop=True)


def reader_table(claims: pd.DataFrame, evidence: Evidence) -> pd.DataFrame:
    """The columns a reader needs, with labels instead of codes and keys."""
    return pd.DataFrame(
        {
            "¶": claims["paragraph"].astype(int),
            "The article says": claims["excerpt"],
            "Kind": claims["claim_type"].map(labels.CLAIM_TYPE),
            "Status": claims["status"].map(labels.STATUS),
            "What the sources show": claims["note"],
            "Sources": [describe_keys(k, evidence) for k in claims["source_keys"]],
        }
    )


def status_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per status, every status listed (zero where none), in display order."""
    counts = claims["status"].value_counts().reindex(list(labels.STATUS), fill_value=0)
    return pd.DataFrame(
        {"status": counts.index, "label": [labels.STATUS[s] for s in counts.index], "claims": counts.to_numpy()}
    )
