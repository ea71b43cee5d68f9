"""Load the evidence base (data/datapackage.json) into pandas, validated.

The Frictionless library checks the whole Data Package (types, required
fields, enums, patterns, primary and foreign keys) before anything is read;
any error stops loading with a message naming file, row, column and value.
Nothing is dropped or coerced: a table loads only when every row is valid.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from frictionless import FrictionlessException, Package

from .paths import datapackage_path

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
            parts.append(f"value {error.cell!r}")
        elif hasattr(error, "cells") and error.cells:
            parts.append(f"values {list(error.cells)!r}")
    return f"{', '.join(parts)}: [{error.type}] {error.note or error.description}"


def _columns(names) -> str:
    names = list(names)
    return f"column {names[0]!r}" if len(names) == 1 else f"columns {names!r}"


def _values(cells) -> str:
    cells = list(cells)
    return f"value {cells[0]!r}" if len(cells) == 1 else f"values {cells!r}"


def _encoding_problems(package: Package) -> list[str]:
    """Name every cell whose bytes are not in the resource's declared encoding.

    Frictionless stops at the first undecodable chunk without naming a row;
    this check decodes each file first and names file, row, column and value
    (undecodable bytes shown as \\xNN escapes).
    """
    problems = []
    base = Path(package.basepath or ".")
    for resource in package.resources:
        file = base / resource.path
        if not file.is_file():
            continue  # Frictionless names the missing file.
        encoding = resource.encoding or "utf-8"
        raw = file.read_bytes()
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


def validate(path: Path | str | None = None) -> Package:
    """Validate the Data Package at `path`; raise EvidenceError listing every problem."""
    path = Path(path) if path is not None else datapackage_path()
    try:
        package = Package(str(path))
    except FrictionlessException as exc:
        raise EvidenceError([f"{path}: [{exc.error.type}] {exc.error.note}"]) from exc
    problems = _encoding_problems(package)
    if problems:
        raise EvidenceError(problems)
    report = package.validate()
    schemas = {r.name: r.schema for r in package.resources}
    problems = [
        _describe(task.place or task.name, error, schemas.get(task.name))
        for task in report.tasks
        for error in task.errors
    ]
    problems += [f"{path}: [{e.type}] {e.note}" for e in report.errors]
    # Frictionless accepts a header-only file; an evidence table without rows is a mistake.
    if not problems:
        for task in report.tasks:
            if not task.stats.get("rows"):
                problems.append(f"data/{task.place or task.name}: [empty-table] the table has a header but no rows")
    if problems:
        raise EvidenceError(problems)
    return package


def _frame(resource) -> pd.DataFrame:
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


def load_evidence(path: Path | str | None = None) -> Evidence:
    """Validate, then load every table. Raises EvidenceError on any invalid row."""
    package = validate(path)
    return Evidence({r.name: _frame(r) for r in package.resources}, package)
