"""Shared fixtures: the project root and a scratch copy of the evidence base."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


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


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return DataCopy(tmp_path / "data")
