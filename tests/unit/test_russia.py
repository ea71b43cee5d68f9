"""The Russia chapter's logic: theme coding, renderings, attestation, dates, consistency."""

from __future__ import annotations

import pandas as pd
import pytest

from reassurance.chapters import russia, russia_wordings
from reassurance.evidence import labels
from support import theme_topic_mismatches


@pytest.fixture(scope="module")
def statements(evidence):
    return russia.russian_statements(evidence)


def frame(rows):
    columns = ["statement_id", "speaker_id", "speaker", "date", "topic", "stance", "quote", "variant_of", "source_key", "theme", "theme_label"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows])


# --- the data -----------------------------------------------------------------------------


def test_every_theme_refines_one_known_topic():
    assert sorted(russia.THEME_TOPIC) == sorted(labels.THEME)
    assert set(russia.THEME_TOPIC.values()) <= set(russia.TOPIC_LABELS)


def test_every_russian_statement_is_coded_with_a_theme_of_its_topic(statements):
    assert len(statements) > 0
    assert theme_topic_mismatches(statements) == []


def test_only_russian_statements_are_coded(evidence):
    actors = evidence.actors.set_index("actor_id")
    speakers = evidence.statements.set_index("statement_id")["speaker_id"]
    coded = evidence.statement_themes["statement_id"]
    assert set(actors.loc[speakers[coded], "represents"]) == {russia.RUSSIA}


def test_a_rendering_has_the_theme_of_the_remark_it_renders(statements):
    themes = statements.set_index("statement_id")["theme"]
    renderings = statements[statements["is_rendering"]]
    assert len(renderings) > 0
    wrong = [sid for sid, of in zip(renderings["statement_id"], renderings["variant_of"]) if themes[sid] != themes[of]]
    assert wrong == []


def test_the_mismatch_check_catches_a_wrong_theme():
    rows = frame([("a", "putin", "P", None, "eu", "supports", "q", "n/a", "k", "no-nato-membership", "x")])
    assert theme_topic_mismatches(rows) == ["a"]


def test_an_uncoded_russian_statement_is_refused(evidence):
    themes = evidence.statement_themes.iloc[1:]
    broken = type(evidence)({**evidence.tables, "statement_themes": themes}, evidence.paths)
    with pytest.raises(ValueError, match=evidence.statement_themes["statement_id"].iloc[0]):
        russia.russian_statements(broken)


# --- renderings ---------------------------------------------------------------------------


def test_variant_pairs_link_each_rendering_to_its_original():
    rows = frame(
        [
            ("o1", "putin", "P", None, "eu", "supports", "first words", "n/a", "article", "t", "T"),
            ("v1", "putin", "P", None, "eu", "supports", "first wording", "o1", "tass", "t", "T"),
            ("o2", "putin", "P", None, "eu", "supports", "alone", "n/a", "article", "t", "T"),
        ]
    )
    pairs = russia_wordings.variant_pairs(rows)
    assert pairs[["original_id", "variant_id"]].values.tolist() == [["o1", "v1"]]
    assert pairs.loc[0, "original_quote"] == "first words"
    assert pairs.loc[0, "variant_source_key"] == "tass"


def test_variant_pairs_refuse_a_dangling_link():
    rows = frame([("v1", "putin", "P", None, "eu", "supports", "q", "missing", "k", "t", "T")])
    with pytest.raises(ValueError, match="missing"):
        russia_wordings.variant_pairs(rows)


def test_wording_changes_ignore_case_punctuation_and_quote_style():
    assert russia_wordings.wording_changes("If any troops appear, now", "if any troops appear now") == []
    assert russia_wordings.wording_changes("Ukraine’s choice", "Ukraine's choice") == []


def test_wording_changes_find_replacements_and_additions():
    changes = russia_wordings.wording_changes(
        "they will be legitimate targets for destruction",
        "Therefore, these will be legitimate targets to be struck",
    )
    assert changes == [
        ("replaced", "they", "Therefore, these"),
        ("replaced", "for destruction", "to be struck"),
    ]
    assert russia_wordings.wording_changes("a b", "a b c") == [("only-b", "", "c")]
    assert russia_wordings.wording_changes("a b c", "a c") == [("only-a", "b", "")]


