"""Tables write values as the prose does."""

from __future__ import annotations

import datetime

import pandas as pd

from reassurance import publish


def test_dates_in_tables_read_as_in_prose():
    frame = pd.DataFrame({"When": [pd.Timestamp("2025-05-20"), pd.Timestamp("2025-09-04")], "What": ["a", "b"]})
    markup = publish.table(frame).data
    assert "<td>20 May 2025</td>" in markup
    assert "<td>4 September 2025</td>" in markup
    assert "2025-05-20" not in markup


def test_a_plain_date_and_a_missing_date():
    assert publish._cell(datetime.date(2025, 3, 2)) == "2 March 2025"
    assert publish._cell(pd.NaT) == "unknown"
    assert publish.date_text("2025-09-05") == "5 September 2025"


def test_months_are_written_as_the_prose_writes_them():
    from reassurance.publish import months_text

    assert months_text(["2026-11"]) == "November 2026"
    assert months_text(["2026-12", "2026-11", "2026-11"]) == "November and December 2026"
    assert months_text(["2025-12", "2026-01"]) == "December 2025 and January 2026"
