"""What the force would be: the design table, its checks, tables and diagram."""

from __future__ import annotations

import dataclasses

import matplotlib
import pandas as pd
import pytest

from reassurance.chapters import force
from reassurance.charts import force as charts
from reassurance.evidence import codebook, labels

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def design(evidence):
    return force.design(evidence)


def _with_design(evidence, frame):
    return dataclasses.replace(evidence, tables=dict(evidence.tables, force_design=frame))


# --- the data ------------------------------------------------------------------


def test_every_item_has_a_stored_excerpt_of_its_own_source(evidence):
    assert force.excerpt_problems(evidence) == []


def test_numbers_units_and_diagram_labels_agree(evidence):
    assert force.number_problems(evidence.force_design) == []


def test_an_excerpt_of_another_source_is_named(evidence):
    broken = evidence.force_design.copy()
    other = evidence.excerpts.loc[evidence.excerpts["source_key"] != broken.iloc[0]["source_key"], "excerpt_id"].iloc[0]
    broken.loc[broken.index[0], "excerpt_id"] = other
    problems = force.excerpt_problems(_with_design(evidence, broken))
    assert len(problems) == 1 and broken.iloc[0]["item_id"] in problems[0] and "is from" in problems[0]
    with pytest.raises(ValueError, match=broken.iloc[0]["item_id"]):
        force.design(_with_design(evidence, broken))


def test_a_missing_excerpt_is_named(evidence):
    broken = evidence.force_design.copy()
    broken.loc[broken.index[-1], "excerpt_id"] = "ex-not-stored"
    assert force.excerpt_problems(_with_design(evidence, broken)) == [
        f"{broken.iloc[-1]['item_id']}: excerpt 'ex-not-stored' is not stored"
    ]


def test_inconsistent_numbers_are_named(evidence):
    broken = evidence.force_design.copy()
    row = broken.index[broken["item_id"] == "fd-size-iiss-large"][0]
    broken.loc[row, "number_high"] = 1
    broken.loc[broken.index[broken["item_id"] == "fd-land-limited"][0], "unit"] = "troops"
    found = force.number_problems(broken)
    assert any("fd-size-iiss-large" in p and "below" in p for p in found)
    assert any("fd-land-limited" in p and "unit without a number" in p for p in found)


def test_every_aspect_of_the_design_has_items(design):
    assert set(design["aspect"]) == set(codebook.FORCE_ASPECT)


def test_each_domain_has_a_task(design):
    tasks = design[design["aspect"] == "task"]
    assert {"land", "air", "sea"} <= set(tasks["domain"])


def test_every_layer_of_the_diagram_has_items(design):
    assert set(force.LAYERS) <= set(design["layer"])


# --- the numbers the prose shows ------------------------------------------------------


def test_troops_and_pounds_are_written_as_the_prose_writes_them():
    assert force.troops_text(10000, 10000) == "10,000"
    assert force.troops_text(60000, 100000) == "60,000–100,000"
    assert force.troops_text(pd.NA, pd.NA) == "n/a"
    assert force.pounds_text(100_000_000) == "£100m"
    assert force.pounds_text(1_500_000_000) == "£1.5bn"


def test_an_open_bound_reads_well_over(design):
    assert force.figure_text(force.row(design, "fd-cost-uk-100m")) == "well over £100m"
    assert force.figure_text(force.row(design, "fd-cost-uk-200m")) == "£200m"


def test_the_iiss_options_are_the_three_sizes_in_order(design):
    options = force.iiss_options(design)
    assert [force.figure_text(r) for _, r in options.iterrows()] == ["10,000", "25,000", "60,000–100,000"]


def test_both_reported_sizes_of_ukraines_army_are_given(design):
    assert force.army_size_text(design) == "800,000 or 700,000"


def test_an_unknown_item_is_refused(design):
    with pytest.raises(KeyError):
        force.row(design, "fd-no-such-item")


def test_counts_add_up(design):
    n = force.counts(design)
    assert n["items"] == len(design) == sum(n[k] for k in labels.FORCE_KIND)
    assert n["sources"] <= n["items"]


# --- the tables --------------------------------------------------------------------------


def test_outside_figures_come_before_and_apart_from_national_pledges(design):
    table = force.size_table(design)
    outside = {labels.FORCE_KIND[k] for k in force.OUTSIDE_KINDS}
    national = {labels.FORCE_KIND[k] for k in force.NATIONAL_KINDS}
    kinds = list(table["Kind"])
    first = [k in outside for k in kinds]
    assert first == sorted(first, reverse=True)
    assert set(kinds) == outside | national
    assert "800,000" not in set(table["Troops"])
    options = table[table["Kind"] == labels.FORCE_KIND["option"]]
    assert list(options["Troops"]) == ["10,000", "25,000", "60,000–100,000"]


def test_reader_tables_show_labels_dated_rows_first(design):
    table = force.reader_table(design, "command")
    assert list(table.columns) == ["What the source reports (our words)", "Kind", "Date", "Source"]
    dated = list(table["Date"] != "undated")
    assert dated == sorted(dated, reverse=True)
    assert set(table["Kind"]) <= set(labels.FORCE_KIND.values())
    assert not any("_" in c or "fd-" in str(c) for c in table.to_numpy().ravel())


# --- the diagram -----------------------------------------------------------------------------


def test_the_diagram_data_lists_layers_front_to_back(design):
    items = force.layer_items(design)
    order = [force.LAYER_TITLES[k] for k in force.LAYERS]
    assert list(dict.fromkeys(items["layer"])) == order
    assert (items["label"] != "n/a").all()


def test_the_diagram_is_narrow_with_large_type(design):
    fig = charts.layers_chart(force.layer_items(design), "test source")
    width, height = fig.get_size_inches()
    assert width <= 5.0 and height > width
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    assert min(sizes) >= 11
    shown = " ".join(t.get_text() for t in fig.axes[0].texts)
    for name in force.LAYER_TITLES.values():
        assert name in shown
    matplotlib.pyplot.close(fig)


def test_long_labels_wrap_inside_the_box():
    lines = charts._lines(["A label long enough that it has to wrap onto a second line inside the box"])
    assert len(lines) >= 2 and lines[0].startswith("• ")
    assert all(len(line) <= charts.WRAP + 2 for line in lines)
