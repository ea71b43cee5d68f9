"""The shared preamble of every chapter notebook: `evidence = chapter.setup()`."""

from __future__ import annotations

import os

from . import style
from .evidence import Evidence, load_evidence

# The benchmark sets this to count notebook executions in one `make test`.
EXECUTION_LOG_ENV = "REASSURANCE_EXECUTION_LOG"


def setup() -> Evidence:
    """Apply the figure style, record the execution if asked, load the evidence."""
    style.apply()
    log = os.environ.get(EXECUTION_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(os.getcwd() + "\n")
    return load_evidence()
