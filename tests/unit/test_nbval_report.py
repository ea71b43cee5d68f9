"""An nbval failure on a glued value names the glue key (the project's conftest.py hook)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

from support import ROOT


def test_a_changed_glued_value_is_named_with_both_sides(tmp_path):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    code = "from myst_nb import glue\nglue('summit_countries', '26', display=False)"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, kernel_name="python3").execute()
    # The stored output says 26; the code now glues 27.
    nb.cells[0].source = code.replace("'26'", "'27'")
    nbformat.write(nb, tmp_path / "chapter.ipynb")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env", "chapter.ipynb"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "summit_countries: stored '26', now '27'" in done.stdout, done.stdout
