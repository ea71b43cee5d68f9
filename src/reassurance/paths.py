"""Where the project's files live, found from the working directory.

Notebooks run with their own folder as the working directory (book/), tests
and scripts from the project root; both find the root by walking upwards to
the folder that holds _config.yml and data/datapackage.json.
"""

from __future__ import annotations

from pathlib import Path


class ProjectRootNotFound(RuntimeError):
    """Raised when no folder above the start holds the project's files."""


def project_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / "data" / "datapackage.json").is_file():
            return folder
    raise ProjectRootNotFound(
        f"no folder at or above {here} holds both _config.yml and data/datapackage.json"
    )


def datapackage_path(root: Path | None = None) -> Path:
    return (root or project_root()) / "data" / "datapackage.json"


def figure_data_dir(root: Path | None = None) -> Path:
    """Folder of the CSV files offered for download under each figure."""
    return (root or project_root()) / "book" / "figure-data"


# The texts kept beside the project, never copied into it: the annotated
# article and the checking notes (the fact sheet), in ../shared/sources.
ARTICLE_FILE = "000_76f2b6e161589be5.txt"
FACT_SHEET_FILE = "fact-sheet.md"


def beside_the_project(root: Path | None = None) -> Path:
    """Where the texts kept beside the project live: ../shared/sources."""
    return (root or project_root()).parent / "shared" / "sources"
