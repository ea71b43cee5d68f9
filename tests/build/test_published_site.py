"""The built site is light and ready to publish (`make test` builds it with
`make site-stored`: the HTML and, where WeasyPrint can load, the reader PDF)."""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from page_weight import BUDGET, page_weight, site_pages  # noqa: E402

from support import parsed_page  # noqa: E402

BUILD = Path(os.environ.get("REASSURANCE_BUILD") or ROOT / "_build")
SITE = BUILD / "html"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BASE_URL = CONFIG["sphinx"]["config"]["html_baseurl"]

# The site that tests/conftest.py builds once per run (make site-stored).
pytestmark = pytest.mark.usefixtures("built_site")


@pytest.fixture(scope="module")
def pages() -> list[Path]:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} holds no built book: build it first (make test does)")
    return site_pages(SITE)


def soup(page: Path) -> BeautifulSoup:
    return parsed_page(page)  # shared between tests: read, never changed


def meta(document: BeautifulSoup, key: str) -> str | None:
    tag = document.find("meta", attrs={"name": key}) or document.find("meta", attrs={"property": key})
    return tag.get("content") if tag else None


def test_every_page_is_within_the_weight_budget(pages):
    over, missing = [], []
    for page in pages:
        weight = page_weight(page)
        missing += weight.missing
        if weight.total > BUDGET:
            kinds = ", ".join(f"{k} {v // 1024} KiB" for k, v in sorted(weight.by_kind().items()))
            over.append(f"{page.relative_to(SITE)}: {weight.total // 1024} KiB ({kinds})")
    assert not missing, "pages reference files that do not exist:\n" + "\n".join(missing)
    assert not over, f"pages over {BUDGET // 1024} KiB:\n" + "\n".join(over)


def test_no_page_loads_the_icon_font_or_its_script(pages):
    """No Font Awesome script; the theme's icon glyphs are switched off, so no
    text is drawn in its web font (the browser tests check no font is requested)."""
    for page in pages:
        loaded = [str(p) for p in page_weight(page).files]
        assert not [p for p in loaded if "fontawesome" in p], page
    icons = (SITE / "_static" / "reassurance-icons.css").read_text(encoding="utf-8")
    assert ".fa-solid::before" in icons and "content: none !important" in icons


def test_images_have_their_size_and_all_but_the_first_load_lazily(pages):
    problems = []
    for page in pages:
        images = soup(page).find_all("img")
        for index, img in enumerate(images):
            if not (img.get("width") and img.get("height")):
                problems.append(f"{page.relative_to(SITE)}: {img.get('src')} has no width and height")
            if index and img.get("loading") != "lazy":
                problems.append(f"{page.relative_to(SITE)}: {img.get('src')} is not lazy-loaded")
    assert not problems, "\n".join(problems)


def test_every_svg_figure_scrolls_in_a_named_focusable_region_at_its_legible_width(pages):
    """reassurance.sphinxext.figures.FigureImages: each SVG figure's image sits in a
    region that takes keyboard focus and is named by the figure's number and
    caption, and has the min-width at which its smallest text is 10 CSS px."""
    from reassurance.sphinxext.figures import figure_min_width, svg_geometry

    problems, seen = [], 0
    for page in pages:
        for figure in soup(page).find_all("figure"):
            for img in figure.find_all("img"):
                if not img["src"].endswith(".svg"):
                    continue
                seen += 1
                where = f"{page.relative_to(SITE)}: {img['src']}"
                region = img.parent
                if region.name == "picture":  # the figure's phone drawing, for narrow screens
                    source = region.find("source")
                    if source is None or not source.get("media") or not (page.parent / source.get("srcset", "")).is_file():
                        problems.append(f"{where}: a <picture> without a phone drawing that exists: {source}")
                    region = region.parent
                number = figure.find(class_="caption-number").get_text()
                if (region.name != "div" or region.get("class") != ["figure-scroll"] or region.get("tabindex") != "0"
                        or region.get("role") != "region"
                        or not region.get("aria-label", "").startswith(number + figure.find(class_="caption-text").get_text()[:20])):
                    problems.append(f"{where}: not in a named, focusable figure-scroll region: {region.attrs}")
                width, height, view_width, smallest = svg_geometry((page.parent / img["src"]).read_text(encoding="utf-8"))
                if img.get("style") != f"min-width:{figure_min_width(view_width, smallest, width)}px":
                    problems.append(f"{where}: min-width {img.get('style')}")
                if (img.get("width"), img.get("height")) != (str(round(width)), str(round(height))):
                    problems.append(f"{where}: size {img.get('width')} x {img.get('height')}")
    assert seen, "no SVG figure found"
    assert not problems, "\n".join(problems)


