"""The shared preamble of every chapter notebook: `evidence = setup()`, and
one module per notebook beside it, named like the notebook."""

from __future__ import annotations

import os

from reassurance import style
from reassurance.evidence.load import Evidence, load_evidence

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
