"""Charts of the road-to-Paris chapter: the timeline as an overview of the whole
period; the chapter lists the events of its last months as text
(reassurance.chapters.road_to_paris.events_markdown), not as a figure."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D

from reassurance import style
from reassurance.evidence import labels

CATEGORY_COLOURS = {
    "war": style.OKABE_ITO["black"],
    "coalition": style.OKABE_ITO["blue"],
    "force": style.OKABE_ITO["bluish_green"],
    "us": style.OKABE_ITO["orange"],
    "russia": style.OKABE_ITO["vermillion"],
    "talks": style.OKABE_ITO["reddish_purple"],
    "other": style.OKABE_ITO["grey"],
}
# A second cue besides colour: each category has its own marker shape.
CATEGORY_MARKERS = {"war": "X", "coalition": "o", "force": "P", "us": "s", "russia": "D", "talks": "v", "other": "^"}


def _legend(ax, categories, **kwargs):
    handles = [
        Line2D([], [], linestyle="", marker=CATEGORY_MARKERS[c], markersize=7, color=CATEGORY_COLOURS[c], label=labels.EVENT_CATEGORY[c])
        for c in labels.EVENT_CATEGORY if c in set(categories)
    ]
    ax.legend(handles=handles, fontsize=8.5, title="Strand", title_fontsize=8.5, **kwargs)


def overview_title(events: pd.DataFrame, year: int) -> str:
    """The finding the overview shows: how many recorded events fall in `year`."""
    n_in_year = int((events["start_date"].dt.year == year).sum())
    return f"{n_in_year} of the {len(events)} recorded events fall in {year}"


@style.chart
def overview_chart(
    events: pd.DataFrame,
    detail_start,
    detail_end,
    source_line: str,
    *,
    disputed_date: tuple[str, str, str] | None = None,
):
    """The whole period, compressed on one line per strand, with the detail
    window shaded (its events are listed under the figure) and an optional disputed date:
    (date, strand, label), drawn as a small hollow marker with a short label,
    no larger than an event's marker, since the report rejects it."""
    detail_start, detail_end = pd.Timestamp(detail_start), pd.Timestamp(detail_end)
    categories = [c for c in labels.EVENT_CATEGORY if c in set(events["category"])]
    title = overview_title(events, detail_end.year)
    fig, top = style.new_figure(title, height_in=3.4)
    lane = {c: i for i, c in enumerate(reversed(categories))}
    first = events["start_date"].min() - pd.Timedelta(days=60)
    last = events["end_date"].max() + pd.Timedelta(days=60)
    top.axvspan(detail_start, detail_end, color=style.OKABE_ITO["sky_blue"], alpha=0.25, linewidth=0)
    # On the war's line, which holds nothing after 2022, so the note never
    # meets a marker.
    top.text(detail_start - pd.Timedelta(days=10), len(lane) - 1, "listed below →", fontsize=9, ha="right",
             va="center", color="#333333")
    if disputed_date is not None:
        when, strand, text = disputed_date
        y = lane[strand]
        top.scatter([pd.Timestamp(when)], [y], marker=CATEGORY_MARKERS[strand], s=36, facecolor="none",
                    edgecolor="#555555", linewidth=0.8, zorder=3)
        top.text(pd.Timestamp(when), y + 0.32, text, fontsize=8.5, ha="center", va="bottom", color="#333333")
    for category in categories:
        rows = events[events["category"] == category]
        top.scatter(rows["start_date"], [lane[category]] * len(rows), marker=CATEGORY_MARKERS[category],
                    color=CATEGORY_COLOURS[category], s=36, zorder=3, edgecolor="white", linewidth=0.4)
    top.set_yticks(list(lane.values()), [labels.EVENT_CATEGORY[c] for c in lane])
    top.set_ylim(-0.6, len(lane) - 0.4)
    top.set_xlim(first, last)
    top.xaxis.set_major_locator(mdates.YearLocator())
    top.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    top.set_xlabel("Date (whole period, compressed)")
    top.set_ylabel("Strand")
    top.grid(axis="x", color="#dddddd", linewidth=0.6)
    style.add_source_line(fig, source_line)
    return fig
