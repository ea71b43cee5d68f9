"""The project's own rules: what the Data Package's schema cannot say.

`reassurance.evidence.validate` runs them after Frictionless (the schema,
keys and foreign keys), so `make validate`, `make book` (before any notebook
runs), `make references`, `make notebooks` and the tests all apply one set of
rules. Every problem is one line naming the file, the row, the column and the
value, then the rule in brackets and what to do.

On the CSV cells as written (before types are read):

- [control-character] no control character (U+0000-U+001F, U+007F-U+009F),
  line or paragraph separator, byte-order mark, or bidirectional mark,
  embedding, override or isolate (U+061C, U+200E, U+200F, U+202A-U+202E,
  U+2066-U+2069) in any cell; a tab and a line break are allowed in free
  text only (a string column with no allowed values, pattern or key role);
- [pattern] a pattern matches the whole value (Frictionless lets `$` match
  before a final line break).

On the loaded tables:

- [code-label], [code-definition] every allowed value of a coded column has
  its label (labels.BY_FIELD) and its definition (codebook.BY_FIELD), and
  neither lists a code the Data Package does not allow;
- [date-after-check] no date after the latest month the sources were
  checked, unless the row is an event whose title starts with "Scheduled: "
  (still to come when checked); no source dated after the month it was
  checked; [date-range] an event does not end before it starts;
- [number-not-in-quote] a reported count's value appears in its quote, in
  figures or in words (reassurance.numerals), unless `value_note` says why not;
- [quote-not-in-excerpts] every quote of the tables (statements, reported
  counts, quoted stance evidence and commitment mentions, passages that
  notes quote in single quotes) is in a stored excerpt (data/excerpts.csv)
  of the row's source; [claim-not-in-article] every claim's excerpt is in a
  stored excerpt of the article; [claim-link] a claim's link to a source
  names a stored excerpt of that source wherever one is stored;
  [claim-unsupported] every claim but an assessment rests on a stored
  excerpt of a source other than the article; [excerpt-of-another-source]
  a row's excerpt is of the row's own source, in every table that names
  both; [translation] an English excerpt has no translation, any other has
  one and says whose;
  [duplicate-excerpt] no passage is stored twice for one source;
- [bibliography] what `make references` needs: no braces in the columns
  references.bib carries.

On the book, where the data sit in the project (not in a copy of data/ alone):

- [article-text] where the annotated article is present beside the project
  (../shared/sources, as in this project's own CI), every stored excerpt of
  it is in it, every claim's excerpt is in the claim's paragraph, every
  paragraph has a claim, and the stored excerpts hold less than 60% of its
  words; [fact-sheet] where the checking notes are present, every quoted
  commitment mention is in them;
- [book-quote] every passage the book's pages put in double quotes is in a
  stored excerpt or its stored translation (reassurance.book_text);
- [references-stale] references.bib is what data/sources.csv gives
  (`make references` writes it).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from . import bibliography, codebook, labels, numerals
from .book_text import book_markdown, quotations
from .paths import ARTICLE_FILE, FACT_SHEET_FILE, beside_the_project
from .verbatim import normalise

# Characters refused in every cell, named by code point.
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_OTHER = {0x2028, 0x2029, 0xFEFF}
# Allowed in free text only.
_LAYOUT = {"\t", "\n"}
_CONTROL_NAMES = {0x00: "NULL", 0x09: "TAB", 0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE"}

# An event still to come when the sources were checked says so in its title.
SCHEDULED = "Scheduled: "
ARTICLE_TYPE = "article-under-annotation"


def _refused(char: str) -> bool:
    point = ord(char)
    return point < 0x20 or 0x7F <= point <= 0x9F or point in _BIDI or point in _OTHER


def code_point(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    point = ord(char)
    name = _CONTROL_NAMES.get(point) or unicodedata.name(char, "control character")
    return f"U+{point:04X} ({name})"


def _shown(value) -> str:
    from .evidence import _shorten

    return _shorten(value)


def _line(file: str, row: int | None, column: str | None, value, rule: str, message: str) -> str:
    parts = [file]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column!r}")
    if value is not None:
        parts.append(f"value {_shown(value)}")
    return f"{', '.join(parts)}: [{rule}] {message}"


def free_text(resource: dict, field: dict) -> bool:
    """A string column with no allowed values, no pattern and no key role."""
    schema = resource["schema"]
    keys = set(schema.get("primaryKey", []))
    for fk in schema.get("foreignKeys", []):
        keys.update([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    constraints = field.get("constraints", {})
    return field.get("type", "string") == "string" and not {"enum", "pattern"} & constraints.keys() and field["name"] not in keys


# --- On the cells as written --------------------------------------------------


def text_problems(package) -> list[str]:
    """Control and bidirectional characters, and patterns that match only up to a final line break."""
    from .evidence import _resource_bytes

    problems = []
    for resource, raw in _resource_bytes(package):
        descriptor = resource.to_descriptor()
        fields = {f["name"]: f for f in descriptor.get("schema", {}).get("fields", [])}
        delimiter = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
        text = raw.decode(resource.encoding or "utf-8", errors="replace")
        header: list[str] = []
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number == 1:
                header = cells
            for index, cell in enumerate(cells):
                column = header[index] if number > 1 and index < len(header) else None
                field = fields.get(column or "")
                file = f"data/{resource.path}"
                pattern = (field or {}).get("constraints", {}).get("pattern")
                if pattern and cell not in field.get("missingValues", []) and re.match(f"^{pattern}$", cell) and not re.fullmatch(pattern, cell):
                    problems.append(_line(file, number, column, cell, "pattern", f"the value must match {pattern!r} as a whole: remove the line break at its end"))
                    continue
                allowed = _LAYOUT if field is not None and free_text(descriptor, field) else set()
                bad = next((c for c in cell if _refused(c) and c not in allowed), None)
                if bad is not None:
                    where = "" if allowed else " (a tab or line break only in free text)"
                    problems.append(
                        _line(file, number, column, cell, "control-character", f"the cell holds {code_point(bad)}; remove it{where}")
                    )
    return problems


# --- On the loaded tables -----------------------------------------------------


def code_problems(descriptor: dict) -> list[str]:
    """Every coded column's codes against its labels and definitions."""
    enums = {
        (r["name"], f["name"]): f.get("constraints", {}).get("enum")
        for r in descriptor.get("resources", [])
        for f in r.get("schema", {}).get("fields", [])
    }
    tables = {r["name"] for r in descriptor.get("resources", [])}
    problems = []
    for rule, module, mapping in (("code-label", "labels", labels.BY_FIELD), ("code-definition", "codebook", codebook.BY_FIELD)):
        for (table, column), entries in mapping.items():
            if table not in tables:
                continue
            enum = enums.get((table, column))
            file = "data/datapackage.json"
            if not enum:
                problems.append(_line(file, None, f"{table}.{column}", None, rule, f"src/reassurance/{module}.py codes this column, which has no allowed values"))
                continue
            for code in enum:
                if code not in entries:
                    what = "label" if module == "labels" else "definition"
                    problems.append(
                        _line(file, None, f"{table}.{column}", code, rule, f"the code has no {what} in src/reassurance/{module}.py (BY_FIELD); add one")
                    )
            for code in entries:
                if code not in enum:
                    problems.append(
                        _line(f"src/reassurance/{module}.py", None, f"{table}.{column}", code, rule, "the code is not an allowed value in data/datapackage.json; remove it or add it there")
                    )
    return problems


