"""What a browser transfers to show one built page, counted from the files.

Shared by tests/build/test_published_site.py (which asserts the budget) and
`make lighthouse` (which prints it beside the Lighthouse scores). The count is
deterministic: the page's HTML, every stylesheet, script, preloaded file,
icon and image it references, and every file those stylesheets reference with
url() or @import, each counted once, whether or not the browser would fetch
it lazily, and as transferred: GitHub Pages serves text (HTML, CSS,
JavaScript, SVG, JSON, XML) gzip-compressed, so a text file counts as its
gzip size (level 6, a server's usual setting); images, fonts and PDFs count
as they are. Of a <picture>'s images a browser fetches one (a figure's
phone drawing or its wide drawing): the largest is counted. A reference to a file that does not exist is reported, never
silently skipped.

Web fonts (@font-face sources) are left out: a browser fetches one only when
the page draws text in it, and the book draws none (its icons are masks,
book/_static/reassurance-icons.css). tests/browser/test_pages.py checks that
no page requests a font.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

# Per page, as transferred (gzip). Issue 11 set 600 KiB uncompressed; issue 22
# counts what is transferred. When this was set (December 2026) pages weighed
# 100-164 KiB, the heaviest book/evidence.html.
BUDGET = 250 * 1024
# Served gzip-compressed by GitHub Pages.
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}


def transferred(path: Path) -> int:
    """The bytes a browser receives for the file: its gzip size for text."""
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSED:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        # One list of candidates per <picture>: the browser fetches one of them.
        self.pictures: list[list[str]] = []
        self._picture: list[str] | None = None

    def handle_endtag(self, tag):
        if tag == "picture" and self._picture is not None:
            self.pictures.append(self._picture)
            self._picture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._picture = []
            return
        if self._picture is not None and tag in ("img", "source"):
            self._picture += [attrs["src"]] if attrs.get("src") else []
            self._picture += [part.split()[0] for part in (attrs.get("srcset") or "").split(",") if part.strip()]
            return
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            if {"stylesheet", "preload", "icon", "modulepreload"} & set(rel) and attrs.get("href"):
                self.urls.append(attrs["href"])
        elif tag in ("script", "img", "iframe", "source", "video", "audio", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if attrs.get("srcset"):
            self.urls.extend(part.split()[0] for part in attrs["srcset"].split(",") if part.strip())


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""")


def _local(url: str) -> str | None:
    """The path part of a same-site URL, or None for data:, fragments and other sites."""
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or not parsed.path:
        return None
    return unquote(parsed.path)


@dataclass
class Weight:
    page: Path
    files: dict[Path, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for path, size in self.files.items():
            kind = path.suffix.lstrip(".") or "other"
            kinds[kind] = kinds.get(kind, 0) + size
        return kinds


def _add(weight: Weight, path: Path, referrer: Path, url: str) -> bool:
    path = path.resolve()
    if path in weight.files:
        return False
    if not path.is_file():
        weight.missing.append(f"{referrer.name} -> {url}")
        return False
    weight.files[path] = transferred(path)
    return True


def _stylesheet(weight: Weight, css: Path) -> None:
    text = _FONT_FACE.sub("", css.read_text(encoding="utf-8", errors="replace"))
    for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
        local = _local(url)
        if local is None:
            continue
        target = css.parent / local
        if _add(weight, target, css, url) and target.suffix == ".css":
            _stylesheet(weight, target.resolve())


def page_weight(page: Path) -> Weight:
    weight = Weight(page)
    _add(weight, page, page, page.name)
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    for url in parser.urls:
        local = _local(url)
        if local is None:
            continue
        target = page.parent / local
        if _add(weight, target, page, url) and target.suffix == ".css":
            _stylesheet(weight, target.resolve())
    for candidates in parser.pictures:
        pairs = [(page.parent / _local(url), url) for url in candidates if _local(url) is not None]
        weight.missing += [f"{page.name} -> {url}" for path, url in pairs if not path.is_file()]
        present = [path for path, _ in pairs if path.is_file()]
        if present:
            _add(weight, max(present, key=lambda path: path.stat().st_size), page, "")
    return weight


def site_pages(site: Path) -> list[Path]:
    """Every HTML page a reader can open (not the theme's own files)."""
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources", "_images"} & set(p.relative_to(site).parts))