def test_figure_images_are_svg_with_text_as_text_no_date_and_no_small_text():
    """Figures are SVG (reassurance.style): their text is text, they carry
    no date, and no text is under MIN_FONT_PT; a PNG left is a palette PNG."""
    from reassurance.sphinxext.figures import svg_geometry
    from reassurance.style import MIN_FONT_PT

    svgs = sorted((SITE / "_images").glob("*.svg"))
    assert svgs, "no figure image in the site"
    problems = []
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        geometry = svg_geometry(text)
        if geometry is None or geometry[3] is None:
            problems.append(f"{svg.name}: no size or no text as text")
        elif geometry[3] < MIN_FONT_PT - 0.01:
            problems.append(f"{svg.name}: text of {geometry[3]} pt")
        if "<dc:date>" in text:
            problems.append(f"{svg.name}: carries a date")
    assert not problems, "\n".join(problems)
    pngs = sorted((SITE / "_images").glob("*.png"))
    assert [p.name for p in pngs if Image.open(p).mode != "P"] == []


def test_every_page_has_a_description_and_social_metadata(pages):
    problems = []
    for page in pages:
        document = soup(page)
        description = meta(document, "description")
        if not description or len(description) < 50:
            problems.append(f"{page.relative_to(SITE)}: no useful meta description ({description!r})")
        if page.name == "404.html":
            continue
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:site_name",
                    "twitter:card", "twitter:image"):
            if not meta(document, key):
                problems.append(f"{page.relative_to(SITE)}: no {key}")
        for key in ("og:url", "og:image", "twitter:image"):
            address = meta(document, key) or ""
            if not address.startswith(BASE_URL):
                problems.append(f"{page.relative_to(SITE)}: {key} is not an absolute address on the site: {address}")
        if meta(document, "og:image") != BASE_URL + "_static/social-card.png":
            problems.append(f"{page.relative_to(SITE)}: og:image is not the site card")
        if meta(document, "og:url") != BASE_URL + page.relative_to(SITE).as_posix():
            problems.append(f"{page.relative_to(SITE)}: og:url is not the page's address: {meta(document, 'og:url')}")
    assert not problems, "\n".join(problems)


def test_the_front_page_is_described_by_the_book_description_not_its_status_board():
    """The front page opens with the status board, a table: its description is
    the book's (reassurance_description), not the table's cells."""
    document = soup(SITE / "index.html")
    description = " ".join(CONFIG["sphinx"]["config"]["reassurance_description"].split())
    assert meta(document, "og:description") == description
    assert meta(document, "description") == description
    assert meta(document, "og:site_name") == CONFIG["title"]


def test_the_social_card_is_a_1200_by_630_image():
    card = SITE / "_static" / "social-card.png"
    assert card.is_file()
    assert Image.open(card).size == (1200, 630)


