"""The commitment chapter's logic and charts: stances, mentions, phrasings, the tile grid."""

from __future__ import annotations

import csv

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from reassurance import text
from reassurance.chapters import commitment
from reassurance.charts import commitment as charts
from reassurance.evidence import labels
from reassurance.evidence.verbatim import occurs_in
from support import overlapping_tiles


@pytest.fixture(scope="module")
def table(evidence):
    return commitment.stance_table(evidence)


def read_csv(root, name):
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the tile grid -----------------------------------------------------------

def european_codes_needing_tiles(root) -> set[str]:
    """Every European country of actors.csv, and every participant in Europe."""
    actors = {a["actor_id"]: a for a in read_csv(root, "actors") if a["kind"] == "country"}
    participants = {p["actor_id"] for p in read_csv(root, "participants")}
    european = {i for i, a in actors.items() if a["region"] == "europe"}
    return {actors[i]["iso_a2"] for i in european | (participants & european)}


def test_every_european_country_of_the_data_has_a_tile(root):
    needed = european_codes_needing_tiles(root)
    assert needed, "the data should hold European countries"
    assert charts.missing_tiles(needed) == []


def test_no_two_tiles_overlap():
    assert overlapping_tiles(charts.TILE_GRID) == []


def test_grid_checks_catch_clashes_and_gaps():
    assert overlapping_tiles({"AA": (0, 0), "BB": (1, 0), "CC": (0, 0)}) == [("AA", "CC")]
    assert charts.missing_tiles(["AA", "ZZ"], {"AA": (0, 0)}) == ["ZZ"]


def test_non_european_participants_get_no_tile_but_a_place_in_the_strip(root, table):
    outside = set(table.loc[~table["european"], "iso_a2"])
    assert outside and not outside & set(charts.TILE_GRID)
    actors = {a["iso_a2"]: a["region"] for a in read_csv(root, "actors") if a["kind"] == "country"}
    assert all(actors[c] != "europe" for c in outside)


def test_every_stance_has_a_colour_and_a_short_label_and_colours_differ():
    assert set(charts.STANCE_COLOURS) == set(labels.STANCE) == set(charts.STANCE_SHORT)
    assert len(set(charts.STANCE_COLOURS.values())) == len(charts.STANCE_COLOURS)
    assert len(set(charts.STANCE_SHORT.values())) == len(charts.STANCE_SHORT)


def test_legend_labels_name_the_tile_label_only_where_it_differs():
    assert charts.legend_label("ready") == labels.STANCE["ready"]
    assert charts.legend_label("no-troops") == labels.STANCE["no-troops"]
    assert charts.legend_label("undecided") == labels.STANCE["undecided"]
    assert charts.legend_label("not-among-26").endswith(f"[{charts.STANCE_SHORT['not-among-26']}]")
    # Domain-limited tiles name the domains recorded, and the legend says so.
    assert charts.legend_label("air-sea-training-only").endswith("[the domains named]")


def test_a_domain_limited_tile_names_the_domains_recorded_not_the_category():
    assert charts.tile_label("air-sea-training-only", "air") == "air"
    assert charts.tile_label("air-sea-training-only", "air;sea") == "air/sea"
    assert charts.tile_label("air-sea-training-only", "unknown").replace("\n", "") == charts.STANCE_SHORT["air-sea-training-only"]
    assert charts.tile_label("ready", "air;sea;training") == charts.STANCE_SHORT["ready"]


def test_every_domain_limited_tile_in_the_data_matches_its_domains(table):
    limited = table[table["stance"] == "air-sea-training-only"]
    named = limited[~limited["domains"].isin(["unknown", "none"])]
    assert len(named) > 0, "no limited stance names its domains: the check checks nothing"
    for stance, domains in zip(named["stance"], named["domains"]):
        label = charts.tile_label(stance, domains)
        assert set(label.replace("\n", "").split("/")) == set(commitment.domain_list(domains)) & {"air", "sea", "training"}


def test_codes_are_stacked_a_few_per_line():
    assert charts.stack_codes("IS NZ NO TR") == "IS NZ\nNO TR"
    assert charts.stack_codes("JP") == "JP"
    assert charts.stack_codes("DE IT PL", per_line=2) == "DE IT\nPL"


