"""What every chart shares: wrapping labels, and the verification-status chart.

Chart builders take a tidy table and return a styled matplotlib Figure with a
title, labelled axes and a source line drawn into the image; the page adds the
caption, the alt text and the CSV download (reassurance.publish.glue_figure).
"""

from __future__ import annotations

import textwrap

import pandas as pd

from .. import style
from ..text import join_names, number_text

STATUS_COLOURS = {
    "confirmed": style.OKABE_ITO["bluish_green"],
    "confirmed-with-nuance": style.OKABE_ITO["sky_blue"],
    "disputed": style.OKABE_ITO["orange"],
    "inconsistent": style.OKABE_ITO["vermillion"],
    "unverified": style.OKABE_ITO["grey"],
}


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


# How a status reads in a headline ("7 of 16 claims about Russia are ...").
STATUS_PHRASES = {
    "confirmed": "confirmed as written",
    "confirmed-with-nuance": "confirmed with a nuance",
    "disputed": "disputed between sources",
    "inconsistent": "inconsistent with the sources",
    "unverified": "unverified",
}
# A bold title longer than this many characters overruns the figure's width.
TITLE_WIDTH = 56
# Below this many claims, the headline says how few there are and lists them all.
FEW_CLAIMS = 5


def status_headline(status_counts: pd.DataFrame, subject: str, few: int = FEW_CLAIMS) -> str:
    """A title that states the finding of a status chart, computed from its counts.

    `status_counts` has the columns status and claims (claims.status_counts);
    `subject` completes "claims about ..." (e.g. "Russia", "the summit"). With
    fewer than `few` claims the headline says so and lists every status that
    occurs; otherwise it gives the largest status as a share of all claims, and
    on a tie names every status sharing the largest count, in display order.
    """
    order = list(STATUS_PHRASES)
    counts = {s: int(n) for s, n in zip(status_counts["status"], status_counts["claims"]) if int(n) > 0}
    unknown = set(counts) - set(order)
    if unknown:
        raise ValueError(f"unknown statuses: {sorted(unknown)}")
    total = sum(counts.values())
    if total == 0:
        return f"No checkable claims about {subject}"
    if total < few:
        parts = [f"{number_text(counts[s])} {STATUS_PHRASES[s]}" for s in order if s in counts]
        noun = "claim" if total == 1 else "claims"
        return f"Only {number_text(total)} checkable {noun} about {subject}: " + ", ".join(parts)
    largest = max(counts.values())
    tied = [s for s in order if counts.get(s, 0) == largest]
    if len(tied) > 1:
        # A tie names every status that shares the largest count, so neither hides the other.
        phrases = [f"{largest} {STATUS_PHRASES[s]}" for s in tied]
        return f"{join_names(phrases)}, of {total} claims about {subject}"
    top = tied[0]
    verb = "is" if counts[top] == 1 else "are"
    return f"{counts[top]} of {total} claims about {subject} {verb} {STATUS_PHRASES[top]}"


def status_chart(status_counts: pd.DataFrame, title: str | None = None, source_line: str | None = None, *, subject: str | None = None):
    """Claims per verification status.

    Pass `subject` (e.g. subject="Russia") to have the title state the finding,
    computed by `status_headline`; it then replaces any `title`. The old form,
    status_chart(counts, title=..., source_line=...), still works unchanged.
    """
    if subject is not None:
        title = status_headline(status_counts, subject)
    if not title:
        raise ValueError("status_chart needs a title or a subject")
    if not source_line:
        raise ValueError("status_chart needs a source line")
    rows = status_counts.iloc[::-1].reset_index(drop=True)  # matplotlib draws bottom-up
    return count_bars(
        rows["claims"], rows["status"].map(STATUS_COLOURS), rows["label"],
        title=title, xlabel="Claims in the article", ylabel="Verification status", source_line=source_line,
    )


def count_bars(counts, colours, tick_labels, *, title: str, xlabel: str, ylabel: str, source_line: str):
    """Horizontal bars of small counts, one per category, each labelled with its count.

    Rows are drawn bottom-up in the order given; the title wraps above TITLE_WIDTH characters.
    """
    counts = [int(n) for n in counts]
    lines = wrap(title, TITLE_WIDTH)
    fig, ax = style.new_figure(lines, height_in=0.45 * len(counts) + 1.7 + 0.2 * lines.count("\n"))
    ax.barh(range(len(counts)), counts, color=list(colours), edgecolor="#333333", linewidth=0.6)
    ax.set_yticks(range(len(counts)), list(tick_labels))
    for i, n in enumerate(counts):
        ax.text(n + 0.1, i, str(n), va="center", fontsize=9)
    ax.set_xlim(0, max(max(counts, default=0), 1) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    style.add_source_line(fig, source_line)
    return fig
