"""Data checked once per run: a process that has validated the Data Package
hands the tables it loaded to the processes it starts, so they need not
check, nor parse, the same bytes again.

`make book`'s first step (reassurance.pipeline.prefill) and the test suite's
start (conftest.py) call `export` after the data passed every check. It
writes the loaded tables to a private temporary file (removed when the
exporting process ends) and puts in the environment the digest of what was
checked and the SHA-256 of that file. load_evidence, in the notebook kernels
and in Sphinx they start, then takes the tables from the file: about 0.7 s
less per notebook (neither Frictionless nor the CSV parsing is loaded, and
every figure rendered from them is the same). The digest covers every file in
the Data Package's folder and the package's code (the rules and all they
import): any change to either, or a file that is not byte for byte the one
exported, and every rule runs again. The file never stands in for a check:
only the process that ran the checks names it.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from reassurance.paths import datapackage_path

# "<digest of data and code> <SHA-256 of the tables' file> <the file's path>"
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


def _remove(file: str) -> None:
    Path(file).unlink(missing_ok=True)


def export(path: Path | str | None, tables: dict) -> None:
    """Record, for the processes this one starts, that the data at `path`
    passed load_evidence's checks as they are now, and hand them `tables`,
    what those checks loaded. Call it only after the checks passed."""
    content = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
    handle, file = tempfile.mkstemp(prefix="reassurance-evidence-", suffix=".pickle")  # mode 0600
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    # Kept while this process runs: a kernel it started may load the tables late.
    atexit.register(_remove, file)
    os.environ[ENV] = f"{digest(path)} {hashlib.sha256(content).hexdigest()} {file}"


def _exported_content(path: Path | str | None) -> bytes | None:
    """The exported tables' bytes, when a parent process exported the data
    at `path` as they are now, and the file is the one it wrote."""
    given = os.environ.get(ENV, "").split(" ", 2)
    if len(given) != 3 or given[0] != digest(path):
        return None
    try:
        content = Path(given[2]).read_bytes()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == given[1] else None


def exported(path: Path | str | None = None) -> bool:
    """Whether a parent process exported the data at `path`, as they are now, as validated."""
    return _exported_content(path) is not None


def exported_tables(path: Path | str | None = None) -> dict | None:
    """The tables a parent process loaded after checking the data at `path`,
    as they are now; None when it did not (then every check must run)."""
    content = _exported_content(path)
    # Unpickled only when its SHA-256 is the one the checking process wrote.
    return None if content is None else pickle.loads(content)  # noqa: S301
