"""The book's own search finds what readers look for; every figure says what it
shows and offers its data, and the data behind the download link is the data
the figure was drawn from."""

from __future__ import annotations

import csv
import io
import time
import urllib.request
from urllib.parse import quote, urljoin, urlparse

import pytest

import chrome

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
]

FIGURE_DATA = chrome.ROOT / "book" / "figure-data"
GENERIC_ALT = {"figure", "image", "chart", "graph", "plot", "png", "picture"}


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
        time.sleep(0.1)
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
def figures(browser, http_site) -> list[dict]:
    """Every <figure> in the built pages, as the browser sees it over HTTP."""
    base = http_site
    found = []
    for page in chrome.site_pages():
        name = page.relative_to(chrome.SITE).as_posix()
        browser.load(base + name)
        # Figures below the first screen load lazily: scroll to each, as a
        # reader does, and wait for it (10 s at most each).
        browser.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            (async () => {
              for (const img of document.querySelectorAll('main figure img')) {
                img.scrollIntoView({block: 'center'});
                if (!img.complete) {
                  await new Promise(resolve => {
                    img.addEventListener('load', resolve, {once: true});
                    img.addEventListener('error', resolve, {once: true});
                    setTimeout(resolve, 10000);
                  });
                }
              }
              window.scrollTo(0, 0);
            })().then(() => done(true));
            """
        )
        for figure in browser.driver.execute_script(
            """
            return Array.from(document.querySelectorAll('main figure'), f => ({
              id: f.id,
              images: Array.from(f.querySelectorAll('img'), i => ({
                alt: i.getAttribute('alt') || '', src: i.currentSrc || i.src,
                loaded: i.complete && i.naturalWidth > 0})),
              csv: Array.from(f.querySelectorAll('a[href]'), a => a.href).filter(h => /\\.csv$/.test(h)),
            }));
            """
        ):
            figure["page"] = name
            found.append(figure)
    return found


def test_every_figure_has_alt_text_that_says_what_it_shows(figures):
    found = figures
    assert sum(len(f["images"]) for f in found) >= 1, "no figure images found in the book"
    problems = []
    for figure in found:
        where = f"{figure['page']}#{figure['id']}"
        for image in figure["images"]:
            alt = " ".join(image["alt"].split())
            stem = urlparse(image["src"]).path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if not image["loaded"]:
                problems.append(f"{where}: the image {image['src']} did not load")
            if len(alt) < 20 or len(alt.split()) < 4:
                problems.append(f"{where}: alt text too short to say what it shows: {alt!r}")
            elif alt.lower().strip(". ") in GENERIC_ALT or stem.lower() in alt.lower():
                problems.append(f"{where}: alt text is a label or file name, not a description: {alt!r}")
    assert not problems, "\n".join(problems)


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_every_figure_links_to_its_own_data_over_http(figures, http_site):
    found = figures
    problems = []
    for figure in found:
        where = f"{figure['page']}#{figure['id']}"
        if not figure["csv"]:
            problems.append(f"{where}: no CSV download link under the figure")
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
