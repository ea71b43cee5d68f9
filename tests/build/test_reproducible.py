"""Two clean builds of the same commit are byte-identical.

What is compared: every file under _build/html (pages, images, the search
index, downloads, static files) of two builds of two separate copies of the
project, in two different folders, each with its own doctrees. The builds
render the notebooks' stored outputs (`make html-stored`, execution off) to
keep `make test` fast; test_offline.py builds a fresh copy WITH execution.
Environment pickles and doctrees are not part of the site and not compared.
"""

from __future__ import annotations

import filecmp
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import copy_project, make_command, make_env


def build(folder: Path) -> Path:
    project = copy_project(folder / "project")
    out = folder / "build"
    done = subprocess.run(make_command(project, "html-stored", out), env=make_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "html"


def tree(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


@pytest.mark.build
def test_two_clean_builds_are_byte_identical(tmp_path):
    folders = [tmp_path / "one", tmp_path / "two"]
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(build, folders)
    files_one, files_two = tree(first), tree(second)
    assert files_one == files_two, f"only in one: {sorted(files_one ^ files_two)}"
    assert len(files_one) > 20
    differing = sorted(f for f in files_one if not filecmp.cmp(first / f, second / f, shallow=False))
    assert not differing, "files that differ between two builds:\n" + "\n".join(differing)
