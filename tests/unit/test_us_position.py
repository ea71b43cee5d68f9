"""The US-position chapter's logic: who speaks for the US, the timeline, the expectations tally."""

from __future__ import annotations

import pandas as pd
import pytest

from reassurance import text
from reassurance.chapters import road_to_paris, us_position
from reassurance.evidence import Evidence, labels


def ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day)


def fake_evidence(**overrides) -> Evidence:
    """A tiny evidence base: two US speakers, a French one, events in and out of range."""
    tables = {
        "actors": pd.DataFrame(
            {
                "actor_id": ["us", "fr", "trump", "leavitt", "macron"],
                "name": ["United States", "France", "Donald Trump", "Karoline Leavitt", "Emmanuel Macron"],
                "represents": ["n/a", "n/a", "us", "us", "fr"],
            }
        ),
        "events": pd.DataFrame(
            {
                "event_id": ["ev-a", "ev-b", "ev-c", "ev-d", "ev-e"],
                "start_date": [ts("2025-03-02"), ts("2025-08-15"), ts("2025-09-04"), ts("2025-09-04"), ts("2025-02-01")],
                "title": ["Coalition launched", "Alaska", "Paris", "Russian step", "Too early"],
                "category": ["coalition", "us", "coalition", "russia", "coalition"],
                "source_key": ["s1", "s2", "s3", "s4", "s5"],
            }
        ),
        "statements": pd.DataFrame(
            {
                "statement_id": ["st-1", "st-2", "st-3", "st-4", "st-5", "st-6"],
                "speaker_id": ["trump", "trump", "macron", "macron", "leavitt", "trump"],
                "date": [ts("2025-08-19"), ts("2025-09-04"), ts("2025-09-04"), ts("2025-09-04"), pd.NaT, ts("2025-09-04")],
                "topic": ["foreign-troops", "dialogue", "us-support", "commitment", "us-support", "dialogue"],
                "quote": [
                    "Well, you have my assurance, you know, I'm president",
                    "I will be, yeah.",
                    "Nous comptons sur le backstop",
                    "We have today 26 countries",
                    "an option",
                    "very good dialogue",
                ],
                "variant_of": ["n/a", "n/a", "n/a", "n/a", "n/a", "st-2"],
                "source_key": ["s1", "s2", "s3", "s4", "s5", "s6"],
            }
        ),
        "sources": pd.DataFrame(
            {
                "source_key": [f"s{i}" for i in range(1, 7)],
                "publisher": [f"Outlet {i}" for i in range(1, 7)],
                "dated": [ts("2025-09-04")] * 6,
            }
        ),
        "us_expectations": pd.DataFrame(
            {
                "expectation_id": ["exp-b", "exp-a", "exp-c"],
                "us_status": ["not-stated", "possible", "not-stated"],
                "expectation_source_key": ["s1", "s2", "s3"],
                "us_source_key": ["s4", "s5", "s6"],
            }
        ),
    }
    tables.update(overrides)
    return Evidence(tables, paths={})


def test_us_speakers_are_the_country_and_who_represents_it():
    assert us_position.us_speakers(fake_evidence()) == {"us", "trump", "leavitt"}


def test_us_statements_are_in_date_order_and_variants_can_be_dropped():
    evidence = fake_evidence()
    every = us_position.us_statements(evidence)
    assert set(every["statement_id"]) == {"st-1", "st-2", "st-5", "st-6"}
    assert list(every["statement_id"][:3]) == ["st-1", "st-2", "st-6"]  # undated last
    once = us_position.us_statements(evidence, include_variants=False)
    assert "st-6" not in set(once["statement_id"])
    assert once.loc[once["statement_id"] == "st-1", "speaker"].item() == "Donald Trump"
    assert once.loc[once["statement_id"] == "st-1", "source"].item() == "Outlet 1, 4 Sep 2025"


def test_the_timeline_keeps_the_window_us_steps_and_coalition_reference():
    rows = us_position.timeline(fake_evidence(), "2025-03-02", "2025-09-05")
    # Russian event, event before the window, undated statement, variant, the
    # French statements and US statements on a day with a US event are left out.
    assert list(rows["item_id"]) == ["ev-a", "ev-b", "st-1", "ev-c", "st-2"]
    assert rows["date"].is_monotonic_increasing
    assert rows.set_index("item_id").loc["ev-c", "side"] == "coalition"
    assert set(rows.loc[rows["kind"] == "statement", "side"]) == {"us"}


def test_a_us_statement_on_a_day_with_a_us_event_is_not_a_second_row():
    evidence = fake_evidence()
    events = evidence.events.copy()
    events.loc[events["event_id"] == "ev-c", "category"] = "us"  # a US event on 4 September
    rows = us_position.timeline(fake_evidence(events=events), "2025-03-02", "2025-09-05")
    assert "st-2" not in set(rows["item_id"]) and "st-1" in set(rows["item_id"])