def test_the_sitemap_lists_every_chapter_at_its_published_address():
    tree = ET.parse(SITE / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for name in files:
        assert any(u.endswith(f"/{name}.html") for u in urls), f"{name} is not in sitemap.xml"
    assert all(u.startswith(("https://", "http://")) for u in urls), urls
    assert len(set(urls)) == len(urls)
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: " in robots and robots.strip().splitlines()[-1].endswith("sitemap.xml")
    assert BASE_URL.startswith("https://"), "html_baseurl in _config.yml is the published address pattern"


def test_a_404_page_exists_and_the_front_page_is_the_site_index():
    not_found = (SITE / "404.html").read_text(encoding="utf-8")
    assert not_found.startswith("<!DOCTYPE html>") and "<title>Page not found" in not_found
    index = (SITE / "index.html").read_text(encoding="utf-8")
    assert index.lstrip().startswith("<!DOCTYPE html>") and 'http-equiv="Refresh"' not in index
    assert soup(SITE / "index.html").find(class_="status-board") is not None, "index.html is not the front page"
    assert not (SITE / "intro.html").exists()


def test_no_page_links_to_a_missing_file(pages):
    """Every address within the site resolves, the PDF link included: a build
    without the PDF (no WeasyPrint) has no link to it."""
    broken = []
    for page in pages:
        document = soup(page)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for node in document.find_all(tag):
                url = node.get(attr) or ""
                parsed = urlparse(url)
                if parsed.scheme or parsed.netloc or not parsed.path:
                    continue
                target = (page.parent / unquote(parsed.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page.relative_to(SITE)}: <{tag} {attr}={url}>")
    assert not broken, "\n".join(broken)


def test_the_front_page_links_the_pdf_when_the_site_has_it():
    """`make site` (and `make test`, through make site-stored) puts the PDF in
    the site and links it; `make book` builds neither, and so no dangling link."""
    front = soup(SITE / "index.html")
    links = [a for a in front.find_all("a") if a.get_text(strip=True) == "Download the PDF"]
    if links:
        assert all(a["href"] == "reassurance.pdf" for a in links), [a["href"] for a in links]
        assert (SITE / "reassurance.pdf").is_file(), "the front page links a PDF that the site lacks"
    elif os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but the front page has no PDF link (make site-stored prints the PDF with WeasyPrint)")


def test_every_page_head_is_quick_to_paint(pages):
    """What Lighthouse's mobile score depends on and a build can lose
    (book/_templates/layout.html, reassurance.sphinxext.site.arrange_assets): the
    colour theme is resolved by a script before any stylesheet (no second
    styling of the page once it has loaded); no stylesheet chained behind
    another's @import; no Bootstrap script; the code-highlighting stylesheet
    only where code is shown; every script deferred but the small one the
    page's inline scripts need; one viewport tag."""
    problems = []
    for page in pages:
        if page.name in ("404.html", "index.html"):
            continue  # self-contained pages without the theme
        name = page.relative_to(SITE).as_posix()
        head = soup(page).head
        stylesheets = [link["href"].split("?")[0] for link in head.find_all("link", rel="stylesheet")]
        first_stylesheet = head.find("link", rel="stylesheet")
        resolver = [s for s in first_stylesheet.find_all_previous("script") if "prefers-color-scheme" in s.get_text()]
        if not resolver:
            problems.append(f"{name}: no script resolves the colour theme before the stylesheets")
        for href in stylesheets:
            css = (page.parent / unquote(href)).resolve()
            if "@import" in css.read_text(encoding="utf-8"):
                problems.append(f"{name}: {href} imports another stylesheet")
        if any(h.endswith("pygments.css") for h in stylesheets) != ('class="highlight' in page.read_text(encoding="utf-8")):
            problems.append(f"{name}: pygments.css is linked {'without' if 'pygments' in str(stylesheets) else 'but missing for'} code")
        scripts = [s["src"].split("?")[0] for s in soup(page).find_all("script", src=True)]
        if any("bootstrap" in s for s in scripts):
            problems.append(f"{name}: loads Bootstrap's script")
        blocking = [s["src"].split("?")[0] for s in head.find_all("script", src=True)
                    if not s.has_attr("defer") and not s.has_attr("async")]
        if [s for s in blocking if not s.endswith("documentation_options.js")]:
            problems.append(f"{name}: render-blocking scripts {blocking}")
        if len(head.find_all("meta", attrs={"name": "viewport"})) != 1:
            problems.append(f"{name}: not exactly one viewport tag")
    assert not problems, "\n".join(problems)
