"""One figure style for every chapter.

Colours come from the Okabe-Ito palette, which stays distinguishable under
the common forms of colour-blindness. Figures carry their own white
background so that they stay legible when the book is read in dark mode.

Figures are SVG with their text kept as text (svg.fonttype none): crisp at
any size, found by the browser's search, and small. No text is smaller than
MIN_FONT_PT, so a page can show a figure at a width where its smallest text
is at least 10 CSS px (reassurance.sphinxext.figures.figure_min_width). The SVG
carries no date and its ids come from svg.hashsalt, so the same data gives
the same bytes, which nbval compares.

Phones get a second drawing of every chart (issue 21): a chart function
decorated with `chart` can be called again under `phone_layout()`, where
`new_figure` is PHONE_WIDTH_IN wide, type is set by PHONE_RC, the title is
the figure's (not the first axes'), titles and source lines wrap to that width and `on_phone()` lets a chart change its
layout (fewer words in a cell, panels stacked). Shown across a 390-px
phone's content column (about 342 CSS px), its 8-pt text is 11 CSS px, so it
needs no sideways scrolling. publish.glue_figure writes it beside the
figure's CSV; the site serves it to narrow screens (reassurance.sphinxext.figures).
"""

from __future__ import annotations

import contextlib
import functools
import io
import textwrap

import matplotlib as mpl

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion", "sky_blue", "reddish_purple", "yellow", "black")]

# One colour per meaning across the book, so that a colour reads the same in
# every chapter: green for ready or in favour, sky blue for in principle or no
# objection, blue for open or conditional, yellow for a limited part (air, sea
# or training only; no ground troops of one's own), orange for undecided,
# vermillion for no troops or against, reddish purple only for "not among the
# 26". The commitment chapter codes each country's own contribution (STANCE_COLOURS,
# participants.stance); the positions chapter codes its position on an issue
# (POSITION_COLOURS, positions.position). A test checks that codes sharing a
# label share a colour and that no colour means two different things.
STANCE_COLOURS = {
    "ready": OKABE_ITO["bluish_green"],
    "ready-in-principle": OKABE_ITO["sky_blue"],
    "open": OKABE_ITO["blue"],
    "air-sea-training-only": OKABE_ITO["yellow"],
    "undecided": OKABE_ITO["orange"],
    "no-troops": OKABE_ITO["vermillion"],
    "not-among-26": OKABE_ITO["reddish_purple"],
    "not-applicable": "#D9D9D9",
    "unknown": "#FFFFFF",
}
POSITION_COLOURS = {
    "supports": STANCE_COLOURS["ready"],
    "accepts": STANCE_COLOURS["ready-in-principle"],
    "limited": STANCE_COLOURS["air-sea-training-only"],
    "conditional": STANCE_COLOURS["open"],
    "undecided": STANCE_COLOURS["undecided"],
    "opposes": STANCE_COLOURS["no-troops"],
    "unknown": "#F2F2F2",
}

# The country tracker's stances (country_stances.stance): the same colour as
# the commitment chapter's code of the same meaning; "opposes any force" (a
# stance against the force, not only against one's own troops) is black, and
# the US's support from outside is blue, the colour of a conditional part.
TRACKER_COLOURS = {
    "ground-troops": STANCE_COLOURS["ready"],
    "ready-in-principle": STANCE_COLOURS["ready-in-principle"],
    "non-ground-support": STANCE_COLOURS["air-sea-training-only"],
    "undecided": STANCE_COLOURS["undecided"],
    "rules-out-troops": STANCE_COLOURS["no-troops"],
    "opposes-force": OKABE_ITO["black"],
    "backstop": STANCE_COLOURS["open"],
    "host": STANCE_COLOURS["not-applicable"],
}

TEXT_COLOUR = "#1a1a1a"
# The smallest text a chart may draw: at the SVG's natural size (1 pt = 4/3
# CSS px) 8 pt is 10.7 px (tests/unit/test_style.py checks every chart).
MIN_FONT_PT = 8.0
# Written into every figure: no date, no version, so outputs are stable.
SVG_METADATA = {"Date": None, "Creator": None}
FIGURE_WIDTH_IN = 8.0
SOURCE_STRIP_IN = 0.32
# The phone drawing: 3.4 in is 245 pt (the SVG's units), shown 342 CSS px
# wide on a 390-px phone, so 1 pt is 1.4 CSS px there and MIN_FONT_PT is
# 11 CSS px (10 CSS px down to a 350-px content column).
PHONE_WIDTH_IN = 3.4
PHONE_RC = {
    "font.size": 8.5,
    "axes.titlesize": 10.0,
    "axes.labelsize": 8.5,
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.0,
    "legend.fontsize": 8.0,
    "legend.title_fontsize": 8.0,
}
# Characters per line of a title and of the source line at PHONE_RC's sizes.
PHONE_TITLE_CHARS = 38
PHONE_SOURCE_CHARS = 54
_PHONE = {"on": False}

