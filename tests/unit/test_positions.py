"""The positions matrix: every cell sourced or shown as unknown, and the checks that guard it."""

from __future__ import annotations

import dataclasses

import matplotlib
import pandas as pd
import pytest

from reassurance.chapters import positions
from reassurance.charts import positions as charts
from reassurance.evidence import Evidence, labels

matplotlib.use("Agg")


def with_positions(evidence: Evidence, frame: pd.DataFrame) -> Evidence:
    return dataclasses.replace(evidence, tables={**evidence.tables, "positions": frame})


def test_the_recorded_positions_pass_the_checks(evidence):
    assert positions.check(evidence) == []


def test_a_statement_from_another_source_is_caught(evidence, article_key):
    frame = evidence.positions.copy()
    linked = frame.index[frame["statement_id"] != "n/a"][0]
    other = next(k for k in evidence.sources["source_key"] if k != frame.loc[linked, "source_key"] and k != article_key)
    frame.loc[linked, "source_key"] = other
    problems = positions.check(with_positions(evidence, frame))
    assert len(problems) == 1 and "comes from" in problems[0]


def test_a_speaker_who_does_not_speak_for_the_actor_is_caught(evidence):
    frame = evidence.positions.copy()
    row = frame.index[frame["statement_id"] == "st-putin-eef-targets-tass"][0]
    frame.loc[row, "actor_id"] = "fr"
    problems = positions.check(with_positions(evidence, frame))
    assert any("does not speak for fr" in p for p in problems)


def test_article_only_evidence_must_match_the_source(evidence):
    frame = evidence.positions.copy()
    frame.loc[0, "evidence"] = "article-only"
    assert any("does not match" in p for p in positions.check(with_positions(evidence, frame)))


def test_two_rows_for_one_cell_are_caught(evidence):
    frame = evidence.positions.copy()
    duplicate = frame.iloc[[0]].assign(position_id="pos-duplicate")
    problems = positions.check(with_positions(evidence, pd.concat([frame, duplicate], ignore_index=True)))
    assert problems == [f"{frame.loc[0, 'actor_id']}: more than one row for issue {frame.loc[0, 'issue']}"]


def test_the_matrix_is_a_full_grid_in_display_order(evidence):
    cells = positions.cells(evidence)
    assert len(cells) == len(positions.MATRIX_ACTORS) * len(labels.ISSUE)
    assert not cells.duplicated(["actor_id", "issue"]).any()
    assert list(dict.fromkeys(cells["actor_id"])) == positions.MATRIX_ACTORS
    assert list(dict.fromkeys(cells["issue"])) == list(labels.ISSUE)


def test_every_cell_has_a_source_or_is_unknown(evidence):
    cells = positions.cells(evidence)
    keys = set(evidence.sources["source_key"])
    known = cells[cells["position"] != positions.UNKNOWN]
    assert known["source_key"].isin(keys).all()
    unknown = cells[cells["position"] == positions.UNKNOWN]
    assert len(known) and len(unknown), "the matrix should hold known and unknown cells"
    assert (unknown["source_key"] == "n/a").all() and (unknown["source"] == positions.NO_SOURCE).all()
    # Every documented row appears in the matrix, none is lost.
    documented = evidence.positions[evidence.positions["actor_id"].isin(positions.MATRIX_ACTORS)]
    assert len(known) == len(documented[documented["position"] != positions.UNKNOWN])


def test_an_undocumented_pair_is_unknown_never_guessed(evidence):
    empty = with_positions(evidence, evidence.positions.iloc[0:0])
    cells = positions.cells(empty, actors=["gb", "ru"])
    assert set(cells["position"]) == {positions.UNKNOWN}
    assert set(cells["statement_id"]) == {"n/a"}


def test_unknown_actors_and_issues_are_refused(evidence):
    with pytest.raises(ValueError):
        positions.cells(evidence, actors=["xx"])
    with pytest.raises(ValueError):
        positions.cells(evidence, issues=["not-an-issue"])


def _cells(rows):
    return pd.DataFrame(
        [{"actor": a, "issue": i, "issue_label": i, "position": p} for a, i, p in rows]
    )


def test_issue_summary_tells_collision_from_convergence():
    summary = positions.issue_summary(
        _cells(
            [
                ("A", "x", "supports"), ("B", "x", "opposes"), ("C", "x", "unknown"),
                ("A", "y", "supports"), ("B", "y", "limited"), ("C", "y", "unknown"),
                ("A", "z", "supports"), ("B", "z", "unknown"), ("C", "z", "unknown"),
            ]
        )
    ).set_index("issue")
    assert summary.loc["x", "outcome"] == "collide"
    assert summary.loc["x", "disagreeing"] == "B"
    assert summary.loc["y", "outcome"] == "converge"
    assert summary.loc["y", "agree"] == 2
    assert summary.loc["z", "outcome"] == "too-few"
    assert summary.loc["z", "unknown"] == 2


