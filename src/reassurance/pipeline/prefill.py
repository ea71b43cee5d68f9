"""Validate the evidence, then execute the chapters in parallel into the build's cache (`make book`).

Steps, each stopping the build with a short message and a non-zero exit:

1. The evidence is validated (reassurance.evidence.load.validate, every rule
   `make validate` runs, the book's quotations and references.bib
   included): on invalid data the one list of problems is printed, nothing
   executes. It runs again whenever the inputs or the book's files change.
2. The cached results are dropped when the inputs have changed since they
   were computed (reassurance.pipeline.inputs.fingerprint: the data and the package),
   because jupyter-cache keys a result on the notebook's code alone.
3. Every notebook without a cached result runs, on all cores (jupyter-cache's
   `local-parallel` executor, with the timeout of `_config.yml`, in its own
   folder as the build would). A notebook that fails is reported here, once,
   with the end of its traceback; the build then does not run it again.

The Sphinx build afterwards finds every notebook in the cache and only renders.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

from reassurance.paths import project_root
from reassurance.pipeline.inputs import book_fingerprint, fingerprint

# Holds the fingerprint of the inputs that the cached results were computed from.
STAMP = "reassurance-inputs.sha256"
# Holds the fingerprint of the inputs and the book's files last validated.
VALIDATED = "reassurance-validated.sha256"
# How much of a failing notebook's traceback to show.
TRACEBACK_LINES = 25
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Lines the kernels print on every start that say nothing about this build:
# each kernel listens on 127.0.0.1 only, so TCP without encryption is expected.
# Every other line the kernels or workers print still shows.
EXPECTED_NOISE = (b"Kernel is running over TCP without encryption",)


class PrefillError(RuntimeError):
    """The build must stop: the message says why, for the reader of the terminal."""


def _settings() -> dict:
    config = yaml.safe_load((project_root() / "_config.yml").read_text(encoding="utf-8"))
    execute = config.get("execute", {})
    if execute.get("run_in_temp") or execute.get("allow_errors"):
        raise PrefillError("prefill assumes execute.run_in_temp and execute.allow_errors are false")
    return execute


def check_evidence(path: Path | None = None) -> None:
    """Validate the Data Package; raise PrefillError with the problem list if it is invalid."""
    # Imported here: pandas and Frictionless take seconds to load, and a no-change build needs neither.
    from reassurance.evidence.load import EvidenceError, validate

    try:
        # The kernels this process starts read the same bytes: they need not check them again.
        validate(path, export=True)
    except EvidenceError as exc:
        raise PrefillError(
            f"{exc}\nThe book was not built. Correct the data above, then run `make book` again "
            "(`make validate` checks the data alone)."
        ) from None


# Why not `jcache project execute --executor local-parallel` (the same executor)?
# jcache exits 0 when a notebook fails (checked again on 1 Dec 2026 with
# jupyter-cache 1.0.1: "excepted: [bad.ipynb]", exit status 0), keys results on
# the code alone so a data edit would reuse stale outputs, and was no faster
# (warm no-change call 2.7-3.1 s against 2.2-2.7 s here, 3 runs each, load 5.5).
def prefill(cache_path: Path, notebooks: list[Path]) -> list[str]:
    """Validate, drop results of older inputs, execute what is uncached; return what was executed."""
    execute = _settings()
    inputs = fingerprint()
    validated = f"{inputs} {book_fingerprint()}"
    stamp, valid_stamp = cache_path / STAMP, cache_path / VALIDATED
    stored = stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else None
    if not valid_stamp.is_file() or valid_stamp.read_text(encoding="utf-8").strip() != validated:
        # Validated when the stamp was written; unchanged files need no second check.
        check_evidence()
    if stored != inputs:
        if cache_path.exists():
            get_cache(str(cache_path)).clear_cache()
        cache_path.mkdir(parents=True, exist_ok=True)
        stamp.write_text(inputs + "\n", encoding="utf-8")
    cache_path.mkdir(parents=True, exist_ok=True)
    valid_stamp.write_text(validated + "\n", encoding="utf-8")
    cache = get_cache(str(cache_path))
    uris = [str(nb.resolve()) for nb in notebooks]
    for uri in uris:
        cache.add_nb_to_project(uri)
    if not cache.list_unexecuted(filter_uris=uris):
        return []  # every notebook has a result for these inputs: start no processes
    # The workers' own log lines repeat each error in full; the summary below replaces them.
    quiet = logging.getLogger("reassurance.pipeline.prefill")
    quiet.setLevel(logging.CRITICAL)
    executor = load_executor("local-parallel", cache=cache, logger=quiet)
    started = time.perf_counter()
    with _stderr_without(EXPECTED_NOISE):
        result = executor.run_and_cache(filter_uris=uris, timeout=execute.get("timeout", 30), allow_errors=False)
    failed = sorted(result.excepted + result.errored)
    if failed:
        raise PrefillError("\n\n".join(_failure(cache, uri) for uri in failed) + "\n\nThe book was not built.")
    print(f"executed {len(result.succeeded)} notebook(s) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return sorted(result.succeeded)


@contextmanager
def _stderr_without(noise: tuple[bytes, ...]):
    """Standard error, for this process and every process it starts (the
    workers and their kernels inherit it), without the lines holding `noise`."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real standard error (an embedding host): filter nothing
        yield
        return
    read, write = os.pipe()
    os.dup2(write, 2)
    os.close(write)

    def pump():
        with os.fdopen(read, "rb") as source, os.fdopen(os.dup(saved), "wb") as target:
            for line in source:
                if not any(n in line for n in noise):
                    target.write(line)
                    target.flush()

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        thread.join(timeout=5)


def _failure(cache, uri: str) -> str:
    """The notebook's name and the end of its traceback, without colour codes."""
    name = _relative(uri)
    try:
        traceback = cache.get_project_record(uri).traceback or ""
    except Exception:  # the record is only read to explain the failure
        traceback = ""
    lines = _ANSI.sub("", traceback).rstrip().splitlines()
    shown = lines[-TRACEBACK_LINES:] if lines else ["(no traceback recorded: the kernel may have died)"]
    return f"{name} failed to execute:\n" + "\n".join(f"  {line}" for line in shown)


def _relative(uri: str) -> str:
    try:
        return str(Path(uri).relative_to(project_root()))
    except ValueError:
        return uri


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m reassurance.pipeline.prefill CACHE_FOLDER NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    try:
        prefill(Path(argv[0]), [Path(a) for a in argv[1:]])
    except PrefillError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
