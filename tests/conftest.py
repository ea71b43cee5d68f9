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


@pytest.fixture(scope="session")
def evidence():
    """The project's evidence base, loaded and validated once per run (tests must not change it)."""
    from reassurance.evidence import load_evidence

    return load_evidence(ROOT / "data" / "datapackage.json")


@pytest.fixture(scope="session")
def article_key(evidence) -> str:
    """The annotated article's source key, as the package derives it."""
    from reassurance.evidence import sources

    return sources.article_key(evidence)
