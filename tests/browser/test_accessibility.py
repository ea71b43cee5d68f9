"""axe-core finds no accessibility violation, at any impact level, on any page,
in the theme's light mode and in its dark mode, at 1280 px and at 390 px.
(Each page is visited once per viewport; tests/browser/passes.py runs axe
during those visits.)

Fix a violation in the project's templates (book/_templates), CSS or JS
(book/_static) or in how tables are rendered; never by switching a rule off."""

from __future__ import annotations

import chrome
import passes


def _violations(visits, label: str) -> list[str]:
    problems = []
    for name, visit in visits.items():
        for mode, violations in visit.axe.items():
            if visit.theme[mode] != mode:
                problems.append(f"{name}: could not switch the theme to {mode} mode")
            problems += [f"{name} ({label}, {mode}): {line}" for line in chrome.describe(violations)]
    return problems


def test_axe_finds_no_violation_in_light_or_dark_mode(axe_ready, desktop_pass):
    """Every rule in light mode; dark mode changes only colours, so there axe
    checks colour contrast (text, links) again."""
    assert desktop_pass and all(v.axe.keys() == {"light", "dark"} for v in desktop_pass.values())
    problems = _violations(desktop_pass, "1280 px")
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_axe_finds_no_violation_at_phone_width(axe_ready, phone_pass):
    """At 390 px the theme hides its sidebars and wide tables scroll in
    their wrapper (a focusable region: reassurance.publish.table)."""
    assert phone_pass and all(v.axe.keys() == {"light"} for v in phone_pass.values())
    problems = _violations(phone_pass, "390 px")
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_the_axe_and_htmlcs_checks_can_fail(axe_ready, htmlcs_ready, browser, http_site):
    """A control: an image without alt text and grey-on-grey text are found,
    by axe-core and by HTML_CodeSniffer as the pass runs them."""
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
    codes = [issue["code"] for issue in passes._htmlcs(browser)]
    assert any("H37" in code for code in codes), codes  # img without alt
    assert any("G18" in code for code in codes), codes  # contrast below 4.5:1
