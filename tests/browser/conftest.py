"""Fixtures for the browser tests: one Chromium session for all of them, the
built site over HTTP, one visit of every page per viewport (tests/browser/passes.py),
and the rule that under CI nothing here may skip.

All the browser tests run on one xdist worker (tests/conftest.py), so the
session fixtures below start one Chromium and visit each page once per
viewport in the whole run."""

from __future__ import annotations

import os

import chrome
import passes
import pytest
from chrome import unavailable


@pytest.fixture(scope="session", autouse=True)
def _site(built_site):
    """Every browser test reads the site that tests/conftest.py builds once."""
    return built_site


@pytest.fixture(scope="session")
def browser():
    reason = chrome.missing()
    if reason:
        unavailable(reason)
    if not (chrome.SITE / "index.html").is_file():
        pytest.fail(f"{chrome.SITE / 'index.html'} is missing: build the book first (make test does)")
    session = chrome.Browser()
    # What the passes run in every page (tests/browser/passes.py), sent to Chromium once.
    session.preload(*(script for script in (chrome.AXE_JS, passes.HTMLCS_JS) if script.is_file()))
    yield session
    session.close()


@pytest.fixture(scope="session")
def axe_ready():
    if not chrome.AXE_JS.is_file():
        unavailable(
            f"axe-core is not installed at {chrome.AXE_JS} "
            "(npm install --no-save --prefix _build/npm axe-core@<version>, as .ci/run does)"
        )
    return chrome.AXE_JS


@pytest.fixture(scope="session")
def htmlcs_ready():
    if not passes.HTMLCS_JS.is_file():
        unavailable(
            f"HTML_CodeSniffer is not installed at {passes.HTMLCS_JS} (it comes with pa11y: "
            "PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix _build/npm pa11y@<version>, as .ci/run does)"
        )
    return passes.HTMLCS_JS


@pytest.fixture(scope="session")
def http_site():
    with chrome.serve(chrome.SITE) as base:
        yield base


@pytest.fixture(scope="session")
def desktop_pass(browser) -> dict[str, passes.Visit]:
    """Every page once at 1280 px from disk (passes.desktop)."""
    return passes.desktop(browser, htmlcs=passes.HTMLCS_JS.is_file())


@pytest.fixture(scope="session")
def phone_pass(browser, http_site) -> dict[str, passes.Visit]:
    """Every page once at 390 px over HTTP (passes.phone)."""
    return passes.phone(browser, http_site)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
