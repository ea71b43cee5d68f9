"""references.bib is generated from data/sources.csv, the one list of sources.

Run `python -m reassurance.bibliography` (make references) after editing
sources.csv; a test fails while the committed file differs.
"""

from __future__ import annotations

import sys

import pandas as pd

from .evidence import load_evidence
from .paths import project_root

HEADER = (
    "% Generated from data/sources.csv by `python -m reassurance.bibliography`.\n"
    "% Do not edit by hand: edit data/sources.csv and run `make references`.\n"
)


def _braced(text: str) -> str:
    # Braces are BibTeX syntax; sources.csv never needs them, so refuse rather than guess.
    if "{" in text or "}" in text:
        raise ValueError(f"braces are not allowed in bibliography text: {text!r}")
    return text


def entry(source: pd.Series) -> str:
    title = source["title"] if source["title"] != "unknown" else f"[{source['description']}]"
    dated = source["dated"]
    fields = {
        "author": "{" + _braced(source["publisher"]) + "}",
        "title": _braced(title),
        "year": "n.d." if pd.isna(dated) else str(dated.year),
        "howpublished": _braced(source["locator"]),
    }
    if not pd.isna(dated):
        fields["date"] = dated.strftime("%Y-%m-%d")
    notes = []
    if source["via"] not in ("none", "unknown"):
        notes.append(f"Via {source['via']}")
    notes.append(f"Checked {source['checked']}")
    fields["note"] = _braced(". ".join(notes))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{source['source_key']},\n{body}\n}}\n"


def render(sources: pd.DataFrame) -> str:
    ordered = sources.sort_values("source_key")
    return HEADER + "\n" + "\n".join(entry(row) for _, row in ordered.iterrows())


def main() -> int:
    root = project_root()
    text = render(load_evidence().sources)
    (root / "references.bib").write_text(text, encoding="utf-8")
    print(f"wrote {root / 'references.bib'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