def test_wording_changes_join_edits_separated_by_one_shared_word():
    assert russia_wordings.wording_changes("its interests in the sphere", "its economic interests and") == [
        ("replaced", "interests in the sphere", "economic interests and")
    ]
    assert russia_wordings.wording_changes("a x b c d y", "a b c d") == [("only-a", "x", ""), ("only-a", "y", "")]


def test_describe_changes_names_the_renderings():
    text = russia_wordings.describe_changes([("replaced", "x", "y"), ("only-b", "", "z")], "the article", "TASS")
    assert text == "‘x’ → ‘y’; only in TASS: ‘z’"
    assert russia_wordings.describe_changes([], "a", "b") == "same words"


def test_the_eef_targets_remark_has_a_tass_rendering(evidence, statements):
    pairs = russia_wordings.translation_pairs(evidence, statements)
    row = pairs[pairs["theme"] == "troops-legitimate-targets"].iloc[0]
    assert row["variant_source_key"] == "tass-2012993"
    assert "‘for destruction’ → ‘to be struck’" in row["changes"]
    assert "only in TASS" in row["changes"] and "NATO" in row["changes"]
    # The Russian original sits beside the two English renderings.
    assert "законные цели для их поражения" in row["russian"]
    assert "legitimate targets" in row["russian_translation"]


def test_only_english_renderings_are_compared_and_every_original_has_its_translation(evidence, statements):
    pairs = russia_wordings.translation_pairs(evidence, statements)
    language = statements.set_index("statement_id")["language"]
    assert (pairs["variant_id"].map(language) == "en").all()
    originals = russia_wordings.russian_originals(evidence, statements)
    assert len(originals) >= 4
    assert originals["original_translation"].str.len().gt(0).all()


# --- attestation --------------------------------------------------------------------------


def test_attestation_distinguishes_article_only_and_pro_kremlin_only(evidence, article_key):
    sources = evidence.sources
    assert russia.attestation([article_key], sources) == "Article only"
    assert russia.attestation([article_key, "newsfront-2025-09-05"], sources).startswith(
        "Article and only a pro-Kremlin outlet"
    )
    assert russia.attestation([article_key, "tass-2012993"], sources) == "Article and TASS"
    assert "citing RIA Novosti" in russia.attestation([article_key, "rusk-120483"], sources)
    # A mirror's name already says whose page it copies.
    assert "(mirrored at am1.news)" in russia.attestation([article_key, "am1-novayagazeta-2025-09-05"], sources)
    assert russia.attestation(["tass-2012993"], sources) == "TASS"
    assert russia.attestation([], sources) == "No source"


def test_eef_remarks_give_one_row_per_theme_with_its_attestation(evidence, statements, article_key):
    remarks = russia.eef_remarks(evidence, statements)
    assert remarks["theme"].is_unique
    eef = statements[(statements["speaker_id"] == "putin") & (statements["date"] == russia.EEF_DATE)]
    assert set(remarks["theme"]) == set(eef["theme"])
    # One rendering per remark and source: the article's fragment and its full
    # sentence of one remark are one rendering.
    assert remarks["renderings"].sum() == len(set(zip(russia.remark_ids(eef), eef["source_key"])))
    assert remarks["renderings"].sum() < len(eef) or eef["variant_of"].eq("n/a").all()
    for _, r in remarks.iterrows():
        keys = set(eef.loc[eef["theme"] == r["theme"], "source_key"])
        assert (r["attested_by"] == "Article only") == (keys == {article_key})


def test_attestation_matrix_marks_exactly_the_carrying_sources(evidence, statements, article_key):
    matrix = russia.attestation_matrix(evidence, statements)
    eef = statements[(statements["speaker_id"] == "putin") & (statements["date"] == russia.EEF_DATE)]
    assert matrix["carried"].sum() == len(set(zip(eef["theme"], eef["source_key"])))
    assert matrix["source_key"].iloc[0] == article_key


