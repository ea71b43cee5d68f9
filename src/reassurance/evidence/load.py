"""Load the evidence base (data/datapackage.json) into pandas, validated.

The Frictionless library checks the whole Data Package (types, required
fields, enums, patterns, primary keys; the foreign keys are checked beside it,
reading each table once: reassurance.evidence.foreign_keys) before anything is read;
then the project's own rules (reassurance.evidence.rules) check what a schema cannot
say. Any error stops loading with a message naming file, row, column and
value. Nothing is dropped or coerced: a table loads only when every row is
valid. `validate` (`make validate`, and `make book` before any notebook
runs) applies every rule, the book's quotations included; `load_evidence`
(the chapters, the tests) every rule on the data.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from reassurance.evidence import foreign_keys, judgement_rules, messages, validated
from reassurance.paths import datapackage_path

if TYPE_CHECKING:
    from frictionless import Package

# Dates become pandas timestamps; integers keep a nullable integer dtype.
_PANDAS_DTYPES = {"integer": "Int64", "date": "datetime64[s]"}


class EvidenceError(ValueError):
    """The evidence base is invalid; the message lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid evidence base ({len(problems)} problem(s)):\n{listing}")


@dataclass(frozen=True)
class Evidence:
    """Every table of the Data Package, as a DataFrame keyed by resource name,
    and each table's file in the package's folder (`paths`, as the descriptor
    names it)."""

    tables: dict[str, pd.DataFrame]
    paths: dict[str, str]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None


def _frame(resource) -> pd.DataFrame:
    """The table, read after it passed validation: strings as written (the
    tokens "unknown" and "n/a" kept), integers as Int64, dates as timestamps.

    Read with pandas rather than through Frictionless a second time (the
    validation has already parsed every cell; reading again that way took
    most of `make validate`'s time)."""
    fields = resource.schema.fields
    if any(f.type not in ("string", "integer", "date") for f in fields):
        return _frame_through_frictionless(resource)
    delimiter = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
    frame = pd.read_csv(
        Path(resource.basepath or ".") / resource.path, sep=delimiter, dtype=str, keep_default_na=False,
        na_filter=False, encoding=resource.encoding or "utf-8",
    )
    frame.columns = [f.name for f in fields]
    for field in fields:
        if field.type == "string":
            continue
        missing = set(field.missing_values if field.has_defined("missing_values") else resource.schema.missing_values)
        values = frame[field.name].where(~frame[field.name].isin(missing), None)
        if field.type == "integer":
            frame[field.name] = pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64")
        else:
            formatted = pd.to_datetime(values, format=field.format if field.format not in (None, "default", "any") else "%Y-%m-%d")
            frame[field.name] = formatted.astype(_PANDAS_DTYPES["date"])
    return frame


def _frame_through_frictionless(resource) -> pd.DataFrame:
    fields = resource.schema.fields
    with resource:
        records = [row.to_dict() for row in resource.row_stream]
    frame = pd.DataFrame.from_records(records, columns=[f.name for f in fields])
    for field in fields:
        if field.type in _PANDAS_DTYPES:
            frame[field.name] = frame[field.name].astype(_PANDAS_DTYPES[field.type])
        elif field.type == "string" and field.has_defined("missing_values"):
            # Keep the explicit token ("unknown", "n/a") that the file holds.
            frame[field.name] = frame[field.name].fillna(field.missing_values[0])
    return frame


