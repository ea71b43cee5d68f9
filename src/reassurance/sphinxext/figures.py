"""Sphinx extension, part of reassurance.sphinxext.site: figures and images.

- A post-transform (FigureImages, HTML and single-page builds) gives each
  image its width and height and lazy-loads all but a page's first; an SVG
  figure gets the min-width at which its smallest text is 10 CSS px, inside
  a region that scrolls sideways on a narrow screen, takes keyboard focus and
  is named by the figure's number and caption (book/_static/reassurance.css).
  Two node classes with their own HTML visitors write those attributes:
  docutils would write an image's size as an inline style.
- A figure with a phone drawing (figure-data/<figure name>.phone.svg, drawn
  by the chart's own code and written by reassurance.publish.glue_figure)
  shows it on narrow screens: the image goes inside a <picture> whose
  <source> names the drawing for PHONE_MEDIA (HTML build only; the PDF
  prints the wide drawing). The drawings are copied to _images/.
- PNGs (the social card, any raster figure) are re-encoded with a palette.

Registered by reassurance.sphinxext.site's setup() (setup_figures).
"""

from __future__ import annotations

import io
import math
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.images import get_image_size


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


# The smallest text a figure may show, in CSS px (issue: legible on a phone).
MIN_FIGURE_TEXT_PX = 10.0
_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"[^>]*?\sviewBox="([\d.\s-]+)"', re.DOTALL)
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
    return math.ceil(view_width * MIN_FIGURE_TEXT_PX / smallest_font)

# -- figures and images (a post-transform and two node visitors) -----------------
class sized_image(nodes.image):  # docutils names node classes in lower case
    """An image written with its width and height attributes (no layout shift,
    and the CSS can scale it), decoding="async", and loading="lazy" for every
    image after a page's first. Docutils would write the size as an inline
    style, which fixes the height when the column narrows."""


class figure_scroll(nodes.General, nodes.Element):
    """The region around an SVG figure's image: it scrolls sideways where the
    screen is narrower than the figure's min-width, takes keyboard focus
    (WCAG 2.1.1) and is named by the figure's number and caption."""


# Screens as narrow as this get a figure's phone drawing; the stylesheet's
# phone rules use the same width.
PHONE_MEDIA = "(max-width: 40rem)"
PHONE_SUFFIX = ".phone.svg"
PHONE_DRAWINGS = "book/figure-data"


def visit_sized_image(self, node) -> None:
    if node.get("phone"):
        # No width or height on the <source>: the Nu HTML Checker the tests
        # run refuses them there; the drawing's own size takes over as it loads.
        address = posixpath.join(self.builder.imgpath, quote(node["phone"]))
        self.body.append(f'<picture><source media="{PHONE_MEDIA}" srcset="{address}">')
    uri = node["uri"]
    if uri in self.builder.images:
        uri = posixpath.join(self.builder.imgpath, quote(self.builder.images[uri]))
    attributes = {"src": uri, "alt": node.get("alt", uri), "decoding": "async"}
    for key in ("width", "height", "loading"):
        if node.get(key):
            attributes[key] = node[key]
    if node.get("min_width"):
        attributes["style"] = f"min-width:{node['min_width']}px"
    self.body.append(self.emptytag(node, "img", "\n", **attributes))
    if node.get("phone"):
        self.body.append("</picture>\n")


def visit_figure_scroll(self, node) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="figure-scroll", tabindex="0", role="region",
                                   **{"aria-label": node["label"]}))


def depart_figure_scroll(self, node) -> None:
    self.body.append("</div>\n")


def depart_nothing(self, node) -> None:
    pass


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-") + "…"


class FigureImages(SphinxPostTransform):
    """Sizes and loading for every image of a page (HTML and single-page
    builds), and the scrolling region of each SVG figure. Runs after
    myst-nb has picked each output's image (SelectMimeType)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for index, image in enumerate(list(self.document.findall(nodes.image))):
            sized = sized_image(image.rawsource, **image.attributes)
            sized.extend(image.children)
            if index:
                sized["loading"] = "lazy"
            path = Path(self.app.srcdir, image["uri"])
            if path.suffix.lower() == ".svg" and path.is_file():
                geometry = svg_geometry(path.read_text(encoding="utf-8"))
                if geometry:
                    width, height, view_width, smallest = geometry
                    sized["width"], sized["height"] = str(round(width)), str(round(height))
                    sized["min_width"] = figure_min_width(view_width, smallest, width)
            elif path.is_file() and (size := get_image_size(str(path))):
                sized["width"], sized["height"] = str(size[0]), str(size[1])
            figure = image.parent
            while figure is not None and not isinstance(figure, nodes.figure):
                figure = figure.parent
            if figure is not None and path.suffix.lower() == ".svg":
                phone = Path(self.app.srcdir, PHONE_DRAWINGS, f"{figure['ids'][0]}{PHONE_SUFFIX}") if figure["ids"] else None
                if self.app.builder.name == "html" and phone is not None and phone.is_file():
                    sized["phone"] = phone.name
                region = figure_scroll(label=self.figure_label(figure))
                region += sized
                image.replace_self(region)
            else:
                image.replace_self(sized)

    def figure_label(self, figure) -> str:
        """"Fig. 2.1 " and the caption's text, as the figure shows them."""
        caption = next(iter(figure.findall(nodes.caption)), None)
        text = caption.astext() if caption is not None else "Figure"
        docname = self.env.docname
        start = figure.parent
        while start is not None:  # the single-page build: the chapter the figure is in
            if isinstance(start, addnodes.start_of_file):
                docname = start["docname"]
                break
            start = start.parent
        numbers = self.env.toc_fignumbers.get(docname, {}).get("figure", {}).get(figure["ids"][0] if figure["ids"] else "")
        prefix = self.config.numfig_format.get("figure")
        if numbers and prefix:
            text = prefix % ".".join(map(str, numbers)) + " " + text
        return shorten(text, 120)


def copy_phone_drawings(app, exception) -> None:
    """Every phone drawing into _images/ (HTML build only), rewritten only when it changed."""
    if exception is not None or app.builder.name != "html":
        return
    images = Path(app.outdir) / "_images"
    for drawing in sorted(Path(app.srcdir, PHONE_DRAWINGS).glob(f"*{PHONE_SUFFIX}")):
        target = images / drawing.name
        data = drawing.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            images.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def setup_figures(app) -> None:
    app.connect("build-finished", copy_phone_drawings)
    app.add_node(sized_image, html=(visit_sized_image, depart_nothing))
    app.add_node(figure_scroll, html=(visit_figure_scroll, depart_figure_scroll))
    app.add_post_transform(FigureImages)
