"""`make book`'s first step (reassurance.pipeline.prefill): validate first, run each
notebook once for the current inputs, fail once with a short message."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from reassurance.evidence import load
from reassurance.pipeline import prefill


def notebook(folder: Path, name: str, code: str) -> Path:
    path = folder / name
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def inputs(monkeypatch):
    """Stand-ins for the data: a fingerprint the test sets, and a count of validations."""
    state = {"fingerprint": "one", "validations": 0}
    monkeypatch.setattr(prefill, "fingerprint", lambda: state["fingerprint"])

    def check_evidence(path=None):
        state["validations"] += 1

    monkeypatch.setattr(prefill, "check_evidence", check_evidence)
    return state


def test_results_are_reused_until_the_inputs_change(tmp_path, inputs):
    nb = notebook(tmp_path, "a.ipynb", "print(1)")
    cache = tmp_path / "cache"
    assert prefill.prefill(cache, [nb]) == [str(nb.resolve())]
    assert inputs["validations"] == 1
    # Same inputs: nothing runs, and the data need no second validation.
    assert prefill.prefill(cache, [nb]) == []
    assert inputs["validations"] == 1
    # The data changed: validated again, and the notebook runs again.
    inputs["fingerprint"] = "two"
    assert prefill.prefill(cache, [nb]) == [str(nb.resolve())]
    assert inputs["validations"] == 2


def test_a_failing_notebook_stops_the_build_once_with_its_error(tmp_path, inputs):
    good = notebook(tmp_path, "good.ipynb", "print(1)")
    bad = notebook(tmp_path, "bad.ipynb", "raise ValueError('planted failure')")
    with pytest.raises(prefill.PrefillError) as stopped:
        prefill.prefill(tmp_path / "cache", [good, bad])
    message = str(stopped.value)
    assert "bad.ipynb failed to execute" in message
    assert "ValueError: planted failure" in message
    assert "good.ipynb" not in message
    assert "\x1b[" not in message  # no colour codes


def test_invalid_data_stops_before_anything_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(prefill, "fingerprint", lambda: "changed")

    def invalid(path=None, **options):
        raise load.EvidenceError(["data/events.csv, row 2, column 'category', value 'x ': [constraint-error] ..."])

    monkeypatch.setattr(load, "validate", invalid)
    nb = notebook(tmp_path, "a.ipynb", "open('ran', 'w').close()")
    with pytest.raises(prefill.PrefillError) as stopped:
        prefill.prefill(tmp_path / "cache", [nb])
    assert "data/events.csv, row 2, column 'category', value 'x '" in str(stopped.value)
    assert "The book was not built" in str(stopped.value)
    assert not (tmp_path / "ran").exists()


def test_make_notebooks_also_validates_first(tmp_path, monkeypatch, capsys):
    from reassurance.pipeline import execute

    def invalid(path=None, **options):
        raise load.EvidenceError(["data/events.csv, row 2, column 'category', value 'x ': [constraint-error] ..."])

    monkeypatch.setattr(load, "validate", invalid)
    monkeypatch.setenv("REASSURANCE_BUILD", str(tmp_path / "build"))
    nb = notebook(tmp_path, "a.ipynb", "open('ran', 'w').close()")
    assert execute.main([str(nb)]) == 1
    assert "data/events.csv, row 2" in capsys.readouterr().err
    assert not (tmp_path / "ran").exists()


def test_a_changed_page_is_validated_again_without_running_the_notebooks_again(tmp_path, inputs, monkeypatch):
    """The book's quotations are rules too: a page edit validates again, but the
    cached results (which depend on the data and the package only) are kept."""
    state = {"book": "one"}
    monkeypatch.setattr(prefill, "book_fingerprint", lambda: state["book"])
    nb = notebook(tmp_path, "a.ipynb", "print(1)")
    cache = tmp_path / "cache"
    assert prefill.prefill(cache, [nb]) == [str(nb.resolve())]
    assert inputs["validations"] == 1
    state["book"] = "two"
    assert prefill.prefill(cache, [nb]) == []
    assert inputs["validations"] == 2
    assert prefill.prefill(cache, [nb]) == []
    assert inputs["validations"] == 2


def test_make_notebooks_saves_the_results_make_book_cached_without_running_them_again(tmp_path, inputs, monkeypatch):
    """`make notebooks` (reassurance.pipeline.execute) writes into each notebook the
    result that prefill cached in the build's jupyter cache: one execution,
    one timeout, no per-cell timing."""
    from reassurance.pipeline import execute

    monkeypatch.setenv("REASSURANCE_BUILD", str(tmp_path / "build"))
    code = ("from pathlib import Path\n"
            "runs = Path('runs')\n"
            "runs.write_text(runs.read_text() + 'x' if runs.exists() else 'x')\n"
            "print(len(runs.read_text()))")
    nb = notebook(tmp_path, "a.ipynb", code)
    assert prefill.prefill(tmp_path / "build" / ".jupyter_cache", [nb]) == [str(nb.resolve())]  # make book
    assert execute.execute([nb]) == []  # make notebooks: nothing runs again
    saved = nbformat.read(nb, as_version=4)
    assert saved.cells[0].outputs[0]["text"] == "1\n"
    assert saved.cells[0].execution_count == 1
    assert "execution" not in saved.cells[0].metadata
    assert (tmp_path / "runs").read_text() == "x"
    before = nb.read_bytes()
    assert execute.execute([nb]) == []
    assert nb.read_bytes() == before, "a second save changes nothing"
