"""Short, reader-facing labels for source keys ("TASS, 5 Sep 2025").

A label must name one source only: where two sources share a publisher and a
date, each label adds what tells them apart (the title when it is known, else
the page's locator, else the source key).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from reassurance.evidence.load import Evidence
from reassurance.text import short_date

# The one source of this outlet type is the article the book annotates.
ARTICLE_TYPE = "article-under-annotation"


def article_key(evidence: Evidence | pd.DataFrame) -> str:
    """The source key of the annotated article, from the evidence or its sources table."""
    sources = evidence if isinstance(evidence, pd.DataFrame) else evidence.sources
    keys = sources.loc[sources["outlet_type"] == ARTICLE_TYPE, "source_key"]
    if len(keys) != 1:
        raise ValueError(f"expected one article under annotation, found {sorted(keys)}")
    return keys.iloc[0]


def credited_name(source) -> str:
    """Who a reference is credited to: the publisher, or for a republisher
    that carries an agency's copy, the agency first ('AFP, via Voz').

    The same name heads the in-text citation, the reference list and every
    label, so a reader sees first whose words a page carries."""
    publisher = str(source["publisher"])
    via = str(source.get("via", "none")).strip()
    if source.get("outlet_type") == "republisher" and via.casefold() not in NO_VIA:
        return f"{via}, via {publisher}"
    return publisher


def short_label(source: pd.Series | dict) -> str:
    """Credited name and date: 'TASS, 5 Sep 2025' (not unique on its own)."""
    dated = source["dated"]
    when = "n.d." if pd.isna(dated) else short_date(dated)
    return f"{credited_name(source)}, {when}"


def _shorten(text: str, limit: int = 48) -> str:
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def _distinguishers(source: pd.Series | dict) -> list[str]:
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
    # Rows as dicts, not iterrows' Series: the chapters ask for the labels
    # once per table row, and building a Series per source took seconds.
    rows = {row["source_key"]: row for row in sources.to_dict("records")}
    base = {key: short_label(row) for key, row in rows.items()}
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


# --- How the references are made up: `make sources` ---------------------------
#
# The report's targets for its references (issue 18): originals and agency
# copies first, so that mirrors (copies of another outlet's page on a scraper or
# aggregator site) are at most 5% of the references, references without a full
# page address at most 5%, and no mirror is cited on the front page or in a
# chapter's findings (the bullets that open it).

MIRROR_TYPE = "mirror"
TARGETS = {"mirrors": 0.05, "no_address": 0.05}


def has_address(source) -> bool:
    """Whether the reference gives its page's full address (host and path)."""
    from reassurance.evidence.bibliography import url

    return url(str(source["locator"])) is not None


def source_shares(sources: pd.DataFrame) -> dict:
    """Counts and shares of the references by kind.

    The annotated article is held by the project as wire copy, not as a page
    with an address, so it is left out of the count of references without one
    (and reported as such); every other reference counts everywhere."""
    total = len(sources)
    types = sources["outlet_type"].astype(str)
    pages = sources[types != ARTICLE_TYPE]
    no_address = sorted(k for k, (_, row) in zip(pages["source_key"], pages.iterrows()) if not has_address(row))
    return {
        "total": total,
        "by_type": types.value_counts().sort_index().to_dict(),
        "mirrors": sorted(sources.loc[types == MIRROR_TYPE, "source_key"]),
        "republishers": sorted(sources.loc[types == "republisher", "source_key"]),
        "no_address": no_address,
        "not_pages": sorted(sources.loc[types == ARTICLE_TYPE, "source_key"]),
    }


_CITE = re.compile(r"\{cite:[a-z]+\}`([^`]+)`")


def cited_keys(markdown: str) -> list[str]:
    """Every key cited with {cite:p}`a,b` (or any cite role) in a text."""
    keys = []
    for group in _CITE.findall(markdown):
        keys.extend(k.strip() for k in group.split(","))
    return keys


