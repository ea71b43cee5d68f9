"""Tables write values as the prose does."""

from __future__ import annotations

import datetime

import pandas as pd

from reassurance import publish
from reassurance.text import markdown_text


def test_dates_in_tables_read_as_in_prose():
    frame = pd.DataFrame({"When": [pd.Timestamp("2025-05-20"), pd.Timestamp("2025-09-04")], "What": ["a", "b"]})
    markup = publish.table(frame).data
    assert '<td data-label="When">20 May 2025</td>' in markup
    assert '<td data-label="When">4 September 2025</td>' in markup
    assert "2025-05-20" not in markup


def test_a_plain_date_and_a_missing_date():
    assert publish._cell(datetime.date(2025, 3, 2)) == "2 March 2025"
    assert publish._cell(pd.NaT) == "unknown"


def test_markdown_text_shows_markup_as_text():
    hostile = "<script>x</script> <img src=x onerror=alert(1)> {math}`x` ```{note}\nhi\n``` $x$ =1+1 [a](b) *e* # h"
    text = markdown_text(hostile)
    # Every ASCII punctuation mark is backslash-escaped and lines are folded.
    assert "\n" not in text
    assert "<" not in text.replace("\\<", "")
    assert "`" not in text.replace("\\`", "")
    assert "{" not in text.replace("\\{", "")
    # Removing the escapes gives back the words, with line breaks as spaces.
    import re

    assert re.sub(r"\\(.)", r"\1", text) == " ".join(hostile.split())


def test_markdown_text_renders_as_the_same_words():
    from markdown_it import MarkdownIt

    hostile = "<b>bold</b> & {math}`x` :::{note} $5bn"
    rendered = MarkdownIt("commonmark").render(markdown_text(hostile))
    assert rendered == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; {math}`x` :::{note} $5bn</p>\n"


def test_figure_csv_neutralises_formulas_but_keeps_numbers():
    frame = pd.DataFrame(
        {
            "label": ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"],
            "count": [-3, 1, 2, 3, 4, 5, 6, 7],
            "share": [-0.5, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
        }
    )
    safe = publish.safe_csv_frame(frame)
    assert list(safe["label"]) == ["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "plain", "a=b"]
    text = publish.csv_text(frame)
    assert "\n-3,-0.5" not in text  # the label column comes first
    assert ",-3,-0.5\n" in text  # negative numbers stay numbers


def test_figure_csv_writes_missing_values_as_unknown():
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2025-09-04", None]),
            "n": pd.array([1, None], dtype="Int64"),
            "what": ["a", None],
        }
    )
    assert publish.csv_text(frame) == "when,n,what\n2025-09-04,1,a\nunknown,unknown,unknown\n"


def test_a_table_shows_markup_from_data_as_text():
    """Caption, headers and cells are escaped (the offline build test plants the same in the data)."""
    hostile = '<script>alert("x")</script> & <b>'
    markup = publish.table(pd.DataFrame({hostile: [hostile]}), caption=hostile, name='"x').data
    assert "<script>" not in markup and "<b>" not in markup
    # caption, header, cell, the cell's label and the region's name
    assert markup.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;") == 5
    assert 'id="&quot;x"' in markup


def test_an_offered_table_is_written_as_a_safe_csv(tmp_path):
    frame = pd.DataFrame({"claim": ["p01-1"], "passage": ["=HYPERLINK(1)"], "note": [None]})
    publish.offer_csv("claims-with-passages", frame, directory=tmp_path)
    text = (tmp_path / "claims-with-passages.csv").read_text(encoding="utf-8")
    assert text == f"claim,passage,note\np01-1,'=HYPERLINK(1),{publish.MISSING_WORD}\n"


def test_every_table_is_a_named_focusable_region_since_it_may_scroll_sideways():
    markup = publish.table(pd.DataFrame({"a": [1]}), caption="Counts").data
    assert markup.startswith('<div class="table-wrapper" tabindex="0" role="region" aria-label="Counts">')
    assert 'aria-label="Table"' in publish.table(pd.DataFrame({"a": [1]})).data


def test_every_cell_carries_its_column_name_so_a_phone_can_stack_the_rows():
    frame = pd.DataFrame({"Country": ["France"], 'Said "yes"': ["<b>x</b>"]})
    markup = publish.table(frame).data
    assert 'class="reassurance-table stacked"' in markup
    assert '<td data-label="Country">France</td>' in markup
    assert '<td data-label="Said &quot;yes&quot;">&lt;b&gt;x&lt;/b&gt;</td>' in markup
    assert 'class="reassurance-table"' in publish.table(frame, stack=False).data


def test_a_phone_drawing_s_clip_paths_are_named_by_their_shape():
    svg = '<defs><clipPath id="p1a2b3c"><rect x="1" y="2"/></clipPath></defs><path clip-path="url(#p1a2b3c)"/>'
    again = svg.replace("p1a2b3c", "pffffff")  # the same drawing, another run's name
    assert publish.stable_clip_ids(svg) == publish.stable_clip_ids(again)
    assert 'clip-path="url(#clip-' in publish.stable_clip_ids(svg) and "p1a2b3c" not in publish.stable_clip_ids(svg)
