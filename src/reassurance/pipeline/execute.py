"""Re-execute notebooks in place and save their outputs (`make notebooks`).

Unlike `jupyter nbconvert --execute`, this records no per-cell timing
metadata, so a re-run that changes nothing leaves the files byte-identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, timeout: int = 300) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m reassurance.pipeline.execute NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    # As `make book` does: invalid data stops here with one list, not once per notebook.
    from reassurance.pipeline.prefill import PrefillError, check_evidence

    try:
        check_evidence()
    except PrefillError as exc:
        print(exc, file=sys.stderr)
        return 1
    from reassurance.pipeline.prefill import EXPECTED_NOISE, _stderr_without

    with _stderr_without(EXPECTED_NOISE):
        for name in argv:
            print(f"executing {name}", flush=True)
            execute(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