def _month_end(month: str) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(f"{month}-01") + pd.offsets.MonthEnd(0)
    except (ValueError, TypeError):
        return None


# Columns whose dates lie ahead by design, not reports of what happened: a
# judgement's horizon (the day by which it says what it expects).
FORWARD_DATES = {("judgements", "by_date")}


def date_problems(tables: dict[str, pd.DataFrame], descriptor: dict, paths: dict[str, str]) -> list[str]:
    if "sources" not in tables:
        return []
    sources = tables["sources"]
    problems = []
    for number, row in zip(range(2, len(sources) + 2), sources.itertuples(index=False)):
        end = _month_end(row.checked)
        if end is not None and not pd.isna(row.dated) and row.dated > end:
            problems.append(
                _line(f"data/{paths['sources']}", number, "dated", row.dated.strftime("%Y-%m-%d"), "date-after-check", f"the source is dated after the month it was checked ({row.checked})")
            )
    latest = max(sources["checked"])
    limit = _month_end(latest)
    if limit is None:
        return problems
    for resource in descriptor.get("resources", []):
        name = resource["name"]
        if name not in tables:
            continue
        frame = tables[name]
        for field in resource["schema"]["fields"]:
            if field.get("type") != "date" or (name, field["name"]) in FORWARD_DATES:
                continue
            for number, value, index in zip(range(2, len(frame) + 2), frame[field["name"]], frame.index):
                if pd.isna(value) or value <= limit:
                    continue
                if name == "events" and str(frame.at[index, "title"]).startswith(SCHEDULED):
                    continue
                hint = f'; an event still to come starts its title with "{SCHEDULED}"' if name == "events" else ""
                problems.append(
                    _line(
                        f"data/{paths[name]}", number, field["name"], value.strftime("%Y-%m-%d"), "date-after-check",
                        f"the date is after {latest}, the latest month the sources were checked{hint}",
                    )
                )
    if "events" in tables:
        events = tables["events"]
        for number, row in zip(range(2, len(events) + 2), events.itertuples(index=False)):
            if row.end_date < row.start_date:
                problems.append(
                    _line(
                        f"data/{paths['events']}", number, "end_date", row.end_date.strftime("%Y-%m-%d"), "date-range",
                        f"the event ends before it starts ({row.start_date.strftime('%Y-%m-%d')})",
                    )
                )
    return problems


