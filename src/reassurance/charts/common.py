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
