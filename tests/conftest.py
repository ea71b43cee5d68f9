"""Shared fixtures: the project root and a scratch copy of the evidence base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, DataCopy


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return DataCopy(tmp_path / "data")
