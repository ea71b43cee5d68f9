"""The evidence base loads only when valid, and bad input fails loudly.

Each test breaks one thing in a copy of data/ and checks that the error
names the file, the row, the column and the value. The generated corpus in
test_bad_input.py covers every damage that applies to any table; the cases
here need a particular row or value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from reassurance.evidence import EvidenceError, load_evidence

# Every resource the Data Package declares, so a new table is covered automatically.
TABLES = [r["name"] for r in json.loads((Path(__file__).resolve().parents[2] / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


def problems(data_copy) -> str:
    with pytest.raises(EvidenceError) as caught:
        load_evidence(data_copy.datapackage)
    return str(caught.value)


def test_the_evidence_base_loads_every_table_with_rows(evidence):
    assert sorted(evidence.tables) == sorted(TABLES)
    for name, frame in evidence.tables.items():
        assert len(frame) > 0, name


def test_dates_load_as_timestamps_and_unknown_stays_explicit(evidence):
    assert pd.api.types.is_datetime64_any_dtype(evidence.events["start_date"])
    assert "unknown" in set(evidence.sources["title"])
    assert evidence.sources["dated"].isna().any()


def test_every_field_is_required_or_names_its_missing_token(root):
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["schema"]["missingValues"] == [""]
        for field in resource["schema"]["fields"]:
            required = field["constraints"].get("required", False)
            token = field.get("missingValues")
            assert required != bool(token), (resource["name"], field["name"])
            if token:
                assert token in (["unknown"], ["n/a"]), (resource["name"], field["name"])


def test_a_missing_file_is_named(data_copy):
    data_copy.path("events").unlink()
    message = problems(data_copy)
    assert "data/events.csv" in message and "No such file" in message


def test_a_header_without_rows_is_rejected(data_copy):
    data_copy.write("events", data_copy.read("events")[:1])
    message = problems(data_copy)
    assert "data/events.csv" in message and "empty-table" in message


def test_an_impossible_date_is_rejected(data_copy):
    data_copy.set_cell("events", 2, "end_date", "2025-09-31")
    assert "data/events.csv, row 2, column 'end_date', value '2025-09-31'" in problems(data_copy)


def test_a_blank_required_cell_is_rejected(data_copy):
    data_copy.set_cell("statements", 2, "quote", "")
    assert "data/statements.csv, row 2, column 'quote'" in problems(data_copy)


def test_a_blank_is_not_unknown(data_copy):
    data_copy.set_cell("sources", 2, "dated", "")
    assert "data/sources.csv, row 2, column 'dated', value ''" in problems(data_copy)


def test_every_problem_is_reported_not_just_the_first(data_copy):
    data_copy.set_cell("participants", 2, "stance", "maybe")
    data_copy.set_cell("events", 2, "start_date", "soon")
    message = problems(data_copy)
    assert "data/participants.csv" in message and "data/events.csv" in message
