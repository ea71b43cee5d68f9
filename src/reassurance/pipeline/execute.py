"""Save the notebooks' executed outputs into the notebooks (`make notebooks`).

The notebooks run once, the way the build runs them: reassurance.pipeline.prefill
validates the evidence and executes every notebook whose result is missing
for the current data and package, on all cores, with the timeout of
_config.yml, into the build's jupyter cache. This module then writes each
cached result into its notebook (jupyter-cache's merge: outputs, execution
counts and the kernel's metadata), so the stored outputs that nbval checks
and `make html-stored` shows are the very outputs `make book` renders. A
notebook already executed for these inputs is not run again.

No per-cell timing metadata is recorded, so a re-run that changes nothing
leaves the files byte-identical.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from jupyter_cache import get_cache

from reassurance.paths import project_root
from reassurance.pipeline.prefill import PrefillError, prefill


def default_cache() -> Path:
    """The build's jupyter cache: $REASSURANCE_BUILD (set by the Makefile) or _build."""
    build = os.environ.get("REASSURANCE_BUILD")
    return Path(build) / ".jupyter_cache" if build else project_root() / "_build" / ".jupyter_cache"


def save_outputs(cache_path: Path, notebooks: list[Path]) -> None:
    """Write each notebook's cached result into the notebook file."""
    cache = get_cache(str(cache_path))
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        _, merged = cache.merge_match_into_notebook(notebook)
        for cell in merged.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(merged, path)


def execute(notebooks: list[Path], cache_path: Path | None = None) -> list[str]:
    """Execute what is not cached for the current inputs (reassurance.pipeline.prefill),
    then save every notebook's outputs; return what was executed. Raises
    PrefillError when the data are invalid or a notebook fails."""
    cache_path = cache_path or default_cache()
    executed = prefill(cache_path, notebooks)
    save_outputs(cache_path, notebooks)
    return executed


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m reassurance.pipeline.execute NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    notebooks = [Path(name) for name in argv]
    try:
        execute(notebooks)
    except PrefillError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in notebooks:
        print(f"saved the outputs of {path}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
