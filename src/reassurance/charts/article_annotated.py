"""Charts of the annotated article (appendix)."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch

from reassurance import style
from reassurance.charts.common import BAR_HEIGHT, ROW_UNIT_IN, STATUS_COLOURS, labels_above_bars, rows_with_labels_above, wrap
from reassurance.evidence import labels

# Hatching repeats what colour says, for readers (and printers) without colour.
STATUS_HATCHES = {
    "confirmed": "",
    "confirmed-with-nuance": "//",
    "disputed": "xx",
    "inconsistent": "\\\\",
    "unverified": "..",
}


def topic_headline(table: pd.DataFrame) -> str:
    """The chart's finding: '35 of 41 claims confirmed, 17 of them with a nuance'."""
    by_status = table.groupby("status")["claims"].sum()
    total = int(by_status.sum())
    nuance = int(by_status.get("confirmed-with-nuance", 0))
    confirmed = int(by_status.get("confirmed", 0)) + nuance
    if total == 0:
        return "The article makes no checkable claims"
    return f"{confirmed} of {total} claims confirmed, {nuance} of them with a nuance"


@style.chart
def status_by_topic_chart(table: pd.DataFrame, source_line: str):
    """One stacked bar per topic, one segment per verification status.

    `table` is claims.status_by_topic(...): topic, topic_label, status,
    status_label, claims.
    """
    topics = list(dict.fromkeys(table["topic"]))[::-1]  # matplotlib draws bottom-up
    topic_labels = table.drop_duplicates("topic").set_index("topic")["topic_label"]
    wide = table.pivot(index="topic", columns="status", values="claims").reindex(index=topics, columns=list(labels.STATUS), fill_value=0)
    phone = style.on_phone()
    if phone:
        # Topics above their bars; the key below the axes.
        wrapped, ys, units = rows_with_labels_above([topic_labels[t] for t in topics][::-1], chars=50)
        ys = ys[::-1]
        fig, ax = style.new_figure(topic_headline(table), height_in=units * ROW_UNIT_IN + 3.0)
    else:
        ys = list(range(len(topics)))
        fig, ax = style.new_figure(topic_headline(table), height_in=0.55 * len(topics) + 2.1)
    left = pd.Series(0, index=wide.index)
    for status in wide.columns:
        values = wide[status]
        ax.barh(
            ys,
            values,
            left=left,
            color=STATUS_COLOURS[status],
            hatch=STATUS_HATCHES[status],
            edgecolor="#333333",
            linewidth=0.6,
            **({"height": BAR_HEIGHT} if phone else {}),
        )
        for i, (start, n) in zip(ys, zip(left, values)):
            if n > 0:
                ax.text(start + n / 2, i, str(int(n)), ha="center", va="center", fontsize=8.5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        left = left + values
    for i, total in zip(ys, left):
        ax.text(total + 0.2, i, f"{int(total)} in all", va="center", fontsize=8.5)
    if phone:
        labels_above_bars(ax, wrapped[::-1], ys, units)
    else:
        ax.set_yticks(ys, [wrap(topic_labels[t], 22) for t in topics])
    ax.set_xlim(0, max(int(left.max()), 1) * 1.18 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Claims in the article")
    if not phone:
        ax.set_ylabel("Topic of the claim")
    handles = [
        Patch(facecolor=STATUS_COLOURS[s], hatch=STATUS_HATCHES[s], edgecolor="#333333", label=labels.STATUS[s])
        for s in labels.STATUS
    ]
    if phone:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), borderaxespad=3.2, fontsize=8,
                  title="Verification status", title_fontsize=8, alignment="left")
    else:
        ax.legend(handles=handles, loc="lower right", fontsize=8.5, title="Verification status", title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    return fig
