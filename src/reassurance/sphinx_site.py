"""Sphinx extension: a light site that is ready to publish.

- Every page gets a meta description (its first paragraph, or the book's
  description) and Open Graph and Twitter-card metadata, with a social-card
  image drawn at build time (matplotlib, offline).
- The HTML build writes sitemap.xml, robots.txt, a 404 page and a valid
  redirect page as index.html (the one sphinx-external-toc writes has no
  doctype or title). Absolute addresses use `html_baseurl`.
- Every build (HTML and single page) re-encodes figure PNGs with a palette,
  gives each image its width and height and lazy-loads all but a page's
  first, and removes the theme's Font Awesome rules (fonts and glyphs) from
  its stylesheet: the icons are drawn by book/_static/reassurance-icons.css.
- Every page links what it needs and nothing that delays its first paint
  (arrange_assets): Sphinx's basic.css directly, not behind the theme's
  @import; the code-highlighting stylesheet only where code is shown; scripts
  deferred; the theme's script without Bootstrap's, and without its console
  messages (quiet_theme_script); one viewport tag.
- `reassurance_pdf` (set by `make site`) names the PDF beside the pages; the
  templates then link it. Left empty, no page links a PDF that is not there.

All output is deterministic: two builds write the same bytes, and a rebuild
writes what a clean build does.
"""

from __future__ import annotations

import html
import io
import re
import textwrap
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

DESCRIPTION_LENGTH = 160
CARD = "_static/social-card.png"
CARD_SIZE = (1200, 630)


