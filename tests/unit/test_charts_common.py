"""The shared chart helpers: the verification-status chart's computed headline,
and one colour per stance across the book."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from reassurance import labels, style
from reassurance.charts import common


def counts(**by_status):
    statuses = list(labels.STATUS)
    return pd.DataFrame(
        {"status": statuses, "label": [labels.STATUS[s] for s in statuses], "claims": [by_status.get(s.replace("-", "_"), 0) for s in statuses]}
    )


def test_headline_gives_the_largest_status_as_a_share():
    table = counts(confirmed=5, unverified=7, disputed=4)
    assert common.status_headline(table, "Russia") == "7 of 16 claims about Russia are unverified"


def test_headline_names_every_status_tied_for_the_largest_count():
    table = counts(confirmed=1, confirmed_with_nuance=7, unverified=7, disputed=1)
    assert (
        common.status_headline(table, "Russia")
        == "7 confirmed with a nuance and 7 unverified, of 16 claims about Russia"
    )
    table = counts(confirmed=1, confirmed_with_nuance=1, unverified=1, disputed=1, inconsistent=1)
    assert common.status_headline(table, "X") == (
        "1 confirmed as written, 1 confirmed with a nuance, 1 disputed between sources,"
        " 1 inconsistent with the sources and 1 unverified, of 5 claims about X"
    )


def test_headline_without_a_tie_agrees_in_number():
    table = counts(confirmed=1, unverified=4)
    assert common.status_headline(table, "X") == "4 of 5 claims about X are unverified"


def test_headline_says_when_there_are_few_claims_and_lists_them_all():
    table = counts(confirmed=1, confirmed_with_nuance=1, unverified=1)
    title = common.status_headline(table, "the summit")
    assert title.startswith("Only three checkable claims about the summit")
    for phrase in ("one confirmed as written", "one confirmed with a nuance", "one unverified"):
        assert phrase in title
    assert common.status_headline(counts(unverified=1), "Y") == "Only one checkable claim about Y: one unverified"
    assert common.status_headline(counts(), "Z") == "No checkable claims about Z"


def test_headline_refuses_an_unknown_status():
    table = pd.DataFrame({"status": ["rumoured"], "claims": [2]})
    with pytest.raises(ValueError):
        common.status_headline(table, "X")


def test_every_status_has_a_headline_phrase():
    assert set(common.STATUS_PHRASES) == set(labels.STATUS)


def test_a_label_shared_by_a_stance_and_a_position_has_one_colour():
    shared = {labels.STANCE[s].lower(): s for s in labels.STANCE}.keys() & {labels.POSITION[p].lower(): p for p in labels.POSITION}.keys()
    assert "undecided" in shared
    stance_by_label = {labels.STANCE[s].lower(): s for s in labels.STANCE}
    position_by_label = {labels.POSITION[p].lower(): p for p in labels.POSITION}
    for label in shared - {"unknown"}:
        assert style.STANCE_COLOURS[stance_by_label[label]] == style.POSITION_COLOURS[position_by_label[label]], label


def test_no_colour_means_two_things_within_a_chapter_and_not_among_26_is_its_own():
    assert set(style.STANCE_COLOURS) == set(labels.STANCE)
    assert set(style.POSITION_COLOURS) == set(labels.POSITION)
    assert len(set(style.STANCE_COLOURS.values())) == len(style.STANCE_COLOURS)
    assert len(set(style.POSITION_COLOURS.values())) == len(style.POSITION_COLOURS)
    assert style.STANCE_COLOURS["not-among-26"] not in style.POSITION_COLOURS.values()


def test_the_chapters_use_the_shared_colours():
    from reassurance.charts import commitment, positions

    assert commitment.STANCE_COLOURS is style.STANCE_COLOURS
    assert positions.POSITION_COLOURS is style.POSITION_COLOURS


def test_dollar_signs_in_chart_text_stay_text():
    """'$5bn and $6bn' must not become mathtext (italic '5bnand6bn')."""
    style.apply()
    fig, ax = style.new_figure("$5bn and $6bn")
    label = ax.set_xlabel("costs $1 to $2")
    try:
        for text in (ax.title, label, fig.text(0, 0, "$x$")):
            shown, is_math = text._preprocess_math(text.get_text())
            assert is_math is False and shown == text.get_text()
    finally:
        plt.close(fig)


def test_the_annotated_chart_title_states_how_many_claims_hold_up():
    from reassurance.charts import annotated

    rows = [("summit", "confirmed", 3), ("summit", "confirmed-with-nuance", 2), ("russia", "unverified", 4), ("russia", "confirmed-with-nuance", 1)]
    table = pd.DataFrame(rows, columns=["topic", "status", "claims"])
    assert annotated.topic_headline(table) == "6 of 10 claims confirmed, 3 of them with a nuance"
    assert annotated.topic_headline(table.assign(claims=0)) == "The article makes no checkable claims"
