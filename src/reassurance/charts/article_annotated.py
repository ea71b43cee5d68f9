"""Charts of the annotated article (appendix)."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch

from reassurance import style
from reassurance.charts.common import STATUS_COLOURS, wrap
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


def status_by_topic_chart(table: pd.DataFrame, source_line: str):
    """One stacked bar per topic, one segment per verification status.

    `table` is claims.status_by_topic(...): topic, topic_label, status,
    status_label, claims.
    """
    topics = list(dict.fromkeys(table["topic"]))[::-1]  # matplotlib draws bottom-up
    topic_labels = table.drop_duplicates("topic").set_index("topic")["topic_label"]
    wide = table.pivot(index="topic", columns="status", values="claims").reindex(index=topics, columns=list(labels.STATUS), fill_value=0)
    fig, ax = style.new_figure(topic_headline(table), height_in=0.55 * len(topics) + 2.1)
    left = pd.Series(0, index=wide.index)
    for status in wide.columns:
        values = wide[status]
        ax.barh(
            range(len(topics)),
            values,
            left=left,
            color=STATUS_COLOURS[status],
            hatch=STATUS_HATCHES[status],
            edgecolor="#333333",
            linewidth=0.6,
        )
        for i, (start, n) in enumerate(zip(left, values)):
            if n > 0:
                ax.text(start + n / 2, i, str(int(n)), ha="center", va="center", fontsize=8.5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        left = left + values
    for i, total in enumerate(left):
        ax.text(total + 0.2, i, f"{int(total)} in all", va="center", fontsize=8.5)
    ax.set_yticks(range(len(topics)), [wrap(topic_labels[t], 22) for t in topics])
    ax.set_xlim(0, max(int(left.max()), 1) * 1.18 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Claims in the article")
    ax.set_ylabel("Topic of the claim")
    handles = [
        Patch(facecolor=STATUS_COLOURS[s], hatch=STATUS_HATCHES[s], edgecolor="#333333", label=labels.STATUS[s])
        for s in labels.STATUS
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8.5, title="Verification status", title_fontsize=8.5)
    style.add_source_line(fig, source_line)
    return fig
