"""Load the evidence base (data/datapackage.json) into pandas, validated.

The Frictionless library checks the whole Data Package (types, required
fields, enums, patterns, primary and foreign keys) before anything is read;
any error stops loading with a message naming file, row, column and value.
Nothing is dropped or coerced: a table loads only when every row is valid.
"""

from __future__ import annotations

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


def _describe(resource_path: str, error) -> str:
    """One line per error: file, row, column, value, then what is wrong."""
    parts = [f"data/{resource_path}"]
    row = getattr(error, "row_number", None)
    if row is not None:
        parts.append(f"row {row}")
    field = getattr(error, "field_name", None)
    if field is None:
        field = getattr(error, "label", None)
    if field is not None:
        parts.append(f"column {field!r}")
    if hasattr(error, "cell"):
        parts.append(f"value {error.cell!r}")
    elif hasattr(error, "cells") and error.cells:
        parts.append(f"values {list(error.cells)!r}")
    return f"{', '.join(parts)}: [{error.type}] {error.note}"


def validate(path: Path | str | None = None) -> Package:
    """Validate the Data Package at `path`; raise EvidenceError listing every problem."""
    path = Path(path) if path is not None else datapackage_path()
    try:
        package = Package(str(path))
    except FrictionlessException as exc:
        raise EvidenceError([f"{path}: [{exc.error.type}] {exc.error.note}"]) from exc
    report = package.validate()
    problems = [
        _describe(task.place or task.name, error)
        for task in report.tasks
        for error in task.errors
    ]
    problems += [f"{path}: [{e.type}] {e.note}" for e in report.errors]
    # Frictionless accepts a header-only file; an evidence table without rows is a mistake.
    if not problems:
        for resource in package.resources:
            with resource:
                if next(iter(resource.row_stream), None) is None:
                    problems.append(f"data/{resource.path}: [empty-table] the table has a header but no rows")
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
