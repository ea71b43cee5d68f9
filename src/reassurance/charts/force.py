"""The force's three layers: Ukraine's army in front, facing the line of
contact; the European-led force behind it; the United States behind both.

Drawn narrow (5 inches) with large type, so that it stays legible when a
phone about 390 px wide scales it down; each layer is a box whose lines are
the items of that layer (their short labels), in the data's order.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.patches import FancyBboxPatch

from reassurance import style
from reassurance.chapters.force import LAYER_TITLES

WIDTH_IN = 5.0
FONT_SIZE = 12.5
# The phone's drawing: 3.5 in wide, its smallest type (FONT_SIZE - 1) 8 pt.
PHONE_SCALE = 0.7
# Characters per line inside a box, at FONT_SIZE on a 5-inch figure.
WRAP = 34
LINE_HEIGHT = 1.0
BOX_PAD = 0.55
GAP = 0.9
LAYER_COLOURS = {
    "Ukraine's army": style.OKABE_ITO["blue"],
    "European-led force": style.OKABE_ITO["bluish_green"],
    "United States": style.OKABE_ITO["orange"],
}
# Where each layer stands, under its name.
LAYER_NOTES = {
    "Ukraine's army": "in front",
    "European-led force": "behind Ukraine's army",
    "United States": "behind the force",
}


def layers_title(items: pd.DataFrame) -> str:
    """The finding: Europeans behind Ukraine's army, the US role only proposed."""
    return "Ukraine's army in front,\nEurope's force behind it,\nthe US role only proposed"


def _lines(labels) -> list[str]:
    lines = []
    for label in labels:
        wrapped = textwrap.wrap(str(label), WRAP)
        lines += ["• " + wrapped[0]] + ["  " + w for w in wrapped[1:]]
    return lines


@style.chart
def layers_chart(items: pd.DataFrame, source_line: str, *, title: str | None = None):
    """Three stacked boxes under a dashed line of contact, one per layer in
    `items` (layer_items: columns layer and label), each listing its labels."""
    order = [name for name in LAYER_TITLES.values() if name in set(items["layer"])]
    blocks = [(name, _lines(items.loc[items["layer"] == name, "label"])) for name in order]
    heights = [(len(lines) + 2) * LINE_HEIGHT + 2 * BOX_PAD for _, lines in blocks]
    total = sum(heights) + GAP * (len(blocks) + 1) + 2.3
    # A phone's drawing is the same diagram at PHONE_SCALE: narrower, with
    # type as much smaller, so every box holds the same lines.
    scale = PHONE_SCALE if style.on_phone() else 1.0
    height_in = (1.6 + 0.26 * total) * scale
    size = FONT_SIZE * scale
    fig, ax = style.new_figure(title or layers_title(items), height_in=height_in)
    fig.set_size_inches(WIDTH_IN * scale, height_in)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, total)
    ax.axis("off")
    y = total - 1.4
    ax.plot([0.2, 9.8], [y, y], color=style.TEXT_COLOUR, linestyle=(0, (4, 3)), linewidth=2.2 * scale)
    ax.text(5, y + 0.25, "line of contact", ha="center", va="bottom", fontsize=size, color=style.TEXT_COLOUR)
    y -= GAP
    for (name, lines), height in zip(blocks, heights):
        colour = LAYER_COLOURS[name]
        box = FancyBboxPatch((0.25, y - height), 9.5, height, boxstyle="round,pad=0.02,rounding_size=0.35",
                             facecolor=colour, alpha=0.14, edgecolor=colour, linewidth=2.4 * scale)
        ax.add_patch(box)
        ax.add_patch(FancyBboxPatch((0.25, y - height), 9.5, height, boxstyle="round,pad=0.02,rounding_size=0.35",
                                    facecolor="none", edgecolor=colour, linewidth=2.4 * scale))
        top = y - BOX_PAD
        ax.text(0.7, top, name, ha="left", va="top", fontsize=size + scale, fontweight="bold", color=style.TEXT_COLOUR)
        ax.text(0.7, top - LINE_HEIGHT, LAYER_NOTES.get(name, ""), ha="left", va="top", fontsize=size - scale,
                style="italic", color="#333333")
        for i, line in enumerate(lines):
            ax.text(0.7, top - (i + 2) * LINE_HEIGHT, line, ha="left", va="top", fontsize=size, color=style.TEXT_COLOUR)
        y -= height + GAP
    style.add_source_line(fig, source_line)
    return fig
