"""Helpers shared by the tests and the benchmark: a breakable copy of data/,
and a copy of the whole project that can be built. (Kept out of conftest.py:
tests/browser has a conftest of its own, and two modules named `conftest`
cannot both be imported by name.)"""

from __future__ import annotations

import csv
import functools
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class DataCopy:
    """A copy of data/ in a temporary folder, with helpers to break it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.datapackage = folder / "datapackage.json"

    def path(self, table: str) -> Path:
        return self.folder / f"{table}.csv"

    def read(self, table: str) -> list[list[str]]:
        with self.path(table).open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))

    def write(self, table: str, rows: list[list[str]]) -> None:
        with self.path(table).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)

    def set_cell(self, table: str, row_number: int, column: str, value: str) -> None:
        """Set a cell; row_number counts as Frictionless does (the header is row 1)."""
        rows = self.read(table)
        rows[row_number - 1][rows[0].index(column)] = value
        self.write(table, rows)

    def cell(self, table: str, row_number: int, column: str) -> str:
        rows = self.read(table)
        return rows[row_number - 1][rows[0].index(column)]


# Building a copy of the project (tests/build): the copy holds the tracked
# sources only, and reuses this project's installed environment.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "_build", "conf.py", "__pycache__", "*.egg-info", ".pytest_cache", ".ipynb_checkpoints"
)


def source_date_epoch() -> str:
    """The last commit's date, as the Makefile sets it (a copy has no .git)."""
    import os
    import subprocess

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "0"


def copy_project(target: Path) -> Path:
    """Copy the project (without _build, .venv, .git) to `target`, keeping mtimes."""
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    return target


def make_command(project: Path, target: str, build: Path) -> list[str]:
    """`make TARGET` in a copy, using this project's environment, never reinstalling it."""
    venv = ROOT / ".venv"
    return ["make", "-s", "-C", str(project), target, f"BUILD={build}", f"VENV={venv}", "-o", f"{venv}/.installed"]


