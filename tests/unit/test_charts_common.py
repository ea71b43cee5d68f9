"""The shared chart helpers: one colour per stance across the book, one per status."""

import matplotlib.pyplot as plt
import pandas as pd

from reassurance import style
from reassurance.charts import common
from reassurance.evidence import labels


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
    from reassurance.charts import article_annotated

    rows = [("summit", "confirmed", 3), ("summit", "confirmed-with-nuance", 2), ("russia", "unverified", 4), ("russia", "confirmed-with-nuance", 1)]
    table = pd.DataFrame(rows, columns=["topic", "status", "claims"])
    assert article_annotated.topic_headline(table) == "6 of 10 claims confirmed, 3 of them with a nuance"
    assert article_annotated.topic_headline(table.assign(claims=0)) == "The article makes no checkable claims"


def test_every_status_has_a_colour():
    assert set(common.STATUS_COLOURS) == set(labels.STATUS)


def test_a_key_missing_from_a_colour_map_raises_instead_of_turning_black():
    import pytest

    assert style.colour_for({"a": "#111111"}, "a") == "#111111"
    with pytest.raises(KeyError, match="'b'"):
        style.colour_for({"a": "#111111"}, "b", "kind of source")


def test_every_kind_of_source_on_the_attestation_chart_has_its_own_colour():
    from reassurance.charts import russia

    colours = list(russia.KIND_COLOURS.values())
    assert len(set(colours)) == len(colours), russia.KIND_COLOURS
    assert russia.KIND_COLOURS["news-outlet"] != russia.KIND_COLOURS["republisher"]
    assert len(set(russia.SPEAKER_COLOURS.values())) == len(russia.SPEAKER_COLOURS)


def test_the_attestation_chart_refuses_a_kind_without_a_colour():
    import pytest

    from reassurance.charts import russia

    matrix = pd.DataFrame({"theme_label": ["t"], "source": ["s"], "outlet_type": ["blog"], "carried": [True]})
    with pytest.raises(KeyError, match="blog"):
        russia.attestation_chart(matrix, "test")
    plt.close("all")


def test_no_chart_writes_text_smaller_than_the_minimum():
    """Every literal font size in the chart code is at least MIN_FONT_PT, so a
    figure shown at its min-width has no text under 10 CSS px (the built
    SVGs are checked in tests/build/test_published_site.py)."""
    import re
    from pathlib import Path

    import reassurance.charts

    small = []
    for path in sorted(Path(reassurance.charts.__file__).parent.glob("*.py")) + [Path(style.__file__)]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for size in re.findall(r"(?:fontsize|FONT_SIZE)\s*=\s*([\d.]+)\b", line):
                if float(size) < style.MIN_FONT_PT:
                    small.append(f"{path.name}:{number}: {size}")
    assert not small, small
    for key in ("font.size", "axes.titlesize", "axes.labelsize"):
        assert style.RC_PARAMS[key] >= style.MIN_FONT_PT


def test_figures_are_svg_with_text_as_text_and_no_date():
    import io

    style.apply()
    fig, ax = style.new_figure("A title")
    ax.plot([0, 1], [0, 1])
    style.add_source_line(fig, "test")
    try:
        outputs = []
        for _ in range(2):
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg", metadata=style.SVG_METADATA)
            outputs.append(buffer.getvalue())
    finally:
        plt.close(fig)
    svg = outputs[0]
    assert outputs[0] == outputs[1]
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert ">A title<" in svg and "Source: test" in svg  # text, not glyph paths


# --- the phone drawings (issue 21) -------------------------------------------------

PHONE_COLUMN_PX = 342  # the content column of a 390-px phone
MIN_TEXT_PX = 10.0


def test_a_chart_function_carries_its_phone_drawing_and_glue_figure_writes_it(tmp_path, capsys):
    import pandas as pd

    from reassurance import publish

    @style.chart
    def drawn(title):
        fig, ax = style.new_figure(title)
        ax.plot([0, 1], [0, 1])
        style.add_source_line(fig, "test " * 30)
        return fig

    style.apply()
    fig = drawn("A title long enough to wrap onto a second line on a phone")
    assert fig.get_figwidth() == style.FIGURE_WIDTH_IN and not style.on_phone()
    phone = fig.phone_drawing()
    assert phone.get_figwidth() == style.PHONE_WIDTH_IN and not hasattr(phone, "phone_drawing")
    assert "\n" in phone.get_suptitle() and not style.on_phone()
    plt.close(phone)
    publish.glue_figure("fig-x", fig, pd.DataFrame({"a": [1]}), directory=tmp_path)
    svg = (tmp_path / f"fig-x{publish.PHONE_SUFFIX}").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and ">A title long enough" in svg
    # A figure from an undecorated function has no phone drawing, and none is left behind.
    plain, _ = style.new_figure("Plain")
    publish.glue_figure("fig-x", plain, pd.DataFrame({"a": [1]}), directory=tmp_path)
    assert not (tmp_path / f"fig-x{publish.PHONE_SUFFIX}").exists()
    capsys.readouterr()


def test_every_figure_has_a_phone_drawing_legible_across_a_phone_without_scrolling():
    """Each figure's download (figure-data/fig-*.csv) has its phone drawing
    beside it, written by the last execution; shown across a 390-px phone's
    column its smallest text is at least 10 CSS px."""
    from reassurance.paths import figure_data_dir
    from reassurance.publish import PHONE_SUFFIX
    from reassurance.sphinxext.figures import svg_geometry

    folder = figure_data_dir()
    figures = sorted(p.stem for p in folder.glob("fig-*.csv"))
    assert figures
    problems = []
    for name in figures:
        path = folder / f"{name}{PHONE_SUFFIX}"
        if not path.is_file():
            problems.append(f"{name}: no phone drawing")
            continue
        _, _, view_width, smallest = svg_geometry(path.read_text(encoding="utf-8"))
        shown = smallest * PHONE_COLUMN_PX / view_width  # the page shows it at the column's width
        if smallest < style.MIN_FONT_PT or shown < MIN_TEXT_PX:
            problems.append(f"{name}: {smallest} pt text in a {view_width:.0f}-pt drawing is {shown:.1f} px on a phone")
    stale = sorted(p.name for p in folder.glob(f"*{PHONE_SUFFIX}") if p.name.removesuffix(PHONE_SUFFIX) not in figures)
    assert not problems and not stale, problems + stale
