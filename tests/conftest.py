"""Shared fixtures: the project root, a scratch copy of the evidence base and the
built site; and how the tests are shared between xdist workers."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from support import ROOT, DataCopy, make_command, make_env


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return DataCopy(tmp_path / "data")


@pytest.fixture(scope="session")
def evidence():
    """The project's evidence base, loaded and validated once per run (tests must not change it)."""
    from reassurance.evidence import load_evidence

    return load_evidence(ROOT / "data" / "datapackage.json")


@pytest.fixture(scope="session")
def article_key(evidence) -> str:
    """The annotated article's source key, as the package derives it."""
    from reassurance.evidence import sources

    return sources.article_key(evidence)


# --- The built site, once per run ----------------------------------------------
#
# The site (`make site-stored`: the PDF, then the HTML from the stored outputs)
# is built by the first test that needs it, not before pytest starts, so the
# other xdist worker runs the notebooks and the unit tests meanwhile. Workers
# share one build: the first to get the lock builds, the others wait for it and
# then find the run's stamp. fcntl.flock is the standard library's; no lock
# package is needed for one lock on one Linux machine.

BUILD = Path(os.environ.get("REASSURANCE_BUILD") or ROOT / "_build")
# The same in every worker of one run (pytest-xdist sets it), new each run.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
# REASSURANCE_USE_BUILT_SITE=1 tests the site already in BUILD as it is (a
# targeted run after `make site-stored`), without building it again.
USE_BUILT = os.environ.get("REASSURANCE_USE_BUILT_SITE") == "1"


STAMP = BUILD / ".site-built-for-run"


@pytest.fixture(scope="session")
def built_site() -> Path:
    """BUILD/html, built once for the whole run (every worker) by `make site-stored`."""
    site = BUILD / "html"
    if USE_BUILT:
        if not (site / "index.html").is_file():
            pytest.fail(f"REASSURANCE_USE_BUILT_SITE=1 but {site} holds no built site: run `make site-stored`")
        return site
    BUILD.mkdir(parents=True, exist_ok=True)
    with open(BUILD / ".site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if STAMP.is_file() and STAMP.read_text(encoding="utf-8").split()[0] == RUN_ID:
                return site
            STAMP.unlink(missing_ok=True)
            # A build with no earlier output is a clean build (test_reproducible.py can use it as one).
            clean = not (BUILD / "doctrees").exists() and not (site / ".buildinfo").exists()
            started = time.perf_counter()
            done = subprocess.run(
                make_command(ROOT, "site-stored", BUILD), cwd=ROOT, env=make_env(),
                capture_output=True, text=True,
            )
            if done.returncode != 0:
                pytest.fail(f"`make site-stored` failed:\n{(done.stdout + done.stderr)[-6000:]}", pytrace=False)
            STAMP.write_text(f"{RUN_ID} {'clean' if clean else 'incremental'}", encoding="utf-8")
            print(f"built the site in {time.perf_counter() - started:.0f} s")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return site


@pytest.fixture(scope="session")
def clean_site(built_site) -> Path | None:
    """The run's site when this run built it from nothing (a clean build, as
    on CI's fresh clone); None when it was built over earlier output, or was
    built before the run (REASSURANCE_USE_BUILT_SITE=1)."""
    if USE_BUILT:
        return None
    return built_site if STAMP.read_text(encoding="utf-8").split()[1:] == ["clean"] else None


# --- Which worker runs what ----------------------------------------------------
#
# `make test` runs `pytest -n 2 --dist loadfile --no-loadscope-reorder`: each
# test file runs on one worker (nbval needs a notebook's cells together, and
# module fixtures stay once per file), except that the browser tests all run
# on one worker (the scheduler below), so that one Chromium visits each page
# once per viewport for all of them (tests/browser/passes.py). pytest-xdist's
# own `--dist loadgroup` cannot do this with pytest 9: it renames a test's
# node id to carry its group, which pytest 9 no longer lets it do, so every
# test ends up in a group of its own. The scheduler sees only node ids, hence a
# rule on paths.
BROWSER = "tests/browser"

# The longest groups go first (--no-loadscope-reorder: xdist hands out files
# in the order below, not the files with most tests first): a long group
# started last would leave one worker idle while the other ends it. The
# first test that needs the site builds it (built_site).
LONGEST_FIRST = ["tests/build/test_fresh_copy.py", BROWSER, "tests/unit/test_bad_input.py",
                 "tests/build/test_reproducible.py"]


def worker_group(nodeid: str) -> str:
    """The tests one worker runs together: a file's, or all the browser tests."""
    path = nodeid.split("::", 1)[0]
    return BROWSER if path.startswith(BROWSER + "/") else path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FilesWithTheBrowserTestsTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid)

    return FilesWithTheBrowserTestsTogether(config, log)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    rank = {group: n for n, group in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(worker_group(item.nodeid), len(rank)))  # stable: the rest keep their order
