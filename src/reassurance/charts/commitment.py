"""Charts of the commitment chapter: a tile-grid map of stances, and who offered what.

The map is schematic: each European country is one square at a fixed position
on a grid (TILE_GRID, presentation geometry only, not data), so that small
countries are as visible as large ones. Colour shows the stance (Okabe-Ito),
and every tile also carries its ISO code and a short stance label, with
hatching for the two stances that are not a position (unknown, not
applicable), so colour is never the only cue.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch, Rectangle

from reassurance import style
from reassurance.chapters.commitment import DOMAINS, domain_list
from reassurance.charts.common import tile_axes, wrap
from reassurance.evidence import labels

# Defined once for the book (style.py), shared with the positions matrix.
STANCE_COLOURS = style.STANCE_COLOURS

STANCE_HATCHES = {"not-applicable": "//", "unknown": ".."}

# Short stance labels written inside the tiles (second cue besides colour).
STANCE_SHORT = {
    "ready": "ready",
    "ready-in-principle": "in principle",
    "open": "open",
    "air-sea-training-only": "air/sea/training",
    "undecided": "undecided",
    "no-troops": "no troops",
    "not-among-26": "not in 26",
    "not-applicable": "host",
    "unknown": "unknown",
}

# (column, row) of each European country's tile; row 0 is the top. Schematic,
# roughly following geography; every European country of the evidence base
# needs a tile (a unit test checks this and that no two tiles overlap).
TILE_GRID = {
    "IS": (0, 0),
    "NO": (4, 0),
    "SE": (5, 0),
    "FI": (6, 0),
    "IE": (1, 1),
    "GB": (2, 1),
    "DK": (4, 1),
    "EE": (6, 1),
    "NL": (3, 2),
    "LV": (6, 2),
    "BE": (3, 3),
    "DE": (4, 3),
    "PL": (5, 3),
    "LT": (6, 3),
    "FR": (2, 4),
    "LU": (3, 4),
    "CZ": (4, 4),
    "SK": (5, 4),
    "UA": (6, 4),
    "PT": (1, 5),
    "ES": (2, 5),
    "AT": (4, 5),
    "HU": (5, 5),
    "RO": (6, 5),
    "IT": (3, 6),
    "SI": (4, 6),
    "HR": (5, 6),
    "BG": (6, 6),
    "MT": (3, 7),
    "GR": (6, 7),
    "CY": (7, 7),
}


def missing_tiles(codes, grid: dict[str, tuple[int, int]] = TILE_GRID) -> list[str]:
    """Country codes that need a tile but have none in the grid."""
    return sorted(set(codes) - set(grid))


# Stances whose tile names the domains the country itself named, not the
# category: the United States offered help "by air" only, so its tile says
# "air", not "air/sea".
DOMAIN_LABELLED = {"air-sea-training-only"}


TILE_LINE = 9  # characters per line of a tile's short label; a longer one takes two lines


def tile_label(stance: str, domains: str = "unknown") -> str:
    """The short label on a tile: the domains recorded for a domain-limited stance
    (e.g. 'air', 'air/sea'), otherwise the stance's short label; a label longer
    than TILE_LINE characters is broken at a space or slash onto two lines, so it
    stays inside its tile ('in\nprinciple')."""
    text = STANCE_SHORT[stance]
    if stance in DOMAIN_LABELLED:
        named = [d for d in domain_list(domains) if d in ("air", "sea", "training")]
        if named:
            text = "/".join(named)
    return _two_lines(text)


def _two_lines(text: str) -> str:
    if len(text) <= TILE_LINE:
        return text
    breaks = [i for i, ch in enumerate(text) if ch in " /"]
    if not breaks:
        return text
    # The break that makes the longer line shortest.
    best = min(breaks, key=lambda i: max(i + 1, len(text) - i - 1))
    if text[best] == " ":
        return text[:best] + "\n" + text[best + 1 :]
    return text[: best + 1] + "\n" + text[best + 1 :]


def legend_label(stance: str) -> str:
    """The stance's label, with the tile's short label in brackets where it differs."""
    label, short = labels.STANCE[stance], STANCE_SHORT[stance]
    if stance in DOMAIN_LABELLED:
        return f"{label} [the domains named]"
    return label if label.lower() == short.lower() else f"{label} [{short}]"


def _tile(ax, x: float, y: float, stance: str, code: str, domains: str = "unknown", size: float = 0.92) -> None:
    colour = STANCE_COLOURS[stance]
    ax.add_patch(
        Rectangle(
            (x - size / 2, y - size / 2), size, size,
            facecolor=colour, edgecolor="#333333", linewidth=0.8, hatch=STANCE_HATCHES.get(stance, ""),
        )
    )
    ink = style.text_colour_on(colour)
    box = None if stance not in STANCE_HATCHES else {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
    if style.on_phone():
        # A phone's tile holds its code only; colour, hatching and the key give the stance.
        ax.text(x, y, code, ha="center", va="center", fontsize=8.5, fontweight="bold", color=ink, bbox=box)
        return
    label = tile_label(stance, domains)
    two = "\n" in label
    ax.text(x, y + (0.18 if two else 0.12), code, ha="center", va="center", fontsize=11, fontweight="bold", color=ink, bbox=box)
    ax.text(x, y - (0.2 if two else 0.24), label, ha="center", va="center", fontsize=style.MIN_FONT_PT, color=ink, bbox=box,
            linespacing=1.0)


@style.chart
def stance_map(table: pd.DataFrame, source_line: str, grid: dict[str, tuple[int, int]] = TILE_GRID, *, title: str):
    """Tile-grid map: European countries on a schematic grid, the others in a strip beside it."""
    europe = table[table["european"]]
    outside = table[~table["european"]].sort_values(["region", "country"])
    missing = missing_tiles(europe["iso_a2"], grid)
    if missing:
        raise ValueError(f"European countries without a tile in the grid: {missing}")
    ncols = max(c for c, _ in grid.values()) + 1
    nrows = max(r for _, r in grid.values()) + 1
    phone = style.on_phone()
    n_keys = len(set(table["stance"]))
    fig, axes = style.new_figure(
        title,
        height_in=3.5 + 0.21 * n_keys + 1.6 if phone else 7.6, nrows=2, ncols=2,
        gridspec_kw={"width_ratios": [ncols, 1.6], "height_ratios": [nrows, 0.21 * n_keys * 2.6 + 0.6] if phone else [nrows, 1.45]},
    )
    ax, side = axes[0]
    # The map's axes are narrow: the title belongs to the whole figure, so it is
    # never cut off at the edge of the first axes.
    # new_figure puts the title where rcParams say (left in the report's style).
    if not phone:  # (a phone's drawing has its title there already)
        title = ax.get_title(loc="left") or ax.get_title()
        ax.set_title("", loc="left")
        ax.set_title("")
        fig.suptitle(title, x=0.02, ha="left", fontsize=style.RC_PARAMS["axes.titlesize"], fontweight="bold")
    # The legend gets its own row across both columns, so the layout keeps it
    # clear of the maps and of the source line.
    grid_spec = axes[1, 0].get_subplotspec().get_gridspec()
    axes[1, 0].remove()
    axes[1, 1].remove()
    key = fig.add_subplot(grid_spec[1, :])
    key.axis("off")
    for _, row in europe.iterrows():
        col, r = grid[row["iso_a2"]]
        _tile(ax, col, -r, row["stance"], row["iso_a2"], row["domains"])
    tile_axes(ax, ncols, nrows)
    ax.set_xlabel(style.fill("Europe (schematic grid: west to east)", 30) if phone else "Europe (schematic grid: west to east)")
    ax.set_ylabel("North to south")

    for i, (_, row) in enumerate(outside.iterrows()):
        _tile(side, 0, -i, row["stance"], row["iso_a2"], row["domains"])
    side.set_xlim(-0.6, 0.6)
    side.set_ylim(-max(len(outside), nrows) + 0.4, 0.6)
    side.set_aspect("equal")
    side.set_xticks([])
    side.set_yticks([])
    for spine in side.spines.values():
        spine.set_visible(False)
    side.set_title("Outside\nEurope" if phone else "Outside Europe", fontsize=8.5 if phone else 10, loc="center", fontweight="bold")
    # Just under the last tile (not at the foot of the axes, far below a short strip).
    side.text(0, -len(outside) + 0.42, "(by\nregion)" if phone else "(listed by\nregion)", ha="center", va="top",
              fontsize=8 if phone else 9, linespacing=1.0)

    present = [s for s in labels.STANCE if s in set(table["stance"])]
    handles = [
        Patch(facecolor=STANCE_COLOURS[s], edgecolor="#333333", hatch=STANCE_HATCHES.get(s, ""), label=legend_label(s))
        for s in present
    ]
    if phone:
        # No tile label on a phone's tiles: the key gives the stances alone.
        for handle, s in zip(handles, present):
            handle.set_label(labels.STANCE[s])
        key.legend(handles=handles, loc="upper left", ncols=1, fontsize=8, handlelength=2.2, handleheight=1.4, alignment="left",
                   title=style.fill("Public stance on the country's own contribution to the force", 46), title_fontsize=8)
    else:
        key.legend(
            handles=handles, loc="center", ncols=3, fontsize=8.5, handlelength=2.2, handleheight=1.4,
            title="Public stance on the country's own contribution to the force (tile label in brackets where it differs)", title_fontsize=8.5,
        )
    style.add_source_line(fig, source_line)
    return fig


@style.chart
def contribution_chart(matrix: pd.DataFrame, source_line: str):
    """Dot matrix: each country with a documented stance (rows, by stance) against the
    domains it named (columns); the dot's colour and the row label give the stance."""
    countries = matrix.drop_duplicates("country")[["country", "stance", "stance_label"]].reset_index(drop=True)
    columns = DOMAINS + ["not stated"]
    phone = style.on_phone()
    present = [s for s in labels.STANCE if s in set(countries["stance"])]
    if phone:
        # Domains upright and the key in a row of its own under the dots.
        key_in = 0.19 * len(present) + 0.35
        fig, (ax, key) = style.new_figure("What each country said it would, or would not, contribute",
                                          height_in=0.25 * len(countries) + 2.6 + key_in, nrows=2,
                                          gridspec_kw={"height_ratios": [0.25 * len(countries) + 0.9, key_in]})
        key.axis("off")
    else:
        fig, ax = style.new_figure("What each country said it would, or would not, contribute", height_in=0.34 * len(countries) + 2.4)
    y_of = {c: len(countries) - 1 - i for i, c in enumerate(countries["country"])}
    for _, row in matrix.iterrows():
        x = columns.index(row["domain"])
        stated = row["domain"] != "not stated"
        ax.scatter(
            x, y_of[row["country"]], s=(60 if stated else 30) if phone else (110 if stated else 60), marker="o" if stated else "s",
            facecolor=STANCE_COLOURS[row["stance"]], edgecolor="#333333", linewidth=0.7, zorder=3,
        )
    ax.set_yticks(
        [y_of[c] for c in countries["country"]],
        [f"{c} ({_row_label(matrix, c, s)})".replace("\n", " ") if phone else f"{c} ({_row_label(matrix, c, s)})"
         for c, s in zip(countries["country"], countries["stance"])],
        fontsize=8 if phone else 9,
    )
    if phone:
        ax.set_xticks(range(len(columns)), columns, fontsize=8, rotation=90)
    else:
        ax.set_xticks(range(len(columns)), columns, fontsize=9, rotation=30, ha="right", rotation_mode="anchor")
    ax.set_xlim(-0.6, len(columns) - 0.4)
    ax.set_ylim(-0.6, len(countries) - 0.4)
    ax.grid(axis="both", color="#e5e5e5", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    ax.set_xlabel("Domain of contribution named publicly")
    if not phone:
        ax.set_ylabel("Country (stance)")
    handles = [Patch(facecolor=STANCE_COLOURS[s], edgecolor="#333333", label=labels.STANCE[s]) for s in present]
    if phone:
        key.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 1), fontsize=8, title="Stance", title_fontsize=8,
                   alignment="left", frameon=False, borderaxespad=0)
    else:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8.5, title="Stance", title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    return fig


