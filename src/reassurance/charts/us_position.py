"""Charts of the US-position chapter."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import labels, style
from ..us_position import KINDS, SIDES
from .common import wrap

SIDE_COLOURS = {"coalition": style.OKABE_ITO["blue"], "us": style.OKABE_ITO["vermillion"]}
KIND_MARKERS = {"event": "o", "statement": "D"}
US_STATUS_COLOURS = {
    "stated": style.OKABE_ITO["bluish_green"],
    "possible": style.OKABE_ITO["sky_blue"],
    "ruled-out": style.OKABE_ITO["vermillion"],
    "not-stated": style.OKABE_ITO["orange"],
    "unknown": style.OKABE_ITO["grey"],
}


def timeline_chart(rows: pd.DataFrame, title: str, source_line: str, start: str, end: str):
    """One line per dated step or statement, earliest at the top, placed on a time axis.

    Colour shows the side (the coalition and Ukraine, or the US); the marker
    shows whether the row is an event or a statement. Every row is labelled
    with its date, on the side of the point that has more room.
    """
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    rows = rows.reset_index(drop=True)
    n = len(rows)
    fig, ax = style.new_figure(title, height_in=0.3 * n + 1.9)
    middle = first + (last - first) / 2
    for i, row in rows.iterrows():
        y = n - 1 - i  # earliest at the top
        ax.hlines(y, first, last, color="#e6e6e6", linewidth=0.6, zorder=0)
        ax.scatter(
            row["date"], y, s=42, marker=KIND_MARKERS[row["kind"]], color=SIDE_COLOURS[row["side"]],
            edgecolor="#333333", linewidth=0.5, zorder=3,
        )
        right = row["date"] < middle
        offset = pd.Timedelta(days=2)
        ax.text(
            row["date"] + (offset if right else -offset), y, row["label"],
            ha="left" if right else "right", va="center", fontsize=7.8,
        )
    ax.set_xlim(first - pd.Timedelta(days=4), last + pd.Timedelta(days=4))
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    ax.set_xlabel(f"Date ({first.year}); each row is one step or statement, labelled with its date")
    ax.set_ylabel("In date order, earliest at the top")
    handles = [
        Patch(facecolor=SIDE_COLOURS[s], edgecolor="#333333", label=SIDES[s]) for s in SIDES if s in set(rows["side"])
    ] + [
        Line2D([], [], linestyle="", marker=KIND_MARKERS[k], color="#777777", markeredgecolor="#333333", label=KINDS[k])
        for k in KINDS if k in set(rows["kind"])
    ]
    ax.legend(handles=handles, loc="upper right", fontsize=8.5, ncols=2)
    style.add_source_line(fig, source_line)
    return fig


def expectations_chart(counts: pd.DataFrame, title: str, source_line: str):
    """The coalition's expectations of the US, counted by what the US had said."""
    rows = counts.iloc[::-1].reset_index(drop=True)
    fig, ax = style.new_figure(title, height_in=0.45 * len(rows) + 1.7)
    ax.barh(
        range(len(rows)), rows["expectations"], color=rows["us_status"].map(US_STATUS_COLOURS),
        edgecolor="#333333", linewidth=0.6,
    )
    ax.set_yticks(range(len(rows)), [wrap(labels.US_STATUS[s], 28) for s in rows["us_status"]])
    for i, n in enumerate(rows["expectations"]):
        ax.text(n + 0.05, i, str(n), va="center", fontsize=9)
    ax.set_xlim(0, max(rows["expectations"].max(), 1) * 1.15 + 0.3)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Expectations of the US voiced by the coalition's side")
    ax.set_ylabel("What the US had said by 5 September")
    style.add_source_line(fig, source_line)
    return fig
