"""Every built page loads cleanly in headless Chromium, from disk and over HTTP,
and fits a phone's width."""

from __future__ import annotations

import chrome


def check_loads(browser, base: str) -> list[str]:
    problems = []
    for page in chrome.site_pages():
        name = page.relative_to(chrome.SITE).as_posix()
        browser.load(base + name)
        requests, failures, errors = browser.observe()
        if not requests:
            problems.append(f"{name}: no request was seen (is the performance log on?)")
        problems += [f"{name}: request outside the site: {url}" for url in requests if chrome.outside(url, base)]
        problems += [f"{name}: failed request: {failure}" for failure in failures]
        # The theme's icon font is declared but never drawn (reassurance-icons.css):
        # no page downloads a web font, so tests/page_weight.py need not count one.
        problems += [f"{name}: downloads a web font: {url}" for url in requests
                     if url.split("?")[0].endswith((".woff2", ".woff", ".ttf", ".otf", ".eot"))]
        problems += [f"{name}: console {error}" for error in errors]
    return problems


def test_every_page_loads_from_disk_without_error_or_outside_request(browser):
    base = chrome.SITE.resolve().as_uri() + "/"
    problems = check_loads(browser, base)
    assert not problems, "\n".join(problems)


def test_every_page_loads_over_http_without_error_or_outside_request(browser, http_site):
    problems = check_loads(browser, http_site)
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_phone(browser, http_site):
    browser.viewport(chrome.MOBILE, 844)
    wide = []
    try:
        for page in chrome.site_pages():
            name = page.relative_to(chrome.SITE).as_posix()
            browser.load(http_site + name)
            scroll, client = browser.scroll_overflow()
            if scroll > client:
                wide.append(f"{name}: {scroll} px of content in a {client} px wide viewport")
            # What scrolls sideways instead (a wide table in its wrapper) must
            # be reachable by keyboard (reassurance.publish.table).
            for what in browser.driver.execute_script(
                """
                return Array.from(document.querySelectorAll('main *'))
                  .filter(e => e.scrollWidth > e.clientWidth + 1
                            && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                            && e.tabIndex < 0 && !e.querySelector('a[href], button, [tabindex]'))
                  .map(e => e.tagName.toLowerCase() + '.' + Array.from(e.classList).join('.'));
                """
            ):
                wide.append(f"{name}: {what} scrolls sideways but cannot take keyboard focus")
    finally:
        browser.viewport(chrome.DESKTOP)
    assert not wide, "pages that scroll horizontally at 390 px:\n" + "\n".join(wide)


def test_the_outside_request_check_tells_site_from_elsewhere():
    base = "http://127.0.0.1:8000/"
    assert not chrome.outside("http://127.0.0.1:8000/_static/x.js", base)
    assert not chrome.outside("data:image/png;base64,AAAA", base)
    assert chrome.outside("https://cdn.example.org/x.js", base)
    assert chrome.outside("http://127.0.0.1:8001/x.js", base)
    assert chrome.outside("file:///etc/passwd", chrome.SITE.resolve().as_uri() + "/")


def test_the_visible_buttons_open_the_phone_menus_and_back_to_top_works(browser, http_site):
    """On a phone the article header's sidebar buttons open the chapter menu and
    the page's contents (book/_static/reassurance.js passes their click to the
    buttons the theme listens to), and scrolling back up shows a button that
    returns to the top (which Bootstrap's script did before it was dropped)."""
    browser.viewport(chrome.MOBILE, 844)
    try:
        browser.load(http_site + "book/russia.html")
        opened = browser.driver.execute_script(
            """
            const visible = (selector) => Array.from(document.querySelectorAll(selector))
              .filter(e => e.offsetParent !== null);
            const result = {};
            for (const [selector, dialog] of [['.primary-toggle', 'pst-primary-sidebar-modal'],
                                              ['.secondary-toggle', 'pst-secondary-sidebar-modal']]) {
              const buttons = visible(selector);
              const modal = document.getElementById(dialog);
              if (!buttons.length || !modal) { result[selector] = 'no visible button or dialog'; continue; }
              buttons[0].click();
              result[selector] = modal.open ? modal.querySelectorAll('a[href]').length : 'did not open';
              modal.close();
            }
            return result;
            """
        )
        assert all(isinstance(links, int) and links > 1 for links in opened.values()), opened
        # Two scrolls in one frame coalesce into one scroll event (the page
        # would see only the last position): wait for each scroll event, and
        # a frame after it, before the next.
        button = browser.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            const scrolled = (y) => new Promise((resolve) => {
              window.addEventListener('scroll', () => requestAnimationFrame(() => setTimeout(resolve, 50)), {once: true});
              window.scrollTo(0, y);
            });
            scrolled(3000).then(() => scrolled(2000)).then(
              () => done(getComputedStyle(document.getElementById('pst-back-to-top')).display));
            """
        )
        assert button == "block", f"back-to-top button is {button!r} after scrolling up"
        browser.driver.execute_script("document.getElementById('pst-back-to-top').click()")
        assert browser.driver.execute_script("return window.scrollY") == 0
    finally:
        browser.viewport(chrome.DESKTOP)
