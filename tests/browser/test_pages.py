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
            # be reachable by keyboard (book/_static/reassurance.js).
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
