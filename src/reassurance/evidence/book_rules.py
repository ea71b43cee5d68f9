"""The rules on the book: they read the project around the data, not a copy
of data/ alone. reassurance.evidence runs them in `make validate` and
`make book`.

On the book, where the data sit in the project (not in a copy of data/ alone):

- [article-text] where the annotated article is present beside the project
  (../shared/sources, as in this project's own CI), every stored excerpt of
  it is in it, every claim's excerpt is in the claim's paragraph, every
  paragraph has a claim, and the stored excerpts hold less than 60% of its
  words; [fact-sheet] where the checking notes are present, every quoted
  commitment mention is in them;
- [book-quote] every passage the book's pages put in double quotes is in a
  stored excerpt or its stored translation (reassurance.evidence.book_text);
- [references-stale] references.bib is what data/sources.csv gives
  (`make references` writes it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from reassurance.evidence import bibliography
from reassurance.evidence.book_text import book_markdown, quotations
from reassurance.evidence.messages import shorten
from reassurance.evidence.quote_rules import StoredExcerpts
from reassurance.evidence.rules import ARTICLE_TYPE, numbered_rows, problem_line
from reassurance.evidence.verbatim import normalise
from reassurance.paths import ARTICLE_FILE, FACT_SHEET_FILE, beside_the_project


def _where(root: Path, page: Path, quote: str) -> str:
    """The page and, where it can be found, the line (Markdown) or cell (notebook) holding the quotation."""
    name = page.relative_to(root).as_posix()
    probe = quote.split("\n", 1)[0][:40]
    if page.suffix == ".md":
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if probe in line:
                return f"{name}, line {number}"
        return name
    for number, cell in enumerate(json.loads(page.read_text(encoding="utf-8"))["cells"], start=1):
        if probe in json.dumps(cell, ensure_ascii=False).replace("\\n", "\n").replace('\\"', '"'):
            return f"{name}, cell {number}"
    return name


def book_problems(root: Path, tables: dict[str, pd.DataFrame], paths: dict[str, str] | None = None) -> list[str]:
    """The book's quotations against the stored excerpts, references.bib
    against sources.csv, and the stored excerpts against the texts beside the
    project where they are present."""
    problems = beside_problems(root, tables, paths or {name: f"{name}.csv" for name in tables})
    if "excerpts" in tables:
        stored = StoredExcerpts(tables["excerpts"])
        # The prose as written, not the notebooks' stored outputs: those are
        # made from the data (whose quotes the data rules hold to the excerpts)
        # and re-made by `make notebooks`, which a stale output must not block;
        # the tests check the outputs after execution.
        for page, text in book_markdown(root, outputs=False, tables=False):
            for quote in quotations(text):
                if normalise(quote) not in stored.with_translations:
                    problems.append(
                        f"{_where(root, page, quote)}, value {shorten(quote)}: [book-quote] the book quotes a passage that is in no "
                        "stored excerpt or translation (data/excerpts.csv); quote the source verbatim and store the passage"
                    )
    bib = root / "references.bib"
    if "sources" in tables and bib.is_file() and not bibliography.problems(tables["sources"]):
        try:
            fresh = bibliography.render(tables["sources"])
        except (ValueError, KeyError) as exc:
            fresh = None
            problems.append(f"data/sources.csv: [bibliography] references.bib cannot be written from this table: {exc}")
        if fresh is not None and fresh != bib.read_text(encoding="utf-8"):
            problems.append("references.bib: [references-stale] it differs from what data/sources.csv gives; run `make references`")
    return problems


# --- Against the texts kept beside the project (../shared/sources) --------------
#
# The annotated article and the checking notes (the fact sheet) are never
# copied into the repository. Where they are present beside the project (as
# in this project's own CI), the stored excerpts are checked against them;
# where they are not (a fresh clone, GitHub Actions), these rules do not run.

# The stored excerpts must not reproduce the article: below this share of its words.
MAX_ARTICLE_SHARE = 0.6


def paragraphs(article: str) -> list[str]:
    """The article's paragraphs: non-empty blocks separated by blank lines, normalised."""
    return [normalise(block) for block in re.split(r"\n\s*\n", article) if block.strip()]


def word_count(text: str) -> int:
    return len(normalise(text).split())


def article_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str], article: str, shown: str) -> list[str]:
    """The stored article excerpts and the claims against the article's own text."""
    if not {"excerpts", "sources", "claims"} <= tables.keys():
        return []
    sources = tables["sources"]
    keys = list(sources.loc[sources["outlet_type"] == ARTICLE_TYPE, "source_key"])
    if len(keys) != 1:
        return []  # [claim-not-in-article] says so
    text = normalise(article)
    paras = paragraphs(article)
    excerpts = tables["excerpts"]
    problems = []
    for number, row in numbered_rows(excerpts):
        if row["source_key"] == keys[0] and normalise(row["excerpt"]) not in text:
            problems.append(
                problem_line(
                    f"data/{paths['excerpts']}", number, "excerpt", row["excerpt"], "article-text", f"the stored excerpt is not in the article ({shown})"
                )
            )
    claims = tables["claims"]
    for number, row in numbered_rows(claims):
        paragraph = int(row["paragraph"])
        if paragraph > len(paras) or normalise(row["excerpt"]) not in paras[paragraph - 1]:
            problems.append(
                problem_line(
                    f"data/{paths['claims']}",
                    number,
                    "paragraph",
                    str(paragraph),
                    "article-text",
                    f"the claim's excerpt is not in paragraph {paragraph} of the article ({shown})",
                )
            )
    missing = sorted(set(range(1, len(paras) + 1)) - {int(p) for p in claims["paragraph"]})
    if missing:
        problems.append(problem_line(f"data/{paths['claims']}", None, "paragraph", None, "article-text", f"paragraphs of the article with no claim: {missing}"))
    stored = list(dict.fromkeys(excerpts.loc[excerpts["source_key"] == keys[0], "excerpt"]))
    # Count each passage once: an excerpt inside a longer stored one adds no words.
    outer = [e for e in stored if not any(e != o and normalise(e) in normalise(o) for o in stored)]
    quoted = sum(word_count(e) for e in outer)
    if quoted >= MAX_ARTICLE_SHARE * word_count(article):
        problems.append(
            problem_line(
                f"data/{paths['excerpts']}",
                None,
                "excerpt",
                None,
                "article-text",
                f"the stored excerpts of the article hold {quoted} of its {word_count(article)} words; they must not reproduce it",
            )
        )
    return problems


def fact_sheet_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str], fact_sheet: str, shown: str) -> list[str]:
    """Quoted commitment mentions against the checking notes they were copied from."""
    if "commitment_mentions" not in tables:
        return []
    text = normalise(fact_sheet)
    return [
        problem_line(
            f"data/{paths['commitment_mentions']}", number, "evidence", row["evidence"], "fact-sheet", f"the quote is not in the checking notes ({shown})"
        )
        for number, row in numbered_rows(tables["commitment_mentions"])
        if row["evidence_kind"] == "quote" and normalise(row["evidence"]) not in text
    ]


def beside_problems(root: Path, tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    """The rules against the texts beside the project, for those present."""
    folder = beside_the_project(root)
    problems = []
    article, facts = folder / ARTICLE_FILE, folder / FACT_SHEET_FILE
    if article.is_file():
        problems += article_problems(tables, paths, article.read_text(encoding="utf-8"), f"../shared/sources/{ARTICLE_FILE}")
    if facts.is_file():
        problems += fact_sheet_problems(tables, paths, facts.read_text(encoding="utf-8"), f"../shared/sources/{FACT_SHEET_FILE}")
    return problems
