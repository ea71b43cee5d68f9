"""The front page's status board: headed with its date, six rows each with a
status, a date and a link to its source, and on the first screen: at least
three rows on a 390×844 phone, all six at 1280×800."""

from __future__ import annotations

import re

import chrome
import pytest

ROWS = """
const board = document.querySelector('.status-board table');
if (!board) return null;
return {
  caption: (board.querySelector('caption') || {}).textContent || '',
  rows: Array.from(board.querySelectorAll('tbody tr')).map(row => ({
    cells: Array.from(row.cells).map(c => c.textContent.trim()),
    links: Array.from(row.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
    bottom: row.getBoundingClientRect().bottom,
  })),
  innerHeight: window.innerHeight,
  scrollY: window.scrollY,
};
"""


def board(browser, base: str, width: int, height: int) -> dict:
    browser.viewport(width, height)
    try:
        browser.load(base + "index.html")
        found = browser.driver.execute_script(ROWS)
    finally:
        browser.viewport(chrome.DESKTOP)
    assert found is not None, "index.html has no status board"
    assert found["scrollY"] == 0
    return found


def test_the_board_has_six_rows_each_with_status_date_and_source(browser, http_site):
    found = board(browser, http_site, chrome.DESKTOP, 800)
    assert re.search(r"as of \d{1,2} [A-Z][a-z]+ \d{4}", found["caption"]), found["caption"]
    assert [r["cells"][0].replace("’", "'") for r in found["rows"]] == [
        "Ceasefire", "Force deployed", "Contributors named", "US guarantee signed", "Parliamentary approvals", "Russia's position",
    ]
    for row in found["rows"]:
        assert len(row["cells"]) == 3 and row["cells"][1], row
        assert re.match(r"\d{1,2} [A-Z][a-z]{2} \d{4}", row["cells"][2]), row
        assert row["links"], f"{row['cells'][0]}: no link to its source"


@pytest.mark.parametrize(("width", "height", "shown"), [(chrome.MOBILE, 844, 3), (chrome.DESKTOP, 800, 6)])
def test_the_board_shows_on_the_first_screen(browser, http_site, width, height, shown):
    found = board(browser, http_site, width, height)
    bottoms = [r["bottom"] for r in found["rows"][:shown]]
    assert len(bottoms) == shown
    assert max(bottoms) <= found["innerHeight"], (
        f"at {width}×{height}, row {shown} ends at {max(bottoms):.0f} px, below the first screen ({found['innerHeight']} px)"
    )