# -- descriptions and metadata ------------------------------------------------
def first_paragraph(doctree) -> str:
    """The text of the first paragraph of the page's own prose (not inside an
    admonition, figure, table, list or citation)."""
    if doctree is None:
        return ""
    skip = (nodes.Admonition, nodes.figure, nodes.table, nodes.citation, nodes.footnote,
            nodes.list_item, nodes.field_list, nodes.topic, nodes.sidebar, nodes.container)
    for paragraph in doctree.findall(nodes.paragraph):
        parent, inside = paragraph.parent, False
        while parent is not None:
            if isinstance(parent, skip):
                inside = True
                break
            parent = parent.parent
        text = " ".join(paragraph.astext().split())
        if not inside and len(text) >= 40:
            return text
    return ""


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def plain_title(title: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", title or "")).split())


def absolute(app, path: str) -> str:
    """The published address of `path` (relative to the site root)."""
    base = app.config.html_baseurl or ""
    if base and not base.endswith("/"):
        base += "/"
    return urljoin(base, path) if base else path


def page_metadata(app, pagename: str, title: str, description: str, url: str | None = None) -> str:
    """Meta description, Open Graph and Twitter-card tags for one page."""
    book = plain_title(app.config.html_title or app.config.project)
    if title != book:
        title = f"{title} — {book}"
    description = shorten(description or app.config.reassurance_description)
    url = url or absolute(app, app.builder.get_target_uri(pagename))
    image = absolute(app, CARD)
    alt = f"{book}: {app.config.reassurance_description}"
    tags = [
        ("name", "description", description),
        ("property", "og:type", "website" if pagename in (app.config.root_doc, "index") else "article"),
        ("property", "og:site_name", book),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:width", str(CARD_SIZE[0])),
        ("property", "og:image:height", str(CARD_SIZE[1])),
        ("property", "og:image:alt", alt),
        ("property", "og:locale", (app.config.language or "en").replace("-", "_")),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", alt),
    ]
    return "".join(f'<meta {kind}="{key}" content="{html.escape(value, quote=True)}" />\n' for kind, key, value in tags)


def on_page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    arrange_assets(context)
    if app.builder.name != "html":
        return
    book = plain_title(app.config.html_title or app.config.project)
    title = plain_title(context.get("title")) or book
    context["metatags"] = context.get("metatags", "") + page_metadata(app, pagename, title, first_paragraph(doctree))
    context["reassurance_pdf"] = app.config.reassurance_pdf


# Scripts that wait for the document anyway need not block its first paint
# (documentation_options.js must not wait: inline scripts in the page use it).
DEFERRED = {"_static/doctools.js", "_static/sphinx_highlight.js",
            "_static/scripts/sphinx-book-theme.js", "_static/reassurance.js"}
# Linked first, in this order (book/_templates/layout.html links nothing of
# the theme's): Sphinx's basic.css, which the theme's theme.css would @import
# (a second round trip before the first paint), then the theme's own.
THEME_STYLESHEETS = ("_static/basic.css", "_static/styles/pydata-sphinx-theme.css")
# Docutils writes a viewport tag of its own into the page's metatags; Sphinx's
# layout already has one.
_DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport" content="[^"]*" />\n?')


def arrange_assets(context: dict) -> None:
    """The page's stylesheets and scripts (HTML and single-page builds): the
    theme's stylesheets linked directly, with checksums; the code-highlighting
    stylesheet only on pages that show code; scripts deferred; the theme's script for
    the end of the body (layout.html), without Bootstrap's."""
    from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

    has_code = 'class="highlight' in context.get("body", "")
    css_files = [
        css for css in context.get("css_files", [])
        if str(getattr(css, "filename", css)) not in THEME_STYLESHEETS
        and (has_code or str(getattr(css, "filename", css)) != "_static/pygments.css")
    ]
    context["css_files"] = [_CascadingStyleSheet(name, priority=0, rel="stylesheet", type="text/css")
                              for name in THEME_STYLESHEETS] + css_files
    context["reassurance_theme_script"] = _JavaScript("_static/scripts/pydata-sphinx-theme.js", defer="defer")
    context["metatags"] = _DOCUTILS_VIEWPORT.sub("", context.get("metatags", ""))
    if "script_files" in context:
        context["script_files"] = [
            _JavaScript(js.filename, priority=js.priority, **js.attributes, defer="defer")
            if isinstance(js, _JavaScript) and str(js.filename) in DEFERRED and not {"defer", "async"} & set(js.attributes)
            else js
            for js in context["script_files"]
        ]


# -- the social card -------------------------------------------------------------
def social_card(app) -> bytes:
    """A 1200 x 630 PNG: the book's title and description (DejaVu Sans, which
    matplotlib ships, so the card looks the same on every machine)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = CARD_SIZE
    figure = Figure(figsize=(width / 100, height / 100), dpi=100, facecolor="#0b3d5c")
    title = plain_title(app.config.html_title or app.config.project)
    renderer = FigureCanvasAgg(figure).get_renderer()
    # The largest title size whose wrapped lines fit the card's width.
    for size in range(40, 18, -2):
        heading = figure.text(0.06, 0.86, "\n".join(textwrap.wrap(title, int(34 * 40 / size))), color="#ffffff",
                              fontsize=size, fontweight="bold", va="top", ha="left", family="DejaVu Sans",
                              linespacing=1.2)
        box = heading.get_window_extent(renderer)
        if box.x1 <= 0.94 * width and box.y0 >= 0.40 * height:
            break
        heading.remove()
    figure.text(0.06, 0.10, "\n".join(textwrap.wrap(app.config.reassurance_description, 70)),
                color="#dbe9f2", fontsize=19, va="bottom", ha="left", family="DejaVu Sans", linespacing=1.35)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, facecolor=figure.get_facecolor(), metadata={"Software": None})
    return optimise_png(buffer.getvalue())


# -- images ----------------------------------------------------------------------
def optimise_png(data: bytes) -> bytes:
    """The same picture with a palette of at most 256 colours, when smaller.

    Charts use few colours: where an image has at most 256, the palette holds
    them all and nothing changes but the encoding; beyond that (anti-aliased
    edges), median cut without dithering keeps text and lines sharp.
    Transparency is kept when the image has any."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    if image.mode == "P":
        return data
    if image.mode in ("RGBA", "LA") and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    method = Image.Quantize.MEDIANCUT if image.mode == "RGB" else Image.Quantize.FASTOCTREE
    palette = image.quantize(256, method=method, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    smaller = out.getvalue()
    return smaller if len(smaller) < len(data) else data


def optimise_images(folder: Path) -> None:
    for png in sorted(folder.glob("*.png")):
        data = png.read_bytes()
        better = optimise_png(data)
        if better != data:
            png.write_bytes(better)


_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


_VERSIONED = re.compile(r'((?:href|src)="([^"?#]*)\?v=)([0-9a-f]{8})"')


def fix_checksums(text: str, page: Path, site: Path) -> str:
    """Sphinx writes each page with `?v=<checksum>` of a stylesheet as it was
    then: the theme's stylesheets are slimmed after the pages are written, so
    the checksums are brought up to date (a clean build and a rebuild agree)."""
    from sphinx.builders.html._assets import _file_checksum

    def fix(match: re.Match) -> str:
        target = (page.parent / unquote(match.group(2))).resolve()
        if not target.is_file() or site.resolve() not in target.parents:
            return match.group(0)
        checksum = _file_checksum(site.resolve(), target.relative_to(site.resolve()))
        return f'{match.group(1)}{checksum or match.group(3)}"'

    return _VERSIONED.sub(fix, text)


# The smallest text a figure may show, in CSS px (issue: legible on a phone).
MIN_FIGURE_TEXT_PX = 10.0
_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"[^>]*?\sviewBox="([\d.\s-]+)"', re.S)
_SVG_FONT = re.compile(r"font(?:-size)?:\s*(?:[a-z-]+\s+)*(?:\d00\s+)?([\d.]+)px")


def svg_geometry(data: str) -> tuple[float, float, float, float | None] | None:
    """(width px, height px, viewBox width, smallest font size in viewBox
    units) of a matplotlib SVG whose text is text; None if it has no size."""
    match = _SVG_SIZE.search(data)
    if not match:
        return None
    width_pt, height_pt = float(match.group(1)), float(match.group(2))
    box = [float(v) for v in match.group(3).split()]
    sizes = [float(v) for v in _SVG_FONT.findall(data)]
    return width_pt * 4 / 3, height_pt * 4 / 3, box[2], (min(sizes) if sizes else None)


def figure_min_width(view_width: float, smallest_font: float | None, natural_px: float) -> int:
    """The narrowest the figure may be shown, in CSS px, for its smallest text
    to stay at MIN_FIGURE_TEXT_PX (its natural width if it has no text)."""
    if not smallest_font:
        return 0
    import math

    return math.ceil(view_width * MIN_FIGURE_TEXT_PX / smallest_font)


_FIGURE = re.compile(r"(<figure\b[^>]*>)(.*?)(</figure>)", re.S)
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S)


def wrap_figures(text: str) -> str:
    """Each figure's SVG image inside a region that scrolls sideways where the
    screen is narrower than the figure's min-width; it takes keyboard focus
    (WCAG 2.1.1) and is named by the figure's caption."""
    def fix(match: re.Match) -> str:
        opening, inner, closing = match.groups()
        if 'class="figure-scroll"' in inner:
            return match.group(0)
        caption = _CAPTION.search(inner)
        label = " ".join(html.unescape(re.sub(r"<[^>]+>", "", caption.group(1))).split()) if caption else "Figure"
        label = html.escape(shorten(label, 120), quote=True)

        def wrap(img: re.Match) -> str:
            if ".svg" not in img.group(0):
                return img.group(0)
            return f'<div class="figure-scroll" tabindex="0" role="region" aria-label="{label}">{img.group(0)}</div>'

        return opening + _IMG.sub(wrap, inner, count=1) + closing

    return _FIGURE.sub(fix, text)


# Screens as narrow as this get a figure's phone drawing (reassurance.style:
# figure-data/<figure name>.phone.svg, written by publish.glue_figure); the
# stylesheet's phone rules use the same width.
PHONE_MEDIA = "(max-width: 40rem)"
PHONE_SUFFIX = ".phone.svg"
_ID = re.compile(r'\bid="([^"]+)"')


def phone_sources(text: str, site: Path, drawings: Path) -> str:
    """Each figure that has a phone drawing shows it on narrow screens: its
    image goes inside a <picture> whose <source> names the drawing (copied
    to _images/) for PHONE_MEDIA.
    The wide image stays the <img>, with its alt text, for wider screens and
    for print."""
    def fix(match: re.Match) -> str:
        opening, inner, closing = match.groups()
        ident = _ID.search(opening)
        img = _IMG.search(inner)
        if not ident or not img or "<picture" in inner or ".svg" not in img.group(0):
            return match.group(0)
        drawing = drawings / f"{ident.group(1)}{PHONE_SUFFIX}"
        if not drawing.is_file():
            return match.group(0)
        data = drawing.read_text(encoding="utf-8")
        target = site / "_images" / drawing.name
        if not target.is_file() or target.read_text(encoding="utf-8") != data:
            target.write_text(data, encoding="utf-8")
        src = dict(_ATTR.findall(img.group(0))).get("src", "")
        if "_images/" not in src:
            return match.group(0)
        address = src.rsplit("_images/", 1)[0] + "_images/" + drawing.name
        # No width or height on the <source>: the Nu HTML Checker that the
        # tests run refuses them there; the image's own size takes over once
        # it loads (height: auto, book/_static/reassurance.css).
        source = f'<source media="{PHONE_MEDIA}" srcset="{address}">'
        return opening + inner[: img.start()] + f"<picture>{source}{img.group(0)}</picture>" + inner[img.end():] + closing

    return _FIGURE.sub(fix, text)


def finish_page(page: Path, site: Path, drawings: Path | None = None) -> None:
    """Up-to-date asset checksums; width and height on every image (no layout
    shift); every image after the page's first loads lazily (the first may be
    on the first screen); SVG figures get the min-width at which their
    smallest text is 10 CSS px, inside a region that scrolls sideways, and,
    where `drawings` holds one, their phone drawing (phone_sources)."""
    from PIL import Image

    original = page.read_text(encoding="utf-8")
    text = fix_checksums(original, page, site)
    seen = 0

    def fix(match: re.Match) -> str:
        nonlocal seen
        tag = match.group(0)
        attrs = dict(_ATTR.findall(tag))
        seen += 1
        extra = []
        src = attrs.get("src", "")
        if "width" not in attrs and "height" not in attrs and not urlparse(src).scheme:
            target = page.parent / unquote(urlparse(src).path)
            if target.is_file() and target.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp"):
                with Image.open(target) as image:
                    extra.append(f'width="{image.width}" height="{image.height}"')
            elif target.is_file() and target.suffix.lower() == ".svg":
                geometry = svg_geometry(target.read_text(encoding="utf-8"))
                if geometry:
                    width, height, view_width, smallest = geometry
                    extra.append(f'width="{round(width)}" height="{round(height)}"')
                    minimum = figure_min_width(view_width, smallest, width)
                    if minimum and "style" not in attrs:
                        extra.append(f'style="min-width:{minimum}px"')
        if "loading" not in attrs and seen > 1:
            extra.append('loading="lazy"')
        if "decoding" not in attrs:
            extra.append('decoding="async"')
        if not extra:
            return tag
        end = -2 if tag.endswith("/>") else -1
        return tag[:end].rstrip() + " " + " ".join(extra) + tag[end:]

    fixed = wrap_figures(_IMG.sub(fix, text))
    if drawings is not None:
        fixed = phone_sources(fixed, site, drawings)
    if fixed != original:
        page.write_text(fixed, encoding="utf-8")


# -- the theme's stylesheet --------------------------------------------------------
_FA_FONT = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
_FA_GLYPH = re.compile(r"(?<=[}\s])(?:\.fa-[\w-]+:(?:before|after),?)+\{content:\"[^\"]*\"\}")


def _blocks(css: str):
    """Split CSS into top-level (prelude, body) pairs; body is None for a
    statement such as @import. Braces inside strings and comments are skipped."""
    i, n, start = 0, len(css), 0
    while i < n:
        c = css[i]
        if c in "\"'":
            end = css.find(c, i + 1)
            while end != -1 and css[end - 1] == "\\":
                end = css.find(c, end + 1)
            i = (end if end != -1 else n) + 1
            continue
        if css.startswith("/*", i):
            i = css.find("*/", i + 2)
            i = (i if i != -1 else n) + 2
            continue
        if c == ";" and css[start:i].lstrip().startswith("@"):
            yield css[start:i + 1], None
            start = i = i + 1
            continue
        if c == "{":
            depth, j = 1, i + 1
            while j < n and depth:
                d = css[j]
                if d in "\"'":
                    end = css.find(d, j + 1)
                    while end != -1 and css[end - 1] == "\\":
                        end = css.find(d, end + 1)
                    j = (end if end != -1 else n) + 1
                    continue
                depth += d == "{"
                depth -= d == "}"
                j += 1
            yield css[start:i], css[i + 1:j - 1]
            start = i = j
            continue
        i += 1
    if css[start:].strip():
        yield css[start:], None


_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_NOT = re.compile(r":not\([^()]*\)")


# Classes that scripts compose at run time (Bootstrap's `bs-${name}-auto`):
# always kept. Others appear whole in the scripts' strings.
_SAFE = re.compile(r"^bs-")


def _selector_used(selector: str, used: set[str]) -> bool:
    if re.search(r":(is|where|has|matches)\(", selector):
        return True  # not worth reasoning about: keep
    selector = re.sub(r"\[[^\]]*\]", "", _NOT.sub("", selector))  # attribute values may hold dots
    return all(name in used or _SAFE.match(name) for name in _CLASS.findall(selector))


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for c in prelude:
        depth += c in "(["
        depth -= c in ")]"
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    return parts


def purge_css(css: str, used: set[str]) -> str:
    """Keep the rules whose selectors can match: a selector survives when
    every class it names (outside :not()) is in `used`; at-rules that hold
    rules (@media, @supports, @layer, @container) are purged inside and
    dropped when empty; everything else (@font-face, @keyframes, ...) stays."""
    out = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(prelude)
        elif head.startswith("@"):
            if re.match(r"@(media|supports|layer|container)\b", head):
                inner = purge_css(body, used)
                if inner.strip():
                    out.append(f"{head}{{{inner}}}")
            else:
                out.append(f"{head}{{{body}}}")
        else:
            # Licence comments (/*! ... */) stay; other comments go.
            out.extend(c for c in re.findall(r"/\*.*?\*/", head, flags=re.S) if c.startswith("/*!"))
            head = re.sub(r"/\*.*?\*/", "", head, flags=re.S).strip()
            kept = [s for s in _split_selectors(head) if _selector_used(s, used)]
            if kept:
                out.append(f"{','.join(s.strip() for s in kept)}{{{body}}}")
    return "".join(out)


def pages(site: Path) -> list[Path]:
    """The site's pages (not the theme's template fragments in _static)."""
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources", "_images"} & set(p.relative_to(site).parts))


_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`([^`]*)`')


def used_names(site: Path) -> set[str]:
    """Every class a page can carry: each word of every class attribute in the
    built pages, and every word inside a string in the scripts the pages load
    (scripts add classes as they run: menus, tooltips, search results)."""
    words: set[str] = set()
    scripts: set[Path] = set()
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for value in re.findall(r'class="([^"]*)"', text):
            words.update(value.split())
        for src in re.findall(r'<script[^>]*\ssrc="([^"?#]+)', text):
            if not urlparse(src).scheme:
                scripts.add((page.parent / unquote(src)).resolve())
    # The search index and the stemmer's word lists are data, not code.
    data = {"searchindex.js", "language_data.js"}
    for script in sorted(p for p in scripts if p.is_file() and p.name not in data):
        for match in _STRING.finditer(script.read_text(encoding="utf-8", errors="replace")):
            words.update(re.findall(r"[\w-]+", "".join(g or "" for g in match.groups())))
    return words


# The theme's and extensions' stylesheets that every page loads, render-blocking.
THEME_CSS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "basic.css", "pygments.css", "mystnb.*.css")


def slim_theme_css(static: Path, site: Path) -> None:
    """Remove from the theme's stylesheets the Font Awesome web fonts and glyph
    rules (nothing then downloads the fonts, 0.15 MB and more; the icons come
    from reassurance-icons.css), and the rules for classes that no page and
    no script uses (mostly Bootstrap utilities, code highlighting and notebook
    widgets): about 0.5 MB becomes about a fifth of that. The originals stay
    in the packages; the book's own stylesheets are left whole."""
    used = used_names(site)
    for pattern in THEME_CSS:
        for css in sorted(static.glob(pattern)):
            text = css.read_text(encoding="utf-8")
            slim = purge_css(_FA_GLYPH.sub("", _FA_FONT.sub("", text)), used)
            if slim != text:
                css.write_text(slim, encoding="utf-8")


# -- the theme's script ----------------------------------------------------------
_PST_LOG = re.compile(r"""console\.(?:log|info|debug)\((["`])\[PST\][^"`$]*(?:\$\{\w+\}[^"`$]*)*\1\)""")
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def quiet_theme_script(script: Path) -> None:
    """The theme's script without its progress messages ("[PST]: Changed to
    auto mode ...", logged on every page), which fill the reader's console,
    and without its source-map comment, which no longer matches. Errors it
    reports are kept."""
    if not script.is_file():
        return
    text = script.read_text(encoding="utf-8")
    quiet = _SOURCE_MAP.sub("\n", _PST_LOG.sub("void 0", text))
    if quiet != text:
        script.write_text(quiet, encoding="utf-8")


# -- site files --------------------------------------------------------------------
REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8" />
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
{metadata}<meta http-equiv="Refresh" content="0; url={target}" />
<link rel="canonical" href="{canonical}" />
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml" />
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{target}">Read the report</a>.</p>
</main>
</body>
</html>
"""

NOT_FOUND = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8" />
<title>Page not found — {title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="description" content="This page does not exist. The report starts at its front page." />
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 40rem; padding: 2rem 1rem; color: #1a1a1a; background: #ffffff; }}
a {{ color: #0b5394; }}
@media (prefers-color-scheme: dark) {{
  body {{ color: #e6e6e6; background: #121212; }}
  a {{ color: #8cc4ff; }}
}}
</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address. It may have moved when the report was updated.</p>
<p><a href="{home}">Go to the front page of {title}</a>.</p>
</main>
</body>
</html>
"""


def write_site_files(app) -> None:
    out = Path(app.outdir)
    lang = app.config.language or "en"
    title = html.escape(plain_title(app.config.html_title or app.config.project))
    root = app.builder.get_target_uri(app.config.root_doc)
    if app.config.root_doc != "index":
        # The site's own address: what readers share, so it carries the
        # book's metadata too.
        metadata = page_metadata(app, "index", html.unescape(title), "", url=absolute(app, ""))
        (out / "index.html").write_text(
            REDIRECT.format(lang=lang, title=title, target=root, canonical=absolute(app, root), metadata=metadata),
            encoding="utf-8",
        )
    # GitHub Pages serves 404.html for a missing address at any depth, so its
    # one link is absolute (the site's address), and it loads nothing else.
    (out / "404.html").write_text(NOT_FOUND.format(lang=lang, title=title, home=absolute(app, root)), encoding="utf-8")
    (out / CARD).parent.mkdir(parents=True, exist_ok=True)
    (out / CARD).write_bytes(social_card(app))
    if app.config.html_baseurl:
        pages = sorted(app.env.found_docs)
        urls = "".join(f"  <url><loc>{html.escape(absolute(app, app.builder.get_target_uri(p)))}</loc></url>\n" for p in pages)
        (out / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
            encoding="utf-8",
        )
        (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {absolute(app, 'sitemap.xml')}\n", encoding="utf-8")


def on_build_finished(app, exception):
    """Site files, before sphinx-external-toc writes a redirect page of its own."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    if app.builder.name == "html":
        write_site_files(app)
        pdf = app.config.reassurance_pdf
        if pdf and not (out / pdf).is_file():
            logger.warning("reassurance_pdf names %s, which is not in %s: the PDF link would be broken", pdf, out)


def on_build_finished_last(app, exception):
    """Images, stylesheets and pages, once every other extension (myst-nb
    copies its stylesheet at this point) has written its files."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    optimise_images(out / "_images")
    quiet_theme_script(out / "_static" / "scripts" / "pydata-sphinx-theme.js")
    slim_theme_css(out / "_static", out)
    # Phone drawings in the HTML site only: the PDF (single page) prints the wide ones.
    drawings = Path(app.srcdir) / "book" / "figure-data" if app.builder.name == "html" else None
    for page in pages(out):
        finish_page(page, out, drawings)


def setup(app):
    app.add_config_value("reassurance_pdf", "", "html", [str])
    app.add_config_value("reassurance_description", "", "html", [str])
    # After the themes' handlers, which rewrite the stylesheet list.
    app.connect("html-page-context", on_page_context, priority=900)
    # Before sphinx-external-toc (priority 500), which writes an index.html
    # without doctype or title when none exists.
    app.connect("build-finished", on_build_finished, priority=400)
    app.connect("build-finished", on_build_finished_last, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
