"""The book's own search finds what readers look for; every figure's image
loads, and the data behind its download link, served over HTTP, is the data the
figure was drawn from (figures as seen in the visit of each page at 390 px
over HTTP, tests/browser/passes.py). (Alt text and the link's presence are checked once, on
the built HTML, in tests/build/test_site.py.)"""

from __future__ import annotations

import csv
import io
import time
import urllib.request
from urllib.parse import quote, urljoin, urlparse

import chrome
import pytest
import yaml

# (what a reader types, the page that must be among the results).
# Add a row when a chapter is added; the search must find it by a term of its own.
SEARCHES = [
    ("Élysée", "book/summit.html"),
    ("reassurance", "book/summit.html"),
    ("citation", "book/references.html"),
    ("Vladivostok", "book/russia.html"),
    ("backstop", "book/us-position.html"),
    ("Anchorage", "book/road-to-paris.html"),
    ("Costa", "book/commitment.html"),
    ("matrix", "book/positions.html"),
    ("annotated", "book/article-annotated.html"),
    ("Geneva", "book/since-then.html"),
    ("Riksdag", "book/tracker.html"),
    ("Valérien", "book/force.html"),
    ("appendix", "book/evidence.html"),
    ("Brier", "book/track-record.html"),
]

FIGURE_DATA = chrome.ROOT / "book" / "figure-data"


def test_every_chapter_has_a_search_row():
    """Needs no browser: the rows above cover every chapter of the numbered parts."""
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = {f"{c['file']}.html" for part in toc["parts"] if part.get("numbered") for c in part["chapters"]}
    assert chapters - {page for _, page in SEARCHES} == set()


def search(browser, base: str, query: str, timeout: float = 20) -> list[str]:
    """The pages (relative to the site) that search.html lists for `query`."""
    browser.load(f"{base}search.html?q={quote(query)}")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status = browser.driver.execute_script(
            "const s = document.querySelector('#search-results .search-summary');"
            "return s ? s.textContent : '';"
        )
        if status and ("found" in status or "match" in status):
            break
        time.sleep(0.02)  # a search takes about 0.2 s; a coarser poll only waits
    else:
        pytest.fail(f"the search for {query!r} did not finish within {timeout} s")
    hrefs = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results ul.search li a'), a => a.href);"
    )
    return sorted({urlparse(h).path.lstrip("/") for h in hrefs})


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_lists_the_expected_page(browser, http_site, query, expected):
    assert (chrome.SITE / expected).is_file(), f"{expected} is not built"
    found = search(browser, http_site, query)
    assert expected in found, f"searching for {query!r} lists {found}, not {expected}"


@pytest.fixture(scope="module")
def figures(phone_pass) -> list[dict]:
    """Every <figure> in the built pages, as the browser saw it over HTTP
    (the visit of each page at 390 px, which scrolls to each figure as a
    reader does and waits for its images: tests/browser/passes.py)."""
    return [dict(figure, page=name) for name, visit in phone_pass.items() for figure in visit.figures]


def test_every_figure_image_loads(figures):
    images = [(f"{f['page']}#{f['id']}", image) for f in figures for image in f["images"]]
    assert images, "no figure images found in the book"
    problems = [f"{where}: the image {image['src']} did not load" for where, image in images if not image["loaded"]]
    assert not problems, "\n".join(problems)


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_every_figure_links_to_its_own_data_over_http(figures, http_site):
    found = figures
    problems = []
    for figure in found:
        where = f"{figure['page']}#{figure['id']}"
        for href in figure["csv"]:
            url = urljoin(http_site, href)
            if not url.startswith(http_site):
                problems.append(f"{where}: the CSV link {href} leaves the site")
                continue
            basename = urlparse(url).path.rsplit("/", 1)[-1]
            source = FIGURE_DATA / basename
            if figure["id"] and basename != f"{figure['id']}.csv":
                problems.append(f"{where}: links to {basename}, not to the figure's own {figure['id']}.csv")
            if not source.is_file():
                problems.append(f"{where}: {basename} is not in book/figure-data")
                continue
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    served = response.read().decode("utf-8")
            except OSError as error:
                problems.append(f"{where}: {url} does not resolve: {error}")
                continue
            expected = read_csv(source.read_text(encoding="utf-8"))
            got = read_csv(served)
            if not got or got[0] != expected[0]:
                problems.append(f"{where}: {basename} has the header {got[:1]}, the figure's data has {expected[0]}")
            elif got != expected:
                problems.append(f"{where}: {basename} as served differs from book/figure-data/{basename}")
    assert not problems, "\n".join(problems)
