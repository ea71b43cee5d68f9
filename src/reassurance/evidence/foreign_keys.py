"""The Data Package's foreign keys, checked with one read of each table.

Frictionless checks everything else the schemas say (types, constraints,
primary and unique keys). Its own foreign-key check builds, for every table,
a lookup of each table that table points at: it copies the referenced
table's descriptor (validating it against the JSON Schema again, field by
field) and reads and casts all its rows. `sources` is referenced by 18
tables, so each validation read it 18 times; those lookups were about 60% of
a validation (0.9 s of which 0.55 s; `make book`, `make validate` and the
test suite's ~50 validations pay it). Frictionless offers no way to share a
lookup between tables, hence this module: `load._checked` hands Frictionless
the schemas without their foreign keys and checks them here, reading each
table once.

The check is Frictionless's, on the same cells: `load._checked` only runs
it on files Frictionless could read as UTF-8 CSV. Cells pair with fields by
position, as Frictionless pairs them (a field past the header's last label
is not checked); a cell equal to one of its field's missing values is
empty, and a row whose key cells are all empty refers to nothing. Every
key field of this package is a string, so a cell as written is its value
(tests/unit/test_foreign_keys.py compares both checks on every kind of
damage). Each problem is Frictionless's own `ForeignKeyError`, with its
note, so that it reads like any other.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frictionless import Package, Resource
    from frictionless.errors import ForeignKeyError


def detach(package: Package) -> dict[str, list[dict]]:
    """Take the foreign keys out of the package's schemas (Frictionless then
    leaves them to `errors`); returns them by table, for `errors` and `reattach`."""
    keys = {}
    for resource in package.resources:
        keys[resource.name] = list(resource.schema.foreign_keys)
        resource.schema.foreign_keys = []
    return keys


def reattach(package: Package, keys: dict[str, list[dict]]) -> None:
    for resource in package.resources:
        resource.schema.foreign_keys = keys[resource.name]


def errors(package: Package, keys: dict[str, list[dict]]) -> dict[str, list[ForeignKeyError]]:
    """Each table's foreign-key errors, in row order, by table name."""
    from frictionless.errors import ForeignKeyError

    rows = _Rows(package)
    found: dict[str, list[ForeignKeyError]] = {}
    for resource in package.resources:
        for key in keys.get(resource.name, []):
            fields = list(key["fields"])
            # "" is the table itself; the note names it as written, as Frictionless's does.
            named = key["reference"]["resource"]
            target = named or resource.name
            target_fields = list(key["reference"]["fields"])
            values = rows.values(resource, fields)
            if values is None:  # a key column the header lacks: Frictionless skips the key too
                continue
            known = rows.known(target, target_fields)
            if known is None:  # the referenced table cannot be read: Frictionless says so there
                continue
            for row_number, cells, written in values:
                if cells in known:
                    continue
                note = (
                    f'for "{", ".join(fields)}": values "{", ".join(str(c) for c in cells)}" '
                    f'not found in the lookup table "{named}" as "{", ".join(target_fields)}"'
                )
                found.setdefault(resource.name, []).append(
                    ForeignKeyError(
                        note=note, cells=written, row_number=row_number, field_names=fields,
                        field_cells=[str(c) for c in cells], reference_name=named,
                        reference_field_names=target_fields,
                    )
                )
    for name in found:
        found[name].sort(key=lambda error: error.row_number)
    return found


class _Rows:
    """Each table's rows as written, read once (header, then numbered rows)."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.read: dict[str, tuple[list[str], list[tuple[int, list[str]]]] | None] = {}

    def _table(self, resource: Resource):
        if resource.name not in self.read:
            self.read[resource.name] = _read(resource)
        return self.read[resource.name]

    def values(self, resource: Resource, fields: list[str]):
        """(row number, the key's values, the row's cells) for each row whose
        key is not all empty; None when a key field has no column."""
        table = self._table(resource)
        if table is None:
            return None
        labels, rows = table
        names = [f.name for f in resource.schema.fields][: len(labels)]
        if not set(fields) <= set(names):
            return None
        positions = [names.index(name) for name in fields]
        missing = [_missing_values(resource, name) for name in fields]
        found = []
        for row_number, cells in rows:
            values = tuple(
                None if (p >= len(cells) or cells[p] in empty) else cells[p]
                for p, empty in zip(positions, missing, strict=True)
            )
            if set(values) != {None}:
                found.append((row_number, values, cells))
        return found

    def known(self, name: str, fields: list[str]) -> set[tuple] | None:
        if not self.package.has_resource(name):
            return None
        resource = self.package.get_resource(name)
        if self._table(resource) is None:
            return None
        values = self.values(resource, fields)
        # A key column the referenced table lacks matches nothing (Frictionless reads it as empty).
        return set() if values is None else {cells for _, cells, _ in values}


def _missing_values(resource: Resource, name: str) -> set[str]:
    field = resource.schema.get_field(name)
    return set(field.missing_values if field.has_defined("missing_values") else resource.schema.missing_values)


def _read(resource: Resource) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """The header and the numbered rows (the header is row 1, as Frictionless
    numbers them), or None for a file without a header or that cannot be
    read (Frictionless reports why, on that table)."""
    path = Path(resource.basepath or ".") / resource.path
    delimiter = resource.dialect.to_dict().get("csv", {}).get("delimiter", ",")
    try:
        with open(path, encoding=resource.encoding or "utf-8", newline="") as handle:
            records = list(csv.reader(handle, delimiter=delimiter))
    except (OSError, UnicodeError, csv.Error):
        return None
    if not records:
        return None
    return records[0], list(enumerate(records[1:], start=2))
