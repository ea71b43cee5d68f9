"""The template chapter (templates/chapter-template.ipynb) runs, has the anatomy
the chapters share, and stays out of the published book; the chapters have
that anatomy too (support.anatomy_problems). CONTRIBUTING.md says how to use it."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
import yaml

from support import ROOT, anatomy_problems, code_problems, page_problems

TEMPLATE = ROOT / "templates" / "chapter-template.ipynb"
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def toc_files(entry) -> list[str]:
    if isinstance(entry, dict):
        return ([entry["file"]] if "file" in entry else []) + [f for v in entry.values() for f in toc_files(v)]
    if isinstance(entry, list):
        return [f for item in entry for f in toc_files(item)]
    return []


# The chapters: the numbered parts of the table of contents (the Reference part
# holds the methodology, the data dictionary and other pages of another kind).
# The track record is a numbered page written by a directive from the data, not
# a chapter notebook: the only such page.
NOT_NOTEBOOKS = {"book/track-record"}
NUMBERED = [f for part in TOC["parts"] if part.get("numbered") for f in toc_files(part)]
CHAPTERS = [f for f in NUMBERED if f not in NOT_NOTEBOOKS]


def test_every_numbered_page_but_the_track_record_is_a_chapter_notebook():
    assert set(NUMBERED) >= NOT_NOTEBOOKS
    assert all((ROOT / f"{f}.ipynb").is_file() for f in CHAPTERS)
    assert all((ROOT / f"{f}.md").is_file() for f in NOT_NOTEBOOKS)


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> tuple[dict, Path]:
    """The template executed as a chapter is: in a copy of the project's
    configuration and data, so that its figure's CSV lands in the copy."""
    from reassurance.chapters import EXECUTION_LOG_ENV
    from reassurance.pipeline.execute import execute

    project = tmp_path_factory.mktemp("template")
    shutil.copy(ROOT / "_config.yml", project)
    shutil.copytree(ROOT / "data", project / "data")
    notebook = project / "book" / TEMPLATE.name
    notebook.parent.mkdir()
    shutil.copy(TEMPLATE, notebook)
    # The benchmark counts the book's executions, not this one.
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(EXECUTION_LOG_ENV, raising=False)
        execute([notebook], cache_path=project / "cache")  # raises on any error in a cell
    return json.loads(notebook.read_text(encoding="utf-8")), project


def test_the_template_is_not_part_of_the_book():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert not [f for f in toc_files(TOC) if f.startswith("templates")]
    assert "templates" in config["exclude_patterns"]


def test_the_template_is_stored_without_outputs():
    """A starting point, not a page: `make notebooks` gives a chapter its outputs."""
    cells = json.loads(TEMPLATE.read_text(encoding="utf-8"))["cells"]
    assert not [c for c in cells if c["cell_type"] == "code" and (c["outputs"] or c["execution_count"])]


def test_the_template_runs_and_has_the_anatomy_of_a_chapter(executed):
    notebook, project = executed
    assert anatomy_problems(notebook) == []
    assert code_problems(notebook) == []
    assert page_problems(notebook) == []
    assert "Our assessment" in json.dumps(notebook), "the template shows how a judgement is labelled"
    assert (project / "book" / "figure-data" / "fig-template-counts.csv").is_file()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda cells: cells.pop(0), "title"),
        (lambda cells: cells[0].update(source=cells[0]["source"].replace("- **", "**")), "list of findings"),
        (lambda cells: [c.update(source=c["source"].replace("## ", "")) for c in cells], "section of argument"),
        (lambda cells: cells[3].update(source=cells[3]["source"] + "\nOur assessment: it went well."), "Our assessment"),
        (lambda cells: cells[3].update(source=cells[3]["source"] + "\n{cite:p}`no-such-key`"), "no-such-key"),
        (lambda cells: cells[3].update(source=cells[3]["source"] + "\n{glue:text}`never_glued`"), "never_glued"),
        (lambda cells: cells[5].update(source=cells[5]["source"].replace(":alt:", ":name2:")), "alt text"),
        (lambda cells: cells[5].update(source=cells[5]["source"].replace("{download}", "")), "download"),
        (lambda cells: cells[4].update(source='fig = summit_charts.reported_counts_chart(counts, source_line="x")'), "glue_figure"),
        (lambda cells: cells[1].update(metadata={}), "remove-cell"),
        (lambda cells: cells[1].update(source="evidence = None"), "setup()"),
    ],
    ids=["no-title", "no-findings", "no-argument", "unlabelled-assessment", "unknown-citation", "unglued-value",
         "no-alt-text", "no-csv-link", "figure-without-helper", "preamble-shown", "no-preamble"],
)
def test_the_anatomy_check_names_what_is_missing(executed, change, problem):
    notebook = copy.deepcopy(executed[0])
    for cell in notebook["cells"]:
        cell["source"] = "".join(cell["source"])
    change(notebook["cells"])
    found = anatomy_problems(notebook) + page_problems(notebook)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("def helper():\n    return 1", "defines helper"),
        ("class Row:\n    pass", "defines Row"),
        ("\n".join(f"x{i} = {i}" for i in range(26)), "26 lines"),
        ('window = ("2025-03-02", "2025-09-05")', "typed date"),
        ('caption = "What was said by 5 September"', "typed date"),
        ('snapshot = "March 2026"', "typed date"),
    ],
)
def test_the_code_check_names_what_belongs_in_the_package(executed, source, problem):
    notebook = copy.deepcopy(executed[0])
    notebook["cells"][2]["source"] = source
    found = code_problems(notebook)
    assert any(problem in p for p in found), found
    notebook["cells"][2]["source"] = 'days = road_to_paris.days_between(evidence.events, "ev-2025-08-15-anchorage", "ev-2025-09-04-paris-summit")'
    assert code_problems(notebook) == [], "an identifier that holds a date is not a typed date"


def test_the_chapters_are_found():
    assert "book/summit" in CHAPTERS and "book/since-then" in CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_the_anatomy(chapter):
    """The structure only: the built pages' tests check citations, alt text and downloads."""
    notebook = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    assert anatomy_problems(notebook) == []


@pytest.mark.parametrize("notebook_path", sorted((ROOT / "book").glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_notebook_is_narrative_plus_calls(notebook_path):
    """No function defined, no code cell over the limit, no typed date: as in the template."""
    assert code_problems(json.loads(notebook_path.read_text(encoding="utf-8"))) == []