def test_code_key_names_each_code_once_in_order(evidence):
    assert commitment.code_key(["PL", "DE", "PL"], evidence) == "DE Germany, PL Poland"
    with pytest.raises(ValueError):
        commitment.code_key(["ZZ"], evidence)


# --- the stance table --------------------------------------------------------

def test_stance_table_keeps_every_participant_and_adds_european_countries_as_unknown(root, table):
    """Every European country with no stance here nor a dated one in the country tracker is added as unknown."""
    participants = {p["actor_id"]: p["stance"] for p in read_csv(root, "participants")}
    tracked = {s["actor_id"] for s in read_csv(root, "country_stances") if s["date"] != "unknown"}
    european = {a["actor_id"] for a in read_csv(root, "actors") if a["kind"] == "country" and a["region"] == "europe"}
    assert table["actor_id"].is_unique
    assert set(table["actor_id"]) == set(participants) | (european - tracked)
    for _, row in table.iterrows():
        if row["actor_id"] in participants:
            assert row["stance"] == participants[row["actor_id"]]
        else:
            assert row["stance"] == "unknown" and not row["documented"]


def test_documented_means_a_stance_other_than_unknown_or_not_applicable(root, table):
    raw = read_csv(root, "participants")
    expected = sum(p["stance"] not in ("unknown", "not-applicable") for p in raw)
    assert int(table["documented"].sum()) == expected


def test_stance_table_is_in_label_order(table):
    order = [list(labels.STANCE).index(s) for s in table["stance"]]
    assert order == sorted(order)


def test_domain_parsing():
    assert commitment.domain_list("air;sea") == ["air", "sea"]
    assert commitment.domain_list("none") == [] and commitment.domain_list("unknown") == []
    assert commitment.domains_text("unknown") == "not stated"
    with pytest.raises(ValueError):
        commitment.domain_list("air;space")


def test_contribution_matrix_has_a_row_per_named_domain():
    table = pd.DataFrame(
        {
            "country": ["A", "B", "C"],
            "iso_a2": ["AA", "BB", "CC"],
            "stance": ["ready", "no-troops", "unknown"],
            "stance_label": ["Ready", "No troops", "Unknown"],
            "documented": [True, True, False],
            "domains": ["land;air", "unknown", "unknown"],
        }
    )
    matrix = commitment.contribution_matrix(table)
    assert list(zip(matrix["country"], matrix["domain"])) == [("A", "land"), ("A", "air"), ("B", "not stated")]


# --- mentions ---------------------------------------------------------------

def test_every_mentioned_country_has_a_stance_row(evidence, table):
    mentions = commitment.mentions(evidence, table)
    assert len(mentions) == len(evidence.commitment_mentions)
    assert mentions["stance"].notna().all() and mentions["country"].notna().all()


def test_crosstab_counts_every_mention_once(evidence, table):
    mentions = commitment.mentions(evidence, table)
    crosstab = commitment.mention_crosstab(mentions)
    assert crosstab["countries"].sum() == len(mentions)


# --- how the 26 were described ----------------------------------------------

@pytest.mark.parametrize(
    "quote, expected",
    [
        ("Vingt-six pays, essentiellement européens, se sont 'engagés'", "mostly-european"),
        ("26 European nations, part of the coalition", "european"),
        ("26 of Ukraine's allies had formally committed", "allies"),
        ("We have today 26 countries who have formally committed", "countries"),
    ],
)
def test_classify_phrasing(quote, expected):
    assert commitment.classify_phrasing(quote) == expected


def test_the_article_descriptions_carry_the_status_of_their_claim(evidence):
    rows = commitment.phrasings(evidence)
    claims = evidence.claims.set_index("claim_id")
    article = rows[rows["in_article"]]
    assert len(article) >= 1
    for _, row in article.iterrows():
        assert occurs_in(claims.loc[row["claim_id"], "excerpt"], row["quote"])
        assert row["status"] == claims.loc[row["claim_id"], "status"]
    assert (rows.loc[~rows["in_article"], "status"] == "n/a").all()
    assert rows["supported"].notna().all()