def findings_texts(root) -> dict[str, str]:
    """The front page and each chapter's findings: the front page whole, and
    a chapter notebook's first markdown cell (its title and findings bullets)."""
    import json

    root = Path(root)
    texts = {"index.md": (root / "index.md").read_text(encoding="utf-8")}
    for notebook in sorted((root / "book").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        first = next((c for c in cells if c["cell_type"] == "markdown"), None)
        if first is not None:
            texts[f"book/{notebook.name} (findings)"] = "".join(first["source"])
    return texts


def mirrors_in_findings(sources: pd.DataFrame, texts: dict[str, str]) -> dict[str, list[str]]:
    mirrors = set(sources.loc[sources["outlet_type"] == MIRROR_TYPE, "source_key"])
    found = {}
    for where, text in texts.items():
        keys = sorted({k for k in cited_keys(text) if k in mirrors})
        if keys:
            found[where] = keys
    return found


def report(sources: pd.DataFrame, texts: dict[str, str]) -> tuple[str, list[str]]:
    """The printed report and the list of missed targets (empty: all met)."""
    shares = source_shares(sources)
    total = shares["total"]

    def pct(n: int) -> str:
        return f"{n}/{total} ({100 * n / total:.1f}%)" if total else "0/0"

    lines = [f"References: {total}"]
    lines += [f"  {kind:<26} {pct(n)}" for kind, n in shares["by_type"].items()]
    lines.append(f"Mirrors: {pct(len(shares['mirrors']))} (target at most {TARGETS['mirrors']:.0%})")
    lines += [f"  {k}" for k in shares["mirrors"]]
    lines.append(f"Republishers: {pct(len(shares['republishers']))}")
    lines.append(f"Without a full page address: {pct(len(shares['no_address']))} (target at most {TARGETS['no_address']:.0%})")
    lines += [f"  {k}" for k in shares["no_address"]]
    if shares["not_pages"]:
        lines.append(f"Not a web page (held by the project, not counted above): {', '.join(shares['not_pages'])}")
    in_findings = mirrors_in_findings(sources, texts)
    lines.append("Mirrors cited on the front page or in chapter findings: " + ("none" if not in_findings else ""))
    lines += [f"  {where}: {', '.join(keys)}" for where, keys in in_findings.items()]

    missed = []
    for name in ("mirrors", "no_address"):
        if total and len(shares[name]) / total > TARGETS[name]:
            missed.append(f"{name.replace('_', ' ')} above {TARGETS[name]:.0%}")
    if in_findings:
        missed.append("a mirror is cited on the front page or in chapter findings")
    return "\n".join(lines), missed


def main() -> int:
    from reassurance.evidence.load import load_evidence
    from reassurance.paths import project_root

    text, missed = report(load_evidence().sources, findings_texts(project_root()))
    print(text)
    if missed:
        print("Targets missed: " + "; ".join(missed))
        return 1
    print("All source targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def excerpt_problems(rows: pd.DataFrame, id_column: str, excerpts: pd.DataFrame) -> list[str]:
    """Every row (named by `id_column`) whose excerpt is not stored, is empty,
    or is of another source than the row's own: the one check behind each
    table whose rows rest on a stored passage."""
    stored = excerpts.set_index("excerpt_id")
    problems = []
    for row_id, key, excerpt_id in zip(rows[id_column], rows["source_key"], rows["excerpt_id"]):
        if excerpt_id not in stored.index:
            problems.append(f"{row_id}: excerpt {excerpt_id!r} is not stored")
            continue
        passage = stored.loc[excerpt_id]
        if not str(passage["excerpt"]).strip():
            problems.append(f"{row_id}: excerpt {excerpt_id!r} is empty")
        if passage["source_key"] != key:
            problems.append(f"{row_id}: excerpt {excerpt_id!r} is from {passage['source_key']}, not {key}")
    return problems
