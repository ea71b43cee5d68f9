"""axe-core finds no accessibility violation, at any impact level, on any page,
in the theme's light mode and in its dark mode.

Fix a violation in the project's templates (book/_templates), CSS or JS
(book/_static) or in how tables are rendered; never by switching a rule off."""

from __future__ import annotations

import chrome

# The rules (on by default) whose outcome depends on colours (axe tag cat.color).
DARK_RULES = ["color-contrast", "link-in-text-block"]


def test_axe_finds_no_violation_in_light_or_dark_mode(axe_ready, browser, http_site):
    problems = []
    pages = chrome.site_pages()
    assert pages
    for page in pages:
        name = page.relative_to(chrome.SITE).as_posix()
        browser.load(http_site + name)
        # Every rule in light mode; dark mode changes only colours, so there
        # axe checks colour contrast (text, links) again.
        for mode, only in (("light", None), ("dark", DARK_RULES)):
            browser.set_mode(mode)
            theme = browser.driver.execute_script("return document.documentElement.dataset.theme")
            assert theme == mode, f"{name}: could not switch the theme to {mode} mode"
            problems += [f"{name} ({mode}): {line}" for line in chrome.describe(browser.axe(only))]
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_axe_finds_no_violation_at_phone_width(axe_ready, browser, http_site):
    """At 390 px the theme hides its sidebars and wide tables scroll in
    their wrapper (a focusable region: reassurance.publish.table)."""
    problems = []
    browser.viewport(chrome.MOBILE, 844)
    try:
        for page in chrome.site_pages():
            name = page.relative_to(chrome.SITE).as_posix()
            browser.load(http_site + name)
            browser.set_mode("light")
            problems += [f"{name} (390 px): {line}" for line in chrome.describe(browser.axe())]
    finally:
        browser.viewport(chrome.DESKTOP)
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_the_axe_check_can_fail(axe_ready, browser, http_site):
    """A control: an image without alt text and grey-on-grey text are found."""
    browser.load(http_site + "search.html")
    browser.driver.execute_script(
        """
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
          '<img src="_static/favicon.svg" width="20" height="20">' +
          '<p style="color:#999;background:#aaa">Barely legible</p>');
        """
    )
    found = {v["id"] for v in browser.axe()}
    assert {"image-alt", "color-contrast"} <= found, found
