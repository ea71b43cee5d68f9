"""The text the book's pages are made of, and the quotations in it.

Read by the rule that every passage the book puts in double quotes is
verbatim from a stored excerpt (reassurance.evidence.rules), which `make validate`
and `make book` run, and by the tests. The text is the front page, the
Markdown pages, each notebook's Markdown cells and, with outputs=True, the
Markdown its cells print (stored outputs), unescaped as the page shows it,
and with tables=True the text of the HTML tables they print, a cell per
paragraph.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from reassurance.paths import project_root

# A quotation may wrap across lines but never crosses a blank line (a paragraph
# or a table cell).
QUOTED = re.compile(r"[\"“]((?:(?!\n\s*\n)[^\"“”])+)[\"”]")
FENCE = re.compile(r"^(```|:::).*?$", re.M)


def quotations(text: str) -> list[str]:
    """The passages `text` puts in double quotes, outside directive options,
    fences, roles and code (which describe figures or name things in our words)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(":")]
    text = FENCE.sub("", "\n".join(lines))
    return [q for q in QUOTED.findall(text) if "{" not in q and "`" not in q]


class _Text(HTMLParser):
    """The text nodes of an HTML fragment (scripts and styles left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML fragment, a blank line between text nodes: a
    quotation never runs from one table cell into the next."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "\n\n".join(parser.parts)


def pages(root: Path | None = None) -> list[Path]:
    """The files the book's text comes from, in a fixed order."""
    root = root or project_root()
    front = [root / "index.md"] if (root / "index.md").is_file() else []
    return front + sorted(root.glob("book/*.md")) + sorted(root.glob("book/*.ipynb"))


def book_markdown(root: Path | None = None, *, outputs: bool = False, tables: bool = False) -> list[tuple[Path, str]]:
    """(page, its text) for every page of the book (see the module's docstring)."""
    texts = []
    for page in pages(root):
        if page.suffix != ".ipynb":
            texts.append((page, page.read_text(encoding="utf-8")))
            continue
        cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
        parts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        if outputs:
            for cell in cells:
                for output in cell.get("outputs", []):
                    markdown = output.get("data", {}).get("text/markdown")
                    if markdown:
                        parts.append(re.sub(r"\\(.)", r"\1", "".join(markdown)))
                    html = output.get("data", {}).get("text/html")
                    if html and tables:
                        parts.append(html_text("".join(html)))
        texts.append((page, "\n".join(parts)))
    return texts
