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

