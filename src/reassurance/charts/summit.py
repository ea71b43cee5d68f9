"""Charts of the summit chapter."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch

from .. import labels, style
from .common import wrap

COUNTED_COLOURS = {
    "leaders-at-table": style.OKABE_ITO["blue"],
    "countries-at-meeting": style.OKABE_ITO["orange"],
    "coalition-members": style.OKABE_ITO["reddish_purple"],
    "committed-countries": style.OKABE_ITO["bluish_green"],
}


def reported_counts_chart(counts: pd.DataFrame, source_line: str):
    """One bar per reported count, coloured by what was counted."""
    rows = counts.iloc[::-1].reset_index(drop=True)  # matplotlib draws bottom-up
    fig, ax = style.new_figure("Sources disagree on how many took part", height_in=0.42 * len(rows) + 1.9)
    colours = rows["counted"].map(COUNTED_COLOURS)
    hatches = rows["qualifier"].map({"exact": "", "about": "//", "more-than": ".."})
    bars = ax.barh(range(len(rows)), rows["value"], color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    ax.set_yticks(range(len(rows)), [wrap(f"{b} ({s})", 46) for b, s in zip(rows["counted_by"], rows["source"])], fontsize=8.5)
    for i, shown in enumerate(rows["shown"]):
        ax.text(rows["value"][i] + 0.4, i, shown, va="center", fontsize=9)
    ax.set_xlabel("Number reported (countries or leaders)")
    ax.set_ylabel("Who gave the number (source)")
    ax.set_xlim(0, rows["value"].max() * 1.15)
    handles = [
        Patch(facecolor=COUNTED_COLOURS[c], edgecolor="#333333", label=labels.COUNTED[c])
        for c in labels.COUNTED if c in set(rows["counted"])
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8.5, title="What was counted", title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    return fig


def role_counts_chart(role_counts: pd.DataFrame, source_line: str):
    """Countries per mode of participation, with their names beside each bar."""
    rows = role_counts.iloc[::-1].reset_index(drop=True)
    fig, ax = style.new_figure("Who was in the room, and who joined from afar", height_in=0.5 * len(rows) + 1.8)
    ax.barh(range(len(rows)), rows["countries"], color=style.OKABE_ITO["blue"])
    ax.set_yticks(range(len(rows)), [wrap(r, 26) for r in rows["role"]])
    for i, (n, names) in enumerate(zip(rows["countries"], rows["names"])):
        ax.text(n + 0.1, i, wrap(names, 70), va="center", fontsize=8.5)
    ax.set_xlim(0, rows["countries"].max() + 7)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Countries (only those with a source on their part)")
    ax.set_ylabel("Part in the 4 September meeting")
    style.add_source_line(fig, source_line)
    return fig
