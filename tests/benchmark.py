"""`make benchmark`: build and test timings, measured in one run, as figures and ratios.

Measures, on a fresh copy of the project (the tracked sources without
_build, so the jupyter cache is cold; it reuses the installed .venv, so
installation is not timed):

- `make book` (executes every notebook, then builds) against its floor: the
  sum of the notebooks' own execution times (recorded by jupyter-cache)
  divided by the cores, plus the time of a build with execution off
  (`make html-stored` on a second fresh copy);
- a no-change rebuild (`make book` again on the first copy);
- `make test` on this project (into a temporary BUILD folder): its wall
  time and pytest's own time, beside the figures recorded before issue 22's
  work on the suite (PYTEST_BEFORE) and before issue 12's (MAKE_TEST_BEFORE);
  the number of notebook executions it causes (each chapter's
  `setup()` appends to the file named by REASSURANCE_EXECUTION_LOG)
  and of browser page loads (tests/browser/chrome.py appends each to the
  file named by REASSURANCE_PAGE_LOAD_LOG).

Targets are printed, not asserted: `make book` within 1.3x its floor, a
no-change rebuild within the time of a build with execution off, `make test`
within 3 minutes of pytest time and no slower than before. The machine may be
shared: figures vary with its load. `--test-only` times `make test` alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import ROOT, copy_project, make_command, make_env  # noqa: E402

CORES = os.cpu_count() or 1

# `make test` before issue 12's lean-test work, measured once, not live:
# `CI=true make test` at main 9101867 on 1 Dec 2026, two cores, load average
# 3-6 (other builds running): 696 s wall, of which pytest 610 s (545 passed).
# The benchmark's own `make test` runs with CI=true too, to be comparable.
MAKE_TEST_BEFORE = {"seconds": 696.0, "pytest_seconds": 610.0, "passed": 545, "commit": "9101867",
                    "date": "1 Dec 2026", "load_average": "3-6"}
# Before issue 22's work on the suite, measured once, not live: `CI=true bash
# .ci/run` on a fresh clone of main d04d5a2, 7 Dec 2026, two cores: pytest
# 7 min 19 s (971 passed, 2 skipped). That suite made 7 Sphinx builds, about
# 31 notebook executions and about 146 browser page loads (issue 22).
PYTEST_BEFORE = {"pytest_seconds": 439.0, "passed": 971, "commit": "d04d5a2", "date": "7 Dec 2026"}
# What this suite makes, counted from the tests (issue 22): the site (make
# site-stored: the single-page build for the PDF, then the HTML, which shares
# its read of the sources and only writes), the fresh-copy build, and the
# reproducibility test's rebuild over the site (the benchmark's BUILD starts
# empty, so the site is a clean build and the test needs no clean build of
# its own).
SPHINX_BUILDS = {"before": 7, "now": 4}


def run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    return run(command, env, cwd)[0]


def execution_seconds(cache_folder: Path) -> dict[str, float]:
    from jupyter_cache import get_cache

    records = get_cache(str(cache_folder)).list_cache_records()
    return {Path(r.uri).name: float(r.data.get("execution_seconds") or 0.0) for r in records}


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


@dataclass
class TestRun:
    seconds: float  # wall time of `make test`
    pytest_seconds: float | None  # pytest's own figure ("... in 123.45s")
    passed: int | None
    executions: list[str]
    page_loads: list[str]


def pytest_summary(output: str) -> tuple[float | None, int | None]:
    """pytest's closing line: (its seconds, tests passed)."""
    line = next((text for text in reversed(output.splitlines()) if re.search(r" in [\d.]+s", text)), "")
    seconds = re.search(r" in ([\d.]+)s", line)
    passed = re.search(r"(\d+) passed", line)
    return (float(seconds.group(1)) if seconds else None, int(passed.group(1)) if passed else None)


