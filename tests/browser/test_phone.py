"""On a 390-px phone (issue 21): no table on the front page or in a chapter is
wider than the screen; every figure shows its phone drawing, with its smallest
text at least 10 CSS px as shown and without scrolling sideways; the front
page's first section starts in the upper half of the first screen."""

from __future__ import annotations

import chrome
import pytest
import yaml

MIN_TEXT_PX = 10.0
SCREEN_HEIGHT = 844  # an iPhone 12 to 15's 390 x 844 CSS px


def reader_pages() -> list[str]:
    """The front page and the numbered chapters (the appendix may scroll)."""
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [f"{toc['root']}.html"]
    for part in toc["parts"]:
        if part.get("numbered"):
            pages += [f"{c['file']}.html" for c in part["chapters"]]
    return pages


@pytest.fixture
def phone(browser):
    browser.viewport(chrome.MOBILE, SCREEN_HEIGHT)
    yield browser
    browser.viewport(chrome.DESKTOP)


@pytest.mark.parametrize("page", reader_pages())
def test_no_table_is_wider_than_the_phone(phone, http_site, page):
    phone.load(http_site + page)
    wide = phone.driver.execute_script(
        """
        const screen = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll('main table'), t => {
          t.closest('.table-wrapper')?.style.setProperty('content-visibility', 'visible');
          const r = t.getBoundingClientRect();
          return [t.id || (t.querySelector('caption')?.textContent || '').slice(0, 60), Math.round(r.width), Math.round(r.right)];
        }).filter(([, width, right]) => width > screen || right > screen + 1);
        """
    )
    assert not wide, f"{page}: tables wider than the {chrome.MOBILE}-px screen: {wide}"


@pytest.mark.parametrize("page", reader_pages())
def test_figure_text_is_at_least_10_css_px(phone, http_site, page):
    """Each figure's smallest font (in the SVG's own units) times the scale
    at which the page shows it: shown width / viewBox width."""
    phone.load(http_site + page)
    found = phone.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        (async () => {
          const out = [];
          for (const img of document.querySelectorAll('main figure img')) {
            img.scrollIntoView({block: 'center'});
            if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; setTimeout(r, 10000); });
            const src = img.currentSrc || img.src;
            if (!/\\.svg($|\\?)/.test(src)) { out.push([src, null, null, img.getBoundingClientRect().width, img.naturalWidth]); continue; }
            const text = await (await fetch(src)).text();
            const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
            const viewWidth = parseFloat((svg.getAttribute('viewBox') || '').split(/\\s+/)[2]);
            const sizes = Array.from(text.matchAll(/font(?:-size)?:\\s*(?:[a-z-]+\\s+)*(?:\\d00\\s+)?([\\d.]+)px/g), m => parseFloat(m[1]));
            out.push([src, viewWidth, sizes.length ? Math.min(...sizes) : null, img.getBoundingClientRect().width, null]);
          }
          return out;
        })().then(done);
        """
    )
    if page in ("index.html", "book/track-record.html") and not found:
        pytest.skip(f"{page} has no figure (its scores are a table)")
    assert found, f"{page} shows no figure"
    small = []
    for src, view_width, smallest, shown, natural in found:
        name = src.rsplit("/", 1)[-1]
        if view_width is None:
            small.append(f"{name}: a raster image ({natural} px drawn, {shown:.0f} px shown): not checkable")
            continue
        if smallest is None:
            small.append(f"{name}: no text found in the SVG (text drawn as paths?)")
            continue
        px = smallest * shown / view_width
        if px < MIN_TEXT_PX - 0.05:
            small.append(f"{name}: smallest text {px:.1f} px ({smallest} units, shown {shown:.0f} of {view_width:.0f})")
    assert not small, f"{page}:\n" + "\n".join(small)


@pytest.mark.parametrize("page", reader_pages())
def test_no_figure_scrolls_sideways_on_the_phone(phone, http_site, page):
    """Every figure shows its phone drawing at the column's width: neither
    its region nor the page scrolls sideways (the region stays a named,
    focusable one for wider screens, where a wide drawing may scroll)."""
    phone.load(http_site + page)
    found = phone.driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        (async () => {
          const out = [];
          for (const region of document.querySelectorAll('main figure .figure-scroll')) {
            const img = region.querySelector('img');
            img.scrollIntoView({block: 'center'});
            if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; setTimeout(r, 10000); });
            out.push([(img.currentSrc || img.src).split('/').pop(), region.getAttribute('role'), region.tabIndex,
                      region.getAttribute('aria-label') || '', region.scrollWidth, region.clientWidth]);
          }
          return [out, document.documentElement.scrollWidth, document.documentElement.clientWidth];
        })().then(done);
        """
    )
    regions, page_width, screen = found
    if page in ("index.html", "book/track-record.html") and not regions:
        pytest.skip(f"{page} has no figure (its scores are a table)")
    assert regions, f"{page} shows no figure"
    assert page_width <= screen, f"{page} scrolls sideways ({page_width} px on a {screen} px screen)"
    for name, role, tabindex, label, scroll_width, width in regions:
        assert name.endswith(".phone.svg"), f"{page}: {name} is not a phone drawing"
        assert role == "region" and tabindex == 0 and label
        assert scroll_width <= width + 1, f"{page}: {name} scrolls sideways ({scroll_width} px in {width} px)"


def test_the_front_page_title_is_small_and_its_first_section_is_in_the_upper_half(phone, http_site):
    root = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    phone.load(http_site + f"{root}.html")
    title_size, heading_top, viewport = phone.driver.execute_script(
        """
        const h1 = document.querySelector('main .bd-article h1');
        // The first section: the status board where the page has one, else the first heading.
        const first = document.querySelector('main .bd-article .status-board') || document.querySelector('main .bd-article h2');
        return [parseFloat(getComputedStyle(h1).fontSize), first.getBoundingClientRect().top, window.innerHeight];
        """
    )
    assert title_size <= 28, f"the title is {title_size} px on a phone"
    assert heading_top < viewport / 2, f"the first section starts at {heading_top:.0f} px of a {viewport} px screen"