def test_every_status_says_whether_the_wording_is_supported():
    assert set(commitment.SUPPORT) == set(labels.STATUS) | {"n/a"}
    assert commitment.SUPPORT["inconsistent"] == "not supported"


# --- the charts --------------------------------------------------------------

def test_the_map_has_a_title_a_legend_hidden_ticks_and_every_tile(table):
    fig = charts.stance_map(table, source_line="test", title=commitment.map_title(table))
    ax, side = fig.axes[:2]
    assert fig.get_suptitle() == commitment.map_title(table)
    assert ax.get_xlabel() and ax.get_ylabel()
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    drawn = {t.get_text() for a in (ax, side) for t in a.texts}
    assert set(table["iso_a2"]) <= drawn
    assert any(a.get_legend() for a in fig.axes)
    assert any("Source:" in t.get_text() for t in fig.texts)


def test_the_map_draws_only_countries_with_a_documented_part_and_its_title_counts_them(table):
    drawn = commitment.on_map(table)
    assert drawn["in_participants"].all()
    assert len(drawn) == int(table["in_participants"].sum()) < len(table)
    ready = int(drawn["stance"].isin(["ready", "ready-in-principle"]).sum())
    no_troops = int((drawn["stance"] == "no-troops").sum())
    title = commitment.map_title(table)
    assert title.startswith(f"{text.number_text(ready).capitalize()} of {len(drawn)} countries with a documented part")
    assert title.endswith(f"{text.number_text(no_troops)} ruled out troops")


def test_names_and_counts_by_stance_read_the_stance_column(table):
    italy_poland = table[table["country"].isin(["Italy", "Poland"])]
    assert commitment.names_with_stance(italy_poland, "no-troops") == "Italy and Poland"
    assert commitment.count_with_stance(table, "no-troops") == int((table["stance"] == "no-troops").sum())
    assert commitment.names_with_stance(italy_poland, "ready") == "none"


def test_the_contribution_chart_shows_every_documented_country(table):
    matrix = commitment.contribution_matrix(table)
    fig = charts.contribution_chart(matrix, source_line="test")
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_yticklabels()) == matrix["country"].nunique() == int(table["documented"].sum())


def test_english_gloss_says_so_only_where_the_evidence_is_english(table):
    shown = commitment.english_gloss(pd.Series(["n/a", "Germany will decide"]))
    assert list(shown) == [commitment.ALREADY_ENGLISH, "Germany will decide"]
    glossed = table[commitment.english_gloss(table["stance_gloss"]) != commitment.ALREADY_ENGLISH]
    assert not glossed.empty
    # Every quote that is not in English has a gloss: a crude check on letters
    # outside ASCII or common non-English words in quotes without one.
    unglossed = table[(commitment.english_gloss(table["stance_gloss"]) == commitment.ALREADY_ENGLISH) & (table["evidence_kind"] == "quote")]
    for quote in unglossed["stance_evidence"]:
        assert all(ord(ch) < 0x250 for ch in quote), quote
        assert not any(w in quote.split() for w in ("der", "die", "und", "dat", "het", "les", "des", "pour", "werde")), quote


def test_stance_date_text_shows_a_date_a_period_or_unknown():
    assert commitment.stance_date_text(pd.Timestamp("2025-09-04")) == "4 September 2025"
    assert commitment.stance_date_text(pd.NaT, "late August 2025") == "late August 2025"
    assert commitment.stance_date_text(pd.NaT, "n/a") == "unknown"
    with pytest.raises(ValueError):
        commitment.stance_date_text(pd.Timestamp("2025-09-04"), "late August 2025")


def test_a_stance_dated_only_by_a_period_shows_that_period(evidence):
    table = commitment.stance_table(evidence)
    noted = table[table["stance_date_note"] != "n/a"]
    assert len(noted) > 0, "no stance dated by a period: the check checks nothing"
    assert noted["stance_date"].isna().all()
    assert (noted["date_shown"] == noted["stance_date_note"]).all()
    assert (table.loc[table["stance_date_note"] == "n/a", "date_shown"] != "").all()


