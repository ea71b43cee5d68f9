"""`make pdf` prints the reader PDF (reassurance.pdf, WeasyPrint): the front
page and the chapters with a cover, contents with page numbers, bookmarks,
running heads and page numbers, no blank page, at most 80 pages, no figure
split across pages and no table header alone at a page's foot; `make site`
puts it in the site. Read with pypdf and poppler's pdftotext."""

from __future__ import annotations

import json
import re
import subprocess

import chrome
import pytest
import yaml

MAX_PAGES = 80
LAYOUT = chrome.BUILD / "pdf" / "reassurance-layout.json"

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


def reader_files(toc: dict) -> list[str]:
    """The front page, the numbered chapters and the reader extras (reassurance.pipeline.pdf.READER_EXTRAS)."""
    from reassurance.pipeline.pdf import toc_docs

    return toc_docs(toc)[1]


def chapter_titles(every: bool = False) -> list[str]:
    toc = yaml.safe_load((chrome.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    titles = []
    for name in (toc_files(toc) if every else reader_files(toc)):
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
    if not PDF.is_file():
        if chrome.UNDER_CI:
            pytest.fail(f"{PDF} is missing: `make site` (or `make test`, through make site-stored) prints it")
        pytest.skip(f"{PDF} is missing (WeasyPrint cannot load here?): `make site` prints it")
    assert PDF.stat().st_size > 10_000, f"{PDF} is too small to be the report"
    return PDF


@pytest.fixture(scope="module")
def reader(pdf):
    from pypdf import PdfReader

    return PdfReader(str(pdf))


@pytest.fixture(scope="module")
def page_texts(pdf, reader) -> list[str]:
    """Each page's text, by poppler's pdftotext: one call for the whole file
    (pypdf's extract_text took 6 s for what this does in a fraction of one)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[: len(reader.pages)]  # a form feed ends each page
    assert len(pages) == len(reader.pages), (len(pages), len(reader.pages))
    return [words(page) for page in pages]


def outline_entries(reader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, words(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return entries


def test_the_chapter_titles_are_read_from_the_table_of_contents():
    titles = chapter_titles()
    assert len(titles) >= 3 and all(titles), titles
    assert len(chapter_titles(every=True)) > len(titles)


def test_the_pdf_has_at_most_80_pages(reader):
    assert 5 <= len(reader.pages) <= MAX_PAGES, len(reader.pages)


def test_no_page_is_blank(reader, page_texts):
    blank = [number for number, (page, text) in enumerate(zip(reader.pages, page_texts), 1)
             if len(text) < 20 and not page.images]
    assert not blank, f"blank pages: {blank}"


def test_the_cover_has_the_title_the_date_and_the_version(page_texts):
    import tomllib

    cover = page_texts[0]
    version = tomllib.loads((chrome.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert words(chapter_titles()[0]).split(":")[0] in cover
    date = re.search(r"As of \d{1,2} [A-Z][a-z]+ (\d{4})", cover)
    assert date and int(date.group(1)) >= 2025, cover
    assert f"Version {version}" in cover


def test_every_page_after_the_cover_has_its_number_and_a_running_head(page_texts):
    total = len(page_texts)
    problems = []
    for number, text in enumerate(page_texts[1:], 2):
        if f"{number} / {total}" not in text:
            problems.append(f"page {number}: no page number")
        if "Reassurance: the 26-nation pledge" not in text:
            problems.append(f"page {number}: no running head")
    assert not problems, problems


def test_one_bookmark_per_chapter_at_least_pointing_at_its_page(reader, page_texts):
    entries = outline_entries(reader)
    top = {title: page for level, title, page in entries if level == 1}
    problems = []
    for title in chapter_titles():
        hits = [page for name, page in top.items() if words(title) in name]
        if not hits:
            problems.append(f"no bookmark for {title!r}")
        elif words(title) not in page_texts[hits[0]]:
            problems.append(f"the bookmark for {title!r} points at page {hits[0] + 1}, which does not show it")
    assert not problems, problems
    assert any(level == 2 for level, _, _ in entries), "no section bookmarks"


def test_the_contents_list_every_chapter_with_its_page_number(reader, page_texts):
    contents = page_texts[1]
    assert contents.startswith("Contents") or "Contents" in contents[:200]
    top = {title: page for level, title, page in outline_entries(reader) if level == 1}
    problems = []
    for title in chapter_titles():
        page = next((p for name, p in top.items() if words(title) in name), None)
        match = re.search(re.escape(words(title)) + r"[ .]*?(\d+)", contents)
        if not match:
            problems.append(f"{title!r} is not in the contents with a page number")
        elif page is not None and int(match.group(1)) != page + 1:
            problems.append(f"{title!r}: the contents say page {match.group(1)}, it starts on page {page + 1}")
    assert not problems, problems


def test_the_pdf_holds_the_chapters_but_not_the_appendix(page_texts):
    text = " ".join(page_texts)
    missing = [title for title in chapter_titles() if words(title) not in text]
    assert not missing, f"chapter titles missing from {PDF.name}: {missing}"
    left_out = [t for t in chapter_titles(every=True) if t not in chapter_titles()]
    assert left_out, "the table of contents has no page outside the reader PDF"


def test_every_figure_is_whole_on_one_page_and_no_table_header_is_alone():
    import json

    report = json.loads(LAYOUT.read_text(encoding="utf-8"))
    assert report["figures"] >= 5, report
    assert report["split_figures"] == [], report["split_figures"]
    assert report["orphaned_headers"] == [], report["orphaned_headers"]


def test_every_figure_is_drawn_with_its_source_line(page_texts):
    single = (chrome.BUILD / "singlehtml" / "reader-pdf.html").read_text(encoding="utf-8")
    figures = len(re.findall(r"<figure\b", single))
    sources = sum(text.count("Source:") for text in page_texts)
    assert figures >= 5 and sources >= figures, f"{figures} figures, {sources} source lines"


def test_the_text_uses_the_page_width(pdf):
    """The body text spans most of the page's width, inside its margins."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    layout = subprocess.run(["pdftotext", "-bbox-layout", "-f", "3", "-l", "12", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    lines = [(float(a), float(b)) for a, b in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', layout)]
    assert lines, "no text found on pages 3 to 12"
    span = max(b for _, b in lines) - min(a for a, _ in lines)
    assert span > 0.75 * width, f"the text spans {span:.0f} of {width:.0f} points"
