"""Check that quoted text occurs verbatim in the source text that holds it.

Typography is the only thing forgiven: curly and straight quotes and
apostrophes are treated alike, and runs of white space count as one space.
"""

from __future__ import annotations

import re

_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " "})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_TYPOGRAPHY)).strip()


def occurs_in(quote: str, text: str) -> bool:
    return normalise(quote) in normalise(text)