def time_make_test(env: dict[str, str], scratch: Path) -> TestRun:
    """`CI=true make test` into a scratch BUILD; the notebook executions and page loads it caused."""
    logs = {name: scratch / f"{name}.log" for name in ("executions", "page-loads")}
    test_env = env | {"REASSURANCE_EXECUTION_LOG": str(logs["executions"]),
                      "REASSURANCE_PAGE_LOAD_LOG": str(logs["page-loads"]), "CI": "true"}
    test_command = ["make", "-s", "-C", str(ROOT), "test", f"BUILD={scratch / 'test'}"]
    seconds, output = run(test_command, test_env)
    lines = {name: log.read_text(encoding="utf-8").splitlines() if log.is_file() else [] for name, log in logs.items()}
    return TestRun(seconds, *pytest_summary(output), lines["executions"], lines["page-loads"])


def before_and_after(test: TestRun) -> list[str]:
    before, earlier = PYTEST_BEFORE, MAKE_TEST_BEFORE
    pytest_seconds = test.pytest_seconds if test.pytest_seconds is not None else float("nan")
    return [
        f"make test, pytest's time: before {before['pytest_seconds'] / 60:.0f} min {before['pytest_seconds'] % 60:.0f} s "
        f"({before['passed']} passed; {before['commit']}, {before['date']}, fresh clone), now "
        f"{pytest_seconds // 60:.0f} min {pytest_seconds % 60:.0f} s ({test.passed} passed; load average "
        f"{os.getloadavg()[0]:.1f}): {pytest_seconds / before['pytest_seconds']:.2f}x before; "
        f"{pytest_seconds / 180:.2f}x 3 minutes (target <= 1.00x): {verdict(pytest_seconds <= 180)}",
        f"make test, wall time: {test.seconds:.0f} s (issue 12's figure: {earlier['seconds']:.0f} s at "
        f"{earlier['commit']} on {earlier['date']}, load average {earlier['load_average']})",
        f"make test makes {SPHINX_BUILDS['now']} Sphinx builds (before: {SPHINX_BUILDS['before']}), "
        f"{len(test.executions)} notebook executions (before: about 31) and "
        f"{len(test.page_loads)} browser page loads (before: about 146)",
    ]


def main() -> int:
    env = make_env()
    if "--test-only" in sys.argv[1:]:
        with tempfile.TemporaryDirectory(prefix="reassurance-bench-") as scratch:
            test = time_make_test(env, Path(scratch))
        print("\n".join(before_and_after(test)))
        return 0
    notebooks = sorted((ROOT / "book").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="reassurance-bench-") as scratch:
        scratch = Path(scratch)
        print(f"benchmark: {len(notebooks)} notebook(s), {CORES} core(s); load average {os.getloadavg()[0]:.1f}", flush=True)

        first = copy_project(scratch / "first")
        book = timed(make_command(first, "book", scratch / "book"), env)
        per_notebook = execution_seconds(scratch / "book" / ".jupyter_cache")
        rebuild = timed(make_command(first, "book", scratch / "book"), env)

        second = copy_project(scratch / "second")
        off = timed(make_command(second, "html-stored", scratch / "off"), env)

        test = time_make_test(env, scratch)
        executions = test.executions

    executed = sum(per_notebook.values())
    floor = executed / CORES + off
    in_fresh_copy = [line for line in executions if "fresh-copy" in line]
    in_nbval = len(executions) - len(in_fresh_copy)

    rows = [
        ("notebook execution, sum", executed, ", ".join(f"{k} {v:.1f} s" for k, v in sorted(per_notebook.items()))),
        ("build, execution off (fresh copy)", off, "make html-stored"),
        ("floor of make book", floor, f"sum / {CORES} cores + build with execution off"),
        ("make book (fresh copy, cold cache)", book, f"{book / floor:.2f}x floor (target <= 1.30x): {verdict(book <= 1.3 * floor)}"),
        ("no-change rebuild", rebuild, f"{rebuild / off:.2f}x a build with execution off (target <= 1.00x): {verdict(rebuild <= off)}"),
        ("make test (wall)", test.seconds, f"pytest's own time {test.pytest_seconds} s"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:7.1f} s  {note}")
    print(
        f"notebook executions per make test: {in_nbval} by nbval and the book build "
        f"(target: {len(notebooks)}, one per notebook: {verdict(in_nbval == len(notebooks))}), "
        f"plus {len(in_fresh_copy)} by the offline fresh-copy build test"
    )
    print("\n".join(before_and_after(test)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