def test_a_stance_date_note_agrees_with_the_timeline(evidence):
    # Where the timeline has an event for the same statement, the table's period
    # must give the same first and last day as the timeline.
    from reassurance.chapters import road_to_paris

    table = commitment.stance_table(evidence).set_index("actor_id")
    events = evidence.events.set_index("event_id")
    pairs = {"au": "ev-2025-03-15-albanese"}
    for actor, event_id in pairs.items():
        assert actor in table.index and event_id in events.index, f"the pair checked here is gone: {actor}, {event_id}"
        event = events.loc[event_id]
        span = road_to_paris.date_span_text(event["start_date"], event["end_date"])  # '15–16 Mar 2025'
        days, _, _ = span.partition(" ")
        note = table.loc[actor, "date_shown"]
        assert note.startswith(days + " "), (note, span)
        assert f"{event['start_date']:%B %Y}" in note


def test_a_long_tile_label_takes_two_short_lines():
    assert charts.tile_label("ready-in-principle") == "in\nprinciple"
    assert charts.tile_label("ready") == "ready"
    for stance in charts.STANCE_SHORT:
        assert all(len(line) <= charts.TILE_LINE for line in charts.tile_label(stance).split("\n")), stance


# --- the front page's "Who's in the 26?" box ---------------------------------


def _stances(rows):
    """A stance table with only the columns box_groups reads."""
    return pd.DataFrame(rows, columns=["country", "stance", "domains", "stance_source_key"])


def test_the_box_has_the_seven_groups_in_reading_order_even_when_empty():
    groups = commitment.box_groups(_stances([("Japan", "not-among-26", "unknown", "tass-1")]))
    assert [g["label"] for g in groups] == [
        "Ready", "Ready in principle", "Open", "Air, sea or training only", "Undecided", "No troops", "Not among the 26",
    ]
    assert [len(g["entries"]) for g in groups] == [0, 0, 0, 0, 0, 0, 1]
    text = commitment.box_markdown(groups)
    assert text.count(commitment.BOX_EMPTY) == 6
    assert "Not among the 26\n: Japan {cite:p}`tass-1`" in text


def test_a_country_without_a_coded_stance_is_in_no_group():
    groups = commitment.box_groups(
        _stances([("Latvia", "unknown", "unknown", "n/a"), ("Ukraine", "not-applicable", "none", "x"), ("Chile", "ready", "land", "s")])
    )
    listed = [e["country"] for g in groups for e in g["entries"]]
    assert listed == ["Chile"]


def test_entries_are_sorted_cite_their_own_source_and_name_domains_only_where_the_group_needs_them():
    groups = commitment.box_groups(
        _stances(
            [
                ("Sweden", "air-sea-training-only", "air;sea", "liga"),
                ("Belgium", "ready", "air;sea;training", "unian"),
                ("Austria", "ready", "unknown", "orf"),
            ]
        )
    )
    text = commitment.box_markdown(groups)
    assert "Ready\n: Austria {cite:p}`orf`; Belgium {cite:p}`unian`\n" in text
    assert "Air, sea or training only\n: Sweden (air\\, sea) {cite:p}`liga`\n" in text


def test_names_from_the_data_enter_the_box_as_words_not_markup():
    groups = commitment.box_groups(_stances([("<script>x</script> {math}`y`", "ready", "unknown", "s")]))
    entry = commitment.box_markdown(groups).split("Ready\n: ", 1)[1].split("\n", 1)[0]
    assert entry == "\\<script\\>x\\<\\/script\\> \\{math\\}\\`y\\` {cite:p}`s`"


def test_a_coded_stance_without_a_source_is_refused():
    with pytest.raises(ValueError, match="Chile"):
        commitment.box_groups(_stances([("Chile", "ready", "land", "n/a")]))


def test_the_box_groups_every_country_whose_stance_the_data_codes(table):
    groups = commitment.box_groups(table)
    listed = {e["country"]: g["stance"] for g in groups for e in g["entries"]}
    coded = table[table["stance"].isin(commitment.BOX_STANCES)]
    assert listed == dict(zip(coded["country"], coded["stance"]))
    assert set(table.loc[table["stance"] == "unknown", "country"]).isdisjoint(listed)
