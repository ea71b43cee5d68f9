"""Checks of the built HTML book (`make test` builds it before running pytest)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from support import parsed_page

# The site that tests/conftest.py builds once per run (make site-stored).
pytestmark = pytest.mark.usefixtures("built_site")

# The Makefile exports where it built the book; _build/html otherwise.
BUILD = Path(os.environ.get("REASSURANCE_BUILD") or Path(__file__).resolve().parents[2] / "_build")
SITE = BUILD / "html"


def toc_pages() -> list[str]:
    """Every page the table of contents lists, as built HTML paths (the root page is index.html)."""
    toc = yaml.safe_load((Path(__file__).resolve().parents[2] / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["root"] == "index", "the front page is the site's index.html, with no redirect page"
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{f}.html" for f in files]


CHAPTERS = toc_pages()


def pages() -> list[Path]:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE / 'index.html'} is missing: build the book first (make test does)")
    skip = {"search.html", "genindex.html"}
    return sorted(p for p in SITE.rglob("*.html") if p.name not in skip and "_static" not in p.parts)


def soup(page: Path) -> BeautifulSoup:
    return parsed_page(page)  # shared between tests: read, never changed


def test_the_front_page_and_chapters_are_built():
    built = {str(p.relative_to(SITE)) for p in pages()}
    missing = [c for c in CHAPTERS if c not in built]
    assert not missing, missing


def test_the_strict_build_logged_no_warning():
    log = BUILD / "warnings.log"
    assert log.is_file(), "the build writes its warnings to _build/warnings.log"
    assert log.read_text(encoding="utf-8").strip() == ""


def test_no_page_loads_anything_from_a_third_party():
    offenders = []
    for page in pages():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src")):
            for node in soup(page).find_all(tag):
                url = node.get(attr) or ""
                if tag == "link" and "stylesheet" not in (node.get("rel") or []) and "preload" not in (node.get("rel") or []):
                    continue
                if urlparse(url).scheme in ("http", "https") or url.startswith("//"):
                    offenders.append(f"{page.relative_to(SITE)}: <{tag} {attr}={url}>")
    assert not offenders, "\n".join(offenders)


# Alt text that names the medium, not what the figure shows.
GENERIC_ALT = {"figure", "image", "chart", "graph", "plot", "png", "picture"}


def test_every_figure_image_has_alt_text_that_says_what_it_shows():
    problems = []
    pages_with_figures = set()
    for page in pages():
        for figure in soup(page).find_all("figure"):
            for img in figure.find_all("img"):
                pages_with_figures.add(str(page.relative_to(SITE)))
                alt = " ".join((img.get("alt") or "").split())
                stem = Path(urlparse(img.get("src") or "").path).stem
                where = f"{page.relative_to(SITE)}: {img.get('src')}"
                if len(alt) < 20 or len(alt.split()) < 4:
                    problems.append(f"{where}: alt text too short to say what it shows: {alt!r}")
                elif alt.lower().strip(". ") in GENERIC_ALT or stem.lower() in alt.lower():
                    problems.append(f"{where}: alt text is a label or file name, not a description: {alt!r}")
    # Every chapter with a figure in its notebook has one on its page.
    expected = {f"{p.with_suffix('.html')}" for p in figure_notebooks()}
    assert expected <= pages_with_figures, sorted(expected - pages_with_figures)
    assert not problems, "\n".join(problems)


def figure_notebooks() -> list[Path]:
    """The notebooks (relative to the root) that glue a figure."""
    root = Path(__file__).resolve().parents[2]
    return sorted(p.relative_to(root) for p in root.glob("book/*.ipynb") if "glue_figure(" in p.read_text(encoding="utf-8"))


def test_no_glue_or_citation_is_left_unresolved():
    left = [str(p.relative_to(SITE)) for p in pages() if re.search(r"\{(glue|cite)[:}]", soup(p).get_text())]
    assert not left, left


def test_every_figure_offers_its_data_as_csv():
    problems = []
    for page in pages():
        for figure in soup(page).find_all("figure"):
            links = [a for a in figure.find_all("a") if (a.get("href") or "").endswith(".csv")]
            if not links:
                problems.append(f"{page.relative_to(SITE)}: a figure without a CSV link")
            for link in links:
                target = (page.parent / unquote(link["href"])).resolve()
                if not target.is_file():
                    problems.append(f"{page.relative_to(SITE)}: {link['href']} does not exist")
    assert not problems, "\n".join(problems)


def test_every_chapter_says_when_it_was_last_updated():
    for name in CHAPTERS:
        text = (SITE / name).read_text(encoding="utf-8")
        assert "Last updated on" in text, name


def test_figure_numbers_are_unique_across_the_book():
    # A figure on an unnumbered page restarts at "Fig. 1" and collides with
    # chapter figures; every page with figures sits in a numbered part.
    seen: dict[str, str] = {}
    clashes = []
    for page in pages():
        for span in soup(page).select("figure span.caption-number"):
            number = span.get_text(strip=True)
            if number in seen and seen[number] != str(page.relative_to(SITE)):
                clashes.append(f"{number}: {seen[number]} and {page.relative_to(SITE)}")
            seen.setdefault(number, str(page.relative_to(SITE)))
    assert seen, "no numbered figure found"
    assert not clashes, "\n".join(clashes)
