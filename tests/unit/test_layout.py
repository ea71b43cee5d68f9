"""The package's layout (src/reassurance/README.md): its layers hold, notebooks
import only its notebook-facing part, and no module grows past a readable size."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reassurance.pipeline.inputs import NOTEBOOK_MODULES
from support import ROOT

PACKAGE = ROOT / "src" / "reassurance"
# A module longer than this mixes jobs: split it by job.
MOST_LINES = 400


def test_the_import_contracts_hold():
    """import-linter's contracts in pyproject.toml: the layers, and nothing a notebook imports reaches the pipeline or Sphinx."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is not installed (it is in the lock: make .venv/.installed)"
    run = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def notebook_imports(notebook: Path) -> set[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    return set().union(*(_imported_modules("".join(c["source"])) for c in code)) if code else set()


def _allowed(module: str) -> bool:
    parts = module.split(".")
    if parts[0] != "reassurance" or len(parts) == 1:
        return True
    return parts[1] in {Path(name).stem for name in NOTEBOOK_MODULES}


@pytest.mark.parametrize("notebook", sorted((ROOT / "book").glob("*.ipynb")), ids=lambda p: p.name)
def test_a_notebook_imports_only_the_notebook_facing_modules(notebook):
    wrong = sorted(m for m in notebook_imports(notebook) if not _allowed(m))
    assert not wrong, f"{notebook.name} imports {wrong}; notebooks import only {NOTEBOOK_MODULES}"


def test_the_notebook_check_sees_a_forbidden_import():
    assert not _allowed("reassurance.pipeline.prefill")
    assert not _allowed("reassurance.sphinxext")
    assert _allowed("reassurance.chapters.summit") and _allowed("reassurance.text")
    assert _imported_modules("from reassurance import pipeline") >= {"reassurance.pipeline"}


def test_every_notebook_facing_module_exists():
    for name in NOTEBOOK_MODULES:
        assert (PACKAGE / name).exists(), name


def test_no_module_is_longer_than_a_reader_can_hold():
    long = {p.relative_to(PACKAGE).as_posix(): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert not long, f"modules over {MOST_LINES} lines: {long}"


def _page_of(module: str, pages: set[str]) -> str | None:
    """The page a chapter module serves: its own name, or the name before a
    part's suffix (russia_wordings is a part of russia)."""
    return next((page for page in sorted(pages, key=len, reverse=True) if module == page or module.startswith(page + "_")), None)


def test_each_chapter_module_is_named_like_its_page():
    chapters = {p.stem for p in (PACKAGE / "chapters").glob("*.py")} - {"__init__"}
    pages = {p.stem.replace("-", "_") for p in (ROOT / "book").glob("*.ipynb")} | {p.stem.replace("-", "_") for p in (ROOT / "book").glob("*.md")}
    assert not [m for m in chapters if _page_of(m, pages) is None], sorted(m for m in chapters if _page_of(m, pages) is None)
    charts = {p.stem for p in (PACKAGE / "charts").glob("*.py")} - {"__init__", "common"}
    assert charts <= chapters, sorted(charts - chapters)


def test_ruff_finds_nothing():
    """Ruff, configured in pyproject.toml, over the package, the tests and the notebooks."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff, "ruff is not installed (it is in the lock: make .venv/.installed)"
    run = subprocess.run(
        [ruff, "check", "--no-cache", "--output-format", "concise", "src", "tests", "book", "templates"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
