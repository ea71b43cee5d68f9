"""What a chapter's executed output depends on besides its own code.

jupyter-cache keys a notebook's cached result on its code cells only; the
chapters also read the evidence (data/datapackage.json and every file it
names) and call the notebook-facing part of this package (NOTEBOOK_MODULES).
`fingerprint()` hashes all of those, so the
build can drop cached results (reassurance.pipeline.prefill) and re-read pages
(reassurance.sphinxext.inputs) whenever any of them changes: no page is ever
computed from older data or code than the files on disk.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reassurance.paths import (
    ARTICLE_FILE,
    FACT_SHEET_FILE,
    beside_the_project,
    project_root,
)

# What notebooks may import: the contracts of pyproject.toml keep the rest of
# the package (the pipeline, the Sphinx extension) out of their reach, so a
# change there cannot change a chapter's output and re-executes nothing.
NOTEBOOK_MODULES = ("__init__.py", "paths.py", "style.py", "text.py", "publish.py", "evidence", "chapters", "charts")


def input_files(root: Path | None = None) -> list[Path]:
    """The Data Package, the data files it names, and the notebook-facing
    modules' sources (NOTEBOOK_MODULES), in a fixed order."""
    root = root or project_root()
    data = root / "data"
    descriptor = data / "datapackage.json"
    files = [descriptor]
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
    except (OSError, ValueError, AttributeError):
        resources = []  # the validator reports an unreadable descriptor
    for resource in resources if isinstance(resources, list) else []:
        paths = resource.get("path") if isinstance(resource, dict) else None
        for name in paths if isinstance(paths, list) else [paths]:
            if isinstance(name, str):
                files.append(data / name)
    package = Path(__file__).resolve().parent.parent
    for name in NOTEBOOK_MODULES:
        files += sorted((package / name).rglob("*.py")) if (package / name).is_dir() else [package / name]
    return files


def book_files(root: Path | None = None) -> list[Path]:
    """What the rules on the book read besides the inputs (reassurance.evidence.book_rules.book_problems):
    the front page, the book's pages and notebooks, references.bib, and the
    texts beside the project (../shared/sources) where they are present."""
    root = root or project_root()
    pages = [root / "index.md", *sorted(root.glob("book/*.md")), *sorted(root.glob("book/*.ipynb"))]
    beside = [beside_the_project(root) / ARTICLE_FILE, beside_the_project(root) / FACT_SHEET_FILE]
    return [*pages, root / "references.bib", *beside]


def book_fingerprint(root: Path | None = None) -> str:
    """SHA-256 over the book's files (book_files): `make book` validates again when one changes,
    without dropping the notebooks' cached results, which do not depend on them."""
    return fingerprint(root, book_files(root or project_root()))


def fingerprint(root: Path | None = None, files: list[Path] | None = None) -> str:
    """SHA-256 over the name and bytes of every input file (a missing file counts as missing)."""
    root = root or project_root()
    digest = hashlib.sha256()
    for path in input_files(root) if files is None else files:
        try:
            name = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            name = path.as_posix()
        digest.update(name.encode("utf-8") + b"\0")
        # Only regular files are read: the validator refuses anything else, with a message.
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b"<not a regular file>"
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()
