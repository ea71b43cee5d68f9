"""The reader PDF (`make pdf`): the front page and the chapters, laid out for
paper by WeasyPrint (CSS Paged Media).

    python -m reassurance.pipeline.pdf SINGLEHTML_DIR OUT.pdf

It reads the single-page HTML build (`sphinx-build -b singlehtml`), keeps the
front page, the numbered chapters and the methodology and glossary (READER_DOCS),
and prints them with book/_static/reader-pdf.css:

- a cover with the title, the "as of" date (the last commit's, as every
  page's "last updated") and the version (pyproject.toml);
- contents with page numbers (target-counter);
- one bookmark per page of the report and per section (bookmark-level);
- running heads (the chapter's title) and page numbers;
- no blank pages (no left/right breaks), figures and table rows whole, a
  table's header kept with its first rows.

The appendix, the data dictionary and the references stay online, and as CSV
(book/figure-data): a link to a page left out points to its published
address. Why WeasyPrint and not Chromium's printToPDF: Chromium lays out no
contents page numbers (no target-counter) and no running heads from the
text (no string-set); both are measured in README.md.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path

import yaml

from reassurance.paths import project_root

# The project whose book is printed: where `make pdf` runs.
ROOT = project_root()
CSS = ROOT / "book" / "_static" / "reader-pdf.css"
# Pages of the Reference part that belong in a reader's copy; the others
# (appendix, data dictionary, references, how to cite, changelog) stay online.
READER_EXTRAS = ("book/methodology", "book/glossary")
# At most this many pages (issue 21); tests/browser/test_pdf.py checks it too.
MAX_PAGES = 80


def toc_docs(toc: dict) -> tuple[str, list[str], list[str]]:
    """(root, the report's documents in reading order, every document)."""
    reader, every = [toc["root"]], [toc["root"]]

    def walk(entries, keep):
        for entry in entries or []:
            if "file" in entry:
                every.append(entry["file"])
                if keep or entry["file"] in READER_EXTRAS:
                    reader.append(entry["file"])
            walk(entry.get("sections"), keep)

    for part in toc.get("parts", []):
        walk(part.get("chapters"), bool(part.get("numbered")))
    walk(toc.get("chapters"), True)
    return toc["root"], reader, every


_DOC_MARK = re.compile(r'<span id="document-([^"]+)"></span>')


def split_documents(body: str, root: str) -> dict[str, str]:
    """The single page's article split into its documents (Sphinx marks each
    with <span id="document-NAME">); the root's own text comes first."""
    parts = _DOC_MARK.split(body)
    docs = {root: parts[0]}
    for name, text in zip(parts[1::2], parts[2::2]):
        docs[name] = text
    return docs


def article(page: str) -> str:
    start = page.index('<article class="bd-article">') + len('<article class="bd-article">')
    end = page.rindex("</article>")
    return page[start:end]


_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'href="#([^"]+)"')
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# Not for paper: header links, the PDF link, hidden labels, the search box.
_DROP = [
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r'<p class="reassurance-pdf">.*?</p>', re.S),
]


_HEADING = re.compile(r"<(/?)h([2-6])\b")