def number_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    if "reported_counts" not in tables:
        return []
    counts = tables["reported_counts"]
    problems = []
    for number, row in zip(range(2, len(counts) + 2), counts.to_dict("records")):
        if row.get("value_note", "n/a") != "n/a" or pd.isna(row["value"]):
            continue
        if not numerals.appears_in(int(row["value"]), row["quote"]):
            problems.append(
                _line(
                    f"data/{paths['reported_counts']}", number, "value", str(row["value"]), "number-not-in-quote",
                    f"the row's quote {_shown(row['quote'])} does not give this number, in figures or in words; "
                    "correct the value, or say in value_note why the quote does not give it (for example, a sum)",
                )
            )
    return problems


class _Stored:
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


def _rows(frame: pd.DataFrame):
    """(row number as the file counts it, the row as a dict)."""
    return zip(range(2, len(frame) + 2), frame.to_dict("records"))


def quote_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    if "excerpts" not in tables:
        return []
    excerpts = tables["excerpts"]
    stored = _Stored(excerpts)
    problems = []
    for table, column, key, only in _QUOTED:
        if table not in tables:
            continue
        for number, row in _rows(tables[table]):
            if only and row[only[0]] != only[1]:
                continue
            if not stored.in_source(str(row[column]).strip('"'), row[key]):
                problems.append(
                    _line(f"data/{paths[table]}", number, column, row[column], "quote-not-in-excerpts", f"the quote is in no stored excerpt of its source {row[key]!r} (data/excerpts.csv)")
                )
    for table, column in NOTES:
        if table not in tables:
            continue
        for number, row in _rows(tables[table]):
            for passage in single_quoted(str(row[column])):
                if not stored.passage(passage):
                    problems.append(
                        _line(f"data/{paths[table]}", number, column, passage, "quote-not-in-excerpts", "the note quotes a passage that is in no stored excerpt (data/excerpts.csv)")
                    )
    file = f"data/{paths['excerpts']}"
    for number, row in _rows(excerpts):
        english = row["language"] == "en"
        if english != (row["translation"] == "n/a") or english != (row["translation_by"] == "n/a"):
            column = "translation" if english != (row["translation"] == "n/a") else "translation_by"
            problems.append(
                _line(file, number, column, row[column], "translation", "an English excerpt takes n/a here; an excerpt in another language needs its translation and whose it is")
            )
    duplicated = excerpts.duplicated(["source_key", "excerpt"])
    for number, row, twice in zip(range(2, len(excerpts) + 2), excerpts.to_dict("records"), duplicated):
        if twice:
            problems.append(_line(file, number, "excerpt", row["excerpt"], "duplicate-excerpt", f"the passage is already stored for {row['source_key']!r}"))
    owner = dict(zip(excerpts["excerpt_id"], excerpts["source_key"]))
    # Every table whose rows rest on a stored passage (events, the tracker, the
    # force's design...); a claim's links have their own rule ([claim-link]).
    for name, table in tables.items():
        if name in ("excerpts", "claim_sources") or not {"source_key", "excerpt_id"} <= set(table.columns):
            continue
        for number, row in _rows(table):
            if owner.get(row["excerpt_id"], row["source_key"]) != row["source_key"]:
                problems.append(
                    _line(f"data/{paths[name]}", number, "excerpt_id", row["excerpt_id"], "excerpt-of-another-source", f"the excerpt is of {owner[row['excerpt_id']]!r}, not of the row's source {row['source_key']!r}")
                )
    problems += _claim_problems(tables, paths, stored, owner)
    return problems


