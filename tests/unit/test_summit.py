"""The summit chapter's analysis: roles, and the counts that sources report."""

import pandas as pd
import pytest

from reassurance import summit
from reassurance.evidence import load_evidence


@pytest.fixture(scope="module")
def evidence(root):
    return load_evidence(root / "data" / "datapackage.json")


def counts_frame(rows):
    return pd.DataFrame(rows, columns=["counted", "counted_by", "value"])


def test_count_of_returns_the_single_value_and_refuses_ambiguity():
    counts = counts_frame([("committed-countries", "A", 26), ("committed-countries", "B", 26), ("coalition-members", "UK", 31), ("coalition-members", "Macron", 35)])
    assert summit.count_of(counts, "committed-countries") == 26
    assert summit.count_of(counts, "coalition-members", counted_by_contains="UK") == 31
    with pytest.raises(ValueError, match="31, 35"):
        summit.count_of(counts, "coalition-members")


def test_values_counted_lists_distinct_values_in_order():
    counts = counts_frame([("countries-at-meeting", "A", 33), ("countries-at-meeting", "B", 30), ("countries-at-meeting", "C", 33), ("leaders-at-table", "D", 35)])
    assert summit.values_counted(counts, "countries-at-meeting") == [30, 33]
    assert summit.values_counted(counts, "committed-countries") == []
    with pytest.raises(ValueError):
        summit.values_counted(counts, "people")


def test_role_counts_follow_the_label_order_and_name_every_country(evidence):
    roles = summit.roles(evidence)
    grouped = summit.role_counts(roles)
    assert grouped["countries"].sum() == len(roles)
    order = list(summit.labels.SUMMIT_ROLE)
    assert list(grouped["summit_role"]) == sorted(grouped["summit_role"], key=order.index)
    for _, row in grouped.iterrows():
        assert len(row["names"].split(", ")) == row["countries"]


def test_the_counts_of_countries_at_the_meeting_disagree(evidence):
    # The fact sheet lists the headcount as conflicting; the data must show it.
    counts = summit.reported_counts(evidence)
    assert len(summit.values_counted(counts, "countries-at-meeting")) > 1
