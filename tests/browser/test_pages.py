"""Every built page loads cleanly in headless Chromium, from disk and over HTTP,
and fits a phone's width. (Each page is visited once per viewport: at
1280 px from disk, at 390 px over HTTP; tests/browser/passes.py.)"""

from __future__ import annotations

import chrome
import passes


def test_every_page_loads_from_disk_without_error_or_outside_request(desktop_pass):
    assert desktop_pass.keys() == set(passes.page_names())
    problems = passes.load_problems(desktop_pass, chrome.SITE.resolve().as_uri() + "/")
    assert not problems, "\n".join(problems)


def test_every_page_loads_over_http_without_error_or_outside_request(phone_pass, http_site):
    assert phone_pass.keys() == set(passes.page_names())
    problems = passes.load_problems(phone_pass, http_site)
    assert not problems, "\n".join(problems)


def test_no_page_downloads_a_web_font(desktop_pass, phone_pass):
    """The theme's icon font is declared but never drawn (reassurance-icons.css):
    no page downloads a web font, so tests/page_weight.py need not count one."""
    fonts = [f"{name} ({label}): {url}" for label, visits in (("1280 px", desktop_pass), ("390 px", phone_pass))
             for name, visit in visits.items() for url in visit.requests
             if url.split("?")[0].endswith((".woff2", ".woff", ".ttf", ".otf", ".eot"))]
    assert not fonts, "\n".join(fonts)


def test_no_page_scrolls_sideways_on_a_phone(phone_pass):
    wide = []
    for name, visit in phone_pass.items():
        scroll, client = visit.overflow
        if scroll > client:
            wide.append(f"{name}: {scroll} px of content in a {client} px wide viewport")
        # What scrolls sideways instead (a wide table in its wrapper) must
        # be reachable by keyboard (reassurance.publish.table).
        wide += [f"{name}: {what} scrolls sideways but cannot take keyboard focus" for what in visit.unfocusable]
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
        # would see only the last position): each scroll is instant, and the
        # next starts only after a scroll event has reported its position and
        # a frame has passed. The button is then read until it shows (2 s at
        # most), and every wait has a deadline, so a slow machine neither
        # hangs the test nor fails it early.
        button = browser.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            const scrolled = (y) => new Promise((resolve, reject) => {
              const timer = setTimeout(() => reject(`no scroll event reached ${y} (at ${window.scrollY})`), 5000);
              const seen = () => {
                if (Math.abs(window.scrollY - y) > 1) return;
                window.removeEventListener('scroll', seen);
                clearTimeout(timer);
                requestAnimationFrame(() => setTimeout(resolve, 50));
              };
              window.addEventListener('scroll', seen, {passive: true});
              window.scrollTo({top: y, behavior: 'instant'});
            });
            const shown = () => new Promise((resolve) => {
              const end = performance.now() + 2000;
              const look = () => {
                const display = getComputedStyle(document.getElementById('pst-back-to-top')).display;
                if (display === 'block' || performance.now() > end) resolve(display); else setTimeout(look, 50);
              };
              look();
            });
            const bottom = document.documentElement.scrollHeight - window.innerHeight;
            const down = Math.min(3000, bottom);
            scrolled(down).then(() => scrolled(down - 1000)).then(shown).then(done, (why) => done(`error: ${why}`));
            """
        )
        assert button == "block", f"back-to-top button is {button!r} after scrolling up"
        top = browser.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            document.getElementById('pst-back-to-top').click();
            const end = performance.now() + 2000;
            const look = () => (window.scrollY === 0 || performance.now() > end ? done(window.scrollY) : setTimeout(look, 50));
            look();
            """
        )
        assert top == 0, f"the back-to-top button left the page at {top} px"
    finally:
        browser.viewport(chrome.DESKTOP)
