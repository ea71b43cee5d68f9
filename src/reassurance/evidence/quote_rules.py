"""The quotation rules: every quote of the tables is in a stored excerpt of its
source, every claim rests on the article and on stored excerpts, and no
passage is stored twice ([quote-not-in-excerpts], [claim-*],
[excerpt-of-another-source], [translation], [duplicate-excerpt]; the list is
in reassurance.evidence.rules). reassurance.evidence runs them with the
other rules on the loaded tables.
"""

from __future__ import annotations

import re

import pandas as pd

from reassurance.evidence.rules import ARTICLE_TYPE, numbered_rows, problem_line
from reassurance.evidence.verbatim import normalise


class StoredExcerpts:
    """The stored excerpts, normalised once, searchable by source."""

    def __init__(self, excerpts: pd.DataFrame):
        self.by_source: dict[str, str] = {}
        for key, group in excerpts.groupby("source_key"):
            self.by_source[key] = "\n".join(normalise(e) for e in group["excerpt"])
        self.all = "\n".join(self.by_source.values())
        translations = excerpts.loc[excerpts["translation"] != "n/a", "translation"]
        self.with_translations = self.all + "\n" + "\n".join(normalise(t) for t in translations)

    def in_source(self, quote: str, key: str) -> bool:
        return normalise(quote) in self.by_source.get(key, "")

    def anywhere(self, quote: str) -> bool:
        return normalise(quote) in self.all

    def passage(self, passage: str) -> bool:
        """A passage quoted in a note: its parts around a cut '…' each stored,
        a capital at the start of a sentence allowed."""
        parts = [p.strip() for p in passage.split("…") if p.strip()]
        return all(self.anywhere(p) or self.anywhere(p[:1].swapcase() + p[1:]) for p in parts)


def single_quoted(text: str) -> list[str]:
    """Passages a note quotes in single quotes; an apostrophe inside a word
    (Ukraine's) neither opens nor closes one."""
    return re.findall(r"(?<![\w'])['‘](.+?)['’](?!\w)", text)


# (table, column quoted, column naming its source, rows to check)
_QUOTED = [
    ("statements", "quote", "source_key", None),
    ("reported_counts", "quote", "source_key", None),
    ("participants", "stance_evidence", "stance_source_key", ("evidence_kind", "quote")),
    ("commitment_mentions", "evidence", "source_key", ("evidence_kind", "quote")),
]
# Every column held verbatim to a source's words (the rules above and the claims').
VERBATIM = {(table, column) for table, column, _, _ in _QUOTED} | {("claims", "excerpt"), ("excerpts", "excerpt"), ("excerpts", "translation")}
# Notes that quote sources in single quotes.
NOTES = [
    ("claims", "note"),
    ("positions", "basis"),
    ("participants", "summit_role_note"),
    ("participants", "stance_gloss"),
    ("us_expectations", "us_evidence"),
]


