"""Load the evidence base (data/datapackage.json) into pandas, validated.

The Frictionless library checks the whole Data Package (types, required
fields, enums, patterns, primary and foreign keys) before anything is read;
then the project's own rules (reassurance.evidence.rules) check what a schema cannot
say. Any error stops loading with a message naming file, row, column and
value. Nothing is dropped or coerced: a table loads only when every row is
valid. `validate` (`make validate`, and `make book` before any notebook
runs) applies every rule, the book's quotations included; `load_evidence`
(the chapters, the tests) every rule on the data.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from frictionless import FrictionlessException, Package

from reassurance.evidence import judgement_rules, validated
from reassurance.paths import datapackage_path

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
    """Every table of the Data Package, as a DataFrame keyed by resource name."""

    tables: dict[str, pd.DataFrame]
    package: Package

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise AttributeError(name) from None


def _describe(resource_path: str, error, schema=None) -> str:
    """One line per error: file, row, column, value, then what is wrong."""
    parts = [f"data/{resource_path}"]
    row = getattr(error, "row_number", None)
    if row is not None:
        parts.append(f"row {row}")
    if error.type in ("missing-label", "incorrect-label", "extra-label", "blank-label", "duplicate-label"):
        # The header is row 1; name the column the schema expects and the label found.
        parts.append("row 1 (header)")
        if getattr(error, "field_name", None):
            parts.append(f"column {error.field_name!r}")
        parts.append(f"value {getattr(error, 'label', '')!r}")
        return f"{', '.join(parts)}: [{error.type}] {error.note or error.description}"
    # A label error for a stray column has no field name, only its label.
    field = getattr(error, "field_name", None) or getattr(error, "label", None)
    if error.type == "foreign-key":
        # Name the referencing column(s) and the value(s) that match nothing.
        parts.append(_columns(error.field_names))
        parts.append(_values(error.field_cells))
    elif error.type == "primary-key" and schema is not None and hasattr(error, "cells"):
        # Name the key column(s) and the repeated key, not the whole row.
        key = list(schema.primary_key)
        names = [f.name for f in schema.fields]
        cells = list(error.cells) + [""] * len(names)
        parts.append(_columns(key))
        parts.append(_values([cells[names.index(k)] for k in key if k in names]))
    else:
        if field:
            parts.append(f"column {field!r}")
        if hasattr(error, "cell"):
            parts.append(f"value {_shorten(error.cell)}")
        elif hasattr(error, "cells") and error.cells:
            parts.append(f"values {list(error.cells)!r}")
    return f"{', '.join(parts)}: [{error.type}] {error.note or error.description}"


# A value longer than this is cut in a message (a pasted page would bury the list).
MAX_VALUE_SHOWN = 80


def _shorten(value) -> str:
    """repr() of a cell's value, cut after MAX_VALUE_SHOWN characters with its length said."""
    text = str(value)
    if len(text) <= MAX_VALUE_SHOWN:
        return repr(text)
    return f"{text[:MAX_VALUE_SHOWN]!r}… ({len(text):,} characters)"


def _columns(names) -> str:
    names = list(names)
    return f"column {names[0]!r}" if len(names) == 1 else f"columns {names!r}"


def _values(cells) -> str:
    cells = list(cells)
    return f"value {cells[0]!r}" if len(cells) == 1 else f"values {cells!r}"


def _resource_bytes(package: Package):
    """(resource, its file's bytes) for every resource whose file exists;
    Frictionless names a missing file itself."""
    base = Path(package.basepath or ".")
    for resource in package.resources:
        file = base / resource.path
        if file.is_file():
            yield resource, file.read_bytes()


def _encoding_problems(package: Package) -> list[str]:
    """Name every cell whose bytes are not in the resource's declared encoding.

    Frictionless stops at the first undecodable chunk without naming a row;
    this check decodes each file first and names file, row, column and value
    (undecodable bytes shown as \\xNN escapes).
    """
    problems = []
    for resource, raw in _resource_bytes(package):
        encoding = resource.encoding or "utf-8"
        try:
            raw.decode(encoding)
            continue
        except (UnicodeDecodeError, LookupError):
            pass
        delimiter = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
        text = raw.decode(encoding, errors="surrogateescape")
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] = []
        for number, cells in enumerate(rows, start=1):
            if number == 1:
                header = cells
            for index, cell in enumerate(cells):
                try:
                    cell.encode(encoding)
                except UnicodeEncodeError:
                    shown = cell.encode(encoding, errors="surrogateescape").decode(encoding, errors="backslashreplace")
                    parts = [f"data/{resource.path}", f"row {number}"]
                    if number > 1 and index < len(header):
                        parts.append(f"column {header[index].encode(encoding, 'surrogateescape').decode(encoding, 'backslashreplace')!r}")
                    parts.append(f"value {shown!r}")
                    problems.append(f"{', '.join(parts)}: [encoding-error] bytes that are not valid {encoding}")
    return problems


# At most this many problems are listed per file; the rest are counted.
MAX_PROBLEMS_PER_FILE = 20
# Delimiters a spreadsheet may have used instead of the declared one.
_OTHER_DELIMITERS = (";", "\t", "|", ",")