def test_every_timeline_label_starts_with_its_date_and_quotes_nothing():
    rows = us_position.timeline(fake_evidence(), "2025-01-01", "2025-12-31")
    for date, label in zip(rows["date"], rows["label"]):
        assert label.startswith(f"{date.day} {date.strftime('%b')} · "), label
        assert "“" not in label and "…" not in label
    statement = rows.set_index("item_id").loc["st-1", "label"]
    assert statement == "19 Aug · Donald Trump on troops"


def test_the_timeline_starts_with_the_first_us_step_and_its_reference_steps_fall_inside(evidence):
    # The window opens at Anchorage, so the figure never implies a US silence
    # before the point where the sources' US record begins.
    first, last = us_position.window(evidence)
    rows = us_position.timeline(evidence, first, last)
    us_rows = rows[rows["side"] == "us"]
    assert us_rows["date"].min() == pd.Timestamp(first)
    reference = rows[rows["item_id"].isin(us_position.REFERENCE_STEPS)]
    assert len(reference) == len(us_position.REFERENCE_STEPS)
    titles = evidence.events.set_index("event_id")["title"]
    assert "no US ground troops" in titles["ev-2025-08-19-trump-fox"]
    assert "an option" in titles["ev-2025-08-19-leavitt-briefing"]


def test_the_timeline_refuses_an_inverted_window():
    with pytest.raises(ValueError):
        us_position.timeline(fake_evidence(), "2025-09-05", "2025-03-02")


def test_expectations_are_in_status_order_with_labels():
    frame = us_position.expectations(fake_evidence())
    assert list(frame["expectation_id"]) == ["exp-a", "exp-b", "exp-c"]
    assert frame.loc[0, "status"] == labels.US_STATUS["possible"]
    assert frame.loc[0, "us_source"] == "Outlet 5, 4 Sep 2025"


def test_an_unlabelled_status_is_refused():
    bad = pd.DataFrame(
        {"expectation_id": ["exp-x"], "us_status": ["maybe"], "expectation_source_key": ["s1"], "us_source_key": ["s1"]}
    )
    with pytest.raises(ValueError, match="maybe"):
        us_position.expectations(fake_evidence(us_expectations=bad))


def test_expectation_counts_list_every_status_with_zeros():
    counts = us_position.expectation_counts(us_position.expectations(fake_evidence()))
    assert list(counts["us_status"]) == list(labels.US_STATUS)
    by_status = counts.set_index("us_status")["expectations"]
    assert by_status["not-stated"] == 2 and by_status["possible"] == 1 and by_status["stated"] == 0
    assert by_status.sum() == 3


def test_every_expectation_in_the_data_is_sourced_on_both_sides(evidence):
    keys = set(evidence.sources["source_key"])
    frame = evidence.us_expectations
    assert len(frame) > 0
    assert set(frame["expectation_source_key"]) <= keys
    assert set(frame["us_source_key"]) <= keys
    # A US statement cannot postdate the cut-off of the chapter.
    assert (frame["us_evidence_date"] <= pd.Timestamp("2025-09-05")).all()


def test_the_timeline_chart_labels_every_row_and_keeps_the_window():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from reassurance.charts import us_position as charts

    rows = us_position.timeline(fake_evidence(), "2025-03-02", "2025-09-05")
    fig = charts.timeline_chart(rows, "Title", "test source", "2025-03-02", "2025-09-05", reference_ids=["ev-c"])
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert set(rows.loc[rows["side"] == "us", "label"]) <= texts  # the US rows are labelled
    assert "2 Mar · Coalition launched" not in texts  # an unchosen reference step is only a tick
    assert any(t.startswith("4 Sep · Paris") for t in texts)  # the chosen reference is labelled at the top
    low, high = (mdates.num2date(x).date().isoformat() for x in ax.get_xlim())
    assert low <= "2025-03-02" and high >= "2025-09-05"
    assert any(t.get_text() == "Source: test source" for t in fig.texts)
    plt.close(fig)


def test_the_window_runs_from_anchorage_to_vladivostok(evidence):
    assert us_position.window(evidence) == ("2025-08-15", "2025-09-05")


def test_the_timeline_labels_overlap_neither_each_other_nor_the_dashed_lines(evidence):
    """On the real evidence base with the chapter's four reference steps: no two
    labels' boxes overlap, and no dashed reference line runs through a label."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from reassurance.charts import us_position as charts

    window = us_position.window(evidence)
    rows = us_position.timeline(evidence, *window)
    chosen = us_position.REFERENCE_STEPS
    fig = charts.timeline_chart(rows, "Title", "test source", *window, reference_ids=chosen)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    # A label on a white ground hides the line behind it; every other label must stand clear of the lines.
    bare = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() and t.get_bbox_patch() is None]
    assert len(bare) >= len(chosen) + 1  # the reference labels and the lane's caption
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
    lines = [c for c in ax.collections if c.get_gid() == "reference-line"]
    assert len(lines) == len(chosen)
    for line in lines:
        (x, y0), (_, y1) = ax.transData.transform(line.get_segments()[0])
        for box in bare:
            crosses = box.x0 < x < box.x1 and box.y0 < max(y0, y1) - 1 and box.y1 > min(y0, y1)
            assert not crosses, (x, box)
    plt.close(fig)


def reference_labels(specs):
    """Reference labels as the timeline draws them: (x, text), left of the middle
    starting just right of x, right of the middle ending just left of it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3))
    ax.set_xlim(0, 100)
    texts = [
        ax.text(x + 2.5 if x < 50 else x - 2.5, 0, label, ha="left" if x < 50 else "right", fontsize=7.2)
        for x, label in specs
    ]
    return fig, ax, texts


