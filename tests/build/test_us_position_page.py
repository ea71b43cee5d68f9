"""The US-position chapter is built, findable by its key term, and keeps its figures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BUILD = Path(os.environ.get("REASSURANCE_BUILD") or Path(__file__).resolve().parents[2] / "_build")
PAGE = BUILD / "html" / "book" / "us-position.html"


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    if not PAGE.is_file():
        pytest.fail(f"{PAGE} is missing: build the book first (make test does)")
    return BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser")


def test_the_page_names_the_backstop(page):
    assert "backstop" in page.get_text().lower()


def test_the_page_has_its_figures_each_with_alt_text_and_csv(page):
    figures = page.find_all("figure")
    assert len(figures) >= 2
    for figure in figures:
        assert all(len((img.get("alt") or "").strip()) >= 20 for img in figure.find_all("img"))
        assert any((a.get("href") or "").endswith(".csv") for a in figure.find_all("a"))


def test_the_page_says_when_it_was_last_updated(page):
    assert "Last updated on" in str(page)


def test_no_glue_or_citation_is_left_unresolved(page):
    text = page.get_text()
    assert "{glue:" not in text and "{cite" not in text
