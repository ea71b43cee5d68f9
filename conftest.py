"""pytest hooks for every test run from the project root, the notebooks
(nbval, under book/) included: tests/conftest.py reaches only tests/.

When nbval finds that a cell's outputs differ from the stored ones, the
failure starts with the glued values that changed (myst-nb `glue` keys, as
the pages cite them), before nbval's own diff.

At the start of a run the project's data are checked once, and, if they
pass, exported as validated (reassurance.evidence.validated):
every notebook kernel, worker and build the run starts then reads those
bytes without checking them again, as `make book` does after its first
step. A copy with other bytes (the tests' damaged and planted data) is
checked in full. Data that fail are not exported: every test that loads
them then fails on the problems.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# myst-nb marks a glued output with metadata {"scrapbook": {"name": KEY}}.
_SCRAPBOOK = "scrapbook"
_SHOWN = 120


def glued_values(outputs) -> dict[str, dict]:
    """Glue key -> its output's data. Images are left out of the report only: nbval
    does compare a glued PNG, but its base64 text would tell the reader nothing."""
    values = {}
    for output in outputs or []:
        name = ((output.get("metadata") or {}).get(_SCRAPBOOK) or {}).get("name")
        if name:
            data = output.get("data") or {}
            values[name] = {k: v for k, v in data.items() if "image/" not in k}
    return values


def _text(data: dict | None) -> str:
    if data is None:
        return "(no such value)"
    plain = next((v for k, v in sorted(data.items()) if k.endswith("text/plain")), None)
    text = "".join(plain) if isinstance(plain, list) else str(plain if plain is not None else data)
    text = text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
    return repr(text) if "\n" in text or not text else text


def changed_glue(stored_outputs, new_outputs) -> list[str]:
    """One line per glue key whose value differs: stored (the notebook file) and now (re-executed)."""
    stored, new = glued_values(stored_outputs), glued_values(new_outputs)
    return [
        f"  {key}: stored {_text(stored.get(key))}, now {_text(new.get(key))}"
        for key in sorted(stored.keys() | new.keys())
        if stored.get(key) != new.get(key)
    ]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.when != "call" or not report.failed or not hasattr(item, "test_outputs") or not hasattr(item, "cell"):
        return
    lines = changed_glue(item.cell.get("outputs"), item.test_outputs)
    if lines:
        header = (
            "Glued value(s) changed in this cell ('stored' is the notebook file's output, "
            "'now' is the re-execution with the current data and code):\n" + "\n".join(lines) + "\n"
            "If the change is intended, run `make notebooks` and review the notebook's diff.\n\n"
        )
        report.longrepr = header + str(report.longrepr)


def pytest_configure(config):
    # Only in the process that starts the others (xdist's workers, and the
    # kernels and builds they start, inherit its environment).
    if hasattr(config, "workerinput"):
        return
    from reassurance.evidence import validated
    from reassurance.evidence.load import EvidenceError, validate

    os.environ.pop(validated.ENV, None)  # an inherited digest must not stand in for this check
    package = Path(__file__).resolve().parent / "data" / "datapackage.json"
    if not package.is_file():
        return  # this file copied into a test's scratch folder
    try:
        # load_evidence's checks (the book's own are tested apart), then the export.
        validate(package, book=False, export=True)
    except EvidenceError:
        return
