"""The project's own rules: what the Data Package's schema cannot say.

`reassurance.evidence.load.validate` runs them after Frictionless (the schema,
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
  figures or in words (reassurance.evidence.numerals), unless `value_note` says why not;
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

The quotation rules are reassurance.evidence.quote_rules', the rules on the
book reassurance.evidence.book_rules'.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pandas as pd

from reassurance.evidence import bibliography, codebook, labels, messages, numerals

# Characters refused in every cell, named by code point.
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_OTHER = {0x2028, 0x2029, 0xFEFF}
# Allowed in free text only.
_LAYOUT = {"\t", "\n"}
_CONTROL_NAMES = {0x00: "NULL", 0x09: "TAB", 0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE"}

# An event still to come when the sources were checked says so in its title.
SCHEDULED = "Scheduled: "
ARTICLE_TYPE = "article-under-annotation"


_REFUSED = {*range(0x20), *range(0x7F, 0xA0), *_BIDI, *_OTHER}


def _first_of(points: set[int]) -> re.Pattern:
    # A character class finds the first refused character in C: a Python
    # test per character took most of the rule's time over the data's
    # 600,000 characters.
    return re.compile("[" + "".join(re.escape(chr(p)) for p in sorted(points)) + "]")


_REFUSED_IN_CODES = _first_of(_REFUSED)
_REFUSED_IN_FREE_TEXT = _first_of(_REFUSED - {ord(c) for c in _LAYOUT})


def code_point(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    point = ord(char)
    name = _CONTROL_NAMES.get(point) or unicodedata.name(char, "control character")
    return f"U+{point:04X} ({name})"


def problem_line(file: str, row: int | None, column: str | None, value, rule: str, message: str) -> str:
    parts = [file]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column!r}")
    if value is not None:
        parts.append(f"value {messages.shorten(value)}")
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
    problems = []
    for resource, raw in messages.resource_bytes(package):
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
                    problems.append(
                        problem_line(file, number, column, cell, "pattern", f"the value must match {pattern!r} as a whole: remove the line break at its end")
                    )
                    continue
                in_free_text = field is not None and free_text(descriptor, field)
                bad = (_REFUSED_IN_FREE_TEXT if in_free_text else _REFUSED_IN_CODES).search(cell)
                if bad is not None:
                    where = "" if in_free_text else " (a tab or line break only in free text)"
                    problems.append(
                        problem_line(file, number, column, cell, "control-character", f"the cell holds {code_point(bad.group())}; remove it{where}")
                    )
    return problems


# --- On the loaded tables -----------------------------------------------------


def code_problems(descriptor: dict) -> list[str]:
    """Every coded column's codes against its labels and definitions."""
    enums = {
        (r["name"], f["name"]): f.get("constraints", {}).get("enum") for r in descriptor.get("resources", []) for f in r.get("schema", {}).get("fields", [])
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
                problems.append(
                    problem_line(file, None, f"{table}.{column}", None, rule, f"src/reassurance/{module}.py codes this column, which has no allowed values")
                )
                continue
            for code in enum:
                if code not in entries:
                    what = "label" if module == "labels" else "definition"
                    problems.append(
                        problem_line(file, None, f"{table}.{column}", code, rule, f"the code has no {what} in src/reassurance/{module}.py (BY_FIELD); add one")
                    )
            for code in entries:
                if code not in enum:
                    problems.append(
                        problem_line(
                            f"src/reassurance/{module}.py",
                            None,
                            f"{table}.{column}",
                            code,
                            rule,
                            "the code is not an allowed value in data/datapackage.json; remove it or add it there",
                        )
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
                problem_line(
                    f"data/{paths['sources']}",
                    number,
                    "dated",
                    row.dated.strftime("%Y-%m-%d"),
                    "date-after-check",
                    f"the source is dated after the month it was checked ({row.checked})",
                )
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
                    problem_line(
                        f"data/{paths[name]}",
                        number,
                        field["name"],
                        value.strftime("%Y-%m-%d"),
                        "date-after-check",
                        f"the date is after {latest}, the latest month the sources were checked{hint}",
                    )
                )
    if "events" in tables:
        events = tables["events"]
        for number, row in zip(range(2, len(events) + 2), events.itertuples(index=False)):
            if row.end_date < row.start_date:
                problems.append(
                    problem_line(
                        f"data/{paths['events']}",
                        number,
                        "end_date",
                        row.end_date.strftime("%Y-%m-%d"),
                        "date-range",
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
                problem_line(
                    f"data/{paths['reported_counts']}",
                    number,
                    "value",
                    str(row["value"]),
                    "number-not-in-quote",
                    f"the row's quote {messages.shorten(row['quote'])} does not give this number, in figures or in words; "
                    "correct the value, or say in value_note why the quote does not give it (for example, a sum)",
                )
            )
    return problems


def numbered_rows(frame: pd.DataFrame):
    """(row number as the file counts it, the row as a dict)."""
    return zip(range(2, len(frame) + 2), frame.to_dict("records"))


def bibliography_problems(tables: dict[str, pd.DataFrame], paths: dict[str, str]) -> list[str]:
    if "sources" not in tables:
        return []
    file = f"data/{paths['sources']}"
    return [problem_line(file, index + 2, column, value, "bibliography", message) for index, column, value, message in bibliography.problems(tables["sources"])]