# --- dates --------------------------------------------------------------------------------


def readings(rows):
    return pd.DataFrame(rows, columns=["statement_id", "reported_date", "source", "source_key"]).assign(
        reported_date=lambda d: pd.to_datetime(d["reported_date"])
    )


def test_date_shown_keeps_unknown_and_lists_other_datings():
    r = readings([("a", "2025-09-04", "Sputnik", "s"), ("a", "2025-09-03", "ZH copy", "z"), ("b", None, "F", "f")])
    assert russia.date_shown("c", pd.NaT, r) == "unknown"
    assert russia.date_shown("c", pd.Timestamp("2025-08-18"), r) == "18 August 2025"
    assert russia.date_shown("a", pd.Timestamp("2025-09-04"), r) == "4 September 2025 (4 September 2025 per Sputnik; 3 September 2025 per ZH copy)"
    assert russia.date_shown("b", pd.Timestamp("2025-09-02"), r) == "2 September 2025 (no day per F)"


def test_zakharova_is_dated_differently_by_two_sources(evidence):
    readings = russia.date_readings(evidence)
    days = readings.loc[readings["statement_id"] == "st-zakharova-eef", "reported_date"].dropna()
    assert days.nunique() >= 2


def test_timeline_adds_alternative_days_and_keeps_unknown_dates():
    rows = frame(
        [
            ("a", "zakharova", "Z", pd.Timestamp("2025-09-04"), "security-guarantees", "opposes", "q", "n/a", "s", "guarantees-insecurity", "G"),
            ("b", "putin", "P", pd.NaT, "foreign-troops", "opposes", "q", "n/a", "k", "troops-legitimate-targets", "T"),
            ("c", "putin", "P", pd.Timestamp("2025-09-05"), "foreign-troops", "opposes", "q", "b", "k2", "troops-legitimate-targets", "T"),
            ("d", "putin", "P", pd.Timestamp("2025-09-05"), "eu", "supports", "q", "n/a", "k", "eu-membership-accepted", "E"),
        ]
    )
    r = readings([("a", "2025-09-04", "S", "s"), ("a", "2025-09-03", "Z", "z")])
    points = russia.timeline(rows, r, ["foreign-troops", "security-guarantees"])
    assert sorted(points["statement_id"]) == ["a", "a", "b"]  # rendering c and EU remark d left out
    assert points.loc[points["statement_id"] == "b", "dating"].tolist() == ["unknown"]
    alt = points[points["dating"] == "alternative"]
    assert alt["date"].tolist() == [pd.Timestamp("2025-09-03")] and alt["source_key"].tolist() == ["z"]


# --- consistency --------------------------------------------------------------------------


def test_topic_consistency_tells_steady_from_differing():
    rows = frame(
        [
            ("a", "zakharova", "Z", pd.Timestamp("2025-09-04"), "security-guarantees", "opposes", "q", "n/a", "s", "guarantees-insecurity", "G"),
            ("b", "putin", "P", pd.Timestamp("2025-09-05"), "security-guarantees", "conditional", "q", "n/a", "k", "guarantees-for-both", "G"),
            ("c", "putin", "P", pd.Timestamp("2025-09-02"), "nato", "opposes", "q", "n/a", "k", "no-nato-membership", "N"),
            ("d", "putin", "P", pd.Timestamp("2025-09-05"), "nato", "opposes", "q", "n/a", "k", "no-nato-membership", "N"),
            ("e", "putin", "P", pd.Timestamp("2025-09-05"), "nato", "supports", "q", "d", "k2", "no-nato-membership", "N"),
            ("f", "putin", "P", pd.NaT, "eu", "supports", "q", "n/a", "k", "eu-membership-accepted", "E"),
        ]
    )
    table = russia.topic_consistency(rows).set_index("topic")
    assert table.loc["security-guarantees", "verdict"] == "differs"
    assert table.loc["nato", "verdict"] == "steady"  # the rendering e is not a second remark
    assert table.loc["nato", "remarks"] == 2
    assert table.loc["eu", "verdict"] == "single remark"
    assert "date unknown" in table.loc["eu", "who_when"]
    assert table.loc["security-guarantees", "who_when"] == "Opposes: Z (4 September 2025); Conditional: P (5 September 2025)"
    assert table.loc["nato", "who_when"] == "Opposes: P (2 September 2025, 5 September 2025)"


