"""The foreign keys are checked beside Frictionless, reading each table once
(reassurance.evidence.foreign_keys): the check must find exactly what
Frictionless's own check finds, with the same rows, columns, values and notes.

One copy of data/ carries every kind of key damage at once, and both checks
read it: a dangling value in every foreign key of every table, a key
pointing at its own table, an empty key cell and a field's own missing
value (which refer to nothing), a blank line, and a referenced table that
loses its key values."""

from __future__ import annotations

import json

from reassurance.evidence import foreign_keys
from support import ROOT

DESCRIPTOR = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))


def _keys(resource: dict) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced table, referenced fields) of each foreign key."""
    found = []
    for key in resource["schema"].get("foreignKeys", []):
        fields = [key["fields"]] if isinstance(key["fields"], str) else key["fields"]
        reference = key["reference"]
        target = [reference["fields"]] if isinstance(reference["fields"], str) else reference["fields"]
        found.append((fields, reference["resource"] or resource["name"], target))
    return found


def _damage_every_key(data) -> None:
    """Every kind of key damage, in one copy (see the module's docstring)."""
    for resource in DESCRIPTOR["resources"]:
        name = resource["name"]
        rows = data.read(name)
        header = rows[0]
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        for n, (columns, _, _) in enumerate(_keys(resource)):
            for column in columns:
                row = 2 + n % (len(rows) - 1)
                rows[row - 1][header.index(column)] = f"no-such-{name}-{n}"
                # The last row: an empty cell, or the field's own token, refers to nothing.
                missing = fields[column].get("missingValues", resource["schema"].get("missingValues", [""]))
                rows[-1][header.index(column)] = missing[0]
        rows.insert(len(rows) // 2, [])  # a blank line (Frictionless numbers it, and reports it)
        data.write(name, rows)
    # A referenced table whose key values all change: every row pointing at it dangles.
    rows = data.read("events")
    column = rows[0].index("event_id")
    for row in rows[1:]:
        if row:
            row[column] = "renamed-" + row[column]
    data.write("events", rows)


def _as_found(errors) -> set[tuple]:
    return {
        (error.row_number, tuple(error.field_names), tuple(error.field_cells), error.reference_name,
         tuple(error.reference_field_names), error.note)
        for error in errors
    }


def test_the_check_finds_what_frictionless_finds_on_every_kind_of_key_damage(data_copy):
    from frictionless import Package

    _damage_every_key(data_copy)
    # Frictionless's own check, with the foreign keys in the schemas.
    report_package = Package(str(data_copy.datapackage))
    report = report_package.validate()
    theirs = {task.name: _as_found(e for e in task.errors if e.type == "foreign-key") for task in report.tasks}
    package = Package(str(data_copy.datapackage))
    keys = foreign_keys.detach(package)
    ours = {name: _as_found(errors) for name, errors in foreign_keys.errors(package, keys).items()}
    foreign_keys.reattach(package, keys)
    assert {name: found for name, found in theirs.items() if found} == ours
    # Every table with a foreign key has its dangling values found; events' renamed keys too.
    with_keys = {r["name"] for r in DESCRIPTOR["resources"] if _keys(r)}
    assert with_keys <= set(ours)
    renamed = [cells for found in ours.values() for _, _, cells, table, _, _ in found
               if table == "events" and not cells[0].startswith("no-such")]
    assert renamed, "no row pointing at the renamed events was found"
    # The schemas have their foreign keys back.
    assert [r.schema.foreign_keys for r in package.resources] == [r.schema.foreign_keys for r in report_package.resources]



def test_a_referenced_table_without_its_key_column_matches_nothing_as_in_frictionless(tmp_path):
    """A key column missing from the referenced table's header reads as empty:
    every row pointing at it dangles (here the key is the column that is cut)."""
    from frictionless import Package

    (tmp_path / "parents.csv").write_text("name\nOne\nTwo\n", encoding="utf-8")
    (tmp_path / "children.csv").write_text("child,parent\nc1,p1\nc2,\n", encoding="utf-8")
    string = {"type": "string"}
    descriptor = {
        "name": "family",
        "resources": [
            {"name": "parents", "path": "parents.csv", "schema": {"fields": [{"name": "name", **string}, {"name": "parent_id", **string}]}},
            {"name": "children", "path": "children.csv", "schema": {
                "fields": [{"name": "child", **string}, {"name": "parent", **string}],
                "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "parents", "fields": ["parent_id"]}}],
            }},
        ],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    theirs = {task.name: _as_found(e for e in task.errors if e.type == "foreign-key") for task in report.tasks}
    package = Package(str(tmp_path / "datapackage.json"))
    ours = {name: _as_found(errors) for name, errors in foreign_keys.errors(package, foreign_keys.detach(package)).items()}
    assert theirs["children"] == ours["children"]
    assert [row for row, *_ in ours["children"]] == [2]  # the empty cell refers to nothing