def _row_label(matrix: pd.DataFrame, country: str, stance: str) -> str:
    named = [d for d in matrix.loc[matrix["country"] == country, "domain"] if d != "not stated"]
    return tile_label(stance, ";".join(named) or "unknown")


def stack_codes(codes: str, per_line: int = 2) -> str:
    """'IS NZ NO TR' -> 'IS NZ\nNO TR': a few codes per line, so a cell's text fits its box."""
    parts = codes.split()
    return "\n".join(" ".join(parts[i : i + per_line]) for i in range(0, len(parts), per_line))


@style.chart
def mentions_chart(crosstab: pd.DataFrame, source_line: str):
    """Grid of how countries were named in connection with the 26 (rows) against their own
    stance (columns); each cell lists the ISO codes, shaded by the number of countries."""
    rows = list(dict.fromkeys(crosstab["mention"]))
    cols = list(dict.fromkeys(crosstab["stance"]))
    phone = style.on_phone()
    fig, ax = style.new_figure("Named among the contributors, but what did they say?",
                               height_in=0.8 * len(rows) + 3.6 if phone else 0.8 * len(rows) + 2.6)
    for _, cell in crosstab.iterrows():
        x, y = cols.index(cell["stance"]), len(rows) - 1 - rows.index(cell["mention"])
        if cell["countries"] == 0:
            ax.add_patch(Rectangle((x - 0.48, y - 0.45), 0.96, 0.9, facecolor="white", edgecolor="#dddddd", linewidth=0.6))
            continue
        colour = STANCE_COLOURS[cell["stance"]]
        ax.add_patch(
            Rectangle((x - 0.48, y - 0.45), 0.96, 0.9, facecolor=colour, edgecolor="#333333", linewidth=0.8,
                      hatch=STANCE_HATCHES.get(cell["stance"], ""))
        )
        box = None if cell["stance"] not in STANCE_HATCHES else {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
        lines = stack_codes(cell["iso_codes"], per_line=1 if phone else 2)
        ax.text(x, y, lines, ha="center", va="center", fontsize=8 if phone or lines.count("\n") >= 2 else 9, fontweight="bold",
                color=style.text_colour_on(colour), bbox=box)
    if phone:
        ax.set_xticks(range(len(cols)), [labels.STANCE[c] for c in cols], fontsize=8, rotation=90)
    else:
        ax.set_xticks(range(len(cols)), [wrap(labels.STANCE[c], 11) for c in cols], fontsize=8.5)
    ax.set_yticks([len(rows) - 1 - i for i in range(len(rows))], [wrap(labels.MENTION[m], 15 if phone else 26) for m in rows],
                  fontsize=8 if phone else 8.5)
    ax.set_xlim(-0.55, len(cols) - 0.45)
    ax.set_ylim(-0.55, len(rows) - 0.45)
    ax.set_xlabel("The country's own public stance")
    ax.set_ylabel("How a source named the country" if not phone else "")
    style.add_source_line(fig, source_line)
    return fig