def _claim_problems(tables, paths, stored: _Stored, owner: dict[str, str]) -> list[str]:
    if not {"claims", "sources"} <= tables.keys():
        return []
    articles = list(tables["sources"].loc[tables["sources"]["outlet_type"] == ARTICLE_TYPE, "source_key"])
    if len(articles) != 1:
        return [_line(f"data/{paths['sources']}", None, "outlet_type", ARTICLE_TYPE, "claim-not-in-article", f"exactly one source is the article under annotation; found {len(articles)}")]
    article = articles[0]
    problems = []
    for number, row in _rows(tables["claims"]):
        if not stored.in_source(row["excerpt"], article):
            problems.append(
                _line(f"data/{paths['claims']}", number, "excerpt", row["excerpt"], "claim-not-in-article", f"the excerpt is in no stored excerpt of the article {article!r} (data/excerpts.csv)")
            )
    if "claim_sources" not in tables:
        return problems
    links = tables["claim_sources"]
    file = f"data/{paths['claim_sources']}"
    for number, row in _rows(links):
        if row["excerpt_id"] == "n/a" and row["source_key"] in stored.by_source:
            problems.append(_line(file, number, "excerpt_id", "n/a", "claim-link", f"name the stored excerpt of {row['source_key']!r} that the status rests on"))
        elif row["excerpt_id"] != "n/a" and owner.get(row["excerpt_id"], row["source_key"]) != row["source_key"]:
            problems.append(
                _line(file, number, "excerpt_id", row["excerpt_id"], "claim-link", f"the excerpt is of {owner[row['excerpt_id']]!r}, not of {row['source_key']!r}")
            )
    backed = set(links.loc[(links["excerpt_id"] != "n/a") & (links["source_key"] != article), "claim_id"])
    for number, row in _rows(tables["claims"]):
        if row["claim_type"] != "assessment" and row["claim_id"] not in backed:
            problems.append(
                _line(
                    f"data/{paths['claims']}", number, "claim_id", row["claim_id"], "claim-unsupported",
                    "the claim rests on no stored excerpt of a source other than the article: link one in data/claim_sources.csv",
                )
            )
    return problems


