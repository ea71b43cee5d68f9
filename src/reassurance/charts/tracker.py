"""Charts of the country tracker: how stances moved, and a tile map of the latest.

The map keeps the book's tile grid (charts.commitment.TILE_GRID): one square
per European country, so that Luxembourg, Malta or the Baltic states are as
visible as France on a phone screen, where a map of real shapes would shrink
them to a few pixels; the countries outside Europe stand in a strip beside it.
Colour shows the stance (style.TRACKER_COLOURS, Okabe-Ito), and every tile and
marker also carries a second cue (a short label, a marker shape), so colour is
never the only one.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from reassurance import style
from reassurance.chapters.tracker import latest, movers, short_name
from reassurance.charts.commitment import TILE_GRID, missing_tiles
from reassurance.charts.common import tile_axes
from reassurance.evidence import labels

COLOURS = style.TRACKER_COLOURS
NO_STANCE = "no-dated-stance"
NO_STANCE_COLOUR = "#FFFFFF"
NO_STANCE_LABEL = "No dated stance found"

# A marker shape per stance: the second cue in the movement chart.
MARKERS = {
    "ground-troops": "o",
    "ready-in-principle": "s",
    "non-ground-support": "D",
    "undecided": "^",
    "rules-out-troops": "X",
    "opposes-force": "P",
    "backstop": "v",
    "host": "*",
}

# The short label written on a tile (second cue besides colour).
SHORT = {
    "ground-troops": "troops",
    "ready-in-principle": "in\nprinciple",
    "non-ground-support": "no ground\ntroops",
    "undecided": "undecided",
    "rules-out-troops": "rules out\ntroops",
    "opposes-force": "opposes",
    "backstop": "backstop",
    "host": "host",
    NO_STANCE: "none\ndated",
}


@style.chart
def movement_chart(frame: pd.DataFrame, source_line: str, *, title: str):
    """One row per country or body with two or more dated stances, its stances
    placed on a time axis (colour and marker shape by stance), joined by a line.
    Rows are ordered by latest stance, then name, so the groups read together."""
    rows = movers(frame)
    rows = rows.assign(actor=rows["actor"].map(short_name))
    last = latest(rows)
    order = list(last["actor"])
    phone = style.on_phone()
    n_keys = rows["stance"].nunique()
    key_in = 0.2 * n_keys + 0.35 if phone else 0.95
    fig, (ax, key) = style.new_figure(title, height_in=2.6 + 0.3 * len(order) + (key_in - 0.95), nrows=2,
                                      gridspec_kw={"height_ratios": [0.3 * len(order) + 0.5, key_in]})
    key.axis("off")
    y = {name: len(order) - 1 - i for i, name in enumerate(order)}
    for name, group in rows.groupby("actor"):
        ax.plot(group["date"], [y[name]] * len(group), color="#999999", linewidth=1.0, zorder=1)
    for stance in labels.TRACKER_STANCE:
        part = rows[rows["stance"] == stance]
        if part.empty:
            continue
        ax.scatter(part["date"], part["actor"].map(y), s=46, marker=MARKERS[stance], color=COLOURS[stance],
                   edgecolors="#333333", linewidths=0.6, zorder=2, label=labels.TRACKER_STANCE[stance])
    ax.set_yticks(list(y.values()), list(y.keys()), fontsize=8.5)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7) if phone else (1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y" if phone else "%b %Y"))
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_xlabel("Date the stance was stated")
    if not phone:
        ax.set_ylabel("Country or body (by latest stance)")
    key.legend(*ax.get_legend_handles_labels(), loc="upper left" if phone else "center", ncols=1 if phone else 3,
               fontsize=8 if phone else 8.5, title="Stance", title_fontsize=8 if phone else 8.5)
    style.add_source_line(fig, source_line)
    return fig


def _tile(ax, x: float, y: float, stance: str, code: str, size: float = 0.92) -> None:
    colour = COLOURS.get(stance, NO_STANCE_COLOUR)
    ax.add_patch(Rectangle((x - size / 2, y - size / 2), size, size, facecolor=colour, edgecolor="#333333",
                           linewidth=0.8, hatch=".." if stance == NO_STANCE else ""))
    ink = style.text_colour_on(colour)
    box = {"facecolor": "white", "edgecolor": "none", "pad": 0.6} if stance == NO_STANCE else None
    if style.on_phone():
        # A phone's tile holds its code only; colour and the key give the stance.
        ax.text(x, y, code, ha="center", va="center", fontsize=8.5, fontweight="bold", color=ink, bbox=box)
        return
    ax.text(x, y + 0.2, code, ha="center", va="center", fontsize=11, fontweight="bold", color=ink, bbox=box)
    ax.text(x, y - 0.18, SHORT[stance], ha="center", va="center", fontsize=8, color=ink, bbox=box, linespacing=1.0)


def map_frame(frame: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """One row per country to draw: its ISO code, region and latest dated
    stance (NO_STANCE where it has none). `countries` are the actors of kind
    country that the tracker covers (with iso_a2 and region)."""
    last = latest(frame).set_index("actor_id")["stance"]
    out = countries.assign(stance=countries["actor_id"].map(last).fillna(NO_STANCE))
    return out.sort_values(["region", "name"]).reset_index(drop=True)


@style.chart
def tile_map(drawn: pd.DataFrame, source_line: str, *, title: str, grid: dict = TILE_GRID):
    """The tile map: Europe on the grid, the countries outside Europe in a strip."""
    europe = drawn[drawn["region"] == "europe"]
    outside = drawn[drawn["region"] != "europe"]
    missing = missing_tiles(europe["iso_a2"], grid)
    if missing:
        raise ValueError(f"European countries without a tile in the grid: {missing}")
    ncols = max(c for c, _ in grid.values()) + 1
    nrows = max(r for _, r in grid.values()) + 1
    phone = style.on_phone()
    n_keys = len(set(drawn["stance"]))
    fig, axes = style.new_figure(title, height_in=3.4 + 0.19 * n_keys + 1.2 if phone else 8.8, nrows=2, ncols=2,
                                 gridspec_kw={"width_ratios": [ncols + 0.2, 1.2],
                                              "height_ratios": [nrows, 0.19 * n_keys * 2.6] if phone else [nrows, 1.3]})
    ax, side = axes[0]
    # The legend gets its own row across both columns, clear of the map and the source line.
    grid_spec = axes[1, 0].get_subplotspec().get_gridspec()
    axes[1, 0].remove()
    axes[1, 1].remove()
    key = fig.add_subplot(grid_spec[1, :])
    key.axis("off")
    if not phone:  # (a phone's drawing has its title there already)
        title_text = ax.get_title(loc="left")
        ax.set_title("", loc="left")
        fig.suptitle(title_text, x=0.02, ha="left", fontsize=style.RC_PARAMS["axes.titlesize"], fontweight="bold")
    for row in europe.itertuples():
        col, r = grid[row.iso_a2]
        _tile(ax, col, -r, row.stance, row.iso_a2)
    for i, row in enumerate(outside.itertuples()):
        _tile(side, 0, -i, row.stance, row.iso_a2)
    tile_axes(ax, ncols, nrows)
    tile_axes(side, 1, max(len(outside), nrows))
    ax.set_xlabel("Europe (schematic grid: west to east)")
    ax.set_ylabel("North to south")
    side.set_title("Outside\nEurope" if phone else "Outside Europe", fontsize=8.5 if phone else 10, loc="center", fontweight="bold")
    present = [s for s in labels.TRACKER_STANCE if s in set(drawn["stance"])]
    handles = [Patch(facecolor=COLOURS[s], edgecolor="#333333", label=labels.TRACKER_STANCE[s]) for s in present]
    if (drawn["stance"] == NO_STANCE).any():
        handles.append(Patch(facecolor=NO_STANCE_COLOUR, edgecolor="#333333", hatch="..", label=NO_STANCE_LABEL))
    key.legend(handles=handles, loc="upper left" if phone else "center", ncols=1 if phone else 3, fontsize=8 if phone else 8.5,
               title=style.fill("Latest dated stance on the country's own part in the force", 46 if phone else 90),
               title_fontsize=8 if phone else 8.5, alignment="left" if phone else "center")
    style.add_source_line(fig, source_line)
    return fig


def marker_handles() -> list[Line2D]:
    """Legend handles for every stance (used by tests to check the cues differ)."""
    return [Line2D([], [], marker=MARKERS[s], color=COLOURS[s], linestyle="", label=labels.TRACKER_STANCE[s])
            for s in labels.TRACKER_STANCE]
