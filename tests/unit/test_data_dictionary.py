"""The data dictionary is generated from the Data Package and misses nothing
(the built page is checked in tests/build/test_reference_pages.py)."""

from __future__ import annotations

import pytest

from reassurance import publish
from reassurance.chapters import data_dictionary
from support import missing_from_page

TOY = {
    "resources": [
        {
            "name": "things",
            "path": "things.csv",
            "title": "Things",
            "description": "Some things.",
            "schema": {
                "fields": [
                    {"name": "thing_id", "type": "string", "constraints": {"required": True, "pattern": "^[a-z]+$"}},
                    {"name": "colour", "type": "string", "constraints": {"required": True, "enum": ["red", "blue"]}},
                    {"name": "when", "type": "date", "missingValues": ["unknown"], "constraints": {}},
                    {"name": "owner", "type": "string", "missingValues": ["n/a"], "constraints": {"minLength": 1}},
                ],
                "primaryKey": ["thing_id"],
                "missingValues": [""],
                "foreignKeys": [{"fields": "owner", "reference": {"resource": "owners", "fields": "owner_id"}}],
            },
        },
        {
            "name": "owners",
            "path": "owners.csv",
            "schema": {"fields": [{"name": "owner_id", "type": "string", "constraints": {"required": True}}], "primaryKey": "owner_id"},
        },
    ]
}


def test_row_count_skips_the_header_and_keeps_quoted_line_breaks(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"two\nlines"\n3,x\n', encoding="utf-8")
    assert data_dictionary.row_count(path) == 2
    (tmp_path / "h.csv").write_text("a,b\n", encoding="utf-8")
    assert data_dictionary.row_count(tmp_path / "h.csv") == 0


def test_columns_table_lists_every_column_with_its_rules():
    table = data_dictionary.columns_table(TOY["resources"][0])
    assert list(table["Column"]) == ["thing_id", "colour", "when", "owner"]
    rows = table.set_index("Column")
    assert rows.loc["colour", "Allowed values"] == "one of: red, blue"
    assert "^[a-z]+$" in rows.loc["thing_id", "Allowed values"]
    assert rows.loc["thing_id", "Required"] == "yes" and rows.loc["when", "Required"] == "no"
    assert rows.loc["when", "When there is no value"] == "may say unknown"
    assert rows.loc["owner", "When there is no value"] == "may say n/a"
    assert rows.loc["thing_id", "When there is no value"] == "never empty"
    assert rows.loc["when", "Type"].startswith("date")


def test_keys_are_described_with_their_target_table():
    things, owners = TOY["resources"]
    assert data_dictionary.primary_key(things) == "thing_id"
    assert data_dictionary.primary_key(owners) == "owner_id"
    assert data_dictionary.foreign_keys(things) == ["owner → owners.owner_id"]
    assert data_dictionary.foreign_keys(owners) == []


def test_overview_counts_rows_and_columns_from_the_files(tmp_path):
    (tmp_path / "things.csv").write_text("thing_id,colour,when,owner\na,red,unknown,n/a\nb,blue,2025-09-04,x\n", encoding="utf-8")
    (tmp_path / "owners.csv").write_text("owner_id\nx\n", encoding="utf-8")
    overview = data_dictionary.tables_overview(TOY, tmp_path)
    assert list(overview["Table"]) == ["things", "owners"]
    assert list(overview["Rows"]) == [2, 1]
    assert list(overview["Columns"]) == [4, 1]


def test_table_markdown_offers_the_csv_for_download():
    text = data_dictionary.table_markdown(TOY["resources"][0], 2)
    assert "{download}`things.csv <../data/things.csv>`" in text
    assert "`owner → owners.owner_id`" in text
    assert "(2 rows, 4 columns)" in text


def test_codes_table_follows_the_descriptor_and_the_labels(root):
    descriptor = data_dictionary.load_descriptor(root / "data" / "datapackage.json")
    codes = data_dictionary.codes_table(descriptor)
    status = codes[codes["Column"] == "claims.status"]
    enum = next(f for r in descriptor["resources"] if r["name"] == "claims" for f in r["schema"]["fields"] if f["name"] == "status")
    assert list(status["Code"]) == enum["constraints"]["enum"]
    assert (status["Definition"] != "see the column's description").all()


def test_every_code_reads_with_a_definition_not_a_pointer(root):
    descriptor = data_dictionary.load_descriptor(root / "data" / "datapackage.json")
    codes = data_dictionary.codes_table(descriptor)
    for definition in codes["Definition"]:
        assert len(definition) > 10
        assert "README" not in definition and "see the column" not in definition, definition


def test_a_code_without_its_own_definition_reads_with_its_column_description(monkeypatch):
    from reassurance.evidence import labels

    monkeypatch.setitem(labels.BY_FIELD, ("things", "colour"), {"red": "Red", "blue": "Blue"})
    monkeypatch.setitem(TOY["resources"][0]["schema"]["fields"][1], "description", "The colour of the thing.")
    codes = data_dictionary.codes_table(TOY)
    assert list(codes["Definition"]) == ["The colour of the thing.", "The colour of the thing."]


def test_a_column_missing_from_the_page_is_reported():
    things = TOY["resources"][0]
    full = publish.table(data_dictionary.columns_table(things), name=data_dictionary.table_id("things")).data
    assert missing_from_page(full, TOY) == ["owners"]
    partial = publish.table(data_dictionary.columns_table(things).iloc[:2], name=data_dictionary.table_id("things")).data
    assert missing_from_page(partial, TOY) == ["things.when", "things.owner", "owners"]


@pytest.mark.parametrize("bad", [{"resources": [{"name": "x", "path": "x.csv", "schema": {"fields": []}}]}])
def test_an_empty_page_misses_every_table(bad):
    assert missing_from_page("<p>nothing</p>", bad) == ["x"]
