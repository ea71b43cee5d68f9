"""references.bib is the generated image of data/sources.csv."""

import re

from reassurance.evidence.bibliography import render


def test_references_bib_is_generated_from_sources_csv(root, evidence):
    committed = (root / "references.bib").read_text(encoding="utf-8")
    assert committed == render(evidence.sources), "references.bib is stale: run `make references`"


def test_every_source_key_has_one_bibliography_entry(root, evidence):
    bib_keys = re.findall(r"^@misc\{([^,]+),", (root / "references.bib").read_text(encoding="utf-8"), re.M)
    assert sorted(bib_keys) == sorted(evidence.sources["source_key"])


def test_an_undated_source_is_marked_nd(evidence):
    undated = evidence.sources[evidence.sources["dated"].isna()].iloc[0]
    assert "year = {n.d.}" in render(undated.to_frame().T)


def _sources(rows):
    import pandas as pd

    base = {"title": "unknown", "description": "A report", "locator": "example.org/x", "via": "none", "checked": "2026-11", "outlet_type": "news-outlet"}
    return pd.DataFrame(
        [{**base, "source_key": k, "publisher": p, "dated": pd.Timestamp(d) if d else pd.NaT, **extra} for k, p, d, extra in rows]
    )


def test_one_publisher_in_one_year_gets_lettered_years_in_date_order():
    from reassurance.evidence.bibliography import years

    sources = _sources(
        [
            ("late", "TASS", "2025-09-05", {}),
            ("early", "TASS", "2025-08-20", {}),
            ("other", "Voz", "2025-09-04", {}),
            ("older", "TASS", "2024-01-01", {}),
        ]
    )
    assert years(sources) == {"early": "2025a", "late": "2025b", "other": "2025", "older": "2024"}


def test_every_author_year_citation_in_the_bibliography_is_unique(evidence):
    text = render(evidence.sources)
    pairs = re.findall(r"author = \{\{(.*?)\}\},\n  title = .*?\n  year = \{(.*?)\}", text)
    assert len(pairs) == len(evidence.sources)
    assert len(set(pairs)) == len(pairs)


def test_titles_and_authors_keep_their_case():
    sources = _sources([("a", "NATO Watch", "2025-09-05", {"title": "Zelenskyy and Macron meet"}), ("b", "X", None, {})])
    text = render(sources)
    assert "title = {{Zelenskyy and Macron meet}}" in text
    assert "author = {{NATO Watch}}" in text
    assert "title = {{[A report]}}" in text


def test_the_committed_bibliography_protects_every_title(root):
    text = (root / "references.bib").read_text(encoding="utf-8")
    titles = re.findall(r"^  title = (.*),$", text, re.M)
    assert titles and all(t.startswith("{{") and t.endswith("}}") for t in titles)


def test_a_page_address_is_shown_as_text_and_other_locators_as_written():
    from reassurance.evidence.bibliography import locator_text

    assert locator_text("tass.com/politics/2012993") == "Web page: tass.com/politics/2012993"
    assert locator_text("gov.uk (mirrored at wired-gov.net)") == "Web page: gov.uk (mirrored at wired-gov.net)"
    assert locator_text("held by the project as wire copy; not redistributed") == (
        "held by the project as wire copy; not redistributed"
    )


def _formatted(text: str, style_name: str | None = None, every: int = 1) -> list[str]:
    """The entries of a .bib text (every `every`-th) as the book's style
    (reassurance.sphinxext.citations: pybtex plain, each entry formatted once),
    or pybtex's `style_name`, prints them."""
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    from reassurance.sphinxext.citations import Style

    style = Style() if style_name is None else find_plugin("pybtex.style.formatting", style_name)()
    # One backend for every entry: render_as("text") looks it up among the
    # installed packages' entry points once per entry (6 s for this book).
    plain_text = find_plugin("pybtex.backends", "text")()
    entries = list(parse_string(text, "bibtex").entries.values())[::every]
    return [e.text.render(plain_text) for e in style.format_entries(entries)]


def test_the_books_style_prints_references_as_pybtex_plain_does_formatting_each_once(root):
    from pybtex.database import parse_string

    from reassurance.sphinxext.citations import Style

    text = (root / "references.bib").read_text(encoding="utf-8")
    # A sample of every kind of entry the book has (the style adds a cache, nothing else).
    assert _formatted(text, every=7) == _formatted(text, "plain", every=7)
    entry = next(iter(parse_string(text, "bibtex").entries.values()))
    style = Style()
    # The tooltip's call (sphinxcontrib-bibtex) gets the reference list's result.
    assert style.format_entry("a", entry) is style.format_entry("a", entry)
    assert style.format_entry("b", entry) is not style.format_entry("a", entry)


def test_a_title_ending_in_punctuation_gets_no_second_stop():
    from reassurance.evidence.bibliography import bib_title

    sources = _sources(
        [
            ("a", "LIGA.net", "2025-08-01", {"title": "Swedish prime minister explains\u2026"}),
            ("b", "Other", "2025-08-01", {"title": "Who will send troops?"}),
            ("c", "Third", "2025-08-01", {"title": "A plain headline"}),
        ]
    )
    printed = " ".join(_formatted(render(sources)))
    assert "explains\u2026." not in printed and "explains..." in printed
    assert "troops?." not in printed and "troops?" in printed
    assert "A plain headline." in printed
    assert bib_title("Mid\u2026 title") == "Mid\u2026 title"


