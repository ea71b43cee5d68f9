"""Short, reader-facing labels for source keys ("TASS, 5 Sep 2025").

A label must name one source only: where two sources share a publisher and a
date, each label adds what tells them apart (the title when it is known, else
the page's locator, else the source key).
"""

from __future__ import annotations

import pandas as pd

from .evidence import Evidence
from .text import short_date

# The one source of this outlet type is the article the book annotates.
ARTICLE_TYPE = "article-under-annotation"


def article_key(evidence: Evidence | pd.DataFrame) -> str:
    """The source key of the annotated article, from the evidence or its sources table."""
    sources = evidence if isinstance(evidence, pd.DataFrame) else evidence.sources
    keys = sources.loc[sources["outlet_type"] == ARTICLE_TYPE, "source_key"]
    if len(keys) != 1:
        raise ValueError(f"expected one article under annotation, found {sorted(keys)}")
    return keys.iloc[0]


def short_label(source: pd.Series) -> str:
    """Publisher and date: 'TASS, 5 Sep 2025' (not unique on its own)."""
    dated = source["dated"]
    when = "n.d." if pd.isna(dated) else short_date(dated)
    return f"{source['publisher']}, {when}"


def _shorten(text: str, limit: int = 48) -> str:
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def _distinguishers(source: pd.Series) -> list[str]:
    """What can tell a source apart from another with the same label, best first."""
    locator = str(source["locator"])
    first = _shorten(source["title"]) if source["title"] != "unknown" else locator
    return [first, locator, str(source["source_key"])]


def unique_labels(sources: pd.DataFrame) -> dict[str, str]:
    """One label per source key, no two alike.

    A source whose publisher and date no other source shares keeps its short
    label. Otherwise the first distinguisher that makes every label of the
    clashing group unique is added in parentheses.
    """
    base = {row["source_key"]: short_label(row) for _, row in sources.iterrows()}
    rows = {row["source_key"]: row for _, row in sources.iterrows()}
    clashes: dict[str, list[str]] = {}
    for key, label in base.items():
        clashes.setdefault(label, []).append(key)
    labels = dict(base)
    for label, keys in clashes.items():
        if len(keys) == 1:
            continue
        for level in range(3):
            candidate = {k: f"{label} ({_distinguishers(rows[k])[level]})" for k in keys}
            if len(set(candidate.values())) == len(keys):
                break
        labels.update(candidate)
    if len(set(labels.values())) != len(labels):
        raise ValueError("source labels are not unique")
    return labels


def labels_by_key(evidence: Evidence) -> dict[str, str]:
    return unique_labels(evidence.sources)


def describe_keys(keys: str, evidence: Evidence, separator: str = "; ") -> str:
    """'tass-2012993; voz-afp-28594' -> 'TASS, 5 Sep 2025 (tass.com/politics/2012993); Voz, 4 Sep 2025'."""
    by_key = labels_by_key(evidence)
    return separator.join(by_key[k] for k in keys.split(separator))


# `via` values that name no outlet: the page is original, or whose copy it is is unknown.
NO_VIA = {"none", "unknown", "", "nan"}


def _same_name(a, b) -> bool:
    return str(a).strip().casefold() == str(b).strip().casefold()


def independent_count(keys, sources: pd.DataFrame) -> int:
    """How many independent reports the sources `keys` amount to, where pages
    that carry the same wire copy count as one.

    A page whose `via` names an agency or outlet carries that one's copy; the
    Data Package records whose copy, not which dispatch, so pages carrying one
    agency's copy on the same date count as one copy, and that copy counts
    for nothing more when the agency's own page of that date is among the
    keys. Every other page (original, or a copy of unknown origin) counts
    once. Unknown keys raise, so a miscount cannot hide a typo.
    """
    keys = list(dict.fromkeys(keys))
    by_key = sources.set_index("source_key")
    unknown = [k for k in keys if k not in by_key.index]
    if unknown:
        raise ValueError(f"source keys not in sources.csv: {unknown}")
    rows = by_key.loc[keys]
    carries = ~rows["via"].astype(str).str.strip().str.casefold().isin(NO_VIA)
    originals = rows[~carries]
    copies = rows[carries]
    units = len(originals)
    seen: set[tuple[str, str]] = set()
    for via, dated in zip(copies["via"], copies["dated"]):
        copy = (str(via).strip().casefold(), str(dated))
        if copy in seen:
            continue
        seen.add(copy)
        own_page = any(_same_name(p, via) and str(d) == str(dated) for p, d in zip(originals["publisher"], originals["dated"]))
        if not own_page:
            units += 1
    return units