def test_same_day_remarks_name_the_day_once():
    rows = frame(
        [
            ("a", "putin", "P", pd.Timestamp("2025-09-05"), "eu", "supports", "q", "n/a", "k", "eu-membership-accepted", "E"),
            ("b", "putin", "P", pd.Timestamp("2025-09-05"), "eu", "supports", "q", "n/a", "k", "eu-membership-accepted", "E"),
            ("c", "putin", "P", pd.NaT, "eu", "supports", "q", "n/a", "k", "eu-membership-accepted", "E"),
        ]
    )
    assert russia.topic_consistency(rows).loc[0, "who_when"] == "Supports: P (5 September 2025, date unknown)"


# --- one remark counts once -----------------------------------------------------------------


def test_remark_ids_follow_links_to_the_remark():
    rows = frame(
        [
            ("frag", "putin", "P", None, "eu", "supports", "legitimate choice", "full", "article", "t", "T"),
            ("full", "putin", "P", None, "eu", "supports", "I repeat, legitimate choice", "n/a", "article", "t", "T"),
            ("other", "putin", "P", None, "eu", "supports", "this is a legitimate choice", "full", "newsfront", "t", "T"),
            ("alone", "putin", "P", None, "nato", "opposes", "no", "n/a", "article", "t", "T"),
        ]
    )
    assert russia.remark_ids(rows).tolist() == ["full", "full", "full", "alone"]
    # Two article rows of one remark make one rendering; News Front's is the second.
    assert russia.rendering_count(rows) == 3
    assert len(russia.primary(rows)) == 2
    table = russia.topic_consistency(rows).set_index("topic")
    assert table.loc["eu", "remarks"] == 1


def test_remark_ids_refuse_a_cycle_and_a_dangling_link():
    cycle = frame(
        [
            ("a", "putin", "P", None, "eu", "supports", "q", "b", "k", "t", "T"),
            ("b", "putin", "P", None, "eu", "supports", "q", "a", "k", "t", "T"),
        ]
    )
    with pytest.raises(ValueError, match="cycle"):
        russia.remark_ids(cycle)
    dangling = frame([("a", "putin", "P", None, "eu", "supports", "q", "zz", "k", "t", "T")])
    with pytest.raises(ValueError, match="zz"):
        russia.remark_ids(dangling)


def test_each_russian_remark_counts_once_in_every_total(statements):
    """Remarks per topic add up to the distinct remarks; each EEF theme is one remark."""
    remarks = set(russia.remark_ids(statements))
    assert len(russia.primary(statements)) == len(remarks)
    assert russia.topic_consistency(statements)["remarks"].sum() == len(remarks)
    eef = statements[(statements["speaker_id"] == "putin") & (statements["date"] == russia.EEF_DATE)]
    per_theme = pd.DataFrame({"theme": eef["theme"], "remark": russia.remark_ids(eef)}).groupby("theme")["remark"].nunique()
    assert (per_theme == 1).all(), per_theme[per_theme > 1]


def test_renderings_of_one_remark_share_topic_and_stance(statements):
    by_id = statements.set_index("statement_id")
    for sid, root in zip(statements["statement_id"], russia.remark_ids(statements)):
        assert by_id.loc[sid, "topic"] == by_id.loc[root, "topic"], sid
        assert by_id.loc[sid, "stance"] == by_id.loc[root, "stance"], sid


def test_translation_pairs_compare_different_sources_only(evidence, statements):
    pairs = russia_wordings.translation_pairs(evidence, statements)
    assert len(pairs) > 0
    assert (pairs["original_source_key"] != pairs["variant_source_key"]).all()


