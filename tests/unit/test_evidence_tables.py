"""The evidence appendix: every lookup table builds in reader form, and its download matches it."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from reassurance import publish
from reassurance.chapters import evidence_tables

# Reader tables carry no database words: no snake_case column names.
SNAKE_CASE = re.compile(r"^[a-z]+(_[a-z]+)+$")
# Summaries computed from another appendix table, whose rows name the sources.
DERIVED = {"tbl-evidence-consistency": "tbl-evidence-russian"}


@pytest.mark.parametrize("name", list(evidence_tables.TABLES))
def test_every_appendix_table_has_rows_reader_headers_and_a_source(name, evidence):
    caption, frame = evidence_tables.table(name, evidence)
    assert caption and len(frame) > 0
    assert not [c for c in frame.columns if SNAKE_CASE.match(c)], list(frame.columns)
    sourced = evidence_tables.table(DERIVED.get(name, name), evidence)[1]
    assert any(c.startswith("Source") or c == "Sources" for c in sourced.columns), list(sourced.columns)


APPENDIX_PAGES = ("evidence.ipynb", "evidence-since.ipynb", "evidence-tracker.ipynb")


def test_the_appendix_pages_show_every_table_once_with_its_download_link():
    """The appendix is split by part (the two days, since then, the tracker),
    so that no page carries every table (issue 21: a phone's load time)."""
    from support import ROOT, book_markdown  # the one notebook-Markdown reader

    markdown = dict(book_markdown())
    pages = "".join(markdown[ROOT / "book" / name] for name in APPENDIX_PAGES)
    for name in evidence_tables.TABLES:
        assert pages.count(f"<figure-data/{name}.csv>") == 1, name


def test_a_download_table_writes_the_rows_it_shows(tmp_path, capsys):
    frame = pd.DataFrame({"Country": ["France", "=cmd"], "Date": ["4 September 2025", None]})
    publish.show_download_table("tbl-x", frame, caption="c", directory=tmp_path)
    written = (tmp_path / "tbl-x.csv").read_text(encoding="utf-8")
    assert written == "Country,Date\nFrance,4 September 2025\n'=cmd,unknown\n"


@pytest.mark.parametrize("name", list(evidence_tables.TABLES))
def test_no_appendix_download_has_a_blank_cell(name, evidence):
    """A blank cell says nothing: missing values are written as the data's word for them."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(publish.csv_text(evidence_tables.table(name, evidence)[1]))))
    blank = [(number, row) for number, row in enumerate(rows, start=1) if "" in row]
    assert not blank, blank[:3]
