"""Fixtures for the browser tests: one Chromium session per test file, the
built site over HTTP, and the rule that under CI nothing here may skip."""

from __future__ import annotations

import os

import chrome
import pytest
from chrome import unavailable


@pytest.fixture(scope="module")
def browser():
    reason = chrome.missing()
    if reason:
        unavailable(reason)
    if not (chrome.SITE / "index.html").is_file():
        pytest.fail(f"{chrome.SITE / 'index.html'} is missing: build the book first (make test does)")
    session = chrome.Browser()
    yield session
    session.close()


@pytest.fixture(scope="module")
def axe_ready():
    if not chrome.AXE_JS.is_file():
        unavailable(
            f"axe-core is not installed at {chrome.AXE_JS} "
            "(npm install --no-save --prefix _build/npm axe-core@<version>, as .ci/run does)"
        )
    return chrome.AXE_JS


@pytest.fixture(scope="module")
def http_site():
    with chrome.serve(chrome.SITE) as base:
        yield base


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
