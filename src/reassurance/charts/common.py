"""What every chart shares: wrapping labels, and the verification-status colours.

Chart builders take a tidy table and return a styled matplotlib Figure with a
title, labelled axes and a source line drawn into the image; the page adds the
caption, the alt text and the CSV download (reassurance.publish.glue_figure).
"""

from __future__ import annotations

import textwrap

from reassurance import style

STATUS_COLOURS = {
    "confirmed": style.OKABE_ITO["bluish_green"],
    "confirmed-with-nuance": style.OKABE_ITO["sky_blue"],
    "disputed": style.OKABE_ITO["orange"],
    "inconsistent": style.OKABE_ITO["vermillion"],
    "unverified": style.OKABE_ITO["grey"],
}


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def tile_axes(ax, ncols: int, nrows: int) -> None:
    """Axes for a schematic tile grid (row 0 at the top, one unit a tile):
    square tiles, no ticks and no frame; the caller labels the axes."""
    ax.set_xlim(-0.6, ncols - 0.4)
    ax.set_ylim(-nrows + 0.4, 0.6)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)



# The phone layout of a horizontal bar chart: a row is its bar and, above it,
# its label's lines; one unit of the y axis is ROW_UNIT_IN inches.
ROW_UNIT_IN = 0.45
BAR_HEIGHT = 0.4


def rows_with_labels_above(texts, *, chars: int) -> tuple[list[str], list[float], float]:
    """(wrapped labels, each bar's y, the axes' height in units) for bars
    whose labels stand above them, first text at the top: each row is as
    tall as its label's lines (0.32 units a line) plus its bar."""
    wrapped = [style.fill(t, chars) for t in texts]
    spans = [0.6 + 0.32 * (w.count("\n") + 1) for w in wrapped]
    ys, top = [], 0.0
    for span in reversed(spans):  # matplotlib counts up from the bottom row
        ys.append(top + 0.35)
        top += span
    return wrapped, ys[::-1], top + 0.05


def labels_above_bars(ax, wrapped, ys, height: float, *, fontsize: float = 8.0) -> None:
    """Each bar's label above the bar, from the axes' left edge, instead of a
    tick label beside it, so the bars keep the figure's whole width."""
    ax.set_yticks([])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(0, height)
    for text, y in zip(wrapped, ys):
        ax.text(0, y + BAR_HEIGHT / 2 + 0.08, text, transform=ax.get_yaxis_transform(), ha="left", va="bottom",
                fontsize=fontsize, color=style.TEXT_COLOUR, linespacing=1.1)