def _unsafe_paths(path: Path) -> list[str]:
    """Every resource path that is not a regular file inside data/ (checked before any file is read).

    A symbolic link or a path leading out of data/ is refused by name only:
    its target is never opened, so its contents cannot appear in a message.
    """
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{_shown(path)}: [package-error] the descriptor cannot be read as JSON: {exc}"]
    base = path.parent.resolve()
    problems = []
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    for resource in resources if isinstance(resources, list) else []:
        name = resource.get("path") if isinstance(resource, dict) else None
        names = name if isinstance(name, list) else [name]
        for item in names:
            if not isinstance(item, str) or not item:
                problems.append(f"{_shown(path)}: [unsafe-path] a resource has no file path; name one file inside data/")
                continue
            shown = item if Path(item).is_absolute() or "://" in item else f"data/{item}"
            file = path.parent / item
            if "://" in item or Path(item).is_absolute() or ".." in Path(item).parts:
                problems.append(f"{shown}: [unsafe-path] the path leads outside data/; data files must be inside data/")
            elif any(p.is_symlink() for p in (file, *file.parents) if p.is_relative_to(path.parent) and p != path.parent):
                problems.append(f"{shown}: [unsafe-path] the file is a symbolic link; replace it with a regular file inside data/")
            elif file.exists() and not file.is_file():
                problems.append(f"{shown}: [unsafe-path] not a regular file; data files must be regular files inside data/")
            elif file.exists() and not file.resolve().is_relative_to(base):
                problems.append(f"{shown}: [unsafe-path] the path leads outside data/; data files must be inside data/")
    return problems


def _shown(path: Path) -> str:
    """The descriptor's name as the user knows it (data/datapackage.json)."""
    return f"data/{path.name}" if path.parent.name == "data" else str(path)


def _format_problems(package: Package) -> list[str]:
    """Encoding and delimiter problems, said in words, one line per file.

    A UTF-16 file or a file split by another delimiter would otherwise give
    one error per cell; the user needs to know only how to save the file.
    """
    problems = []
    for resource, raw in _resource_bytes(package):
        shown = f"data/{resource.path}"
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (raw[:200].count(b"\0") > len(raw[:200]) // 4 > 0):
            problems.append(f"{shown}: [encoding-error] this file is UTF-16; save it as UTF-8")
            continue
        if raw.startswith(codecs.BOM_UTF8):
            problems.append(f"{shown}: [encoding-error] this file starts with a byte-order mark; save it as UTF-8 without one")
            continue
        declared = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
        header = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        if declared not in header:
            used = max(_OTHER_DELIMITERS, key=header.count)
            if used != declared and header.count(used):
                problems.append(
                    f"{shown}: [delimiter] this file seems to use {used!r} as its delimiter; "
                    f"the Data Package declares {declared!r}: save it with {declared!r}"
                )
    return problems


def _capped(problems: list[str]) -> list[str]:
    """At most MAX_PROBLEMS_PER_FILE lines per file, then how many more there are."""
    seen: dict[str, int] = {}
    kept = []
    for problem in problems:
        file = problem.split(",", 1)[0].split(":", 1)[0]
        seen[file] = seen.get(file, 0) + 1
        if seen[file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
    kept += [f"{file}: ... and {n - MAX_PROBLEMS_PER_FILE} more problem(s) in this file" for file, n in seen.items() if n > MAX_PROBLEMS_PER_FILE]
    return kept


def _package_error(path: Path, exc: FrictionlessException) -> str:
    """Frictionless's own reason for refusing the package, and the one underneath."""
    error = exc.error
    reasons = [r for r in (error.note, getattr(error, "message", "")) if r]
    reason = reasons[0] if reasons else error.description
    cause = exc.__cause__ or exc.__context__
    if cause is not None and str(cause) and str(cause) not in reason:
        reason += f" ({cause})"
    return f"{_shown(path)}: [{error.type}] {reason}"


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
    from reassurance.evidence import book_rules, quote_rules, rules

    path = Path(path) if path is not None else datapackage_path()
    problems = _unsafe_paths(path)
    if problems:
        raise EvidenceError(problems)
    try:
        package = Package(str(path))
    except FrictionlessException as exc:
        raise EvidenceError([_package_error(path, exc)]) from None
    problems = _format_problems(package) or _encoding_problems(package)
    if problems:
        raise EvidenceError(_capped(problems))
    try:
        report = package.validate()
    except FrictionlessException as exc:
        raise EvidenceError([_package_error(path, exc)]) from None
    schemas = {r.name: r.schema for r in package.resources}
    problems = rules.text_problems(package)
    problems += [
        _describe(task.place or task.name, error, schemas.get(task.name))
        for task in report.tasks
        for error in task.errors
    ]
    problems += [f"{_shown(path)}: [{e.type}] {e.note or e.description}" for e in report.errors]
    # Frictionless accepts a header-only file; an evidence table without rows is a mistake.
    for task in report.tasks:
        if task.valid is not None and not task.stats.get("rows") and not task.errors:
            problems.append(f"data/{task.place or task.name}: [empty-table] the table has a header but no rows")
    if problems:
        raise EvidenceError(_capped(problems))
    tables = {r.name: _frame(r) for r in package.resources}
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor.get("resources", [])}
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
        raise EvidenceError(_capped(problems))
    return package, tables


def validate(path: Path | str | None = None, *, book: bool = True) -> Package:
    """Every rule (`make validate`): the Data Package at `path`, and with
    book=True the book's quotations and references.bib; raise EvidenceError
    listing every problem."""
    return _checked(path, book=book)[0]


def load_evidence(path: Path | str | None = None) -> Evidence:
    """Validate the data (every rule but those on the book), then load every
    table. Raises EvidenceError on any invalid row. Where a parent process
    exported these very bytes as validated (reassurance.evidence.validated), they are read
    without a second check."""
    path = Path(path) if path is not None else datapackage_path()
    if validated.exported(path):
        package = Package(str(path))
        return Evidence({r.name: _frame(r) for r in package.resources}, package)
    package, tables = _checked(path, book=False)
    return Evidence(tables, package)


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
    print(f"valid: {len(package.resources)} tables in {_shown(shown)}{book}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
