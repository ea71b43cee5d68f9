"""Data checked once per run (reassurance.evidence.validated): the bytes a
parent process exported as validated are read without a second check, as the
tables it loaded; any other bytes, the same bytes without the export, or an
exported file that is not the one written, are checked in full."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from reassurance.evidence import EvidenceError, load, load_evidence, validated
from reassurance.pipeline import prefill


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """Every full check load_evidence runs, by path (the real checks still run)."""
    ran: list[str] = []
    real = load._checked

    def spy(path, *, book):
        ran.append(str(path))
        return real(path, book=book)

    monkeypatch.setattr(load, "_checked", spy)
    monkeypatch.delenv(validated.ENV, raising=False)  # restored after the test
    return ran


def test_exported_data_load_without_a_second_check_and_alike(data_copy, checks):
    checked = load_evidence(data_copy.datapackage)
    validated.export(data_copy.datapackage, checked.tables)
    trusted = load_evidence(data_copy.datapackage)
    assert checks == [str(data_copy.datapackage)]
    assert trusted.paths == checked.paths
    assert trusted.tables.keys() == checked.tables.keys()
    for name, frame in checked.tables.items():
        pd.testing.assert_frame_equal(trusted.tables[name], frame, check_exact=True, obj=name)


def test_a_process_started_after_the_export_loads_without_frictionless(data_copy, checks, evidence):
    """What a notebook kernel does: the tables come from the export, and the
    validation library is never imported."""
    validated.export(data_copy.datapackage, evidence.tables)
    script = (
        "import sys; from reassurance.evidence import load_evidence; "
        f"e = load_evidence({str(data_copy.datapackage)!r}); "
        "print(len(e.tables), 'frictionless' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy(), check=True)
    assert done.stdout.split() == [str(len(evidence.tables)), "False"]
    assert checks == []


def test_without_the_export_every_check_runs(data_copy, monkeypatch):
    monkeypatch.delenv(validated.ENV, raising=False)
    assert every_load_checks(data_copy.datapackage, monkeypatch)


def every_load_checks(path, monkeypatch) -> bool:
    """Whether each of two loads of `path` runs the checks (a stand-in for them that refuses)."""
    ran = []

    def refuse(path, *, book):  # stands in for the checks: each call is one full check
        ran.append(path)
        raise EvidenceError(["checked"])

    monkeypatch.setattr(load, "_checked", refuse)
    for _ in range(2):
        with pytest.raises(EvidenceError):
            load_evidence(path)
    return len(ran) == 2


@pytest.mark.parametrize("damage", ["edited", "removed"])
def test_an_exported_file_that_is_not_the_one_written_is_ignored_and_every_check_runs(data_copy, monkeypatch, evidence, damage):
    monkeypatch.delenv(validated.ENV, raising=False)  # restored after the test
    validated.export(data_copy.datapackage, evidence.tables)
    assert validated.exported(data_copy.datapackage)
    file = Path(os.environ[validated.ENV].split(" ", 2)[2])
    if damage == "edited":
        file.write_bytes(file.read_bytes() + b"\0")
    else:
        file.unlink()
    assert not validated.exported(data_copy.datapackage)
    assert validated.exported_tables(data_copy.datapackage) is None
    assert every_load_checks(data_copy.datapackage, monkeypatch)


def test_a_data_file_changed_after_the_export_is_checked_and_refused(data_copy, checks, evidence):
    validated.export(data_copy.datapackage, evidence.tables)
    data_copy.set_cell("events", 2, "start_date", "2025-02-30")
    with pytest.raises(EvidenceError, match="data/events.csv"):
        load_evidence(data_copy.datapackage)
    assert checks == [str(data_copy.datapackage)]


@pytest.mark.parametrize("change", ["new file", "renamed file", "symbolic link"])
def test_any_change_in_the_data_folder_changes_the_digest(data_copy, change):
    before = validated.digest(data_copy.datapackage)
    if change == "new file":
        (data_copy.folder / "notes.txt").write_text("x", encoding="utf-8")
    elif change == "renamed file":
        (data_copy.folder / "README.md").rename(data_copy.folder / "README.txt")
    else:
        target = data_copy.path("events")
        moved = target.with_name("elsewhere.csv")
        target.rename(moved)
        target.symlink_to(moved)
    assert validated.digest(data_copy.datapackage) != before


def test_the_digest_covers_the_packages_code(data_copy, monkeypatch, tmp_path):
    """A change in the code the checks run (the rules, or what they import)
    makes the old export stand for nothing."""
    package = Path(validated.__file__).resolve().parents[1]
    copy = tmp_path / "reassurance"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(validated, "__file__", str(copy / "evidence" / "validated.py"))
    before = validated.digest(data_copy.datapackage)
    with (copy / "text.py").open("a", encoding="utf-8") as handle:
        handle.write("# another version\n")
    assert validated.digest(data_copy.datapackage) != before


def test_the_builds_first_step_exports_only_data_that_passed(data_copy, checks):
    prefill.check_evidence(data_copy.datapackage)
    assert validated.exported(data_copy.datapackage)
    data_copy.set_cell("events", 2, "start_date", "2025-02-30")
    with pytest.raises(prefill.PrefillError):
        prefill.check_evidence(data_copy.datapackage)
    assert not validated.exported(data_copy.datapackage)
