"""What every chart shares: wrapping labels, and the verification-status chart.

Chart builders take a tidy table and return a styled matplotlib Figure with a
title, labelled axes and a source line drawn into the image; the page adds the
caption, the alt text and the CSV download (reassurance.publish.glue_figure).
"""

from __future__ import annotations

import textwrap

import pandas as pd

from .. import style

STATUS_COLOURS = {
    "confirmed": style.OKABE_ITO["bluish_green"],
    "confirmed-with-nuance": style.OKABE_ITO["sky_blue"],
    "disputed": style.OKABE_ITO["orange"],
    "inconsistent": style.OKABE_ITO["vermillion"],
    "unverified": style.OKABE_ITO["grey"],
}


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def status_chart(status_counts: pd.DataFrame, title: str, source_line: str):
    """Claims per verification status."""
    rows = status_counts.iloc[::-1].reset_index(drop=True)
    fig, ax = style.new_figure(title, height_in=0.45 * len(rows) + 1.7)
    ax.barh(range(len(rows)), rows["claims"], color=rows["status"].map(STATUS_COLOURS), edgecolor="#333333", linewidth=0.6)
    ax.set_yticks(range(len(rows)), rows["label"])
    for i, n in enumerate(rows["claims"]):
        ax.text(n + 0.1, i, str(n), va="center", fontsize=9)
    ax.set_xlim(0, max(rows["claims"].max(), 1) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Claims in the article")
    ax.set_ylabel("Verification status")
    style.add_source_line(fig, source_line)
    return fig
