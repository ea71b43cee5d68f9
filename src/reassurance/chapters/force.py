"""What the force would be: its design, from the force_design table.

Each row of the table is one item that a source reports about the
multinational force (a task, a headquarters, a size, a cost, a legal step, a
condition), with the stored passage of that source that supports it. The
functions here check the rows, keep outside figures apart from governments'
pledges, and build the chapter's tables, its three-layer diagram data and the
numbers the prose shows.
"""

from __future__ import annotations

import pandas as pd

from reassurance.evidence import labels, sources
from reassurance.evidence.load import Evidence
from reassurance.evidence.sources import labels_by_key
from reassurance.text import short_date

# The diagram's layers, front to back: Ukraine's army faces the line of
# contact, the European-led force stands behind it, the United States last.
LAYERS = ["ukraine-army", "european-force", "us-backstop"]
LAYER_TITLES = {
    "ukraine-army": "Ukraine's army",
    "european-force": "European-led force",
    "us-backstop": "United States",
}
# In the diagram, the force's tasks in this domain order.
DOMAIN_ORDER = ["land", "air", "sea", "whole-force"]

# Outside figures (from analysts or unnamed officials) and governments' own
# words: the chapter never adds one to the other.
OUTSIDE_KINDS = ("estimate", "option")
NATIONAL_KINDS = ("pledge",)


def excerpt_problems(evidence: Evidence) -> list[str]:
    """Every row whose excerpt is not stored, is empty, or belongs to another source."""
    return sources.excerpt_problems(evidence.force_design, "item_id", evidence.excerpts)


def number_problems(design: pd.DataFrame) -> list[str]:
    """Rows whose numbers contradict each other or their unit."""
    problems = []
    for row in design.itertuples(index=False):
        low, high = row.number_low, row.number_high
        if pd.notna(high) and pd.isna(low):
            problems.append(f"{row.item_id}: an upper bound without a lower one")
        if pd.notna(low) and pd.notna(high) and high < low:
            problems.append(f"{row.item_id}: the range ends below its start")
        if pd.notna(low) and row.unit == "n/a":
            problems.append(f"{row.item_id}: a number without a unit")
        if pd.isna(low) and row.unit != "n/a":
            problems.append(f"{row.item_id}: a unit without a number")
        if (row.layer == "none") != (row.short == "n/a"):
            problems.append(f"{row.item_id}: a diagram label needs a layer, and a layer a label")
    return problems


def check(evidence: Evidence) -> None:
    """Raise ValueError naming every row that fails excerpt_problems or number_problems."""
    problems = excerpt_problems(evidence) + number_problems(evidence.force_design)
    if problems:
        raise ValueError("force design rows are inconsistent:\n" + "\n".join(problems))


def design(evidence: Evidence) -> pd.DataFrame:
    """The rows, checked, with reader labels and the source's short label."""
    check(evidence)
    sources = labels_by_key(evidence)
    frame = evidence.force_design.copy()
    return frame.assign(
        aspect_label=frame["aspect"].map(labels.FORCE_ASPECT),
        domain_label=frame["domain"].map(labels.FORCE_DOMAIN),
        kind_label=frame["kind"].map(labels.FORCE_KIND),
        source=frame["source_key"].map(sources),
    )


def row(design_frame: pd.DataFrame, item_id: str) -> pd.Series:
    """One item by its identifier (KeyError naming it if absent)."""
    hit = design_frame[design_frame["item_id"] == item_id]
    if len(hit) != 1:
        raise KeyError(item_id)
    return hit.iloc[0]


def troops_text(low, high) -> str:
    """'10,000' or '60,000–100,000' (an en dash between the bounds)."""
    if pd.isna(low):
        return "n/a"
    if pd.isna(high) or int(high) == int(low):
        return f"{int(low):,}"
    return f"{int(low):,}–{int(high):,}"


def pounds_text(n) -> str:
    """'£100m', '£1.5bn': pounds as the UK press writes them."""
    n = int(n)
    if n >= 1_000_000_000:
        value = n / 1_000_000_000
        return f"£{value:g}bn"
    if n >= 1_000_000:
        return f"£{n / 1_000_000:g}m"
    return f"£{n:,}"


def figure_text(item: pd.Series) -> str:
    """The item's number as the prose writes it: troops, people or pounds; 'n/a' without one."""
    if pd.isna(item["number_low"]):
        return "n/a"
    if item["unit"] == "pounds":
        text = pounds_text(item["number_low"])
        return text if pd.notna(item["number_high"]) else f"well over {text}"
    return troops_text(item["number_low"], item["number_high"])


