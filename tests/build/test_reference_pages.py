"""Checks of the built reference pages (`make test` builds the book first)."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from reassurance.chapters import data_dictionary
from support import missing_from_page, parsed_page

# The site that tests/conftest.py builds once per run (make site-stored).
pytestmark = pytest.mark.usefixtures("built_site")

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("REASSURANCE_BUILD") or ROOT / "_build")
SITE = BUILD / "html"


def page(name: str) -> Path:
    path = SITE / "book" / f"{name}.html"
    if not path.is_file():
        pytest.fail(f"{path} is missing: build the book first (make test does)")
    return path


def soup(name: str) -> BeautifulSoup:
    return parsed_page(page(name))  # shared between tests: read, never changed


def test_the_built_dictionary_lists_every_table_and_column():
    descriptor = data_dictionary.load_descriptor(ROOT / "data" / "datapackage.json")
    assert missing_from_page(page("data-dictionary").read_text(encoding="utf-8"), descriptor) == []


def test_every_table_can_be_downloaded_from_the_dictionary():
    descriptor = data_dictionary.load_descriptor(ROOT / "data" / "datapackage.json")
    links = {}
    for a in soup("data-dictionary").find_all("a"):
        href = unquote(a.get("href") or "")
        if href.endswith(".csv"):
            links[Path(href).name] = (page("data-dictionary").parent / href).resolve()
    for resource in data_dictionary.resources(descriptor):
        target = links.get(Path(resource["path"]).name)
        assert target is not None, f"no download link for {resource['path']}"
        assert target.is_file(), f"{target} does not exist"
        assert target.read_bytes() == (ROOT / "data" / resource["path"]).read_bytes()


def test_the_annotated_article_lists_every_claim_under_its_paragraph():
    html = soup("article-annotated")
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        table = html.find("table", id=f"claims-paragraph-{int(row['paragraph'])}")
        assert table is not None, f"no table for paragraph {row['paragraph']}"
        first_cells = {tr.find("td").get_text(strip=True) for tr in table.find("tbody").find_all("tr")}
        assert row["claim_id"] in first_cells, row["claim_id"]


def test_the_summit_chapter_links_to_the_glossary():
    html = BeautifulSoup((SITE / "book" / "summit.html").read_text(encoding="utf-8"), "html.parser")
    targets = {a["href"] for a in html.find_all("a", href=True) if a["href"].startswith("glossary.html#term-")}
    assert len(targets) >= 3, targets
    glossary = soup("glossary")
    for href in targets:
        assert glossary.find(id=href.split("#", 1)[1]) is not None, href


REFERENCE_PAGES = ("references", "references-n-z")


def test_every_reference_with_a_full_address_links_to_it():
    from reassurance.evidence.bibliography import url

    with open(ROOT / "data" / "sources.csv", newline="", encoding="utf-8") as f:
        addresses = {row["source_key"]: url(row["locator"]) for row in csv.DictReader(f)}
    # The references are split in two pages by the outlet's first letter (a phone's load time).
    pages = [soup(name) for name in REFERENCE_PAGES]
    links = {a["href"] for page in pages for a in page.find_all("a", href=True)}
    wanted = {key: address for key, address in addresses.items() if address}
    assert wanted, "no source has a full address"
    assert [key for key, address in wanted.items() if address not in links] == []
    # Every source is listed once, on one of the two pages.
    entries = [len(page.find_all(class_="citation")) for page in pages]
    assert all(entries) and sum(entries) == len(addresses), entries


def test_every_quotation_on_the_built_pages_is_a_stored_excerpt():
    # The pages as readers get them, glued values and notebook output included.
    import re

    from reassurance.evidence.verbatim import occurs_in

    # The build's smart quotes turn three full stops into an ellipsis character.
    def plain(text: str) -> str:
        return text.replace("…", "...")

    # A passage in another language may be quoted in its stored English translation.
    with open(ROOT / "data" / "excerpts.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    excerpts = [plain(row["excerpt"]) for row in rows] + [plain(r["translation"]) for r in rows if r["translation"] != "n/a"]
    quoted = re.compile(r"[\"“]([^\"“”]+)[\"”]")
    wrong = []
    for html in sorted([SITE / "index.html", *(SITE / "book").glob("*.html")]):
        body = parsed_page(html).find("main")
        assert body is not None, f"{html.name} has no <main>: its quotations would go unchecked"
        # Paragraphs, list items and table cells (a quotation never runs across cells).
        for block in body.find_all(["p", "li", "td"]):
            if block.find(["p", "li"]) or block.find_parent("figure") or block.find_parent(class_="citation"):
                continue
            for quote in quoted.findall(block.get_text(" ")):
                if not any(occurs_in(plain(quote), e) for e in excerpts):
                    wrong.append(f"{html.name}: {quote!r}")
    assert not wrong, "\n".join(sorted(set(wrong)))
