"""`make pdf` prints the whole book, every chapter and its figures, to one PDF
that uses the page's width; `make site` puts it in the site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

import chrome
from chrome import unavailable

# `make test` builds the site with `make site-stored`, which prints the PDF
# (`make pdf`) and puts it in the site, where the front page links it.
PDF = chrome.SITE / "reassurance.pdf"


def toc_files(toc: dict) -> list[str]:
    """Every file of _toc.yml in reading order: the root, then parts, chapters, sections."""
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def plain(markdown: str) -> str:
    """A heading's text without Markdown emphasis, code marks or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\{[^}]+\}`([^`<]*)(?:<[^>]*>)?`", r"\1", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())


def first_heading(path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    assert match, f"{path.name} has no title (a first-level heading)"
    return plain(match.group(1))


def chapter_titles() -> list[str]:
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    titles = []
    for name in toc_files(toc):
        candidates = [chrome.ROOT / name] + [chrome.ROOT / f"{name}{ext}" for ext in (".md", ".ipynb")]
        path = next((p for p in candidates if p.is_file()), None)
        assert path, f"_toc.yml lists {name}, which does not exist"
        titles.append(first_heading(path))
    return titles


def words(text: str) -> str:
    """Text for comparison: one space between words, straight quotes and dashes unified."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u00ad", "").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf():
    reason = chrome.missing()
    if reason:
        unavailable(reason)
    for tool in ("pdftotext", "pdfimages", "pdfinfo"):
        if not shutil.which(tool):
            unavailable(f"{tool} is not installed (apt-get install -y poppler-utils)")
    if not PDF.is_file():
        pytest.fail(f"{PDF} is missing: `make site` (or `make test`, through make site-stored) prints it")
    assert PDF.stat().st_size > 10_000, f"{PDF} is too small to be the book"
    return PDF


def test_the_chapter_titles_are_read_from_the_table_of_contents():
    titles = chapter_titles()
    assert len(titles) >= 3 and all(titles), titles


def test_the_pdf_holds_every_chapter_title(pdf):
    text = words(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    missing = [title for title in chapter_titles() if words(title) not in text]
    assert not missing, f"chapter titles missing from {pdf.name}: {missing}"


def test_the_pdf_holds_the_figures(pdf):
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images = [line for line in listing.splitlines()[2:] if line.strip()]
    root = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    single = (chrome.BUILD / "singlehtml" / f"{root}.html").read_text(encoding="utf-8")
    figures = len(re.findall(r"<figure\b", single))
    assert figures >= 1, "the single-page book has no figure"
    assert len(images) >= figures, f"{pdf.name} holds {len(images)} images for {figures} figures"


def test_the_text_uses_the_page_width(pdf):
    """In print the sidebars are gone: the text spans most of the page's
    width (it filled under half of it before the print stylesheet)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    layout = subprocess.run(["pdftotext", "-bbox-layout", "-f", "2", "-l", "12", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    lines = [(float(a), float(b)) for a, b in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', layout)]
    assert lines, "no text found on pages 2 to 12"
    span = max(b for _, b in lines) - min(a for a, _ in lines)
    assert span > 0.75 * width, f"the text spans {span:.0f} of {width:.0f} points"