def _date_cell(value) -> str:
    return "undated" if pd.isna(value) else short_date(value)


def _by_date(frame: pd.DataFrame) -> pd.DataFrame:
    """Dated items first, oldest first; undated ones after them, by identifier."""
    return frame.assign(_undated=frame["date"].isna()).sort_values(["_undated", "date", "item_id"]).drop(columns="_undated")


def reader_table(design_frame: pd.DataFrame, aspects, *, with_domain: bool = False) -> pd.DataFrame:
    """The items of `aspects` (one code or several), dated ones first, with labels, not codes."""
    wanted = [aspects] if isinstance(aspects, str) else list(aspects)
    rows = _by_date(design_frame[design_frame["aspect"].isin(wanted)])
    columns = {}
    if with_domain:
        columns["Domain"] = rows["domain_label"]
    columns.update(
        {
            "What the source reports (our words)": rows["item"],
            "Kind": rows["kind_label"],
            "Date": rows["date"].map(_date_cell),
            "Source": rows["source"],
        }
    )
    return pd.DataFrame(columns).reset_index(drop=True)


def size_table(design_frame: pd.DataFrame) -> pd.DataFrame:
    """Sizes of the force: outside options and estimates first (smallest
    first), then national pledges (oldest first), each with its kind and
    figure; Ukraine's own army is left to the diagram."""
    sizes = design_frame[(design_frame["aspect"] == "size") & (design_frame["layer"] != "ukraine-army")]
    sizes = sizes.assign(
        _order=sizes["kind"].map(lambda k: 0 if k in OUTSIDE_KINDS else 1 if k in NATIONAL_KINDS else 2),
        _number=sizes["number_low"].astype("Float64").where(sizes["kind"].isin(OUTSIDE_KINDS), 0).fillna(0),
        _undated=sizes["date"].isna(),
    ).sort_values(["_order", "_number", "_undated", "date", "item_id"])
    return pd.DataFrame(
        {
            "Kind": sizes["kind_label"],
            "Troops": [figure_text(r) if pd.notna(r["number_low"]) else "not given" for _, r in sizes.iterrows()],
            "What the source reports (our words)": sizes["item"],
            "Date": sizes["date"].map(_date_cell),
            "Source": sizes["source"],
        }
    ).reset_index(drop=True)


def iiss_options(design_frame: pd.DataFrame) -> pd.DataFrame:
    """The IISS's three options, smallest first."""
    options = design_frame[(design_frame["aspect"] == "size") & (design_frame["kind"] == "option")]
    return options.sort_values("number_low").reset_index(drop=True)


def layer_items(design_frame: pd.DataFrame) -> pd.DataFrame:
    """The diagram's data: one row per drawn item, layers front to back, the
    force's tasks in domain order, then by date (the diagram's CSV download)."""
    drawn = design_frame[design_frame["layer"].isin(LAYERS)]
    # Within a layer: by domain, then date; an item without a number before
    # those with one, and larger numbers first.
    drawn = drawn.assign(
        _layer=drawn["layer"].map({k: i for i, k in enumerate(LAYERS)}),
        _domain=drawn["domain"].map({k: i for i, k in enumerate(DOMAIN_ORDER)}),
        _number=-drawn["number_low"].astype("Float64").fillna(float("inf")),
    ).sort_values(["_layer", "_domain", "date", "_number", "item_id"])
    return pd.DataFrame(
        {
            "layer": drawn["layer"].map(LAYER_TITLES),
            "label": drawn["short"],
            "domain": drawn["domain_label"],
            "date": drawn["date"],
            "source": drawn["source"],
        }
    ).reset_index(drop=True)


def army_size_text(design_frame: pd.DataFrame) -> str:
    """Ukraine's post-war army as the reports give it: '800,000 or 700,000'."""
    army = design_frame[(design_frame["layer"] == "ukraine-army") & design_frame["number_low"].notna()]
    sizes = sorted({int(n) for n in army["number_low"]}, reverse=True)
    if not sizes:
        return "not given"
    return " or ".join(f"{n:,}" for n in sizes)


def counts(design_frame: pd.DataFrame) -> dict[str, int]:
    """How many items, sources, dated items and items per kind the chapter rests on."""
    result = {
        "items": len(design_frame),
        "sources": design_frame["source_key"].nunique(),
        "undated": int(design_frame["date"].isna().sum()),
    }
    for kind in labels.FORCE_KIND:
        result[kind] = int((design_frame["kind"] == kind).sum())
    return result
