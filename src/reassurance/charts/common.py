"""What every chart shares: wrapping labels, and the verification-status colours.

Chart builders take a tidy table and return a styled matplotlib Figure with a
title, labelled axes and a source line drawn into the image; the page adds the
caption, the alt text and the CSV download (reassurance.publish.glue_figure).
"""

from __future__ import annotations

import textwrap

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
