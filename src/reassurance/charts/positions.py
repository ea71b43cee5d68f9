"""Charts of the positions chapter: the actor-by-issue matrix."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch, Rectangle

from reassurance import style
from reassurance.charts.common import wrap
from reassurance.evidence import labels
from reassurance.text import date_text

# Defined once for the book (style.py): a position shares its colour with the
# commitment chapter's stance of the same meaning (undecided is orange in both).
# Unknown is a pale grey with hatching, so it never reads as a position.
POSITION_COLOURS = style.POSITION_COLOURS
# The symbol printed in each cell, so that colour is never the only cue.
POSITION_SYMBOLS = {
    "supports": "✓",
    "accepts": "○",
    "limited": "◐",
    "conditional": "◇",
    "undecided": "…",
    "opposes": "✗",
    "unknown": "?",
}
ARTICLE_ONLY_MARK = "†"


def cell_text(position: str, evidence: str) -> str:
    """What a cell says: symbol, label, and a dagger where only the article supports it."""
    mark = ARTICLE_ONLY_MARK if evidence == "article-only" else ""
    return f"{POSITION_SYMBOLS[position]} {labels.POSITION[position]}{mark}"


@style.chart
def matrix_chart(cells: pd.DataFrame, source_line: str):
    """One row per actor, one column per issue, the best-documented issues
    first. A documented cell is coloured and labelled with its position; a
    cell no source addresses stays blank, so that a gap in the record never
    looks like a position, and a note under the matrix says what the gaps
    cover. Each column's header counts its documented positions."""
    from reassurance.chapters import positions

    summary = positions.issue_summary(cells)
    documented = summary.set_index("issue")["documented"]
    actors = list(dict.fromkeys(cells["actor"]))
    issues = positions.issues_by_coverage(summary)
    latest = cells["date"].max()
    phone = style.on_phone()
    # A phone's cells hold the symbol only, under headers turned upright; the key gives the words.
    height_in = 0.3 * len(actors) + 5.6 if phone else 0.5 * len(actors) + 3.7
    fig, ax = style.new_figure(wrap(positions.matrix_title(summary), 56), height_in=height_in)
    for x in range(len(issues) + 1):
        ax.axvline(x, color="#dddddd", linewidth=0.6, zorder=0)
    for y in range(len(actors) + 1):
        ax.axhline(y, color="#dddddd", linewidth=0.6, zorder=0)
    for row in cells[cells["position"] != "unknown"].itertuples(index=False):
        x, y = issues.index(row.issue), actors.index(row.actor)
        colour = POSITION_COLOURS[row.position]
        ax.add_patch(Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="white", linewidth=1.5))
        text = POSITION_SYMBOLS[row.position] + (ARTICLE_ONLY_MARK if row.evidence == "article-only" else "") if phone else (
            wrap(cell_text(row.position, row.evidence), 11))
        ax.text(x + 0.5, y + 0.5, text, ha="center", va="center",
                fontsize=9 if phone else style.MIN_FONT_PT, color=style.text_colour_on(colour), fontweight="bold")
    ax.set_xlim(0, len(issues))
    ax.set_ylim(len(actors), 0)
    if phone:
        headers = [f"{wrap(labels.ISSUE[i], 22)} ({documented[i]} of {len(actors)})" for i in issues]
        ax.set_xticks([i + 0.5 for i in range(len(issues))], headers, fontsize=8, rotation=90, ha="center", va="bottom",
                      linespacing=1.0)
    else:
        headers = [f"{wrap(labels.ISSUE[i], 14)}\n({documented[i]} of {len(actors)})" for i in issues]
        ax.set_xticks([i + 0.5 for i in range(len(issues))], headers, fontsize=8)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_yticks([i + 0.5 for i in range(len(actors))], actors)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    xlabel = f"Issue (actors with a documented position; statements up to {date_text(latest)})"
    ax.set_xlabel(style.fill(xlabel, 48) if phone else xlabel)
    if not phone:
        ax.set_ylabel("Actor")
    present = [p for p in labels.POSITION if p in set(cells["position"]) and p != "unknown"]
    handles = [Patch(facecolor=POSITION_COLOURS[p], edgecolor="#999999", label=f"{POSITION_SYMBOLS[p]} {labels.POSITION[p]}") for p in present]
    if (cells["evidence"] == "article-only").any():
        handles.append(Patch(facecolor="white", edgecolor="white", label=f"{ARTICLE_ONLY_MARK} article only, unconfirmed"))
    key_title = "Position on the issue, not the actor's own contribution (colour, symbol and word)"
    if phone:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.4, -0.02), ncol=1, fontsize=8, alignment="left",
                  title=style.fill(key_title, 46), title_fontsize=8)
    else:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=4, fontsize=8,
                  title=key_title, title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    # The note on the gaps sits between the legend and the source line, in a
    # strip of its own kept free of the axes (as the source line's is).
    note = wrap(positions.gap_note(cells, summary), 54 if phone else 120)
    note_in = 0.17 * (note.count("\n") + 1) + 0.1
    source_in = style.SOURCE_STRIP_IN * (1 + style.fill(source_line, style.PHONE_SOURCE_CHARS).count("\n")) if phone else style.SOURCE_STRIP_IN
    strip = (source_in + note_in + 0.1 * phone) / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    fig.text(0.01, (source_in + 0.02) / fig.get_figheight(), note, ha="left", va="bottom",
             fontsize=8 if phone else 8.5,
             color="#333333", gid="gap-note")
    return fig