RC_PARAMS = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10.5,
    "axes.titlesize": 12.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10.5,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": TEXT_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "text.color": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "legend.frameon": False,
    # Bundled DejaVu Sans: the same layout on every machine. The SVG names
    # it first, then fonts of similar or smaller width and the generic
    # sans-serif, for a reader's browser that lacks it.
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Verdana", "Arial", "Helvetica"],
    # Text from data is text: a "$" in a label must not start mathtext
    # ("$5bn and $6bn" would print as italic "5bnand6bn").
    "text.parse_math": False,
    "text.usetex": False,
    # Text stays text in the SVG (searchable, sharp, light); its ids come from
    # the salt, so two runs write the same bytes.
    "svg.fonttype": "none",
    "svg.hashsalt": "reassurance",
}


def _luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB' (sRGB threshold 0.04045)."""
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def text_colour_on(hex_colour: str) -> str:
    """Black or white, whichever contrasts more with the background colour (a label on a tile or cell)."""
    lum = _luminance(hex_colour)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def colour_for(colours: dict, key, what: str = "key") -> str:
    """`colours[key]`, or a KeyError that names the missing key: a code
    missing from a colour map is a mistake to fix, never a silent black."""
    try:
        return colours[key]
    except KeyError:
        raise KeyError(f"no colour for the {what} {key!r}; known: {sorted(colours)}") from None


def apply() -> None:
    """Apply the report's matplotlib style to the current session, and have
    IPython show figures as SVG without a date (in a kernel; elsewhere the
    rcParams alone)."""
    mpl.rcParams.update(RC_PARAMS)
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import select_figure_formats
    except ImportError:  # pragma: no cover (IPython comes with ipykernel)
        return
    shell = get_ipython()
    if shell is not None:
        # What matplotlib_inline's set_matplotlib_formats("svg", ...) does
        # (with the inline backend's default bbox_inches="tight"), without
        # importing that backend: in a kernel, its import loads pyplot and
        # hooks it into every cell, 0.3 s of each notebook's start, and the
        # report's figures are not pyplot's (new_figure).
        select_figure_formats(shell, {"svg"}, bbox_inches="tight", metadata=SVG_METADATA)


def on_phone() -> bool:
    """True while a chart is drawn for phones (phone_layout)."""
    return _PHONE["on"]


@contextlib.contextmanager
def phone_layout():
    """Draw for phones: new_figure is PHONE_WIDTH_IN wide, with PHONE_RC's type."""
    before = _PHONE["on"]
    _PHONE["on"] = True
    try:
        with mpl.rc_context(PHONE_RC):
            yield
    finally:
        _PHONE["on"] = before


def figure_width() -> float:
    return PHONE_WIDTH_IN if on_phone() else FIGURE_WIDTH_IN


def fill(text: str, chars: int) -> str:
    """`text` re-wrapped to `chars` characters a line (its own line breaks dropped)."""
    return textwrap.fill(" ".join(text.split()), chars, break_on_hyphens=False) or text


def chart(draw):
    """Mark a chart function whose figure has a phone drawing: the figure it
    returns carries `phone_drawing`, which draws the same chart from the same
    arguments under phone_layout() (publish.glue_figure calls it)."""

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        fig = draw(*args, **kwargs)
        if not on_phone():
            def phone_drawing():
                with phone_layout():
                    return draw(*args, **kwargs)

            fig.phone_drawing = phone_drawing
        return fig

    return wrapper


def svg_text(fig) -> str:
    """The figure as the notebook shows it (IPython's inline SVG: tight
    bounding box, no date), as text."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata=SVG_METADATA)
    return buffer.getvalue()


def new_figure(title: str, *, height_in: float = 4.0, nrows: int = 1, ncols: int = 1, **kwargs):
    """A figure with the report's width (PHONE_WIDTH_IN on a phone, where the
    title wraps to that width) and a left-aligned title on the first axes."""
    # A Figure of its own on an Agg canvas, as pyplot's inline backend would
    # give it (text is measured alike), but not pyplot's: nothing shows or
    # keeps it but what the chapter does with it (publish.glue_figure), and a
    # kernel need not load pyplot and its inline backend (0.3 s a notebook).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(figure_width(), height_in), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, **kwargs)
    first = axes.flat[0] if hasattr(axes, "flat") else axes
    if on_phone():
        # The figure's title, from its left edge: the axes of a phone's
        # drawing start far in where their labels are wide.
        fig.suptitle(fill(title, PHONE_TITLE_CHARS), x=0.02, ha="left", fontsize=PHONE_RC["axes.titlesize"], fontweight="bold")
    else:
        first.set_title(title)
    return fig, axes


def add_source_line(fig, text: str) -> None:
    """Write the source line into the image itself, so it travels with the picture."""
    text = f"Source: {text}"
    if on_phone():
        text = fill(text, PHONE_SOURCE_CHARS)
        fig.set_figheight(fig.get_figheight() + SOURCE_STRIP_IN * text.count("\n"))
    # Keep a strip at the bottom free of axes, so the line never overlaps a label.
    strip = SOURCE_STRIP_IN * (1 + text.count("\n")) / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    fig.text(0.01, 0.3 * SOURCE_STRIP_IN / fig.get_figheight(), text, ha="left", va="bottom", fontsize=8 if on_phone() else 8.5,
             color="#444444")
