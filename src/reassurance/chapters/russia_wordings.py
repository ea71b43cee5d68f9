"""Russia's response, word by word: the renderings of one remark side by side
(where two outlets' English differs, and how), and the Russian originals
beside the English they were translated into. The rest of the chapter's
analysis is reassurance.chapters.russia's.
"""

from __future__ import annotations

import difflib
import re

import pandas as pd

from reassurance.chapters.russia import remark_ids
from reassurance.evidence import labels
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import article_key, labels_by_key
from reassurance.evidence.verbatim import normalise


def variant_pairs(statements: pd.DataFrame) -> pd.DataFrame:
    """Every pair (remark, other rendering of it) linked by `variant_of`.

    One row per rendering, with the original's and the rendering's id, quote
    and source key, in the order of the originals in `statements`.
    """
    by_id = statements.set_index("statement_id")
    renderings = statements[statements["variant_of"] != "n/a"]
    unknown = sorted(set(renderings["variant_of"]) - set(by_id.index))
    if unknown:
        raise ValueError(f"variant_of names statements that are not in the table: {unknown}")
    order = {sid: i for i, sid in enumerate(statements["statement_id"])}
    rows = []
    for _, r in renderings.iterrows():
        original = by_id.loc[r["variant_of"]]
        rows.append(
            {
                "original_id": r["variant_of"],
                "variant_id": r["statement_id"],
                "speaker_id": r["speaker_id"],
                "original_quote": original["quote"],
                "variant_quote": r["quote"],
                "original_source_key": original["source_key"],
                "variant_source_key": r["source_key"],
                "_order": order[r["variant_of"]],
            }
        )
    columns = ["original_id", "variant_id", "speaker_id", "original_quote", "variant_quote", "original_source_key", "variant_source_key"]
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(rows).sort_values(["_order", "variant_id"], ignore_index=True)[columns]


def _tokens(text: str) -> list[str]:
    return normalise(text).split(" ")


def _key(token: str) -> str:
    """A word for comparison: case and surrounding punctuation do not count."""
    return re.sub(r"^[^\w]+|[^\w]+$", "", token.lower())


def wording_changes(a: str, b: str, *, join_gap: int = 1) -> list[tuple[str, str, str]]:
    """Word-level differences from rendering `a` to rendering `b`.

    Returns (kind, words in a, words in b) with kind 'replaced', 'only-a' or
    'only-b'. Case, punctuation next to a word, curly against straight quotes
    and white space are not differences. Two changes separated by at most
    `join_gap` shared words are reported as one replacement, which reads
    better than a string of one-word edits.
    """
    ta, tb = _tokens(a), _tokens(b)
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in ta], b=[_key(t) for t in tb], autojunk=False)
    spans: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= join_gap and j1 - spans[-1][3] <= join_gap:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    changes = []
    for i1, i2, j1, j2 in spans:
        kind = "replaced" if i2 > i1 and j2 > j1 else ("only-a" if i2 > i1 else "only-b")
        changes.append((kind, " ".join(ta[i1:i2]), " ".join(tb[j1:j2])))
    return changes


def describe_changes(changes: list[tuple[str, str, str]], a_name: str, b_name: str) -> str:
    """The changes as one line for a table: 'x' → 'y'; only in B: 'z'."""
    if not changes:
        return "same words"
    parts = []
    for kind, wa, wb in changes:
        if kind == "replaced":
            parts.append(f"‘{wa}’ → ‘{wb}’")
        elif kind == "only-a":
            parts.append(f"only in {a_name}: ‘{wa}’")
        else:
            parts.append(f"only in {b_name}: ‘{wb}’")
    return "; ".join(parts)


def russian_originals(evidence: Evidence, statements: pd.DataFrame) -> pd.DataFrame:
    """For each remark, the Russian words as a source published them, with the
    source and the stored English translation of that excerpt (ours or the
    outlet's). One row per remark that has an original; the longest if several."""
    rows = statements.assign(remark_id=remark_ids(statements))
    rows = rows[(rows["language"] != "en") & (rows["translation"] == "original")]
    excerpts = evidence.excerpts
    short = labels_by_key(evidence)
    out = []
    for remark, group in rows.groupby("remark_id", sort=True):
        best = group.loc[group["quote"].str.len().idxmax()]
        own = excerpts[(excerpts["source_key"] == best["source_key"])]
        match = [t for e, t in zip(own["excerpt"], own["translation"]) if normalise(best["quote"]) in normalise(e)]
        if not match:
            raise ValueError(f"no stored excerpt of {best['source_key']} holds the original of {remark}")
        out.append(
            {
                "remark_id": remark,
                "original_words": best["quote"],
                "original_language": best["language"],
                "original_source_key": best["source_key"],
                "original_source": short[best["source_key"]],
                "original_translation": match[0],
            }
        )
    columns = ["remark_id", "original_words", "original_language", "original_source_key", "original_source", "original_translation"]
    return pd.DataFrame(out, columns=columns)


def translation_pairs(evidence: Evidence, statements: pd.DataFrame) -> pd.DataFrame:
    """The English renderings of the Russian remarks by different sources side
    by side, with the word changes, and the Russian original where a source
    carries it (so that the differences can be read against the original). A
    fragment the same source quotes again in full is not a second translation
    and is left out; the Russian texts themselves are the originals, not
    renderings."""
    pairs = variant_pairs(statements)
    language = statements.set_index("statement_id")["language"]
    pairs = pairs[
        (pairs["original_source_key"] != pairs["variant_source_key"]) & (pairs["variant_id"].map(language) == "en")
    ].reset_index(drop=True)
    remark_of = dict(zip(statements["statement_id"], remark_ids(statements)))
    originals = russian_originals(evidence, statements).set_index("remark_id")
    pairs = pairs.assign(
        russian=[originals["original_words"].get(remark_of[i], "not found") for i in pairs["original_id"]],
        russian_source=[originals["original_source"].get(remark_of[i], "") for i in pairs["original_id"]],
        russian_translation=[originals["original_translation"].get(remark_of[i], "") for i in pairs["original_id"]],
    )
    sources = evidence.sources.set_index("source_key")
    short = labels_by_key(evidence)
    themes = statements.set_index("statement_id")["theme"]
    article = article_key(evidence)

    def outlet(key: str) -> str:
        return str(sources.loc[key, "publisher"]).split(" (")[0]

    return pairs.assign(
        theme=lambda d: d["original_id"].map(themes),
        theme_label=lambda d: d["theme"].map(labels.THEME),
        original_source=lambda d: d["original_source_key"].map(short),
        variant_source=lambda d: d["variant_source_key"].map(short),
        changes=[
            describe_changes(
                wording_changes(a, b), outlet(ka) if ka != article else "the article", outlet(kb)
            )
            for a, b, ka, kb in zip(
                pairs["original_quote"], pairs["variant_quote"], pairs["original_source_key"], pairs["variant_source_key"]
            )
        ],
    )


# --- Attestation -------------------------------------------------------------------------
