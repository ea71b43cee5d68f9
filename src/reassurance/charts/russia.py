"""Charts of the chapter on Russia's response."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from reassurance import style
from reassurance.chapters import russia
from reassurance.charts.common import wrap
from reassurance.evidence import labels
from reassurance.text import short_date

SPEAKER_COLOURS = {
    "Vladimir Putin": style.OKABE_ITO["vermillion"],
    "Maria Zakharova": style.OKABE_ITO["blue"],
    "Sergey Lavrov": style.OKABE_ITO["bluish_green"],
}
STANCE_MARKERS = {"opposes": "X", "conditional": "o", "supports": "^", "describes": "s"}

# Columns of the attestation chart: the article, then other outlets by kind;
# one colour per kind (tests/unit/test_style.py checks that none is shared).
KIND_COLOURS = {
    "article-under-annotation": style.OKABE_ITO["grey"],
    "state-media": style.OKABE_ITO["blue"],
    "republisher": style.OKABE_ITO["bluish_green"],
    "news-outlet": style.OKABE_ITO["sky_blue"],
    "mirror": style.OKABE_ITO["orange"],
    "pro-kremlin-outlet": style.OKABE_ITO["vermillion"],
}


@style.chart
def timeline_chart(points: pd.DataFrame, source_line: str, *, title: str | None = None):
    """Russian remarks by theme (rows) and date (x); colour = speaker, marker =
    stance. A source's alternative day is drawn hollow and joined to the
    recorded day; remarks without a date sit in a column marked 'date unknown'."""
    themes = list(dict.fromkeys(points["theme"]))
    labels_by_theme = dict(zip(points["theme"], points["theme_label"]))
    y = {t: len(themes) - 1 - i for i, t in enumerate(themes)}
    phone = style.on_phone()
    if phone:
        # The key in a row of its own under the chart.
        fig, (ax, key) = style.new_figure(wrap(title or russia.timeline_title(points), 56), height_in=0.55 * len(themes) + 4.1,
                                          nrows=2, gridspec_kw={"height_ratios": [0.55 * len(themes) + 0.6, 1.6]})
        key.axis("off")
    else:
        fig, ax = style.new_figure(wrap(title or russia.timeline_title(points), 56), height_in=0.6 * len(themes) + 2.6)
    dated = points[points["dating"] != "unknown"]
    first, last = dated["date"].min(), dated["date"].max()
    unknown_x = last + pd.Timedelta(days=4)
    for _statement, group in points.groupby("statement_id", sort=False):
        known = group[group["dating"] != "unknown"]
        if len(known) > 1:
            ax.plot(known["date"], [y[t] for t in known["theme"]], color="#777777", linestyle=":", linewidth=1.2, zorder=1)
    for _, p in points.iterrows():
        x = unknown_x if p["dating"] == "unknown" else p["date"]
        colour = style.colour_for(SPEAKER_COLOURS, p["speaker"], "speaker")
        hollow = p["dating"] == "alternative"
        ax.scatter(
            [x],
            [y[p["theme"]]],
            s=70,
            marker=STANCE_MARKERS[p["stance"]],
            facecolors="white" if hollow else colour,
            edgecolors=colour,
            linewidths=1.6,
            zorder=3,
        )
        if hollow:
            ax.annotate("other source's day", (x, y[p["theme"]]), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize=style.MIN_FONT_PT, color="#444444")
    ax.set_yticks([y[t] for t in themes], [wrap(labels_by_theme[t], 22 if phone else 34) for t in themes], fontsize=8 if phone else 8.5)
    ax.set_ylim(-0.7, len(themes) - 0.3 if phone else len(themes) + 0.5)  # headroom for the legends
    has_unknown = (points["dating"] == "unknown").any()
    right = unknown_x + pd.Timedelta(days=2) if has_unknown else last + pd.Timedelta(days=3)
    ax.set_xlim(first - pd.Timedelta(days=3), right)
    if has_unknown:
        ax.axvline(last + pd.Timedelta(days=2), color="#bbbbbb", linewidth=0.8)
        ax.text(unknown_x, len(themes) + 0.35, "date\nunknown", ha="center", va="top", fontsize=8)
    # Fridays, so that 5 September (the plenary) falls on a tick.
    ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.FR, interval=2 if phone else 1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: short_date(mdates.num2date(v), year=False)))
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("Date of the remark (2025)")
    if not phone:
        ax.set_ylabel("Theme of the remark")
    speakers = [s for s in SPEAKER_COLOURS if s in set(points["speaker"])]
    stances = [s for s in STANCE_MARKERS if s in set(points["stance"])]
    # Two legends under the chart, side by side: colour = speaker, shape = stance.
    speaker_handles = [Line2D([], [], linestyle="", marker="o", markersize=8, color=SPEAKER_COLOURS[s], label=s) for s in speakers]
    stance_handles = [Line2D([], [], linestyle="", marker=STANCE_MARKERS[s], markersize=8, color="#555555", label=labels.STATEMENT_STANCE[s]) for s in stances]
    if (points["dating"] == "alternative").any():
        stance_handles.append(
            Line2D([], [], linestyle=":", marker="o", markersize=8, color="#777777", markerfacecolor="white", label="Day given by another source")
        )
    # Two legends side by side in the chart's upper left, where the early
    # weeks leave the top rows empty: colour = speaker, shape = stance.
    if phone:
        # One key under the chart: the speakers' colours, then the stances' shapes.
        key.legend(handles=speaker_handles + stance_handles, loc="upper left", bbox_to_anchor=(-0.45, 1.0), fontsize=8, ncols=1,
                   title="Colour: speaker; shape: stance", title_fontsize=8, alignment="left", frameon=False,
                   columnspacing=0.8, handletextpad=0.3)
        style.add_source_line(fig, source_line)
        return fig
    # The two keys side by side, alike but for what they show and where.
    key = {"loc": "upper left", "ncols": 1, "fontsize": 8, "title_fontsize": 8.5, "alignment": "left", "framealpha": 0.95, "edgecolor": "#dddddd"}
    speaker_legend = ax.legend(handles=speaker_handles, bbox_to_anchor=(0.0, 1.0), title="Colour: speaker", **key)
    ax.add_artist(speaker_legend)
    ax.legend(handles=stance_handles, bbox_to_anchor=(0.27, 1.0), title="Shape: stance", **key)
    style.add_source_line(fig, source_line)
    return fig


@style.chart
def attestation_chart(matrix: pd.DataFrame, source_line: str):
    """Which sources carry each remark: one row per theme, one column per
    source, a filled square where the source carries a rendering.

    `matrix` has columns theme_label, source, outlet_type, carried (bool), in
    display order of themes and sources.
    """
    themes = list(dict.fromkeys(matrix["theme_label"]))
    sources = list(dict.fromkeys(matrix["source"]))
    kinds = dict(zip(matrix["source"], matrix["outlet_type"]))
    phone = style.on_phone()
    # A phone's drawing turns the grid: sources as rows, themes as upright columns.
    if phone:
        # Source names upright, themes wrapped narrow, the key in a row of its own.
        fig, (ax, key) = style.new_figure("Who carries each of Putin's remarks in Vladivostok", height_in=0.45 * len(themes) + 4.6,
                                          nrows=2, gridspec_kw={"height_ratios": [0.45 * len(themes) + 1.4, 1.5]})
        key.axis("off")
    else:
        fig, ax = style.new_figure("Who carries each of Putin's remarks in Vladivostok", height_in=0.5 * len(themes) + 2.6)
    for _, r in matrix.iterrows():
        x, yy = sources.index(r["source"]), len(themes) - 1 - themes.index(r["theme_label"])
        colour = style.colour_for(KIND_COLOURS, r["outlet_type"], "kind of source")
        if r["carried"]:
            ax.scatter([x], [yy], s=110 if phone else 260, marker="s", color=colour, edgecolors="#333333", linewidths=0.6)
        else:
            ax.scatter([x], [yy], s=30, marker="_", color="#999999")
    if phone:
        ax.set_xticks(range(len(sources)), sources, fontsize=8, rotation=90)
        ax.set_yticks(range(len(themes)), [wrap(t, 24) for t in reversed(themes)], fontsize=8, linespacing=1.0)
        ax.set_xlim(-0.6, len(sources) - 0.4)
        ax.set_ylim(-0.6, len(themes) - 0.4)
        ax.set_xlabel("Source carrying a rendering")
    else:
        # Slanted, so that nine sources' names do not run into each other.
        ax.set_xticks(range(len(sources)), [wrap(s, 24) for s in sources], fontsize=8.5,
                      rotation=45, ha="right", rotation_mode="anchor")
        ax.set_yticks(range(len(themes)), [wrap(t, 38) for t in reversed(themes)], fontsize=8.5)
        ax.set_xlim(-0.6, len(sources) - 0.4)
        ax.set_ylim(-0.6, len(themes) - 0.4)
        ax.set_xlabel("Source carrying a rendering of the remark")
        ax.set_ylabel("Theme of the remark")
    names = {
        "article-under-annotation": "The annotated article",
        "state-media": "Russian state media",
        "republisher": "Republisher of another outlet's copy",
        "news-outlet": "News outlet",
        "mirror": "Mirror of another outlet's page",
        "pro-kremlin-outlet": "Pro-Kremlin outlet",
    }
    present = [k for k in KIND_COLOURS if k in set(kinds.values())]
    handles = [Line2D([], [], linestyle="", marker="s", markersize=10, color=KIND_COLOURS[k], markeredgecolor="#333333", label=names[k]) for k in present]
    handles.append(Line2D([], [], linestyle="", marker="_", markersize=8, color="#999999", label="Not carried"))
    if phone:
        key.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.6, 1.0), fontsize=8, title="Kind of source", title_fontsize=8,
                   alignment="left", frameon=False)
    else:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="Kind of source", title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    return fig