def bibliography_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    if "sources" not in tables:
        return []
    file = f"data/{paths['sources']}"
    return [
        _line(file, index + 2, column, value, "bibliography", message)
        for index, column, value, message in bibliography.problems(tables["sources"])
    ]


def data_problems(tables: dict[str, pd.DataFrame], descriptor: dict) -> list[str]:
    """Every rule on the loaded tables."""
    paths = {r["name"]: r["path"] for r in descriptor.get("resources", [])}
    return (
        code_problems(descriptor)
        + date_problems(tables, descriptor, paths)
        + number_problems(tables, paths)
        + quote_problems(tables, paths)
        + bibliography_problems(tables, paths)
    )


# --- On the book ----------------------------------------------------------------


def _where(root: Path, page: Path, quote: str) -> str:
    """The page and, where it can be found, the line (Markdown) or cell (notebook) holding the quotation."""
    name = page.relative_to(root).as_posix()
    probe = quote.split("\n", 1)[0][:40]
    if page.suffix == ".md":
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if probe in line:
                return f"{name}, line {number}"
        return name
    import json

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
        stored = _Stored(tables["excerpts"])
        # The prose as written, not the notebooks' stored outputs: those are
        # made from the data (whose quotes the data rules hold to the excerpts)
        # and re-made by `make notebooks`, which a stale output must not block;
        # the tests check the outputs after execution.
        for page, text in book_markdown(root, outputs=False, tables=False):
            for quote in quotations(text):
                if normalise(quote) not in stored.with_translations:
                    problems.append(
                        f"{_where(root, page, quote)}, value {_shown(quote)}: [book-quote] the book quotes a passage that is in no "
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
    for number, row in _rows(excerpts):
        if row["source_key"] == keys[0] and normalise(row["excerpt"]) not in text:
            problems.append(_line(f"data/{paths['excerpts']}", number, "excerpt", row["excerpt"], "article-text", f"the stored excerpt is not in the article ({shown})"))
    claims = tables["claims"]
    for number, row in _rows(claims):
        paragraph = int(row["paragraph"])
        if paragraph > len(paras) or normalise(row["excerpt"]) not in paras[paragraph - 1]:
            problems.append(
                _line(f"data/{paths['claims']}", number, "paragraph", str(paragraph), "article-text", f"the claim's excerpt is not in paragraph {paragraph} of the article ({shown})")
            )
    missing = sorted(set(range(1, len(paras) + 1)) - {int(p) for p in claims["paragraph"]})
    if missing:
        problems.append(_line(f"data/{paths['claims']}", None, "paragraph", None, "article-text", f"paragraphs of the article with no claim: {missing}"))
    stored = list(dict.fromkeys(excerpts.loc[excerpts["source_key"] == keys[0], "excerpt"]))
    # Count each passage once: an excerpt inside a longer stored one adds no words.
    outer = [e for e in stored if not any(e != o and normalise(e) in normalise(o) for o in stored)]
    quoted = sum(word_count(e) for e in outer)
    if quoted >= MAX_ARTICLE_SHARE * word_count(article):
        problems.append(
            _line(f"data/{paths['excerpts']}", None, "excerpt", None, "article-text", f"the stored excerpts of the article hold {quoted} of its {word_count(article)} words; they must not reproduce it")
        )
    return problems


def fact_sheet_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str], fact_sheet: str, shown: str) -> list[str]:
    """Quoted commitment mentions against the checking notes they were copied from."""
    if "commitment_mentions" not in tables:
        return []
    text = normalise(fact_sheet)
    return [
        _line(f"data/{paths['commitment_mentions']}", number, "evidence", row["evidence"], "fact-sheet", f"the quote is not in the checking notes ({shown})")
        for number, row in _rows(tables["commitment_mentions"])
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
