"""axe-core finds no accessibility violation, at any impact level, on any page,
in the theme's light mode and in its dark mode.

Fix a violation in the project's templates (book/_templates), CSS or JS
(book/_static) or in how tables are rendered; never by switching a rule off."""

from __future__ import annotations

import chrome

# The rules (on by default) whose outcome depends on colours (axe tag cat.color).
DARK_RULES = ["color-contrast", "link-in-text-block"]


def test_axe_finds_no_violation_in_light_or_dark_mode(browser, http_site, axe_ready):
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