def placed(specs):
    """Levels for the labels, with each label's x-extent and its line's x."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from reassurance.charts import us_position as charts

    fig, ax, texts = reference_labels(specs)
    levels = charts.reference_levels(fig, ax, texts, [mdates.num2date(x) for x, _ in specs])
    renderer = fig.canvas.get_renderer()
    spans = [t.get_window_extent(renderer).transformed(ax.transData.inverted()).intervalx for t in texts]
    plt.close(fig)
    return levels, spans, [x for x, _ in specs]


def test_reference_levels_put_a_long_label_above_a_later_line():
    """The first label runs right past the second line: it must stand higher."""
    levels, _, _ = placed([(0, "x" * 60), (10, "y")])
    assert levels[0] > levels[1]


# Ten labels in a crowded window: five from the left, five from the right, long
# enough that labels from both sides meet in the middle.
CROWDED = [(x, f"{x} · a coalition step of the kind the chart labels") for x in (5, 9, 13, 17, 21)] + [
    (x, f"{x} · the summit's outcome as the sources give it") for x in (79, 83, 87, 91, 95)
]


def test_reference_levels_keep_a_crowded_lane_free_of_overlaps_and_crossed_labels():
    levels, spans, xs = placed(CROWDED)
    assert max(levels) >= 2, "the case is not crowded: the check would check little"
    assert max(levels) < len(CROWDED)
    for i, (level_i, (a0, a1)) in enumerate(zip(levels, spans)):
        for j, (level_j, (b0, b1)) in enumerate(zip(levels, spans)):
            if i == j:
                continue
            if level_i == level_j:
                assert a1 <= b0 or b1 <= a0, f"labels {i} and {j} overlap at level {level_i}"
            if level_i < level_j:  # label j's dashed line rises past label i
                assert not a0 <= xs[j] <= a1, f"label {j}'s line runs through label {i}"


def test_reference_levels_are_the_same_on_every_run():
    first = placed(CROWDED)[0]
    assert all(placed(CROWDED)[0] == first for _ in range(3))


def test_reference_levels_part_two_labels_that_stand_across_each_other_s_line():
    """No placement keeps both lines clear: the labels at least never overlap."""
    levels, spans, xs = placed([(45, "a long label running right " * 2), (55, "a long label running left " * 2)])
    assert spans[0][0] <= xs[1] <= spans[0][1] and spans[1][0] <= xs[0] <= spans[1][1]  # the case is what it says
    assert levels[0] != levels[1]


def test_the_expectations_caption_is_dated_by_the_report_end(evidence):
    assert us_position.expectations_caption(evidence).endswith(f"by {text.date_text(road_to_paris.report_end(evidence))}")


def test_the_timeline_title_is_built_from_the_statements_and_the_expectations(evidence):
    first, last = us_position.window(evidence)
    assert us_position.timeline_title(evidence, first, last) == (
        f"From {pd.Timestamp(first).day} {pd.Timestamp(first):%B} to {text.date_text(last)}, "
        "the US ruled out sending troops and promised help only in general terms"
    )


def test_the_timeline_title_follows_the_data():
    stances = ["opposes", "describes", "supports", "supports", "conditional", "describes"]
    statements = fake_evidence().statements.assign(stance=stances)
    base = fake_evidence(statements=statements)
    assert us_position.timeline_title(base, "2025-08-15", "2025-09-05") == (
        "From 15 August to 5 September 2025, the US ruled out sending troops and promised help only in general terms"
    )
    # Outside the window the troops remark is not counted; a stated commitment is.
    committed = base.us_expectations.assign(us_status=["stated", "possible", "not-stated"])
    changed = fake_evidence(statements=statements, us_expectations=committed)
    assert us_position.timeline_title(changed, "2025-08-20", "2026-01-05") == (
        "From 20 August 2025 to 5 January 2026, the US said nothing of sending troops "
        "and committed to 1 of the 3 things the coalition expected of it"
    )
    mixed = fake_evidence(statements=statements.assign(topic="foreign-troops"),
                          us_expectations=base.us_expectations.assign(us_status="not-stated"))
    assert us_position.timeline_title(mixed, "2025-08-15", "2025-09-05") == (
        "From 15 August to 5 September 2025, the US spoke both for and against sending troops and promised no help"
    )
