"""`make pdf` prints the whole book, every chapter and its figures, to one PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

import chrome
from chrome import unavailable

PDF = chrome.BUILD / "pdf" / "reassurance.pdf"


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
    for tool in ("pdftotext", "pdfimages"):
        if not shutil.which(tool):
            unavailable(f"{tool} is not installed (apt-get install -y poppler-utils)")
    PDF.unlink(missing_ok=True)
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(chrome.ROOT), "pdf", f"BUILD={chrome.BUILD}"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, f"make pdf failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert PDF.is_file() and PDF.stat().st_size > 10_000, f"make pdf wrote no usable {PDF}"
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