def make_env() -> dict[str, str]:
    import os

    drop = ("PYTEST_", "REASSURANCE_BUILD", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    return env


def declared_enums(root: Path = ROOT) -> dict[tuple[str, str], list[str]]:
    """(table, column) -> allowed values, for every enum field of the Data Package."""
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {
        (r["name"], f["name"]): f["constraints"]["enum"]
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
        if "enum" in f["constraints"]
    }


# --- Checks that only the tests need (kept out of the package) -----------------


def article_path(root: Path = ROOT) -> Path:
    """The annotated wire article; kept beside the project, never inside it."""
    from reassurance.paths import ARTICLE_FILE, beside_the_project

    return beside_the_project(root) / ARTICLE_FILE


def fact_sheet_path(root: Path = ROOT) -> Path:
    from reassurance.paths import FACT_SHEET_FILE, beside_the_project

    return beside_the_project(root) / FACT_SHEET_FILE


def beside_the_project_missing(path: Path, environ=None) -> tuple[str, str]:
    """What a check against a text beside the project does when the text is
    missing: ("skip" or "fail", why). On GitHub Actions (GITHUB_ACTIONS=true)
    the texts are never there, since they are not published with the
    repository: skip, saying so. Under this project's own CI (CI=true, not on
    GitHub) they must be there: fail. Elsewhere (a fresh clone): skip."""
    import os

    env = os.environ if environ is None else environ
    if env.get("GITHUB_ACTIONS", "").lower() == "true":
        return "skip", (
            f"{path.name} is not beside the project ({path.parent}): GitHub Actions checks out the repository "
            "alone, without the texts in ../shared/sources; this project's own CI has them and runs this check"
        )
    if env.get("CI", "").lower() == "true":
        return "fail", f"CI=true but {path} is missing: the texts in ../shared/sources must be beside the project"
    return "skip", f"{path.name} is not beside the project ({path.parent})"


def paragraphs(article: str) -> list[str]:
    """The article's paragraphs: non-empty blocks separated by blank lines."""
    import re

    from reassurance.evidence.verbatim import normalise

    return [normalise(block) for block in re.split(r"\n\s*\n", article) if block.strip()]


def word_count(text: str) -> int:
    from reassurance.evidence.verbatim import normalise

    return len(normalise(text).split())


def overlapping_tiles(grid: dict[str, tuple[int, int]]) -> list[tuple[str, str]]:
    """Pairs of codes that share a grid position (none in a valid grid)."""
    seen: dict[tuple[int, int], str] = {}
    clashes = []
    for code, position in grid.items():
        if position in seen:
            clashes.append((seen[position], code))
        else:
            seen[position] = code
    return clashes


def theme_topic_mismatches(statements) -> list[str]:
    """Statement ids whose coded theme does not refine their topic (reassurance.chapters.russia.THEME_TOPIC)."""
    from reassurance.chapters.russia import THEME_TOPIC

    expected = statements["theme"].map(THEME_TOPIC)
    return sorted(statements.loc[expected != statements["topic"], "statement_id"])


def missing_from_page(page_html: str, descriptor: dict) -> list[str]:
    """Tables and columns of the descriptor that the data dictionary page does not list.

    A table is listed when the page holds an HTML table with id
    dictionary.table_id(name); a column when it is a first-column cell of that table.
    """
    from bs4 import BeautifulSoup

    from reassurance.chapters.data_dictionary import resources, table_id

    soup = BeautifulSoup(page_html, "html.parser")
    missing = []
    for resource in resources(descriptor):
        table = soup.find("table", id=table_id(resource["name"]))
        if table is None:
            missing.append(resource["name"])
            continue
        listed = {
            row.find("td").get_text(strip=True)
            for row in table.find("tbody").find_all("tr")
            if row.find("td") is not None
        }
        missing += [f"{resource['name']}.{f['name']}" for f in resource["schema"]["fields"] if f["name"] not in listed]
    return missing


def book_markdown(root: Path = ROOT, *, outputs: bool = False, tables: bool = False) -> list[tuple[Path, str]]:
    """(page, text) for every page of the book: reassurance.evidence.book_text.book_markdown,
    which the rule on the book's quotations reads too."""
    from reassurance.evidence.book_text import book_markdown as read

    return read(root, outputs=outputs, tables=tables)


# --- The anatomy every chapter shares (templates/chapter-template.ipynb) -------

# The opening findings are a list, directly under the title or as the first
# section under one of these headings; the argument follows in sections.
OPENING_HEADINGS = ("Key takeaways", "Key findings")
ASSESSMENT_TITLE = re.compile(r"^(?::::|`{3,})\{admonition\} Our assessment", re.MULTILINE)
_CITE = re.compile(r"\{cite:[pt]\}`([^`]+)`")
_GLUE_REFERENCE = re.compile(r"\{glue:(?:text|md|any|)\}`([^`:]+)(?::[^`]*)?`|```\{glue:figure\} (\S+)")
_FIGURE = re.compile(r"```\{glue:figure\} (\S+)\n(.*?)\n```", re.DOTALL)
MAX_CODE_LINES = 25
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A date typed as a value (an identifier such as ev-2025-09-04-paris-summit is not one).
_TYPED_DATE = re.compile(
    rf"(?<![\w-])\d{{4}}-\d{{2}}(?:-\d{{2}})?(?![\w-])|\b\d{{1,2}} (?:{_MONTHS})\b|\b(?:{_MONTHS}) \d{{4}}\b"
)


def bib_keys(root: Path = ROOT) -> set[str]:
    return set(re.findall(r"^@\w+\{([^,\s]+),", (root / "references.bib").read_text(encoding="utf-8"), re.MULTILINE))


def _source(cell: dict) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def glued_names(notebook: dict) -> set[str]:
    """The glue keys a notebook's stored outputs hold (myst-nb marks each with its name)."""
    return {
        output["metadata"]["scrapbook"]["name"]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "scrapbook" in output.get("metadata", {})
    }


def anatomy_problems(notebook: dict) -> list[str]:
    """What a chapter notebook lacks of the shared anatomy (none: it has it all).

    The title; the opening findings, a list (under the title, or as the first
    section under OPENING_HEADINGS); at least one section of argument; "Our
    assessment" only as the title of an admonition; the preamble
    `evidence = setup()` (reassurance.chapters) first, its cell hidden; every figure glued by
    publish.glue_figure.
    """
    cells = notebook["cells"]
    markdown = _markdown(notebook)
    code = [c for c in cells if c["cell_type"] == "code"]
    problems = []
    first = _source(cells[0]) if cells and cells[0]["cell_type"] == "markdown" else ""
    if not re.match(r"# \S", first):
        problems.append("the first cell is not Markdown opening with the chapter's title (# ...)")
    sections = re.split(r"^## ", markdown, flags=re.MULTILINE)
    headings = [s.split("\n", 1)[0].strip() for s in sections[1:]]
    opening = sections[0]
    if headings and headings[0] in OPENING_HEADINGS:
        opening, headings = sections[1], headings[1:]
    if len(re.findall(r"^- \S", opening, re.MULTILINE)) < 2:
        problems.append(f"no list of findings under the title or under one of {OPENING_HEADINGS}")
    if not headings:
        problems.append("no section of argument after the opening findings")
    if markdown.count("Our assessment") != len(ASSESSMENT_TITLE.findall(markdown)):
        problems.append("'Our assessment' appears outside the title of an admonition")
    if not code or "setup()" not in _source(code[0]):
        problems.append("the first code cell is not the preamble calling setup()")
    elif "remove-cell" not in code[0].get("metadata", {}).get("tags", []):
        problems.append("the preamble's cell is not tagged remove-cell")
    all_code = "\n".join(_source(c) for c in code)
    for name, _ in _FIGURE.findall(markdown):
        if not re.search(rf'glue_figure\(\s*"{re.escape(name)}"', all_code):
            problems.append(f"figure {name} is not drawn through publish.glue_figure")
    return problems


def page_problems(notebook: dict, keys: set[str] | None = None) -> list[str]:
    """What the built page of an executed notebook would get wrong: a citation
    missing from references.bib, a figure without alt text or CSV download, a
    value the prose shows that no cell glues. For the chapters the build and
    its tests check these (test_citations, test_site, the strict build); the
    template is never built, so its test calls this."""
    keys = bib_keys() if keys is None else keys
    markdown = _markdown(notebook)
    problems = []
    cited = {k.strip() for group in _CITE.findall(markdown) for k in group.split(",")}
    if not cited:
        problems.append("no citation")
    problems += [f"cites {k!r}, which references.bib lacks" for k in sorted(cited - keys)]
    for name, body in _FIGURE.findall(markdown):
        if not re.search(r"^:alt: \S", body, re.MULTILINE):
            problems.append(f"figure {name} has no alt text")
        if not re.search(rf"\{{download\}}`[^`]*<figure-data/{re.escape(name)}\.csv>`", body):
            problems.append(f"figure {name} offers no download of its data (figure-data/{name}.csv)")
    glued = glued_names(notebook)
    # A key from another page (book/x.ipynb::key) is that page's to glue.
    shown = {a or b for a, b in _GLUE_REFERENCE.findall(markdown) if ".ipynb" not in (a or b)}
    problems += [f"the prose shows {k!r}, which no cell glues (not executed?)" for k in sorted(shown - glued)]
    return problems


def _markdown(notebook: dict) -> str:
    return "\n\n".join(_source(c) for c in notebook["cells"] if c["cell_type"] == "markdown")


def code_problems(notebook: dict) -> list[str]:
    """Code cells that break the notebook rules: a function or class defined,
    more than MAX_CODE_LINES lines, a date typed instead of read from the data."""
    import ast

    problems = []
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        text = _source(cell)
        lines = text.strip().splitlines()
        if len(lines) > MAX_CODE_LINES:
            problems.append(f"cell {number}: {len(lines)} lines (at most {MAX_CODE_LINES})")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                problems.append(f"cell {number}: defines {node.name} (it belongs in the package)")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _TYPED_DATE.search(node.value):
                problems.append(f"cell {number}: a typed date in {node.value!r} (read it from the data)")
    return problems


def parsed_page(page: Path):
    """A built page, parsed once per version of the file (the site's checks
    read every page in each of their tests; parsing is most of their time).
    Callers only read the tree: it is shared."""
    stat = page.stat()
    return _parsed(page.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parsed(page: Path, mtime_ns: int, size: int):
    from bs4 import BeautifulSoup

    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
