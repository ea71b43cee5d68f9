"""Data checked once per run: a process that has validated the Data Package
tells the processes it starts, so they need not check the same bytes again.

`make book`'s first step (reassurance.pipeline.prefill) and the test suite's
start (conftest.py) call `export` after the data passed every check;
load_evidence, in the notebook kernels and in Sphinx they start, then reads
the tables without checking them again (over a second per notebook, for
nothing). The digest covers every file in the Data Package's folder and the
package's code (the rules and all they import): any change to either and
every rule runs again. Only an environment variable is written: nothing on disk can
stand in for a check.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from reassurance.paths import datapackage_path

ENV = "REASSURANCE_VALIDATED_DIGEST"


def digest(path: Path | str | None = None) -> str:
    """SHA-256 over the name and bytes of every file in the Data Package's
    folder and of the package's code: what load_evidence's checks depend on."""
    path = Path(path) if path is not None else datapackage_path()
    code = Path(__file__).resolve().parents[1]  # src/reassurance
    hashed = hashlib.sha256()
    for folder, files in ((path.parent, path.parent.rglob("*")), (code, code.rglob("*.py"))):
        for file in sorted(files):
            # A symbolic link is refused by the checks; its target is not read.
            content = b"<link>" if file.is_symlink() else file.read_bytes() if file.is_file() else b"<folder>"
            hashed.update(file.relative_to(folder).as_posix().encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
        hashed.update(b"\1")
    return hashed.hexdigest()


def export(path: Path | str | None = None) -> None:
    """Record, for the processes this one starts, that the data at `path`
    passed load_evidence's checks as they are now. Call it only after they did."""
    os.environ[ENV] = digest(path)


def exported(path: Path | str | None = None) -> bool:
    """Whether a parent process exported the data at `path`, as they are now, as validated."""
    given = os.environ.get(ENV)
    return given is not None and given == digest(path)