def test_no_generated_reference_has_doubled_punctuation(evidence):
    for line in _formatted(render(evidence.sources)):
        assert not re.search(r"[\u2026?!]\.", line), line


def test_a_full_page_address_becomes_a_link_and_a_partial_one_does_not():
    from reassurance.evidence.bibliography import url

    assert url("tass.com/politics/2012993") == "https://tass.com/politics/2012993"
    assert url("gov.uk (mirrored at wired-gov.net)") is None
    assert url("sputnikglobe.com/20250904/…1122722899.html") is None
    assert url("overviewpress.com") is None
    assert url("held by the project as wire copy; not redistributed") is None


def test_every_entry_with_a_full_address_carries_its_url(evidence):
    from reassurance.evidence.bibliography import url

    text = render(evidence.sources)
    for source in evidence.sources.itertuples():
        address = url(source.locator)
        entry = re.search(rf"^@misc\{{{re.escape(source.source_key)},\n(.*?)\n\}}", text, re.M | re.S).group(1)
        assert (f"url = {{{address}}}" in entry) if address else ("url = " not in entry), source.source_key


def test_a_mirror_says_whose_page_it_copies():
    sources = _sources([("m", "Some Scraper", "2025-09-05", {"outlet_type": "mirror", "via": "Newsweek"})])
    assert "Mirror of a page by Newsweek" in render(sources)


def test_every_source_key_used_in_the_data_is_in_the_references(root, evidence):
    bib_keys = set(re.findall(r"^@misc\{([^,]+),", (root / "references.bib").read_text(encoding="utf-8"), re.M))
    used = set()
    for table in evidence.tables.values():
        for column in table.columns:
            if column.endswith("source_key"):
                used |= set(table[column].dropna()) - {"n/a", "unknown"}
    assert used and used <= bib_keys, sorted(used - bib_keys)


def _source_references(descriptor: dict) -> list[tuple[str, str]]:
    """(table, column) of every foreign key that names a source, read from the
    Data Package, so a new table or column is covered without changing the test."""
    found = []
    for resource in descriptor["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            fields = [key["fields"]] if isinstance(key["fields"], str) else key["fields"]
            if key["reference"]["resource"] == "sources":
                found += [(resource["name"], field) for field in fields]
    return found


def test_every_column_that_names_a_source_is_a_foreign_key_to_the_sources():
    import json

    from support import ROOT

    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    declared = set(_source_references(descriptor))
    named = {
        (resource["name"], field["name"])
        for resource in descriptor["resources"]
        if resource["name"] != "sources"
        for field in resource["schema"]["fields"]
        if field["name"] == "source" or field["name"].endswith("source_key")
    }
    assert named - declared == set(), "columns naming a source without a foreign key to sources.source_key"


def keys_missing_from_the_references(root) -> tuple[int, list[str]]:
    """Every value of every column that names a source (missing values aside),
    looked up in references.bib: (how many were checked, those not found)."""
    import csv
    import json

    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    bib_keys = set(re.findall(r"^@misc\{([^,]+),", (root / "references.bib").read_text(encoding="utf-8"), re.M))
    resources = {r["name"]: r for r in descriptor["resources"]}
    checked, missing = 0, []
    for table, column in _source_references(descriptor):
        resource = resources[table]
        field = next(f for f in resource["schema"]["fields"] if f["name"] == column)
        absent = set(field.get("missingValues", resource["schema"].get("missingValues", [""])))
        with open(root / "data" / resource["path"], newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if row[column] in absent:
                    continue
                checked += 1
                if row[column] not in bib_keys:
                    missing.append(f"{resource['path']} row {number}, {column}: {row[column]!r}")
    return checked, missing


def test_no_data_row_cites_a_key_missing_from_the_references(root):
    checked, missing = keys_missing_from_the_references(root)
    assert checked > 300, f"only {checked} source references found: is the Data Package read correctly?"
    assert not missing, "keys missing from references.bib:\n" + "\n".join(missing)


def test_a_key_missing_from_the_references_is_caught(data_copy, root):
    import shutil

    shutil.copy(root / "references.bib", data_copy.folder.parent / "references.bib")
    data_copy.set_cell("us_expectations", 2, "us_source_key", "no-such-key")
    assert keys_missing_from_the_references(data_copy.folder.parent)[1] == [
        "us_expectations.csv row 2, us_source_key: 'no-such-key'"
    ]


def test_every_source_with_a_full_address_has_a_url_in_references_bib(root, evidence):
    """The references page links every entry whose page address is known (the
    built page is checked in tests/build); here, the generated file itself."""
    from reassurance.evidence.bibliography import url

    text = (root / "references.bib").read_text(encoding="utf-8")
    entries = dict(re.findall(r"^@misc\{([^,]+),\n(.*?)\n\}", text, re.M | re.S))
    wanted = {k: url(loc) for k, loc in zip(evidence.sources["source_key"], evidence.sources["locator"]) if url(loc)}
    assert len(wanted) > 50
    assert [k for k, address in wanted.items() if f"url = {{{address}}}" not in entries[k]] == []


def test_a_percent_sign_is_refused_rather_than_breaking_the_bibliography():
    import pytest

    sources = _sources([("p", "Polskie Radio", "2025-09-01", {"title": "Poland tops at 4.48% of GDP"})])
    with pytest.raises(ValueError, match="comment"):
        render(sources)
