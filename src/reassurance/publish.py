"""Put computed values, tables and figures on the page (myst-nb glue).

Numbers in the prose are glued as plain, pre-formatted strings, never
typed by hand; nbval then compares every glued value on each run, so a
change in the data shows up as a failing test until the notebook is
re-executed and its outputs reviewed.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import re
from pathlib import Path

import pandas as pd
from IPython.display import HTML, display
from myst_nb import glue

from reassurance.paths import figure_data_dir
from reassurance.text import date_text, number_text


def glue_text(name: str, value) -> str:
    """Glue `value` as a plain string (a NumPy scalar would break {glue:text})."""
    text = str(value)
    glue(name, text, display=False)
    return text


def glue_count(name: str, n, *, words: bool = False, zero: str | None = None) -> str:
    """Glue an integer count, as digits or (for zero to ten) as a word; `zero`
    replaces a count of 0 where the sentence reads better so ('none')."""
    n = int(n)
    if n == 0 and zero is not None:
        return glue_text(name, zero)
    return glue_text(name, number_text(n) if words else f"{n:,}")


def glue_date(name: str, value) -> str:
    """Glue a date as '4 September 2025'."""
    return glue_text(name, date_text(value))


# Cells a spreadsheet would run as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What an empty cell of the figure data means: the Data Package's own word.
MISSING_WORD = "unknown"


def safe_csv_frame(data: pd.DataFrame, *, missing: str = MISSING_WORD) -> pd.DataFrame:
    """The figure's data as it is offered for download.

    Text cells that start with = + - @ tab or carriage return get a leading
    single quote, as OWASP recommends, so that a spreadsheet shows them as
    text instead of running them. Only text columns are touched: numbers
    (a negative count or coordinate) stay numbers, since a spreadsheet reads a
    number, not a formula, from them. Missing values (an unknown date) are
    written as `missing`, never as an empty cell.
    """
    frame = data.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        frame[column] = values.map(
            lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
        )
    return frame.astype(object).where(frame.notna(), missing)


def glue_figure(name: str, fig, data: pd.DataFrame, *, directory: Path | None = None) -> None:
    """Glue `fig` for a {glue:figure} directive and write its data as CSV.

    The CSV (safe_csv_frame) is offered for download under the figure. Its
    text is printed too, so that an nbval failure shows which numbers moved
    (nbval also compares the glued SVG, but a changed image says not how).
    Nothing is returned: a returned path would be echoed as the cell's result,
    and an absolute path differs between clones. The report's figures are not
    pyplot's (style.new_figure): nothing else shows them, and none is left open.
    """
    text = _write_download(name, data, directory)
    glue(name, fig, display=False)
    _write_phone_drawing(name, fig, directory)
    print(text, end="")


PHONE_SUFFIX = ".phone.svg"


def _write_phone_drawing(name: str, fig, directory: Path | None) -> None:
    """Write figure-data/<name>.phone.svg, the chart drawn for phones
    (style.chart, style.phone_layout), which the site serves to narrow
    screens in place of the wide drawing. A figure from an undecorated chart
    function has none, and any stale file of that name is removed."""
    from reassurance.style import svg_text

    path = (directory or figure_data_dir()) / f"{name}{PHONE_SUFFIX}"
    drawing = getattr(fig, "phone_drawing", None)
    if drawing is None:
        path.unlink(missing_ok=True)
        return
    phone = drawing()
    path.write_text(stable_clip_ids(svg_text(phone)), encoding="utf-8")


_CLIP = re.compile(r'<clipPath id="([^"]+)">(.*?)</clipPath>', re.S)


def stable_clip_ids(svg: str) -> str:
    """The SVG with each clip path named by the shape it clips to, as written.

    Matplotlib names a clip path by a hash of its unrounded coordinates, whose
    last digits can differ from one run to the next though the drawing does
    not: the tracked file would change on every execution."""
    names = {old: "clip-" + hashlib.sha256(shape.encode("utf-8")).hexdigest()[:10] for old, shape in _CLIP.findall(svg)}
    for old, new in names.items():
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
    return svg


def _write_download(name: str, data: pd.DataFrame, directory: Path | None) -> str:
    """Write figure-data/<name>.csv (csv_text: formula-safe, the missing word
    for blanks) and return its text. Every download of the book is written
    here: a figure's data, a printed table's rows, a table offered unprinted."""
    folder = directory or figure_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = csv_text(data)
    (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return text


def offer_csv(name: str, data: pd.DataFrame, *, directory: Path | None = None) -> None:
    """Write a table that a page offers for download, not in print, as
    figure-data/<name>.csv (formula-safe, as a figure's data is)."""
    _write_download(name, data, directory)


def csv_text(data: pd.DataFrame) -> str:
    """The download's text: formula-safe cells, the missing word, ISO dates."""
    frame = data.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return safe_csv_frame(frame).to_csv(index=False, lineterminator="\n")


def table(frame: pd.DataFrame, *, caption: str | None = None, name: str | None = None, stack: bool = True) -> HTML:
    """Render a DataFrame as an accessible HTML table: a caption, column headers
    with scope, no index column (whose empty corner cell screen readers cannot
    name), and every cell escaped so that text from data never becomes markup.

    Each cell carries its column's name (data-label): on a narrow screen a
    table with `stack` (the default) shows each row as a block of "label:
    value" lines (book/_static/reassurance.css), so no chapter table is wider
    than a phone. With stack=False (the appendix) it scrolls sideways in its
    labelled region instead."""
    columns = [str(c) for c in frame.columns]
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{html.escape(c)}">{html.escape(_cell(v))}</td>' for c, v in zip(columns, row)) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    ident = f' id="{html.escape(name)}"' if name else ""
    classes = "reassurance-table stacked" if stack else "reassurance-table"
    # The wrapper scrolls sideways where the table is wider than the screen (on
    # a phone, the appendix's do), and a region that scrolls must take keyboard focus
    # (WCAG 2.1.1): every wrapper is a named, focusable region from the start,
    # so no script has to measure the tables once the page is laid out.
    region = f'tabindex="0" role="region" aria-label="{html.escape(caption or "Table")}"'
    markup = (
        f'<div class="table-wrapper" {region}><table class="{classes}"{ident}>{cap}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    return HTML(markup)


def show_table(frame: pd.DataFrame, **kwargs) -> None:
    display(table(frame, **kwargs))


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "unknown"
    if isinstance(value, (pd.Timestamp, datetime.date)):
        # Tables write dates as the prose does ('20 May 2025'), not as ISO.
        return date_text(value)
    return str(value)


def show_download_table(name: str, frame: pd.DataFrame, *, caption: str, directory: Path | None = None,
                        stack: bool = True) -> None:
    """Show `frame` as a table anchored at `name`, and write the same rows as
    `name`.csv beside the figures' data, for the page's download link."""
    _write_download(name, frame, directory)
    show_table(frame, caption=caption, name=name, stack=stack)
