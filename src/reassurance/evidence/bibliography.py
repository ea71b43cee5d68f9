"""references.bib is generated from data/sources.csv, the one list of sources.

Run `python -m reassurance.evidence.bibliography` (make references) after editing
sources.csv; a test fails while the committed file differs.
"""

from __future__ import annotations

import re
import sys

import pandas as pd

from reassurance.evidence.load import load_evidence
from reassurance.evidence.sources import credited_name
from reassurance.paths import project_root

HEADER = (
    "% Generated from data/sources.csv by `python -m reassurance.evidence.bibliography`.\n"
    "% Do not edit by hand: edit data/sources.csv and run `make references`.\n"
)


def _braced(text: str) -> str:
    # Braces are BibTeX syntax; sources.csv never needs them, so refuse rather than guess.
    if "{" in text or "}" in text:
        raise ValueError(f"braces are not allowed in bibliography text: {text!r}")
    # '%' starts a comment in BibTeX and unbalances the entry's braces.
    if "%" in text:
        raise ValueError(f"'%' is not allowed in bibliography text (BibTeX reads it as a comment): {text!r}")
    return text


# The columns of sources.csv that references.bib carries (description stands
# in for an unknown title).
BIB_COLUMNS = ("source_key", "publisher", "title", "description", "locator", "via", "checked")


def problems(sources: pd.DataFrame) -> list[tuple[int, str, str, str]]:
    """(row index, column, value, what is wrong) for every cell that
    references.bib cannot carry: the rule `make validate` runs
    (reassurance.evidence.rules), so `make references` never meets it."""
    found = []
    for index, row in enumerate(sources.to_dict("records")):
        for column in BIB_COLUMNS:
            value = row.get(column)
            if isinstance(value, str) and ("{" in value or "}" in value):
                found.append((index, column, value, "braces are BibTeX syntax and cannot be written to references.bib; remove them"))
    return found


def _protected(text: str) -> str:
    """Text the bibliography style must print as written (no change of case)."""
    return "{" + _braced(text) + "}"


_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(/|\s|$)")


def locator_text(locator: str) -> str:
    """The locator as the references list shows it: a page's host and path,
    introduced as such ('Web page: tass.com/politics/2012993'), or the
    locator as written when it is not an address (the article is held as
    wire copy)."""
    return f"Web page: {locator}" if _HOST.match(locator) else locator


# A full address: host and path, with no space, bracket or ellipsis (a
# locator such as 'gov.uk (mirrored at wired-gov.net)' or one cut with '…'
# names a page without giving its address). '%' starts a comment in BibTeX,
# so a percent-encoded path must be written decoded in sources.csv.
_ADDRESS = re.compile(r"^[\w-]+(\.[\w-]+)+/[^\s()…%]*$")


def url(locator: str) -> str | None:
    """The page's full https address, where the locator gives host and path.
    The references page renders it as a link; a link loads nothing until a
    reader follows it, so the book still makes no third-party request."""
    return f"https://{locator}" if _ADDRESS.match(locator) else None


def _year(source: pd.Series) -> str:
    dated = source["dated"]
    return "n.d." if pd.isna(dated) else str(dated.year)


def _title(source: pd.Series) -> str:
    return source["title"] if source["title"] != "unknown" else f"[{source['description']}]"


# The bibliography style (pybtex's plain) ends the title with a period unless the
# title already ends with '.', '?' or '!' (pybtex.textutils.is_terminated). A
# title that ends with an ellipsis character would get a stray period ('….'), so
# its ellipsis is written as three full stops, which the style counts as an end.
_ELLIPSIS = "\u2026"


def bib_title(text: str) -> str:
    """The title as written into references.bib: a final ellipsis character
    becomes '...', so that the style adds no period after it."""
    stripped = text.rstrip()
    return stripped[: -len(_ELLIPSIS)] + "..." if stripped.endswith(_ELLIPSIS) else text


def _letters(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa' (as author-date styles continue)."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def years(sources: pd.DataFrame) -> dict[str, str]:
    """The year each entry shows, with a letter where one author (the credited
    name: see reassurance.evidence.sources.credited_name) has several
    sources in one year ('2025a', '2025b'), so that every author-year citation
    names one source. Letters follow the date, then the title, then the key,
    the order in which the references list sorts them."""
    frame = pd.DataFrame(
        [(r["source_key"], r["dated"], _year(r), _title(r), credited_name(r)) for _, r in sources.iterrows()],
        columns=["source_key", "dated", "_year", "_title", "_author"],
    )
    # One sort, then each row's place within its author-year: the same order
    # as sorting each group apart, without a sort per group.
    ordered = frame.sort_values(["_author", "_year", "dated", "_title", "source_key"], na_position="last")
    groups = ordered.groupby(["_author", "_year"], sort=False)
    places, sizes = groups.cumcount(), groups["source_key"].transform("size")
    return {
        key: year + (_letters(place) if size > 1 else "")
        for key, year, place, size in zip(ordered["source_key"], ordered["_year"], places, sizes, strict=True)
    }


def entry(source: pd.Series, year: str | None = None) -> str:
    dated = source["dated"]
    fields = {
        # The agency first where a republisher carries its copy ('AFP, via Voz'),
        # so the in-text citation and the reference list name whose words they are.
        "author": _protected(credited_name(source)),
        "title": _protected(bib_title(_title(source))),
        "year": year or _year(source),
        "howpublished": _protected(locator_text(source["locator"])),
    }
    address = url(source["locator"])
    if address:
        fields["url"] = _braced(address)
    if not pd.isna(dated):
        fields["date"] = dated.strftime("%Y-%m-%d")
    notes = []
    if source["outlet_type"] == "mirror":
        # Readers must see that the cited page is a copy, and of whose page.
        notes.append(f"Mirror of a page by {source['via']}" if source["via"] not in ("none", "unknown") else "Mirror of another site's page")
    elif source["via"] not in ("none", "unknown") and source["outlet_type"] != "republisher":
        # A republisher's agency is already named first in the author field.
        notes.append(f"Via {source['via']}")
    notes.append(f"Checked {source['checked']}")
    fields["note"] = _braced(". ".join(notes))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{source['source_key']},\n{body}\n}}\n"


def render(sources: pd.DataFrame) -> str:
    ordered = sources.sort_values("source_key")
    shown = years(sources)
    return HEADER + "\n" + "\n".join(entry(row, shown[row["source_key"]]) for _, row in ordered.iterrows())


def main() -> int:
    """`make references`: validated first (as `make validate`, without the
    check that references.bib is current, which this writes); invalid data
    leaves references.bib as it was."""
    from reassurance.evidence.load import EvidenceError

    root = project_root()
    try:
        evidence = load_evidence()
    except EvidenceError as exc:
        print(f"{exc}\nreferences.bib was not written.", file=sys.stderr)
        return 1
    text = render(evidence.sources)
    (root / "references.bib").write_text(text, encoding="utf-8")
    print(f"wrote {root / 'references.bib'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
