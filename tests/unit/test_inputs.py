"""The build's input fingerprint (reassurance.pipeline.inputs) and its Sphinx hook."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from reassurance.pipeline import inputs
from reassurance.sphinxext import inputs as rereading
from support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    return tmp_path


def test_the_fingerprint_covers_the_descriptor_every_data_file_and_what_notebooks_import(project):
    files = {p.resolve() for p in inputs.input_files(project)}
    assert project / "data" / "datapackage.json" in files
    assert (project / "data" / "events.csv").resolve() in files
    package = Path(inputs.__file__).resolve().parent.parent
    assert package / "chapters" / "summit.py" in files
    assert package / "charts" / "common.py" in files
    assert package / "evidence" / "rules.py" in files
    assert package / "publish.py" in files
    # The pipeline and the Sphinx extension cannot change a chapter's output.
    assert not [f for f in files if f.is_relative_to(package / "pipeline") or f.is_relative_to(package / "sphinxext")]
    assert (project / "data" / "README.md").resolve() not in files  # not evidence


def test_one_changed_byte_in_a_csv_changes_the_fingerprint(project):
    before = inputs.fingerprint(project)
    assert inputs.fingerprint(project) == before  # stable
    events = project / "data" / "events.csv"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("2025", "2024", 1), encoding="utf-8")
    assert inputs.fingerprint(project) != before
    events.write_text(text, encoding="utf-8")
    assert inputs.fingerprint(project) == before


def test_a_changed_descriptor_or_a_missing_file_changes_the_fingerprint(project):
    before = inputs.fingerprint(project)
    descriptor = project / "data" / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"maxLength": 80', '"maxLength": 81', 1), encoding="utf-8")
    changed = inputs.fingerprint(project)
    assert changed != before
    (project / "data" / "events.csv").unlink()
    assert inputs.fingerprint(project) != changed


def test_sphinx_rereads_every_page_when_the_inputs_change(project):
    app = SimpleNamespace(srcdir=str(project))
    env = SimpleNamespace(found_docs={"index", "book/summit"})
    assert rereading._outdated(app, env, set(), set(), set()) == ["book/summit", "index"]
    assert rereading._outdated(app, env, set(), set(), set()) == []  # nothing changed since
    (project / "data" / "events.csv").write_text("changed\n", encoding="utf-8")
    assert rereading._outdated(app, env, set(), set(), set()) == ["book/summit", "index"]