def test_timeline_note_mentions_undated_remarks_only_when_there_are_some():
    dated = pd.DataFrame({"statement_id": ["a", "a", "b"], "dating": ["recorded", "alternative", "recorded"]})
    assert russia.timeline_note(dated) == "Remarks shown: two."
    undated = pd.DataFrame({"statement_id": ["a", "b", "c"], "dating": ["recorded", "unknown", "unknown"]})
    note = russia.timeline_note(undated)
    assert note.startswith("Remarks shown: three.") and "Without a date: two" in note


def test_timeline_chart_has_separate_speaker_and_stance_legends(statements, evidence):
    import matplotlib
    import matplotlib.legend

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from reassurance.charts import russia as charts

    points = russia.timeline(statements, russia.date_readings(evidence), ["foreign-troops", "security-guarantees"])
    fig = charts.timeline_chart(points, "test source")
    ax = fig.axes[0]
    legends = [a for a in ax.get_children() if isinstance(a, matplotlib.legend.Legend)]
    titles = sorted(legend.get_title().get_text() for legend in legends)
    assert titles == ["Colour: speaker", "Shape: stance"]
    speakers = {t.get_text() for t in legends[0].get_texts()} | {t.get_text() for t in legends[1].get_texts()}
    assert set(points["speaker"]) <= speakers
    plt.close(fig)


def test_a_day_given_by_a_source_of_the_datings_is_credited_to_it():
    rows = frame(
        [
            ("a", "putin", "P", pd.Timestamp("2025-09-02"), "nato", "opposes", "q", "n/a", "f", "no-nato-membership", "N"),
            ("b", "putin", "P", pd.Timestamp("2025-09-05"), "nato", "opposes", "q", "n/a", "k", "no-nato-membership", "N"),
        ]
    )
    readings = pd.DataFrame(
        {
            "statement_id": ["a", "a"],
            "reported_date": [pd.NaT, pd.Timestamp("2025-09-02")],
            "source": ["F", "Novinite, 2 Sep 2025"],
            "attribution": ["F", "Novinite citing RIA Novosti"],
            "source_key": ["f", "n"],
        }
    )
    who_when = russia.topic_consistency(rows, readings).loc[0, "who_when"]
    assert who_when == "Opposes: P (2 September 2025 per Novinite citing RIA Novosti, 5 September 2025)"
    assert russia.topic_consistency(rows).loc[0, "who_when"] == "Opposes: P (2 September 2025, 5 September 2025)"
    assert russia.date_shown("a", pd.Timestamp("2025-09-02"), readings) == (
        "2 September 2025 (no day per F; 2 September 2025 per Novinite citing RIA Novosti)"
    )


def test_the_timeline_title_is_counted_from_its_points(statements, evidence):
    points = russia.timeline(statements, russia.date_readings(evidence), ["foreign-troops", "security-guarantees"])
    title = russia.timeline_title(points)
    remarks = points.drop_duplicates("statement_id")
    troops = remarks[remarks["topic"] == "foreign-troops"]
    assert set(troops["stance"]) == {"opposes"}
    assert title.startswith(f"Russian officials opposed foreign troops in Ukraine in all {russia.number_text(len(troops))} remarks")
    guarantees = remarks[remarks["topic"] == "security-guarantees"]["stance"].value_counts()
    assert f"on security guarantees, {russia.number_text(guarantees['opposes'])} opposed" in title
    assert f"and {russia.number_text(guarantees['conditional'])} set conditions" in title
    # An alternative day of one remark does not count it twice.
    assert len(points) > len(remarks)


def test_the_timeline_title_follows_a_change_in_the_stances():
    points = pd.DataFrame(
        {
            "statement_id": ["a", "b", "b", "c"],
            "topic": ["foreign-troops", "foreign-troops", "foreign-troops", "security-guarantees"],
            "stance": ["opposes", "conditional", "conditional", "conditional"],
        }
    )
    assert russia.timeline_title(points) == (
        "Russian officials' remarks: on foreign troops in Ukraine, one opposed and one set conditions; "
        "set conditions on security guarantees in its one remark"
    )
    with pytest.raises(ValueError):
        russia.timeline_title(points.iloc[0:0])
