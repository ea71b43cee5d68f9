"""The front page's status board: headed with its date, six rows each with a
status, a date and a link to its source, and on the first screen: at least
three rows on a 390×844 phone, all six at 1280×800. (Read from the visit of
the front page in each viewport, tests/browser/passes.py.)"""

from __future__ import annotations

import re

import chrome
import passes


def board(visits, width: int, height: int) -> dict:
    page = passes.root_page()
    found = visits[page].board
    assert found is not None, f"{page} has no status board"
    assert found["scrollY"] == 0
    assert found["innerHeight"] == height, f"the pass at {width} px is {found['innerHeight']} px high, not {height}"
    return found


def test_the_board_has_six_rows_each_with_status_date_and_source(desktop_pass):
    found = board(desktop_pass, chrome.DESKTOP, 800)
    assert re.search(r"as of \d{1,2} [A-Z][a-z]+ \d{4}", found["caption"]), found["caption"]
    assert [r["cells"][0].replace("’", "'") for r in found["rows"]] == [
        "Ceasefire", "Force deployed", "Contributors named", "US guarantee signed", "Parliamentary approvals", "Russia's position",
    ]
    for row in found["rows"]:
        assert len(row["cells"]) == 3 and row["cells"][1], row
        assert re.match(r"\d{1,2} [A-Z][a-z]{2} \d{4}", row["cells"][2]), row
        assert row["links"], f"{row['cells'][0]}: no link to its source"


def shows_on_the_first_screen(visits, width: int, height: int, shown: int) -> None:
    found = board(visits, width, height)
    bottoms = [r["bottom"] for r in found["rows"][:shown]]
    assert len(bottoms) == shown
    assert max(bottoms) <= found["innerHeight"], (
        f"at {width}×{height}, row {shown} ends at {max(bottoms):.0f} px, below the first screen ({found['innerHeight']} px)"
    )


def test_three_rows_of_the_board_show_on_a_phones_first_screen(phone_pass):
    shows_on_the_first_screen(phone_pass, chrome.MOBILE, 844, 3)


def test_the_whole_board_shows_on_a_desktops_first_screen(desktop_pass):
    shows_on_the_first_screen(desktop_pass, chrome.DESKTOP, 800, 6)
