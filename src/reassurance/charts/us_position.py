"""Charts of the US-position chapter."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from reassurance import style
from reassurance.chapters.us_position import KINDS
from reassurance.charts.common import wrap
from reassurance.text import short_date

SIDE_COLOURS = {"coalition": style.OKABE_ITO["blue"], "us": style.OKABE_ITO["vermillion"]}
KIND_MARKERS = {"event": "o", "statement": "D"}
US_STATUS_COLOURS = {
    "stated": style.OKABE_ITO["bluish_green"],
    "stated-general": style.OKABE_ITO["yellow"],
    "possible": style.OKABE_ITO["sky_blue"],
    "ruled-out": style.OKABE_ITO["vermillion"],
    "not-stated": style.OKABE_ITO["orange"],
    "unknown": style.OKABE_ITO["grey"],
}


@style.chart
def timeline_chart(rows: pd.DataFrame, title: str, source_line: str, start: str, end: str, reference_ids=()):
    """The US's steps as the main rows, the coalition's steps as light reference marks.

    Each US row (side 'us') is one line, earliest at the top, with its point
    on the time axis and its label (date and what happened, in our words) on
    the side of the point that has more room. The coalition's steps (side
    'coalition') share one thin lane at the top: a light tick for each, and
    for the ids in `reference_ids` a light vertical line across the chart,
    labelled at the top.
    """
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    main = rows[rows["side"] == "us"].reset_index(drop=True)
    reference = rows[rows["side"] == "coalition"].reset_index(drop=True)
    if style.on_phone():
        return _phone_timeline(main, reference, title, source_line, first, last, reference_ids)
    n = len(main)
    fig, ax = style.new_figure(wrap(title, 80), height_in=0.34 * n + 2.9)
    middle = first + (last - first) / 2
    lane = n + 0.6  # the coalition's lane, above the main rows
    for i, row in main.iterrows():
        y = n - 1 - i  # earliest at the top
        ax.hlines(y, first, last, color="#eeeeee", linewidth=0.6, zorder=0)
        ax.scatter(
            row["date"], y, s=46, marker=KIND_MARKERS[row["kind"]], color=SIDE_COLOURS["us"],
            edgecolor="#333333", linewidth=0.5, zorder=3,
        )
        right = row["date"] < middle
        offset = (last - first) * 0.016  # about a hundredth of the window, whatever its length
        ax.text(
            row["date"] + (offset if right else -offset), y, row["label"],
            ha="left" if right else "right", va="center", fontsize=8.2, zorder=4,
            # A white ground: a dashed reference line passes behind the label, not through it.
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
        )
    light = "#9a9a9a"
    ax.scatter(reference["date"], [lane] * len(reference), s=60, marker="|", color=light, linewidths=1.2, zorder=2)
    ax.set_xlim(first - pd.Timedelta(days=4), last + pd.Timedelta(days=4))
    labelled = reference[reference["item_id"].isin(list(reference_ids))].reset_index(drop=True)
    # The lane's caption starts in the widest gap between the dashed lines, so none runs through it.
    marks = sorted([first, *labelled["date"], last])
    gap_start = max(zip(marks, marks[1:]), key=lambda pair: pair[1] - pair[0])[0]
    nudge = (last - first) * 0.013
    ax.text(gap_start + nudge, lane - 0.45, f"The coalition's steps ({len(reference)}), for reference",
            fontsize=style.MIN_FONT_PT, color="#555555", va="top", ha="left")
    texts = []
    for _, row in labelled.iterrows():
        left = row["date"] < middle
        texts.append(ax.text(
            row["date"] + (nudge if left else -nudge), lane,
            f"{short_date(row['date'], year=False)} · {wrap(row['what'], 46)}",
            ha="left" if left else "right", va="bottom", fontsize=style.MIN_FONT_PT, color="#555555", zorder=4,
        ))
    levels = reference_levels(fig, ax, texts, list(labelled["date"]))
    step = REFERENCE_STEP
    for text, level, (_, row) in zip(texts, levels, labelled.iterrows()):
        y = lane + 0.45 + step * level
        text.set_y(y)
        # The dashed line rises to its own label and stops there, so it never
        # runs through a label set higher up.
        ax.vlines(row["date"], -0.8, y, color=light, linewidth=0.8, linestyle=(0, (3, 3)), zorder=0, gid="reference-line")
    top = lane + 0.45 + step * (max(levels) + 1) + 0.3 if levels else lane + 1.9
    ax.set_ylim(-0.8, max(top, lane + 1.9))
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    if last - first < pd.Timedelta(days=90):
        # A window of weeks: a tick a week, labelled with day and month.
        ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=[1, 8, 15, 22]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    else:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    ax.set_xlabel(f"Date ({first.year})")
    ax.set_ylabel("US steps, earliest at the top")
    handles = [
        Line2D([], [], linestyle="", marker=KIND_MARKERS[k], color=SIDE_COLOURS["us"], markeredgecolor="#333333",
               label=f"US {KINDS[k].lower()}")
        for k in KINDS if k in set(main["kind"])
    ] + [Line2D([], [], linestyle="", marker="|", color=light, markersize=9, label="Coalition's step (reference)")]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.06, 0.0), fontsize=8, frameon=False)
    style.add_source_line(fig, source_line)
    return fig


REFERENCE_STEP = 1.0  # height of one level of reference labels, in rows


def _phone_timeline(main, reference, title, source_line, first, last, reference_ids):
    """The phone's drawing: each US step's label stands above its own line,
    from the left edge, with its point on the line at its date; the
    coalition's steps are light ticks in a lane at the top, those in
    `reference_ids` a dashed line numbered in a note under the key."""
    wrapped = [style.fill(label, 50) for label in main["label"]]
    spans = [0.55 + 0.3 * (w.count("\n") + 1) for w in wrapped]
    ys, top = [], 0.0
    for span in reversed(spans):
        ys.append(top + 0.3)
        top += span
    ys = ys[::-1]  # earliest at the top
    lane = top + 0.3
    labelled = reference[reference["item_id"].isin(list(reference_ids))].reset_index(drop=True)
    notes = [style.fill(f"{i}: {short_date(r['date'], year=False)} · {r['what']}", 54) for i, r in enumerate(labelled.to_dict("records"), 1)]
    note_lines = sum(n.count("\n") + 1 for n in notes) + 1
    fig, (ax, key) = style.new_figure(title, height_in=(lane + 0.9) * 0.36 + 1.6 + 0.15 * note_lines + 0.6, nrows=2,
                                      gridspec_kw={"height_ratios": [(lane + 0.9) * 0.36, 0.6 + 0.15 * note_lines]})
    key.axis("off")
    light = "#9a9a9a"
    for y, text, row in zip(ys, wrapped, main.to_dict("records")):
        ax.hlines(y, first, last, color="#eeeeee", linewidth=0.6, zorder=0)
        ax.scatter(row["date"], y, s=36, marker=KIND_MARKERS[row["kind"]], color=SIDE_COLOURS["us"],
                   edgecolor="#333333", linewidth=0.5, zorder=3)
        ax.text(first, y + 0.2, text, ha="left", va="bottom", fontsize=8, zorder=4, linespacing=1.1,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    ax.scatter(reference["date"], [lane] * len(reference), s=50, marker="|", color=light, linewidths=1.2, zorder=2)
    for i, row in enumerate(labelled.to_dict("records"), 1):
        ax.vlines(row["date"], -0.3, lane + 0.25, color=light, linewidth=0.8, linestyle=(0, (3, 3)), zorder=0, gid="reference-line")
        ax.text(row["date"], lane + 0.3, str(i), ha="center", va="bottom", fontsize=8, color="#555555")
    ax.set_ylim(-0.3, lane + 0.9)
    ax.set_xlim(first - pd.Timedelta(days=2), last + pd.Timedelta(days=2))
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=[1, 15]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.set_xlabel(f"Date ({first.year}); top lane: the coalition's steps ({len(reference)})")
    handles = [
        Line2D([], [], linestyle="", marker=KIND_MARKERS[k], color=SIDE_COLOURS["us"], markeredgecolor="#333333",
               label=f"US {KINDS[k].lower()}")
        for k in KINDS if k in set(main["kind"])
    ] + [Line2D([], [], linestyle="", marker="|", color=light, markersize=9, label="Coalition's step (reference)")]
    key.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 1), fontsize=8, frameon=False, borderaxespad=0)
    key.text(0, 0, "Dashed lines:\n" + "\n".join(notes), ha="left", va="bottom", fontsize=8, color="#333333",
             transform=key.transAxes, linespacing=1.15)
    style.add_source_line(fig, source_line)
    return fig


def reference_levels(fig, ax, texts, dates) -> list[int]:
    """A level (0 = lowest) for each reference label, so that no two labels at
    one level overlap and no label's dashed line (which rises from the foot of
    the chart to its own label) runs through a label set lower down.

    Greedy: a label that spans fewer of the other labels' lines goes first, at
    the lowest level that clashes with no label already placed; a label whose
    span holds another's line therefore lands above it. The labels' widths are
    measured on the figure's renderer.
    """
    renderer = fig.canvas.get_renderer()
    spans = []
    for text in texts:
        box = text.get_window_extent(renderer).transformed(ax.transData.inverted())
        spans.append((box.x0, box.x1))
    xs = [mdates.date2num(d) for d in dates]
    pad = (ax.get_xlim()[1] - ax.get_xlim()[0]) * 0.01
    n = len(texts)

    def holds_line(i: int, j: int) -> bool:
        """Label i's box stands across label j's line."""
        return spans[i][0] - pad <= xs[j] <= spans[i][1] + pad

    def clashes(i: int, level_i: int, j: int, level_j: int) -> bool:
        overlap = spans[i][0] - pad < spans[j][1] and spans[j][0] - pad < spans[i][1]
        return (
            (level_i == level_j and overlap)
            or (level_j < level_i and holds_line(j, i))
            or (level_j > level_i and holds_line(i, j))
        )

    order = sorted(range(n), key=lambda i: (sum(holds_line(i, j) for j in range(n) if j != i), i))
    level: dict[int, int] = {}
    for i in order:
        candidate = 0
        while any(clashes(i, candidate, j, level[j]) for j in level):
            candidate += 1
            if candidate > n:
                # Two labels each stand across the other's line: one level each, in date order.
                return list(range(n))
        level[i] = candidate
    return [level[i] for i in range(n)]