def promote_headings(text: str) -> str:
    """The single page nests every document under the front page (a chapter's
    title is an h2 there); in the PDF each is a page of its own, titled h1."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) - 1}", text)


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def last_commit_epoch() -> str | None:
    """The last commit's time, as the Makefile's SOURCE_DATE_EPOCH; None outside git."""
    import subprocess

    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def as_of(epoch: str | None) -> str:
    """'7 December 2026': the date of `epoch` (SOURCE_DATE_EPOCH), else of
    the last commit, else today."""
    epoch = epoch or last_commit_epoch()
    when = (datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC) if epoch
            else datetime.datetime.now(tz=datetime.UTC))
    return f"{when.day} {when:%B %Y}"


def version() -> str:
    try:
        return metadata.version("reassurance")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)


def reader_html(single: Path, *, base_url: str = "", epoch: str | None = None) -> str:
    """The reader PDF's HTML: cover, contents, then the report's documents."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    root, reader, every = toc_docs(toc)
    page = (single / f"{root}.html").read_text(encoding="utf-8")
    docs = split_documents(article(page), root)
    missing = [d for d in reader if d not in docs]
    if missing:
        raise SystemExit(f"the single-page build lacks {missing}")
    # Where each id lives, so that a link to a page left out goes online.
    home = {ident: name for name in every if name in docs for ident in _ID.findall(docs[name])}
    base = base_url or config["sphinx"]["config"].get("html_baseurl", "")
    base = base if base.endswith("/") else base + "/"
    kept = set(reader)

    def relink(match: re.Match) -> str:
        target = match.group(1)
        name = target[len("document-"):] if target.startswith("document-") else home.get(target)
        if name is None or name in kept:
            return match.group(0)
        anchor = "" if target.startswith("document-") else f"#{target}"
        return f'href="{html.escape(base + name + ".html" + anchor, quote=True)}"'

    chapters, contents = [], []
    for index, name in enumerate(reader):
        text = docs[name]
        for pattern in _DROP:
            text = pattern.sub("", text)
        text = _HREF.sub(relink, text)
        if name != root:
            text = promote_headings(text)
        title = _TITLE.search(text)
        label = plain(title.group(1)) if title else name
        ident = f"pdf-{index}"
        contents.append(f'<li><a href="#{ident}">{html.escape(label)}</a></li>')
        kind = "front" if name == root else "chapter"
        chapters.append(f'<div class="{kind}" id="{ident}">{text}</div>')
    title = html.escape(config["title"])
    address = html.escape(base + f"{root}.html")
    cover = (
        '<section class="cover">'
        f'<p class="cover-title">{title}</p>'
        f'<p class="cover-as-of">As of {as_of(epoch)}</p>'
        f'<p class="cover-version">Version {html.escape(version())}</p>'
        f'<p class="cover-author">{html.escape(config.get("author", ""))}</p>'
        f'<p class="cover-address">Online, with the appendix, the data dictionary, the references and every'
        f' figure\'s data as CSV: <a href="{address}">{address}</a></p>'
        "</section>"
    )
    nav = f'<nav class="contents"><h2 class="contents-title">Contents</h2><ol>{"".join(contents)}</ol></nav>'
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{html.escape(config.get("author", ""))}">'
        f'<meta name="description" content="The front page and chapters of the report, for reading and printing.">'
        f"</head><body>{cover}{nav}{''.join(chapters)}</body></html>"
    )


def layout_report(document) -> dict:
    """What the tests check in the laid-out pages: the page count, figures
    that run over a page break, and tables whose header sits on a page
    without any of their rows."""
    pages_of: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    orphaned = []
    for number, page in enumerate(document.pages, 1):
        for box in page._page_box.descendants():
            tag = getattr(box, "element_tag", None)
            element = getattr(box, "element", None)
            if element is None:
                continue
            if tag == "figure":
                pages_of.setdefault(id(element), set()).add(number)
                names[id(element)] = element.get("id") or ""
            elif tag == "table" and type(box).__name__ == "TableBox":
                groups = [g for g in box.children if type(g).__name__ == "TableRowGroupBox"]
                header = any(g.is_header for g in groups)
                rows = sum(len(g.children) for g in groups if not g.is_header and not g.is_footer)
                if header and rows == 0:
                    orphaned.append({"page": number, "table": element.get("id") or ""})
    split = [{"figure": names[k], "pages": sorted(v)} for k, v in pages_of.items() if len(v) > 1]
    return {"pages": len(document.pages), "figures": len(pages_of), "split_figures": split, "orphaned_headers": orphaned}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    import logging

    from weasyprint import CSS as Stylesheet
    from weasyprint import HTML

    # WeasyPrint reports every CSS rule of the theme it cannot use; only
    # errors matter here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    single, out = Path(argv[0]), Path(argv[1])
    text = reader_html(single, base_url=os.environ.get("BASE_URL", ""), epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    (single / "reader-pdf.html").write_text(text, encoding="utf-8")
    document = HTML(string=text, base_url=str(single) + "/").render(stylesheets=[Stylesheet(filename=str(CSS))])
    report = layout_report(document)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(out)
    # Beside the PDF, for tests/browser/test_pdf.py.
    out.with_name(out.stem + "-layout.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"Printed: {out} ({report['pages']} pages)")
    if report["pages"] > MAX_PAGES:
        print(f"the reader PDF has {report['pages']} pages, more than {MAX_PAGES}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
