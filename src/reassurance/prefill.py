"""Execute the chapters in parallel into the build's jupyter cache (`make book`).

The Sphinx build executes notebooks one after another. Before it, this
runs every notebook whose code has no cached result on all cores (jupyter-
cache's `local-parallel` executor, with the timeout of `_config.yml`, each in
its own folder as the build would), so the build then finds every notebook in
the cache and only renders. A notebook that fails here is simply not cached:
the build executes it again and reports the error as usual.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

from .paths import project_root


def prefill(cache_path: Path, notebooks: list[Path]) -> list[str]:
    """Execute the uncached notebooks in parallel; return the ones that failed."""
    config = yaml.safe_load((project_root() / "_config.yml").read_text(encoding="utf-8"))
    execute = config.get("execute", {})
    if execute.get("run_in_temp") or execute.get("allow_errors"):
        raise SystemExit("prefill assumes execute.run_in_temp and execute.allow_errors are false")
    cache = get_cache(str(cache_path))
    uris = [str(nb.resolve()) for nb in notebooks]
    for uri in uris:
        cache.add_nb_to_project(uri)
    if not cache.list_unexecuted(filter_uris=uris):
        return []  # every notebook's code has a cached result: start no processes
    executor = load_executor("local-parallel", cache=cache)
    result = executor.run_and_cache(filter_uris=uris, timeout=execute.get("timeout", 30), allow_errors=False)
    return sorted(result.excepted + result.errored)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m reassurance.prefill CACHE_FOLDER NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    failed = prefill(Path(argv[0]), [Path(a) for a in argv[1:]])
    for uri in failed:
        print(f"prefill: {uri} failed; the build will execute it and report why", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
