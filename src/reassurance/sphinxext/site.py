"""Sphinx extension: a light site that is ready to publish.

- Page metadata (meta description, Open Graph, Twitter card) comes from
  sphinxext-opengraph, configured in _config.yml (`ogp_*`); this extension
  only fills in what it cannot know: the published address (`html_baseurl`,
  which `make site BASE_URL=...` overrides), the card's alt text and the
  twitter:image tag, and the tags of the search page, which has no doctree.
  The card itself (social_card) is drawn at build time (matplotlib, offline).
- The HTML build writes sitemap.xml, robots.txt and a 404 page. Absolute
  addresses use `html_baseurl`.
- Figures and images (reassurance.sphinxext.figures, registered here): sizes,
  lazy loading, SVG figures' scrolling regions, PNG palettes.
- Every page links what it needs and nothing that delays its first paint
  (arrange_assets): Sphinx's basic.css directly, not behind the theme's
  @import; the code-highlighting stylesheet only where code is shown; scripts
  deferred; the theme's script without Bootstrap's; one viewport tag. The
  theme's Font Awesome glyphs are switched off in reassurance-icons.css,
  which draws the icons.
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
from urllib.parse import urljoin

from docutils import nodes
from docutils.utils import new_document
from sphinx.util import logging

from reassurance.sphinxext.figures import optimise_images, optimise_png, setup_figures

logger = logging.getLogger(__name__)

CARD = "_static/social-card.png"
CARD_SIZE = (1200, 630)


def plain_title(title: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", title or "")).split())


def absolute(app, path: str) -> str:
    """The published address of `path` (relative to the site root)."""
    base = app.config.html_baseurl or ""
    if base and not base.endswith("/"):
        base += "/"
    return urljoin(base, path) if base else path


# -- metadata (sphinxext-opengraph) --------------------------------------------
def on_config_inited(app, config) -> None:
    """What sphinxext-opengraph needs and _config.yml cannot hold: the site's
    address follows html_baseurl (one setting, overridden by BASE_URL); the
    card's alt text says what the card shows (the title and the description
    it is drawn from); twitter:image names the card, as og:image does."""
    if not config.ogp_site_url:
        config.ogp_site_url = absolute(app, "")
    book = plain_title(config.html_title or config.project)
    if config.ogp_site_name is None:
        config.ogp_site_name = book
    if config.ogp_image_alt is None:
        config.ogp_image_alt = f"{book}: {config.reassurance_description}"
    image = urljoin(config.ogp_site_url, config.ogp_image or CARD)
    config.ogp_custom_meta_tags = [*config.ogp_custom_meta_tags,
                                   f'<meta name="twitter:image" content="{html.escape(image, quote=True)}" />']


def search_page_tags(app, context: dict) -> str:
    """sphinxext-opengraph writes tags only for pages with a doctree; the
    search page has none, so it gets them from a document holding the book's
    description."""
    from sphinxext.opengraph import get_tags

    document = new_document("<search>")
    document += nodes.paragraph(text=app.config.reassurance_description)
    # Sphinx gives the search page its title in the template, not the context.
    page = {**context, "meta": None, "title": context.get("title") or "Search"}
    return get_tags(page, document, srcdir=app.srcdir, outdir=app.outdir, config=app.config,
                    builder=app.builder, env=app.env)


def describe_front_page(app, pagename, templatename, context, doctree):
    """The front page opens with the status board, a table, not prose: its
    description is the book's (reassurance_description), given to
    sphinxext-opengraph as a per-page override (runs before it)."""
    if app.builder.name != "html" or pagename != app.config.root_doc or doctree is None:
        return
    description = " ".join(app.config.reassurance_description.split())
    context["meta"] = {**(context.get("meta") or {}), "og:description": description}
    context["metatags"] = (context.get("metatags", "")
                           + f'<meta name="description" content="{html.escape(description, quote=True)}" />\n')


def on_page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    arrange_assets(app, context)
    if app.builder.name != "html":
        return
    if doctree is None and "ogp_site_url" in app.config:
        context["metatags"] = context.get("metatags", "") + search_page_tags(app, context)
    context["reassurance_pdf"] = app.config.reassurance_pdf


# Scripts that wait for the document anyway need not block its first paint
# (documentation_options.js must not wait: inline scripts in the page use it).
DEFERRED = {"_static/doctools.js", "_static/sphinx_highlight.js",
            "_static/scripts/sphinx-book-theme.js", "_static/reassurance.js"}
# Linked first, in this order (book/_templates/layout.html links nothing of
# the theme's): Sphinx's basic.css, which the theme's theme.css would @import
# (a second round trip before the first paint), then the theme's own.
THEME_STYLESHEETS = ("_static/basic.css", "_static/styles/pydata-sphinx-theme.css")
# The theme's script (its own template loads it with Bootstrap's at the end of the body).
THEME_SCRIPT = "scripts/pydata-sphinx-theme.js"
# Docutils writes a viewport tag of its own into the page's metatags; Sphinx's
# layout already has one.
_DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport" content="[^"]*" />\n?')


def arrange_assets(app, context: dict) -> None:
    """The page's stylesheets and scripts (HTML and single-page builds): the
    theme's stylesheets linked directly, with checksums; the code-highlighting
    stylesheet only on pages that show code; scripts deferred, the theme's
    script among them, without Bootstrap's (layout.html drops the theme's
    end-of-body scripts). New assets go through app.add_css_file and
    app.add_js_file, which in this event add them to this page only; Sphinx
    then orders each list by priority."""
    has_code = 'class="highlight' in context.get("body", "")
    stylesheets = context["css_files"]
    stylesheets[:] = [css for css in stylesheets if str(css.filename) not in THEME_STYLESHEETS
                      and (has_code or str(css.filename) != "_static/pygments.css")]
    for name in THEME_STYLESHEETS:
        app.add_css_file(name.removeprefix("_static/"), priority=0)
    context["metatags"] = _DOCUTILS_VIEWPORT.sub("", context.get("metatags", ""))
    scripts = context["script_files"]
    for js in [js for js in scripts if str(js.filename) in DEFERRED and not {"defer", "async"} & set(js.attributes)]:
        scripts.remove(js)
        app.add_js_file(str(js.filename).removeprefix("_static/"), priority=js.priority, loading_method="defer",
                        **js.attributes)
    # Last of the deferred scripts, as it was at the end of the body.
    app.add_js_file(THEME_SCRIPT, priority=1000, loading_method="defer")


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


# -- site files --------------------------------------------------------------------
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
    # GitHub Pages serves 404.html for a missing address at any depth, so its
    # one link is absolute (the site's address), and it loads nothing else.
    (out / "404.html").write_text(NOT_FOUND.format(lang=lang, title=title, home=absolute(app, root)), encoding="utf-8")
    (out / CARD).parent.mkdir(parents=True, exist_ok=True)
    (out / CARD).write_bytes(social_card(app))
    if app.config.html_baseurl:
        # Written by hand, not by sphinx-sitemap: sphinx-sitemap lists only the
        # pages a build writes, so an incremental rebuild would write a sitemap
        # that differs from a clean build's. This one lists every page found.
        pages = sorted(app.env.found_docs)
        urls = "".join(f"  <url><loc>{html.escape(absolute(app, app.builder.get_target_uri(p)))}</loc></url>\n" for p in pages)
        (out / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
            encoding="utf-8",
        )
        (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {absolute(app, 'sitemap.xml')}\n", encoding="utf-8")


def copy_notebook_stylesheet(app, env) -> None:
    """myst-nb copies its stylesheet when the build finishes, after the pages
    are written: a clean build's pages would link it without a checksum and a
    rebuild's with one. Copied before the pages are written (by myst-nb's own
    function), every build links it with its checksum."""
    from myst_nb.sphinx_ext import add_global_html_resources

    add_global_html_resources(app, None)


def on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    optimise_images(out / "_images")
    if app.builder.name == "html":
        write_site_files(app)
        pdf = app.config.reassurance_pdf
        if pdf and not (out / pdf).is_file():
            logger.warning("reassurance_pdf names %s, which is not in %s: the PDF link would be broken", pdf, out)


def setup(app):
    app.setup_extension("sphinxext.opengraph")
    app.add_config_value("reassurance_pdf", "", "html", [str])
    app.add_config_value("reassurance_description", "", "html", [str])
    # After sphinxext-opengraph's defaults are registered (setup_extension above).
    app.connect("config-inited", on_config_inited)
    setup_figures(app)
    # Before sphinxext-opengraph's handler (priority 500).
    app.connect("html-page-context", describe_front_page, priority=400)
    # After the themes' handlers, which rewrite the stylesheet list.
    app.connect("html-page-context", on_page_context, priority=900)
    app.connect("env-updated", copy_notebook_stylesheet)
    app.connect("build-finished", on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
