"""Two builds of the same commit are byte-identical: a clean one, and one
in another copy that rewrites every page over the first one's output.

What is compared: every file under _build/html (pages, images, the search
index, downloads, static files). The first build is a clean build (below)
of the project. The second builds a copy of the project, in another
folder, with its own (empty) doctrees, over a copy of the first build's
output, with `sphinx-build -E` (every page read and rewritten while the
previous output is present). So one comparison shows both that the output
does not depend on the folder or on anything of the moment (time, order,
hash seeds), and that a rebuild over previous output changes nothing (a
step that rewrote its own output, or appended to it, would show). Issue 22:
two builds instead of three (two clean builds, then a rebuild). The builds
render the notebooks' stored outputs (`make html-stored`, execution off) to
keep `make test` fast; test_fresh_copy.py builds a fresh copy WITH execution.
Environment pickles and doctrees are not part of the site and not compared.

The first build is the run's own site (tests/conftest.py, `make
site-stored`) when the run built it from nothing, as on CI's fresh clone:
a clean build, so building it again would test nothing more. Built over
earlier output (a workstation's _build), it is not a clean build (measured
on 1 Dec 2026: touching one chapter and rebuilding empties searchindex.js's
`indexentries`, the glossary's 20 terms), and the test makes its own clean
build first. The offline fresh-copy build executes the notebooks on data
with planted strings, so its pages are not these.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path

import pytest

from support import copy_project, make_command, make_env


def build(folder: Path, *options: str, over: Path | None = None) -> Path:
    """`make html-stored` in a new copy of the project in `folder`; with `over`,
    into a copy of that earlier output."""
    project = copy_project(folder / "project")
    out = folder / "build"
    if over is not None:
        shutil.copytree(over, out / "html", symlinks=True)
    command = make_command(project, "html-stored", out) + list(options)
    done = subprocess.run(command, env=make_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "html"


def differing(first: Path, second: Path) -> list[str]:
    files_one, files_two = tree(first), tree(second)
    assert files_one == files_two, f"only in one: {sorted(files_one ^ files_two)}"
    assert len(files_one) > 20
    return sorted(f for f in files_one if not filecmp.cmp(first / f, second / f, shallow=False))


def tree(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


@pytest.mark.build
def test_a_clean_build_and_a_rebuild_elsewhere_over_its_output_are_byte_identical(tmp_path, clean_site):
    first = clean_site or build(tmp_path / "one")
    # The site's pages link its PDF when it has one (make site-stored): the rebuild must say so too.
    options = ["SITE_OPTS=-D reassurance_pdf=reassurance.pdf"] if (first / "reassurance.pdf").is_file() else []
    second = build(tmp_path / "two", "SPHINX_OPTS=-W -n --keep-going -q -E", *options, over=first)
    changed = differing(first, second)
    assert not changed, (
        "files that differ between a clean build and a rebuild in another folder over its output:\n" + "\n".join(changed)
    )
