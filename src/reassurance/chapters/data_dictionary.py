"""The data dictionary, generated from data/datapackage.json at build time.

Everything the dictionary page shows is read from the Data Package's
descriptor and the CSV files themselves: the tables, their columns, types,
constraints, keys and row counts. A table or column added to the descriptor
appears on the page at the next execution, and nothing on the page can say
something the descriptor does not.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from reassurance.evidence import codebook, labels
from reassurance.paths import datapackage_path
from reassurance.text import markdown_text

# Where the dictionary page (book/data-dictionary.ipynb) finds data/ for its download links.
DATA_LINK_PREFIX = "../data/"

_TYPES = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "date": "date (YYYY-MM-DD)",
    "boolean": "true or false",
    "year": "year",
}


def load_descriptor(path: Path | str | None = None) -> dict:
    """The Data Package descriptor as a dict."""
    path = Path(path) if path is not None else datapackage_path()
    return json.loads(path.read_text(encoding="utf-8"))


def resources(descriptor: dict) -> list[dict]:
    """The tabular resources, in the descriptor's order."""
    return [r for r in descriptor["resources"] if "schema" in r]


def row_count(csv_path: Path | str) -> int:
    """Data rows of a CSV file (the header is not counted; quoted line breaks are one row)."""
    with Path(csv_path).open(encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def primary_key(resource: dict) -> str:
    key = _as_list(resource["schema"].get("primaryKey"))
    return ", ".join(key) if key else "none"


def foreign_keys(resource: dict) -> list[str]:
    """'column → table.column' for each foreign key, in the descriptor's order."""
    result = []
    for fk in resource["schema"].get("foreignKeys", []):
        fields = _as_list(fk["fields"])
        target = fk["reference"]
        target_fields = _as_list(target["fields"])
        table = target.get("resource") or resource["name"]
        result.append(f"{', '.join(fields)} → {table}.{', '.join(target_fields)}")
    return result


def missing_tokens(resource: dict, field: dict) -> list[str]:
    """The words a column accepts for 'no value' ('unknown', 'n/a'), excluding the empty string."""
    tokens = field.get("missingValues", resource["schema"].get("missingValues", [""]))
    return [t for t in tokens if t != ""]


def is_required(field: dict) -> bool:
    return bool(field.get("constraints", {}).get("required", False))


def allowed_values(field: dict) -> str:
    """What a cell may hold, in words: the allowed codes, a pattern, a minimum length."""
    constraints = field.get("constraints", {})
    parts = []
    if "enum" in constraints:
        parts.append("one of: " + ", ".join(str(v) for v in constraints["enum"]))
    if "pattern" in constraints:
        parts.append(f"matches {constraints['pattern']}")
    for name, words in (("minimum", "at least"), ("maximum", "at most")):
        if name in constraints:
            parts.append(f"{words} {constraints[name]}")
    if constraints.get("unique"):
        parts.append("unique")
    if not parts:
        parts.append("any non-empty value" if constraints.get("minLength") else "any value of its type")
    if "maxLength" in constraints and "enum" not in constraints:
        parts.append(f"at most {constraints['maxLength']:,} characters")
    return "; ".join(parts)


def type_text(field: dict) -> str:
    return _TYPES.get(field.get("type", "string"), field.get("type", "string"))


def columns_table(resource: dict) -> pd.DataFrame:
    """One row per column of a table, in the file's order."""
    rows = []
    for field in resource["schema"]["fields"]:
        tokens = missing_tokens(resource, field)
        required = is_required(field)
        blank = f"may say {' or '.join(tokens)}" if tokens else "never empty" if required else "may be empty"
        rows.append(
            {
                "Column": field["name"],
                "Type": type_text(field),
                "Required": "yes" if required else "no",
                "Allowed values": allowed_values(field),
                "When there is no value": blank,
                "Description": field.get("description", "no description"),
            }
        )
    return pd.DataFrame(rows, columns=["Column", "Type", "Required", "Allowed values", "When there is no value", "Description"])


def tables_overview(descriptor: dict, data_dir: Path | str) -> pd.DataFrame:
    """One row per table: its file, title, row and column counts, primary key."""
    data_dir = Path(data_dir)
    rows = [
        {
            "Table": r["name"],
            "File": r["path"],
            "Title": r.get("title", r["name"]),
            "Rows": row_count(data_dir / r["path"]),
            "Columns": len(r["schema"]["fields"]),
            "Primary key": primary_key(r),
        }
        for r in resources(descriptor)
    ]
    return pd.DataFrame(rows, columns=["Table", "File", "Title", "Rows", "Columns", "Primary key"])


def table_markdown(resource: dict, rows: int, *, link_prefix: str = DATA_LINK_PREFIX) -> str:
    """MyST Markdown introducing one table: heading, description, keys and a download link.

    The title and description are the descriptor's text, escaped: they show
    as written and never become HTML, a role or a directive."""
    fks = foreign_keys(resource)
    links = "; ".join(f"`{fk}`" for fk in fks) if fks else "none"
    lines = [
        f"### `{resource['name']}`: {markdown_text(resource.get('title', resource['name']))}",
        "",
        markdown_text(resource.get("description", "")),
        "",
        f"- **File:** {{download}}`{resource['path']} <{link_prefix}{resource['path']}>` "
        f"({rows:,} rows, {len(resource['schema']['fields'])} columns)",
        f"- **Primary key:** `{primary_key(resource)}`",
        f"- **Foreign keys:** {links}",
        "",
    ]
    return "\n".join(lines)


def codes_table(descriptor: dict) -> pd.DataFrame:
    """Every coded column's allowed values, with the reader's label and the definition.

    Coded columns are those with an enum in the descriptor that have labels
    (labels.BY_FIELD) or definitions (codebook.BY_FIELD); codes are listed in
    the descriptor's order.
    """
    rows = []
    for resource in resources(descriptor):
        for field in resource["schema"]["fields"]:
            key = (resource["name"], field["name"])
            enum = field.get("constraints", {}).get("enum")
            if not enum or (key not in labels.BY_FIELD and key not in codebook.BY_FIELD):
                continue
            names = labels.BY_FIELD.get(key, {})
            meanings = codebook.BY_FIELD.get(key, {})
            for code in enum:
                rows.append(
                    {
                        "Column": f"{resource['name']}.{field['name']}",
                        "Code": code,
                        "Label": names.get(code) or code,
                        # Without a definition of its own, a code reads with its column's description.
                        "Definition": meanings.get(code) or field.get("description", ""),
                    }
                )
    return pd.DataFrame(rows, columns=["Column", "Code", "Label", "Definition"])


def table_id(resource_name: str) -> str:
    """HTML id of a table's column listing on the dictionary page."""
    return f"columns-{resource_name}"
