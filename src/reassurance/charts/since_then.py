"""The "Since then" timeline: one lane per actor, from the first events of
2025 to the latest source, with the two days of September 2025 marked.

Legible on a phone: no label per event (they would overlap at 390 px); each
lane says how many events it holds, markers differ by shape as well as colour,
and only the two days and the latest date are written on the chart.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from reassurance import style
from reassurance.chapters.road_to_paris import date_span_text
from reassurance.chapters.since_then import LANES
from reassurance.charts.road_to_paris import CATEGORY_COLOURS, CATEGORY_MARKERS

FONT_SIZE = 11
PHONE_FONT_SIZE = 9
# Narrower than the report's other figures, with larger type, so that its text
# stays legible when a phone (about 390 px wide) scales the image down.
WIDTH_IN = 5.0
HEIGHT_IN = 4.8


def lane_labels(points: pd.DataFrame) -> dict[str, str]:
    """'Russia (12)': each lane's name with the number of events it holds."""
    counts = points["category"].value_counts()
    return {c: f"{name} ({int(counts.get(c, 0))})" for c, name in LANES.items()}


@style.chart
def timeline_chart(points: pd.DataFrame, two_days: tuple, latest, source_line: str, *, title: str):
    """Markers on one lane per strand (LANES) over the whole span; a band marks `two_days` (first, last) and a
    dashed line the `latest` date covered. Each lane's name stands above its
    line, so the time axis has the figure's whole width."""
    first_day, last_day = pd.Timestamp(two_days[0]), pd.Timestamp(two_days[1])
    latest = pd.Timestamp(latest)
    phone = style.on_phone()
    # A phone's drawing is narrower, with smaller type, and writes the latest
    # date under the lanes, clear of the first lane's name.
    size = PHONE_FONT_SIZE if phone else FONT_SIZE
    fig, ax = style.new_figure(title, height_in=HEIGHT_IN)
    fig.set_size_inches(style.figure_width() if phone else WIDTH_IN, HEIGHT_IN)
    lanes = list(LANES)
    y = {c: len(lanes) - 1 - i for i, c in enumerate(lanes)}
    start = points["start_date"].min() - pd.Timedelta(days=15)
    end = latest + pd.Timedelta(days=25)
    ax.axvspan(first_day - pd.Timedelta(days=3), last_day + pd.Timedelta(days=3),
               color=style.OKABE_ITO["sky_blue"], alpha=0.35, linewidth=0, zorder=1)
    # Below the lowest lane, so the note meets no marker.
    ax.text(last_day + pd.Timedelta(days=7), -0.75, f"{date_span_text(first_day, last_day)}: Paris, Vladivostok",
            fontsize=size - 1, va="center", ha="left", color="#1a1a1a")
    ax.axvline(latest, color="#555555", linestyle="--", linewidth=0.9, zorder=1)
    ax.text(latest - pd.Timedelta(days=4), -1.3 if phone else y["coalition"] + 0.3, f"latest: {date_span_text(latest, latest)}",
            fontsize=size - 1, ha="right", va="center" if phone else "bottom", color="#1a1a1a")
    names = lane_labels(points)
    for category in lanes:
        rows = points[points["category"] == category]
        ax.axhline(y[category], color="#e3e3e3", linewidth=0.8, zorder=0)
        ax.scatter(rows["start_date"], [y[category]] * len(rows), marker=CATEGORY_MARKERS[category],
                   color=CATEGORY_COLOURS[category], s=52, zorder=3, edgecolor="white", linewidth=0.5)
        ax.text(start + pd.Timedelta(days=4), y[category] + 0.3, names[category], fontsize=size,
                fontweight="bold", ha="left", va="bottom", color=CATEGORY_COLOURS[category])
    ax.set_yticks([y[c] for c in lanes], ["" for _ in lanes])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-1.6 if phone else -1.05, len(lanes) - 0.2)
    ax.set_xlim(start, end)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 5, 9]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.tick_params(axis="x", labelsize=size - 1)
    ax.set_xlabel("Date of the event (first day)", fontsize=size)
    ax.set_ylabel("Strand (number of events)", fontsize=size)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    style.add_source_line(fig, source_line)
    return fig
