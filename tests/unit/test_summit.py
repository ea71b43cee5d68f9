"""The summit chapter's analysis: roles, and the counts that sources report."""

import pandas as pd
import pytest

from reassurance.chapters import summit


def counts_frame(rows):
    return pd.DataFrame(rows, columns=["counted", "counted_by", "value"])


def test_count_of_returns_the_single_value_and_refuses_ambiguity():
    counts = counts_frame(
        [("committed-countries", "A", 26), ("committed-countries", "B", 26), ("coalition-members", "UK", 31), ("coalition-members", "Macron", 35)]
    )
    assert summit.count_of(counts, "committed-countries") == 26
    assert summit.count_of(counts, "coalition-members", counted_by_contains="UK") == 31
    with pytest.raises(ValueError, match="31, 35"):
        summit.count_of(counts, "coalition-members")


def test_values_counted_lists_distinct_values_in_order():
    counts = counts_frame(
        [("countries-at-meeting", "A", 33), ("countries-at-meeting", "B", 30), ("countries-at-meeting", "C", 33), ("leaders-at-table", "D", 35)]
    )
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


def test_who_and_source_names_a_publisher_once():
    assert summit.who_and_source("AP (Africanews)", "Africanews, 4 Sep 2025") == "AP (Africanews), 4 Sep 2025"
    assert summit.who_and_source("Emmanuel Macron (Élysée transcript)", "Élysée (Présidence de la République), 4 Sep 2025") == (
        "Emmanuel Macron (Élysée transcript), 4 Sep 2025"
    )
    assert summit.who_and_source("AFP", "TRT Global (French edition), 4 Sep 2025") == "AFP (TRT Global (French edition), 4 Sep 2025)"


def test_every_reported_count_label_names_its_publisher_once(evidence):
    counts = summit.reported_counts(evidence)
    for label, source in zip(counts["who_and_source"], counts["source"]):
        publisher = source.partition(", ")[0].split(" (")[0]
        assert label.count(publisher) == 1, label


def test_attendance_groups_are_disjoint_and_listed_roles_are_not_present(evidence):
    groups = [set(g) for g in summit.ATTENDANCE_GROUPS.values()]
    assert sum(len(g) for g in groups) == len(set().union(*groups))
    assert set(summit.ATTENDANCE_GROUPS["listed-beforehand"]).isdisjoint(summit.IN_ROOM + summit.REMOTE)
    assert set().union(*groups) <= set(summit.labels.SUMMIT_ROLE)
    roles = summit.roles(evidence)
    table = summit.attendance(roles)
    in_groups = roles["summit_role"].isin(set().union(*groups)).sum()
    assert table["countries"].sum() == in_groups
    # A pre-meeting list alone never puts a country in the room.
    room = set(table.loc[table["group"] == "in-room", "names"].iloc[0].split(", "))
    listed = roles.loc[roles["summit_role"].str.startswith("listed-"), "country"]
    assert room.isdisjoint(listed)


def test_finland_is_listed_in_person_and_spain_took_part_by_video(evidence):
    # Finland's only evidence is a list published before the meeting; Spanish
    # outlets report that Sánchez's plane turned back and he joined by video.
    parts = evidence.participants.set_index("actor_id")
    assert parts.loc["fi", "summit_role"] == "listed-in-person"
    assert parts.loc["es", "summit_role"] == "video"
    assert parts.loc["es", "summit_role_source_key"] == "elnortedecastilla-2025-09-04"


def test_the_counts_legend_sits_below_the_axes_and_above_the_source_line(evidence):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from reassurance.charts import summit as charts

    fig = charts.reported_counts_chart(summit.reported_counts(evidence), source_line="test")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    labels_box = ax.xaxis.get_tightbbox(renderer)  # tick labels and the axis label
    source = fig.texts[-1].get_window_extent(renderer)
    assert legend.y1 <= labels_box.y0 + 1
    assert legend.y0 >= source.y1
    plt.close(fig)


def test_a_country_only_expected_to_join_remotely_is_listed_not_remote(evidence):
    # A note that speaks of an expectation before the meeting, with nothing
    # confirmed after it, cannot support a mode of participation.
    parts = evidence.participants
    expected = parts[
        parts["summit_role_note"].str.contains("expected to", case=False)
        & parts["summit_role_note"].str.contains("not confirmed after the meeting", case=False)
    ]
    assert len(expected) >= 1
    assert expected["summit_role"].str.startswith("listed-").all(), list(expected["actor_id"])
