"""The reader PDF's HTML (reassurance.pdf) and the figures' phone layout
(reassurance.sphinxext.figures): pure functions, no WeasyPrint or browser needed."""

from __future__ import annotations

from reassurance.pipeline import pdf
from reassurance.sphinxext import figures

TOC = {
    "root": "index",
    "parts": [
        {"caption": "Two days", "numbered": True, "chapters": [{"file": "book/summit"}, {"file": "book/russia"}]},
        {"caption": "Reference", "chapters": [{"file": "book/methodology"}, {"file": "book/evidence"}]},
    ],
}


def test_the_reader_pdf_holds_the_front_page_the_chapters_and_the_methodology_only():
    root, reader, every = pdf.toc_docs(TOC)
    assert root == "index"
    assert reader == ["index", "book/summit", "book/russia", "book/methodology"]
    assert every[-1] == "book/evidence" and "book/evidence" not in reader


def test_the_single_page_splits_into_its_documents():
    body = ('<section id="front"><h1>Front</h1></section>'
            '<span id="document-book/summit"></span><section id="s"><h1>Summit</h1></section>'
            '<span id="document-book/evidence"></span><section id="appendix-table"><h1>Appendix</h1></section>')
    docs = pdf.split_documents(body, "index")
    assert list(docs) == ["index", "book/summit", "book/evidence"]
    assert "<h1>Summit</h1>" in docs["book/summit"] and "Appendix" not in docs["book/summit"]


def test_the_cover_date_reads_as_in_the_prose():
    assert pdf.as_of("1765065600") == "7 December 2025"
    assert pdf.as_of(None).split()[-1] >= "2025"  # the last commit's date, not 1970


SVG = ('<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="576pt" height="288pt" viewBox="0 0 576 288" '
       'xmlns="http://www.w3.org/2000/svg" version="1.1">'
       '<text style="font-size: 10.5px; font-family: \'DejaVu Sans\'">a</text>'
       '<text style="font-size: 8px; font-family: \'DejaVu Sans\'">b</text></svg>')


def test_an_svg_figure_has_its_css_size_and_its_smallest_text():
    width, height, view_width, smallest = figures.svg_geometry(SVG)
    assert (round(width), round(height), view_width, smallest) == (768, 384, 576.0, 8.0)


def test_the_min_width_gives_the_smallest_text_10_css_px():
    minimum = figures.figure_min_width(576, 8.0, 768)
    assert minimum == 720 and 8.0 * minimum / 576 >= 10
    assert figures.figure_min_width(576, None, 768) == 0


def test_a_figure_label_is_its_number_and_caption_shortened():
    assert figures.shorten("Fig. 1 Who &  when", 120) == "Fig. 1 Who & when"
    long = "Fig. 2.1 " + "word " * 40
    assert len(figures.shorten(long, 120)) <= 120 and figures.shorten(long, 120).endswith("…")


def test_the_phone_drawings_are_copied_to_the_html_site_only(tmp_path):
    """The <picture> markup is the figures post-transform's (the browser test
    at 390 px checks every figure shows its drawing); the drawings go to _images."""
    from types import SimpleNamespace

    drawings = tmp_path / "book" / "figure-data"
    drawings.mkdir(parents=True)
    (drawings / "fig-a.phone.svg").write_text("<svg/>", encoding="utf-8")
    (drawings / "fig-a.csv").write_text("x\n", encoding="utf-8")
    html = SimpleNamespace(srcdir=str(tmp_path), outdir=str(tmp_path / "html"), builder=SimpleNamespace(name="html"))
    figures.copy_phone_drawings(html, None)
    assert sorted(p.name for p in (tmp_path / "html" / "_images").iterdir()) == ["fig-a.phone.svg"]
    single = SimpleNamespace(srcdir=str(tmp_path), outdir=str(tmp_path / "single"), builder=SimpleNamespace(name="singlehtml"))
    figures.copy_phone_drawings(single, None)
    assert not (tmp_path / "single").exists()


def test_a_chapter_nested_in_the_single_page_gets_its_own_h1():
    assert pdf.promote_headings('<h2 id="a">T</h2><h3>S</h3><h1>x</h1>') == '<h1 id="a">T</h1><h2>S</h2><h1>x</h1>'
