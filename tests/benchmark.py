"""`make benchmark`: build and test timings, measured in one run, as figures and ratios.

Measures, on a fresh copy of the project (the tracked sources without
_build, so the jupyter cache is cold; it reuses the installed .venv, so
installation is not timed):

- `make book` (executes every notebook, then builds) against its floor: the
  sum of the notebooks' own execution times (recorded by jupyter-cache)
  divided by the cores, plus the time of a build with execution off
  (`make html-stored` on a second fresh copy);
- a no-change rebuild (`make book` again on the first copy);
- `make test` on this project (into a temporary BUILD folder), and the
  number of notebook executions it causes (each chapter's `setup()`
  appends to the file named by REASSURANCE_EXECUTION_LOG).

Targets are printed, not asserted: `make book` within 1.3x its floor, a
no-change rebuild within the time of a build with execution off, `make test`
within 3 minutes and no slower than MAKE_TEST_BEFORE (issue 12's lean-test
work). The machine may be shared: figures vary with its load.
`--test-only` times `make test` alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def execution_seconds(cache_folder: Path) -> dict[str, float]:
    from jupyter_cache import get_cache

    records = get_cache(str(cache_folder)).list_cache_records()
    return {Path(r.uri).name: float(r.data.get("execution_seconds") or 0.0) for r in records}


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def time_make_test(env: dict[str, str], scratch: Path) -> tuple[float, list[str]]:
    """`CI=true make test` into a scratch BUILD; and the notebook executions it caused."""
    log = scratch / "executions.log"
    test_env = env | {"REASSURANCE_EXECUTION_LOG": str(log), "CI": "true"}
    test_command = ["make", "-s", "-C", str(ROOT), "test", f"BUILD={scratch / 'test'}"]
    seconds = timed(test_command, test_env)
    return seconds, log.read_text(encoding="utf-8").splitlines() if log.is_file() else []


def before_and_after(test: float) -> str:
    before = MAKE_TEST_BEFORE
    return (
        f"make test: before {before['seconds']:.0f} s (measured at {before['commit']} on {before['date']}, "
        f"load average {before['load_average']}), now {test:.0f} s (load average {os.getloadavg()[0]:.1f}): "
        f"{test / before['seconds']:.2f}x before (target <= 1.00x): {verdict(test <= before['seconds'])}"
    )


def main() -> int:
    env = make_env()
    if "--test-only" in sys.argv[1:]:
        with tempfile.TemporaryDirectory(prefix="reassurance-bench-") as scratch:
            test, _ = time_make_test(env, Path(scratch))
        print(before_and_after(test))
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

        test, executions = time_make_test(env, scratch)

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
        ("make test", test, f"{test / 180:.2f}x 3 minutes (target <= 1.00x): {verdict(test <= 180)}"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:7.1f} s  {note}")
    print(
        f"notebook executions per make test: {in_nbval} by nbval and the book build "
        f"(target: {len(notebooks)}, one per notebook: {verdict(in_nbval == len(notebooks))}), "
        f"plus {len(in_fresh_copy)} by the offline fresh-copy build test"
    )
    print(before_and_after(test))
    return 0


if __name__ == "__main__":
    sys.exit(main())