def test_every_documented_cell_of_the_chart_carries_a_symbol_and_a_word_and_gaps_stay_blank(evidence):
    cells = positions.cells(evidence)
    fig = charts.matrix_chart(cells, source_line="test")
    texts = [t.get_text().replace("\n", " ") for t in fig.axes[0].texts]
    known = cells[cells["position"] != "unknown"]
    expected = [charts.cell_text(p, e) for p, e in zip(known["position"], known["evidence"])]
    assert sorted(texts) == sorted(expected)
    assert len(fig.axes[0].patches) == len(known)
    note = [t.get_text() for t in fig.texts if t.get_gid() == "gap-note"]
    assert note and "Blank" in note[0]
    assert set(charts.POSITION_SYMBOLS) == set(labels.POSITION) == set(charts.POSITION_COLOURS)
    assert len(set(charts.POSITION_SYMBOLS.values())) == len(charts.POSITION_SYMBOLS)


def test_cell_text_marks_article_only_positions():
    assert charts.cell_text("supports", "article-only").endswith(charts.ARTICLE_ONLY_MARK)
    assert not charts.cell_text("supports", "checked-source").endswith(charts.ARTICLE_ONLY_MARK)


def test_the_matrix_title_and_gap_note_state_what_is_known():
    troops, backstop, nato = "troops-after-ceasefire", "us-backstop", "ukraine-in-nato"
    cells = _cells(
        [
            ("A", nato, "unknown"), ("B", nato, "unknown"), ("C", nato, "opposes"),
            ("A", troops, "supports"), ("B", troops, "opposes"), ("C", troops, "unknown"),
            ("A", backstop, "supports"), ("B", backstop, "limited"), ("C", backstop, "unknown"),
        ]
    )
    summary = positions.issue_summary(cells)
    assert positions.issues_by_coverage(summary) == [troops, backstop, nato]
    assert positions.matrix_title(summary) == (
        f"Documented positions collide only on {positions.ISSUE_PHRASE[troops]}; they agree on one issue"
    )
    note = positions.gap_note(cells, summary)
    assert note.startswith("Blank: no source of those days records")
    assert note.endswith(f"Only C's position is recorded on {positions.ISSUE_PHRASE[nato]}.")


def test_every_issue_has_a_phrase():
    assert set(positions.ISSUE_PHRASE) == set(labels.ISSUE)
    assert positions.issue_phrases(["us-backstop", "more-pressure"]) == "a US backstop and more pressure on Russia"


def test_a_us_backstop_position_rests_on_words_about_a_backstop(evidence):
    # A position on a US backstop must come from a statement or basis that
    # speaks of one (a backstop, US support or a US guarantee), not from a
    # remark about something else such as help by air.
    rows = evidence.positions[evidence.positions["issue"] == "us-backstop"]
    statements = evidence.statements.set_index("statement_id")
    assert len(rows) > 0, "no position on a US backstop: the check checks nothing"
    for row in rows.itertuples(index=False):
        words = row.basis + " " + (statements.loc[row.statement_id, "quote"] if row.statement_id != "n/a" else "")
        assert any(w in words.lower() for w in ("backstop", "supported by the united states", "us guarantee")), row.position_id


def test_the_us_cell_on_a_backstop_matches_the_us_chapter(evidence):
    # The US chapter codes the backstop expectation itself; where it finds no
    # US statement, the matrix cannot give the US a position.
    expectations = evidence.us_expectations
    backstop = expectations[expectations["expectation"].str.contains("backstop", case=False)]
    assert len(backstop) >= 1
    cells = positions.cells(evidence).set_index(["actor_id", "issue"])
    unknown = cells.loc[("us", "us-backstop"), "position"] == positions.UNKNOWN
    assert unknown == (backstop["us_status"] == "not-stated").all()


def test_actors_with_and_names_with_keep_display_order():
    cells = _cells([("A", "x", "limited"), ("B", "x", "opposes"), ("United States", "x", "limited"), ("B", "y", "supports")])
    assert positions.actors_with(cells, "x", "limited") == ["A", "United States"]
    assert positions.actors_with(cells, "x", {"limited", "opposes"}) == ["A", "B", "United States"]
    assert positions.names_with(cells, "x", "limited") == "A and the United States"
    assert positions.names_with(cells, "y", "opposes") == "none"
