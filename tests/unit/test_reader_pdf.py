"""The reader PDF's HTML (reassurance.pdf) and the figures' phone layout
(reassurance.sphinx_site): pure functions, no WeasyPrint or browser needed."""

from __future__ import annotations

from reassurance import pdf, sphinx_site

TOC = {
    "root": "intro",
    "parts": [
        {"caption": "Two days", "numbered": True, "chapters": [{"file": "book/summit"}, {"file": "book/russia"}]},
        {"caption": "Reference", "chapters": [{"file": "book/methodology"}, {"file": "book/evidence"}]},
    ],
}


def test_the_reader_pdf_holds_the_front_page_the_chapters_and_the_methodology_only():
    root, reader, every = pdf.toc_docs(TOC)
    assert root == "intro"
    assert reader == ["intro", "book/summit", "book/russia", "book/methodology"]
    assert every[-1] == "book/evidence" and "book/evidence" not in reader


def test_the_single_page_splits_into_its_documents():
    body = ('<section id="front"><h1>Front</h1></section>'
            '<span id="document-book/summit"></span><section id="s"><h1>Summit</h1></section>'
            '<span id="document-book/evidence"></span><section id="appendix-table"><h1>Appendix</h1></section>')
    docs = pdf.split_documents(body, "intro")
    assert list(docs) == ["intro", "book/summit", "book/evidence"]
    assert "<h1>Summit</h1>" in docs["book/summit"] and "Appendix" not in docs["book/summit"]


def test_the_cover_date_reads_as_in_the_prose():
    assert pdf.as_of("1765065600") == "7 December 2025"
    assert pdf.as_of(None).split()[-1] >= "2025"  # the last commit's date, not 1970


SVG = ('<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="576pt" height="288pt" viewBox="0 0 576 288" '
       'xmlns="http://www.w3.org/2000/svg" version="1.1">'
       '<text style="font-size: 10.5px; font-family: \'DejaVu Sans\'">a</text>'
       '<text style="font-size: 8px; font-family: \'DejaVu Sans\'">b</text></svg>')


def test_an_svg_figure_has_its_css_size_and_its_smallest_text():
    width, height, view_width, smallest = sphinx_site.svg_geometry(SVG)
    assert (round(width), round(height), view_width, smallest) == (768, 384, 576.0, 8.0)


def test_the_min_width_gives_the_smallest_text_10_css_px():
    minimum = sphinx_site.figure_min_width(576, 8.0, 768)
    assert minimum == 720 and 8.0 * minimum / 576 >= 10
    assert sphinx_site.figure_min_width(576, None, 768) == 0


def test_a_figure_image_is_wrapped_in_a_named_focusable_region():
    page = ('<figure class="align-default" id="fig-a"><img alt="What it shows" src="../_images/a.svg" />'
            '<figcaption><p><span class="caption-number">Fig. 1 </span><span class="caption-text">Who &amp; when</span></p>'
            '</figcaption></figure><figure><img src="x.png" /></figure>')
    out = sphinx_site.wrap_figures(page)
    assert '<div class="figure-scroll" tabindex="0" role="region" aria-label="Fig. 1 Who &amp; when">' in out
    assert out.count("figure-scroll") == 1  # a raster image is left as it is
    assert sphinx_site.wrap_figures(out) == out


def test_a_figure_with_a_phone_drawing_offers_it_to_narrow_screens(tmp_path):
    drawings, site = tmp_path / "figure-data", tmp_path / "site"
    drawings.mkdir()
    (site / "_images").mkdir(parents=True)
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="250pt" height="400pt" viewBox="0 0 250 400"><text style="font: 8px sans-serif">a</text></svg>'
    (drawings / "fig-a.phone.svg").write_text(svg, encoding="utf-8")
    page = sphinx_site.wrap_figures(
        '<figure class="align-default" id="fig-a"><img alt="What it shows" src="../_images/a.svg" />'
        '<figcaption><p>Who</p></figcaption></figure>'
        '<figure class="align-default" id="fig-b"><img alt="No drawing" src="../_images/b.svg" /></figure>'
    )
    out = sphinx_site.phone_sources(page, site, drawings)
    assert ('<picture><source media="(max-width: 40rem)" srcset="../_images/fig-a.phone.svg">'
            '<img alt="What it shows" src="../_images/a.svg" /></picture></div>') in out
    assert out.count("<picture>") == 1  # fig-b has no phone drawing
    assert (site / "_images" / "fig-a.phone.svg").read_text(encoding="utf-8") == svg
    assert sphinx_site.phone_sources(out, site, drawings) == out


def test_a_chapter_nested_in_the_single_page_gets_its_own_h1():
    assert pdf.promote_headings('<h2 id="a">T</h2><h3>S</h3><h1>x</h1>') == '<h1 id="a">T</h1><h2>S</h2><h1>x</h1>'
