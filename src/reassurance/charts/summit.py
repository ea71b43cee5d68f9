"""Charts of the summit chapter."""

from __future__ import annotations

import re

import pandas as pd
from matplotlib.patches import Patch

from reassurance import style
from reassurance.charts.common import BAR_HEIGHT, ROW_UNIT_IN, labels_above_bars, rows_with_labels_above, wrap
from reassurance.evidence import labels

# Characters a line of a bar's label holds on a phone.
PHONE_LABEL_CHARS = 50

COUNTED_COLOURS = {
    "leaders-at-table": style.OKABE_ITO["blue"],
    "countries-at-meeting": style.OKABE_ITO["orange"],
    "coalition-members": style.OKABE_ITO["reddish_purple"],
    "committed-countries": style.OKABE_ITO["bluish_green"],
}


def _keep_dates_whole(text: str) -> str:
    """Join '4 Sep 2025' with no-break spaces, so that wrapping never splits a date."""
    return re.sub(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", "\\1\u00a0\\2\u00a0\\3", text)


@style.chart
def reported_counts_chart(counts: pd.DataFrame, source_line: str):
    """One bar per reported count, coloured by what was counted; the legend sits
    below the axes, clear of the bars and their labels."""
    rows = counts.iloc[::-1].reset_index(drop=True)  # matplotlib draws bottom-up
    present = [c for c in labels.COUNTED if c in set(rows["counted"])]
    phone = style.on_phone()
    texts = [_keep_dates_whole(t) for t in rows["who_and_source"]][::-1]  # first row at the top
    if phone:
        wrapped, ys, units = rows_with_labels_above(texts, chars=PHONE_LABEL_CHARS)
        ys = ys[::-1]  # back to matplotlib's bottom-up order
        height_in = units * ROW_UNIT_IN + 3.2
    else:
        ys, height_in = list(range(len(rows))), 0.42 * len(rows) + 2.6
    fig, ax = style.new_figure("The numbers reported for the meeting and the coalition disagree", height_in=height_in)
    colours = rows["counted"].map(COUNTED_COLOURS)
    hatches = rows["qualifier"].map({"exact": "", "about": "//", "more-than": ".."})
    bars = ax.barh(ys, rows["value"], height=BAR_HEIGHT if phone else 0.8, color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    if phone:
        labels_above_bars(ax, wrapped[::-1], ys, units)
    else:
        ax.set_yticks(ys, [wrap(t, 46) for t in texts[::-1]], fontsize=8.5)
    for i, shown in enumerate(rows["shown"]):
        ax.text(rows["value"][i] + 0.4, ys[i], shown, va="center", fontsize=9)
    ax.set_xlabel("Number reported (countries or leaders)")
    if not phone:
        ax.set_ylabel("Who gave the number (source)")
    ax.set_xlim(0, rows["value"].max() * 1.15)
    handles = [Patch(facecolor=COUNTED_COLOURS[c], edgecolor="#333333", label=labels.COUNTED[c]) for c in present]
    # Below the axes, clear of the tick labels and the axis label (the pad is in
    # font-size units, so it does not depend on the figure's height); the
    # layout makes room for it above the source line.
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), borderaxespad=3.9, ncols=1 if phone else 2,
        fontsize=8 if phone else 8.5, title=style.fill("What was counted (hatching: approximate or lower bound)", 44 if phone else 80),
        title_fontsize=8 if phone else 8.5, alignment="left" if phone else "center",
    )
    style.add_source_line(fig, source_line)
    return fig


@style.chart
def role_counts_chart(role_counts: pd.DataFrame, source_line: str):
    """Countries per mode of participation; the names stand in a column to the
    right of the bars, so the count axis ends just past the largest bar."""
    rows = role_counts.iloc[::-1].reset_index(drop=True)
    if style.on_phone():
        # The role and its countries stand above each bar.
        texts = [f"{role}: {names}" for role, names in zip(rows["role"], rows["names"])][::-1]
        wrapped, ys, units = rows_with_labels_above(texts, chars=PHONE_LABEL_CHARS)
        ys = ys[::-1]
        fig, ax = style.new_figure("Who was in the room, and who joined from afar", height_in=units * ROW_UNIT_IN + 1.9)
        ax.barh(ys, rows["countries"], height=BAR_HEIGHT, color=style.OKABE_ITO["blue"])
        labels_above_bars(ax, wrapped[::-1], ys, units)
        for y, n in zip(ys, rows["countries"]):
            ax.text(n + 0.08, y, str(n), va="center", fontsize=9)
    else:
        wrapped = [wrap(names, 44) for names in rows["names"]]
        lines = sum(max(1, w.count("\n") + 1) for w in wrapped)
        fig, ax = style.new_figure("Who was in the room, and who joined from afar", height_in=max(0.5 * len(rows), 0.19 * lines) + 2.0)
        ax.barh(range(len(rows)), rows["countries"], color=style.OKABE_ITO["blue"])
        ax.set_yticks(range(len(rows)), [wrap(r, 26) for r in rows["role"]])
        for i, n in enumerate(rows["countries"]):
            ax.text(n + 0.08, i, str(n), va="center", fontsize=9)
        for i, names in enumerate(wrapped):
            ax.text(1.04, i, names, va="center", ha="left", fontsize=8.5, transform=ax.get_yaxis_transform())
        ax.text(1.04, len(rows) - 0.4, "Countries", va="bottom", ha="left", fontsize=9, fontweight="bold", transform=ax.get_yaxis_transform())
    ax.set_xlim(0, rows["countries"].max() + 0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Countries (only those with a source)")
    if not style.on_phone():
        ax.set_ylabel("Part in the 4 September meeting")
    style.add_source_line(fig, source_line)
    return fig
