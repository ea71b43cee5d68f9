"""On a 390-px phone (issue 21): no table on the front page or in a chapter is
wider than the screen; every figure shows its phone drawing, without
scrolling sideways, and its smallest text is at least 10 CSS px as
shown; the front page's first section starts in the upper half of the first
screen. (Read from the visit of each page at 390 x 844 px,
tests/browser/passes.py.)"""

from __future__ import annotations

import chrome
import passes
import pytest

MIN_TEXT_PX = 10.0
SCREEN_HEIGHT = 844  # an iPhone 12 to 15's 390 x 844 CSS px; passes.phone's viewport

READER_PAGES = passes.reader_pages()


def visit(phone_pass, page: str) -> passes.Visit:
    assert page in phone_pass, f"{page} is not built"
    return phone_pass[page]


@pytest.mark.parametrize("page", READER_PAGES)
def test_no_table_is_wider_than_the_phone(phone_pass, page):
    wide = visit(phone_pass, page).wide_tables
    assert not wide, f"{page}: tables wider than the {chrome.MOBILE}-px screen: {wide}"


@pytest.mark.parametrize("page", READER_PAGES)
def test_figure_text_is_at_least_10_css_px(phone_pass, page):
    """Each figure's smallest font (in the SVG's own units) times the scale
    at which the page shows it: shown width / viewBox width."""
    found = [image for figure in visit(phone_pass, page).figures for image in figure["images"]]
    if page in (passes.root_page(), "book/track-record.html") and not found:
        pytest.skip(f"{page} has no figure (its scores are a table)")
    assert found, f"{page} shows no figure"
    small = []
    for image in found:
        name = image["src"].rsplit("/", 1)[-1]
        view_width, smallest, shown = image["view_width"], image["smallest"], image["shown"]
        if view_width is None:
            small.append(f"{name}: a raster image ({image['natural']} px drawn, {shown:.0f} px shown): not checkable")
            continue
        if smallest is None:
            small.append(f"{name}: no text found in the SVG (text drawn as paths?)")
            continue
        px = smallest * shown / view_width
        if px < MIN_TEXT_PX - 0.05:
            small.append(f"{name}: smallest text {px:.1f} px ({smallest} units, shown {shown:.0f} of {view_width:.0f})")
    assert not small, f"{page}:\n" + "\n".join(small)


@pytest.mark.parametrize("page", READER_PAGES)
def test_no_figure_scrolls_sideways_on_the_phone(phone_pass, page):
    """Every figure shows its phone drawing at the column's width: neither its
    region nor the page scrolls sideways (the region stays a named, focusable
    one for wider screens, where a wide drawing may scroll)."""
    seen = visit(phone_pass, page)
    regions = seen.figure_regions
    if page in (passes.root_page(), "book/track-record.html") and not regions:
        pytest.skip(f"{page} has no figure (its scores are a table)")
    assert regions, f"{page} shows no figure"
    for name, role, tabindex, label, scroll_width, width, page_fits in regions:
        assert name.endswith(".phone.svg"), f"{page}: {name} is not a phone drawing"
        assert role == "region" and tabindex == 0 and label, f"{page}: {name}'s region is not named and focusable"
        assert scroll_width <= width + 1, f"{page}: {name} scrolls sideways ({scroll_width} px in {width} px)"
        assert page_fits, f"{page} scrolls sideways"


def test_the_front_page_title_is_small_and_its_first_section_is_in_the_upper_half(phone_pass):
    front = visit(phone_pass, passes.root_page()).front
    assert front, "the front page has no title or no first section"
    title_size, heading_top, viewport = front
    assert viewport == SCREEN_HEIGHT
    assert title_size <= 28, f"the title is {title_size} px on a phone"
    assert heading_top < viewport / 2, f"the first section starts at {heading_top:.0f} px of a {viewport} px screen"
