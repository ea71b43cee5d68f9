"""The country tracker: its data (stances, membership), its logic, its charts and the front page's box."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from reassurance import style
from reassurance.chapters import tracker
from reassurance.charts import tracker as charts
from reassurance.charts.commitment import TILE_GRID
from reassurance.evidence import labels
from reassurance.evidence.verbatim import occurs_in


@pytest.fixture(scope="module")
def frame(evidence):
    return tracker.stances(evidence)


def _rows(*rows):
    """A stance frame with only the columns the logic reads:
    (actor_id, actor, date or None, stance)."""
    return pd.DataFrame(
        {
            "stance_id": [f"st-{a}-{i}" for i, (a, *_rest) in enumerate(rows)],
            "actor_id": [r[0] for r in rows],
            "actor": [r[1] for r in rows],
            "date": pd.to_datetime([r[2] for r in rows]),
            "stance": [r[3] for r in rows],
            "stance_label": [labels.TRACKER_STANCE[r[3]] for r in rows],
            "member": "yes",
            "dated": [r[2] is not None for r in rows],
        }
    )


# --- the data ----------------------------------------------------------------

def test_every_stance_rests_on_an_excerpt_of_its_own_source(evidence):
    owner = dict(zip(evidence.excerpts["excerpt_id"], evidence.excerpts["source_key"]))
    for table in (evidence.country_stances, evidence.coalition_membership):
        wrong = [f"{r.excerpt_id} ({r.source_key})" for r in table.itertuples() if owner[r.excerpt_id] != r.source_key]
        assert not wrong, f"excerpts of another source: {wrong}"


def test_the_tracker_meets_the_issue_s_floor(evidence, frame):
    """At least 30 countries with a dated stance, at least 10 with two or more."""
    countries = tracker.dated(frame[frame["kind"] == "country"])
    assert countries["actor_id"].nunique() >= 30
    assert (countries.groupby("actor_id").size() >= 2).sum() >= 10


def test_the_tracker_covers_every_named_member_and_the_notable_others(evidence):
    covered = set(evidence.country_stances["actor_id"]) | set(evidence.coalition_membership["actor_id"])
    for actor in ("ua", "us", "jp", "tr", "hu", "sk", "eu", "nato"):
        assert actor in covered, actor
    assert set(tracker.named_members(evidence)["actor_id"]) <= set(evidence.country_stances["actor_id"])


def test_stance_ids_name_their_actor_and_date(evidence):
    for row in evidence.country_stances.itertuples():
        assert row.stance_id.startswith(f"st-{row.actor_id}-"), row.stance_id
        if pd.notna(row.date):
            assert row.date.strftime("%Y-%m-%d") in row.stance_id, row.stance_id
        else:
            assert "undated" in row.stance_id, row.stance_id


def test_only_the_us_has_the_backstop_and_only_ukraine_is_host(evidence):
    table = evidence.country_stances
    assert set(table.loc[table["stance"] == "backstop", "actor_id"]) <= {"us"}
    assert set(table.loc[table["stance"] == "host", "actor_id"]) <= {"ua"}


def test_the_denominator_is_the_newest_count_of_members_and_its_words_are_stored(evidence):
    n, row = tracker.members_count(evidence)
    assert n == row["value"] and row["counted"] == tracker.MEMBERS_COUNTED
    passages = evidence.excerpts.loc[evidence.excerpts["source_key"] == row["source_key"], "excerpt"]
    assert any(occurs_in(row["quote"], p) for p in passages)
    assert len(tracker.named_members(evidence)) <= n


# --- latest stance and movement ----------------------------------------------

def test_latest_takes_the_last_dated_stance_and_ignores_undated_rows():
    rows = _rows(("aa", "A", "2025-03-01", "undecided"), ("aa", "A", "2026-01-06", "ground-troops"),
                 ("aa", "A", None, "rules-out-troops"), ("bb", "B", None, "undecided"))
    last = tracker.latest(rows)
    assert list(last["actor_id"]) == ["aa"] and last.iloc[0]["stance"] == "ground-troops"
    assert tracker.undated_only(rows) == ["B"]


def test_latest_sorts_by_stance_then_name():
    rows = _rows(("bb", "B", "2025-03-01", "rules-out-troops"), ("cc", "C", "2025-03-01", "ground-troops"),
                 ("aa", "A", "2025-03-01", "rules-out-troops"))
    assert list(tracker.latest(rows)["actor"]) == ["C", "A", "B"]


def test_direction_of_a_move():
    assert tracker.direction("undecided", "ground-troops") == "toward troops"
    assert tracker.direction("ready-in-principle", "rules-out-troops") == "away from troops"
    assert tracker.direction("undecided", "undecided") == "same stance"
    assert tracker.direction("backstop", "ground-troops") == "off the scale"
    assert set(tracker.TOWARD_TROOPS) | {"backstop", "host"} == set(labels.TRACKER_STANCE)


def test_moves_counts_changes_and_directions():
    rows = _rows(("aa", "A", "2025-03-01", "undecided"), ("aa", "A", "2026-01-06", "ground-troops"),
                 ("bb", "B", "2025-03-01", "rules-out-troops"), ("bb", "B", "2025-09-01", "rules-out-troops"),
                 ("cc", "C", "2025-03-01", "ready-in-principle"), ("cc", "C", "2025-05-01", "undecided"),
                 ("cc", "C", "2025-09-01", "ready-in-principle"), ("dd", "D", "2025-03-01", "undecided"))
    summary = tracker.moves(rows).set_index("actor_id")
    assert list(summary.index) == ["aa", "bb", "cc"]
    assert summary.loc["aa", "direction"] == "toward troops"
    assert not summary.loc["bb", "changed"]
    assert summary.loc["cc", "changed"] and summary.loc["cc", "direction"] == "same stance"
    title = tracker.movement_title(summary.reset_index())
    assert title.startswith("Two of three countries and bodies changed stance")
    assert "none ended further" not in title and "zero ended further" in title


def test_the_reader_table_fits_a_phone(frame):
    table = tracker.reader_table(frame)
    assert list(table.columns) == ["Country or body", "Latest stance", "Stated on", "Member"]
    assert table["Country or body"].is_unique
    longest = max(len(v) for c in table.columns for v in table[c].astype(str))
    assert longest <= 30
    assert not set(table["Latest stance"]) - set(labels.TRACKER_STANCE.values())


def test_the_full_table_keeps_every_row(evidence, frame):
    assert len(tracker.full_table(frame)) == len(evidence.country_stances)


# --- the charts --------------------------------------------------------------

def test_every_stance_has_a_colour_a_marker_and_a_short_label_and_they_differ():
    assert set(style.TRACKER_COLOURS) == set(labels.TRACKER_STANCE) == set(charts.MARKERS)
    assert set(charts.SHORT) == set(labels.TRACKER_STANCE) | {charts.NO_STANCE}
    assert len(set(style.TRACKER_COLOURS.values())) == len(style.TRACKER_COLOURS)
    assert len(set(charts.MARKERS.values())) == len(charts.MARKERS)
    assert charts.NO_STANCE_COLOUR not in style.TRACKER_COLOURS.values()


def test_a_tracker_colour_means_what_the_same_label_means_elsewhere():
    by_label = {label: code for code, label in labels.STANCE.items()}
    for code, label in labels.TRACKER_STANCE.items():
        if label in by_label:
            assert style.TRACKER_COLOURS[code] == style.STANCE_COLOURS[by_label[label]], label


def test_every_european_country_of_the_tracker_has_a_tile(evidence):
    actors = evidence.actors.set_index("actor_id")
    ids = set(evidence.country_stances["actor_id"]) | set(evidence.coalition_membership["actor_id"])
    european = {actors.loc[i, "iso_a2"] for i in ids if actors.loc[i, "kind"] == "country" and actors.loc[i, "region"] == "europe"}
    assert european <= set(TILE_GRID)


def test_the_charts_draw(evidence, frame):
    import matplotlib.pyplot as plt

    summary = tracker.moves(frame)
    fig = charts.movement_chart(frame, "test", title=tracker.movement_title(summary))
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_yticklabels()) == len(summary)
    plt.close(fig)
    actors = evidence.actors
    countries = actors[actors["actor_id"].isin(frame["actor_id"]) & (actors["kind"] == "country")]
    drawn = charts.map_frame(frame, countries)
    assert len(drawn) == len(countries)
    fig = charts.tile_map(drawn, "test", title="t")
    plt.close(fig)


def test_a_european_country_without_a_tile_is_refused():
    drawn = pd.DataFrame({"name": ["Atlantis"], "iso_a2": ["ZZ"], "region": ["europe"], "stance": ["undecided"]})
    with pytest.raises(ValueError, match="ZZ"):
        charts.tile_map(drawn, "test", title="t")


# --- the front page's box ----------------------------------------------------

def test_the_box_gives_the_denominator_and_the_dates(evidence):
    content = tracker.box(evidence)
    text = tracker.box_markdown(content)
    n = content["members"]
    assert f"of the {n} member countries" in text
    for group in content["groups"]:
        assert f"{group['label']}: {len(group['entries'])} of the {n}" in text
        for entry in group["entries"]:
            assert pd.notna(entry["date"])
    assert sum(len(g["entries"]) for g in content["groups"]) == content["with_stance"]


def test_no_non_member_is_listed_among_the_members(evidence):
    content = tracker.box(evidence)
    members = set(tracker.named_members(evidence)["country"])
    in_groups = {e["name"] for g in content["groups"] for e in g["entries"]}
    assert in_groups <= members
    others = {e["name"]: e["status"] for e in content["others"]}
    assert "United States" in others and "not a member" in others["United States"]
    assert all(status for status in others.values())
    text = tracker.box_markdown(content)
    us_line = [line for line in text.splitlines() if "United States" in line]
    assert us_line and all("not a member" in line for line in us_line)


def test_names_from_the_data_enter_the_box_as_words_not_markup():
    entry = {"name": "<b>x</b> {math}`y`", "date": pd.Timestamp("2025-09-04"), "source_key": "k",
             "status": "not a member", "stance_label": "Undecided"}
    text = tracker.box_entry_markdown(entry, others=True)
    assert "<b>" not in text and "{math}`" not in text
    assert text.endswith("{cite:p}`k`")