def _checked(path: Path | str | None, *, book: bool) -> tuple[Package, dict[str, pd.DataFrame]]:
    """Validate the Data Package at `path` and load its tables; raise EvidenceError listing every problem.

    Frictionless checks the schema, keys and foreign keys; reassurance.evidence.rules
    the rest, on the cells as written and then on the loaded tables. With
    book=True, the rules on the book (its quotations, references.bib) run too,
    where the data sit in a project (a copy of data/ alone has no book).
    """
    # Imported here: a load of data already checked (validated.exported_tables) needs neither.
    from frictionless import FrictionlessException, Package

    from reassurance.evidence import book_rules, quote_rules, rules

    path = Path(path) if path is not None else datapackage_path()
    problems = messages.unsafe_paths(path)
    if problems:
        raise EvidenceError(problems)
    try:
        package = Package(str(path))
    except FrictionlessException as exc:
        raise EvidenceError([messages.package_error(path, exc)]) from None
    problems = messages.format_problems(package) or messages.encoding_problems(package)
    if problems:
        raise EvidenceError(messages.capped(problems))
    # The foreign keys are checked apart, reading each table once (reassurance.evidence.foreign_keys).
    keys = foreign_keys.detach(package)
    try:
        report = package.validate()
        broken_keys = foreign_keys.errors(package, keys)
    except FrictionlessException as exc:
        raise EvidenceError([messages.package_error(path, exc)]) from None
    finally:
        foreign_keys.reattach(package, keys)
    schemas = {r.name: r.schema for r in package.resources}
    problems = rules.text_problems(package)
    for task in report.tasks:
        # In row order, as Frictionless lists a row's key errors after its other errors (the header's come first).
        found = sorted(task.errors + broken_keys.get(task.name, []), key=lambda e: getattr(e, "row_number", None) or 0)
        problems += [messages.describe(task.place or task.name, error, schemas.get(task.name)) for error in found]
    problems += [f"{messages.descriptor_name(path)}: [{e.type}] {e.note or e.description}" for e in report.errors]
    # Frictionless accepts a header-only file; an evidence table without rows is a mistake.
    for task in report.tasks:
        if task.valid is not None and not task.stats.get("rows") and not task.errors:
            problems.append(f"data/{task.place or task.name}: [empty-table] the table has a header but no rows")
    if problems:
        raise EvidenceError(messages.capped(problems))
    tables = {r.name: _frame(r) for r in package.resources}
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    paths = _resource_paths(descriptor)
    problems = (
        rules.code_problems(descriptor)
        + rules.date_problems(tables, descriptor, paths)
        + rules.number_problems(tables, paths)
        + quote_rules.quote_problems(tables, paths)
        + rules.bibliography_problems(tables, paths)
    )
    # The judgements' rules: what a schema cannot say.
    problems += judgement_rules.problems(path.parent)
    if book:
        problems += book_rules.book_problems(path.resolve().parent.parent, tables, paths)
    if problems:
        raise EvidenceError(messages.capped(problems))
    return package, tables


def _resource_paths(descriptor: dict) -> dict[str, str]:
    """Each resource's file, by resource name, as the descriptor gives it."""
    return {r["name"]: r["path"] for r in descriptor.get("resources", [])}


def validate(path: Path | str | None = None, *, book: bool = True, export: bool = False) -> Package:
    """Every rule (`make validate`): the Data Package at `path`, and with
    book=True the book's quotations and references.bib; raise EvidenceError
    listing every problem. With export=True, the processes this one starts
    then load these data without checking them again (reassurance.evidence.validated)."""
    path = Path(path) if path is not None else datapackage_path()
    package, tables = _checked(path, book=book)
    if export:
        validated.export(path, tables)
    return package


def load_evidence(path: Path | str | None = None) -> Evidence:
    """Validate the data (every rule but those on the book), then load every
    table. Raises EvidenceError on any invalid row. Where a parent process
    checked these very bytes and exported what it loaded
    (reassurance.evidence.validated), that is taken without a second check."""
    path = Path(path) if path is not None else datapackage_path()
    tables = validated.exported_tables(path)
    if tables is None:
        tables = _checked(path, book=False)[1]
    return Evidence(tables, _resource_paths(json.loads(path.read_text(encoding="utf-8"))))


def main(argv: list[str]) -> int:
    """`make validate`: the rules the build runs, with one list of problems and no traceback."""
    path = Path(argv[0]) if argv else None
    try:
        package = validate(path)
    except EvidenceError as exc:
        print(exc, file=sys.stderr)
        return 1
    shown = path or datapackage_path()
    book = ", and the book's quotations" if (shown.resolve().parent.parent / "index.md").is_file() else ""
    print(f"valid: {len(package.resources)} tables in {messages.descriptor_name(shown)}{book}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