def quote_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    if "excerpts" not in tables:
        return []
    excerpts = tables["excerpts"]
    stored = StoredExcerpts(excerpts)
    problems = []
    for table, column, key, only in _QUOTED:
        if table not in tables:
            continue
        for number, row in numbered_rows(tables[table]):
            if only and row[only[0]] != only[1]:
                continue
            if not stored.in_source(str(row[column]).strip('"'), row[key]):
                problems.append(
                    problem_line(
                        f"data/{paths[table]}",
                        number,
                        column,
                        row[column],
                        "quote-not-in-excerpts",
                        f"the quote is in no stored excerpt of its source {row[key]!r} (data/excerpts.csv)",
                    )
                )
    for table, column in NOTES:
        if table not in tables:
            continue
        for number, row in numbered_rows(tables[table]):
            for passage in single_quoted(str(row[column])):
                if not stored.passage(passage):
                    problems.append(
                        problem_line(
                            f"data/{paths[table]}",
                            number,
                            column,
                            passage,
                            "quote-not-in-excerpts",
                            "the note quotes a passage that is in no stored excerpt (data/excerpts.csv)",
                        )
                    )
    file = f"data/{paths['excerpts']}"
    for number, row in numbered_rows(excerpts):
        english = row["language"] == "en"
        if english != (row["translation"] == "n/a") or english != (row["translation_by"] == "n/a"):
            column = "translation" if english != (row["translation"] == "n/a") else "translation_by"
            problems.append(
                problem_line(
                    file,
                    number,
                    column,
                    row[column],
                    "translation",
                    "an English excerpt takes n/a here; an excerpt in another language needs its translation and whose it is",
                )
            )
    duplicated = excerpts.duplicated(["source_key", "excerpt"])
    for number, row, twice in zip(range(2, len(excerpts) + 2), excerpts.to_dict("records"), duplicated):
        if twice:
            problems.append(
                problem_line(file, number, "excerpt", row["excerpt"], "duplicate-excerpt", f"the passage is already stored for {row['source_key']!r}")
            )
    owner = dict(zip(excerpts["excerpt_id"], excerpts["source_key"]))
    # Every table whose rows rest on a stored passage (events, the tracker, the
    # force's design...); a claim's links have their own rule ([claim-link]).
    for name, table in tables.items():
        if name in ("excerpts", "claim_sources") or not {"source_key", "excerpt_id"} <= set(table.columns):
            continue
        for number, row in numbered_rows(table):
            if owner.get(row["excerpt_id"], row["source_key"]) != row["source_key"]:
                problems.append(
                    problem_line(
                        f"data/{paths[name]}",
                        number,
                        "excerpt_id",
                        row["excerpt_id"],
                        "excerpt-of-another-source",
                        f"the excerpt is of {owner[row['excerpt_id']]!r}, not of the row's source {row['source_key']!r}",
                    )
                )
    problems += _claim_problems(tables, paths, stored, owner)
    return problems


def _claim_problems(tables, paths, stored: StoredExcerpts, owner: dict[str, str]) -> list[str]:
    if not {"claims", "sources"} <= tables.keys():
        return []
    articles = list(tables["sources"].loc[tables["sources"]["outlet_type"] == ARTICLE_TYPE, "source_key"])
    if len(articles) != 1:
        return [
            problem_line(
                f"data/{paths['sources']}",
                None,
                "outlet_type",
                ARTICLE_TYPE,
                "claim-not-in-article",
                f"exactly one source is the article under annotation; found {len(articles)}",
            )
        ]
    article = articles[0]
    problems = []
    for number, row in numbered_rows(tables["claims"]):
        if not stored.in_source(row["excerpt"], article):
            problems.append(
                problem_line(
                    f"data/{paths['claims']}",
                    number,
                    "excerpt",
                    row["excerpt"],
                    "claim-not-in-article",
                    f"the excerpt is in no stored excerpt of the article {article!r} (data/excerpts.csv)",
                )
            )
    if "claim_sources" not in tables:
        return problems
    links = tables["claim_sources"]
    file = f"data/{paths['claim_sources']}"
    for number, row in numbered_rows(links):
        if row["excerpt_id"] == "n/a" and row["source_key"] in stored.by_source:
            problems.append(
                problem_line(file, number, "excerpt_id", "n/a", "claim-link", f"name the stored excerpt of {row['source_key']!r} that the status rests on")
            )
        elif row["excerpt_id"] != "n/a" and owner.get(row["excerpt_id"], row["source_key"]) != row["source_key"]:
            problems.append(
                problem_line(
                    file, number, "excerpt_id", row["excerpt_id"], "claim-link", f"the excerpt is of {owner[row['excerpt_id']]!r}, not of {row['source_key']!r}"
                )
            )
    backed = set(links.loc[(links["excerpt_id"] != "n/a") & (links["source_key"] != article), "claim_id"])
    for number, row in numbered_rows(tables["claims"]):
        if row["claim_type"] != "assessment" and row["claim_id"] not in backed:
            problems.append(
                problem_line(
                    f"data/{paths['claims']}",
                    number,
                    "claim_id",
                    row["claim_id"],
                    "claim-unsupported",
                    "the claim rests on no stored excerpt of a source other than the article: link one in data/claim_sources.csv",
                )
            )
    return problems
