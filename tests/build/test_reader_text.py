"""What a reader reads, measured on the built HTML (`make html-stored` first).

The front page and the chapters are the reader text: they keep a word budget,
say each thing once, speak no database words, and open with a bottom line
short enough for the first screen. Run this file with `-s` to print the
measures (words per page, repeated sentences).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from test_site import SITE
from test_site import pages as built_pages

from reassurance.chapters import commitment, tracker
from reassurance.evidence import codebook, load_evidence
from support import parsed_page

# The site that tests/conftest.py builds once per run (make site-stored).
pytestmark = pytest.mark.usefixtures("built_site")

ROOT = Path(__file__).resolve().parents[2]

# The budgets of issue 9.
MOST_READER_WORDS = 18_000
MOST_PROSE_WORDS_PER_CHAPTER = 2_200
MOST_BOTTOM_LINE_WORDS = 300
# A sentence this long said on two pages is said twice.
REPEATED_SENTENCE_WORDS = 12
ANNOTATED = "book/article-annotated.html"

BLOCKS = ["p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "pre"]
PROSE = {"p", "li", "dt", "dd"}


def reader_pages() -> list[str]:
    """The front page and every numbered chapter of the table of contents."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]
    return [f"{toc['root']}.html"] + [f"{c}.html" for c in chapters]


def book_pages() -> list[str]:
    """Every page of the table of contents (the reader pages and the reference pages)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [f"{toc['root']}.html"] + [f"{c['file']}.html" for part in toc["parts"] for c in part["chapters"]]


def article(page: str) -> BeautifulSoup:
    """A page's main content, without the heading anchors ("#") a reader never reads."""
    built_pages()  # fails with a clear message when the book is not built
    html = (SITE / page).read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").find("article", class_="bd-article")
    assert main is not None, f"{page}: no main article"
    for node in main.select(".headerlink, script, style, [hidden]"):
        node.decompose()
    return main


def words(text: str) -> list[str]:
    return [w for w in text.split() if re.search(r"\w", w)]


def leaf_blocks(main) -> list:
    """Block elements that hold no other block: each piece of text exactly once."""
    return [b for b in main.find_all(BLOCKS) if not b.find(BLOCKS)]


def prose_words(main) -> int:
    """Words of running text: paragraphs and list items, outside tables and figures."""
    return sum(
        len(words(b.get_text(" ")))
        for b in leaf_blocks(main)
        if b.name in PROSE and not b.find_parent(["table", "figure"])
    )


# An author-year citation, "[TASS, 2025f]" or "[Voz, 2025, TASS, n.d.]": left out,
# so that one sentence with different sources still counts as one sentence.
CITATION = re.compile(r"\[[^\[\]]*?(?:\b(?:19|20)\d\d[a-z]?|n\.d\.)\s*\]")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


# A sentence ends as one: a list of sources in a table cell is not a sentence.
ENDS_AS_SENTENCE = re.compile(r"[.!?][\"”’)\]]*$")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, whose lines are blocks (a sentence never spans two)."""
    found = []
    for block in text.split("\n"):
        block = re.sub(r"\s+([.,;:!?])", r"\1", CITATION.sub("", " ".join(block.split())))
        found += [" ".join(s.split()) for s in SENTENCE_END.split(block) if ENDS_AS_SENTENCE.search(s.strip())]
    return found


def sentence_key(sentence: str) -> str:
    return " ".join(w.strip(".,;:!?\"“”‘’()[]").casefold() for w in words(sentence))


def repeated_sentences(texts: dict[str, str], shortest: int = REPEATED_SENTENCE_WORDS) -> dict[str, list[str]]:
    """Sentences of at least `shortest` words found on two or more pages, with their pages."""
    where: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for page, text in texts.items():
        for sentence in sentences(text):
            if len(words(sentence)) >= shortest:
                key = sentence_key(sentence)
                where[key].add(page)
                shown.setdefault(key, sentence)
    return {shown[k]: sorted(p) for k, p in where.items() if len(p) > 1}


def page_text(main) -> str:
    """The text of a page, one leaf block per line (a sentence never spans two)."""
    return "\n".join(" ".join(b.get_text(" ").split()) for b in leaf_blocks(main))


# --- the helpers catch what they should ------------------------------------------


def test_the_sentence_helpers_find_a_sentence_said_twice_whatever_its_citation():
    said = "The coalition said that the force would deploy only once the fighting had stopped for good."
    texts = {
        "a.html": f"{said[:-1]} [TASS, 2025f]. Short one.",
        "b.html": f"Another thing entirely. {said[:-1]} [ Voz, 2025 ,  AFP, n.d. ] .",
        "c.html": "Nothing of the kind is said here, not even in twelve or more different words at all.",
        "d.html": "The coalition said that the force would deploy only once\nthe fighting had stopped for good.",
    }
    texts["e.html"] = texts["f.html"] = "Agencies (wire copy), 5 Sep 2025; BWE News, n.d.; Novinite, 8 Sep 2025; Polskie Radio, 4 Sep 2025"
    assert repeated_sentences(texts) == {said: ["a.html", "b.html"]}
    assert prose_words(BeautifulSoup("<p>one two</p><table><tr><td><p>three</p></td></tr></table>", "html.parser")) == 2


# --- the measures ---------------------------------------------------------------------


def test_the_front_page_and_chapters_keep_the_word_budget():
    counts = {page: len(words(article(page).get_text(" "))) for page in reader_pages()}
    print("\nvisible words per reader page:", counts, "total:", sum(counts.values()))
    assert sum(counts.values()) <= MOST_READER_WORDS, counts


@pytest.mark.parametrize("page", reader_pages()[1:])
def test_each_chapter_has_at_most_about_two_thousand_words_of_prose(page):
    n = prose_words(article(page))
    print(f"\n{page}: {n} prose words")
    assert n <= MOST_PROSE_WORDS_PER_CHAPTER


def test_no_sentence_of_twelve_words_or_more_is_said_on_two_pages():
    repeats = repeated_sentences({page: page_text(article(page)) for page in book_pages()})
    listed = "\n".join(f"- {s} ({', '.join(p)})" for s, p in sorted(repeats.items()))
    print(f"\n{len(repeats)} repeated sentences:\n{listed}")
    assert not repeats, f"{len(repeats)} sentences said on two or more pages:\n{listed}"


# --- no database words in reader text -------------------------------------------------

FILE_NAME = re.compile(r"\b[\w.-]+\.(?:csv|json|ipynb|py|md|bib|ya?ml|toml|txt)\b")
COLUMN = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
MAKE_TARGETS = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1).split()
COMMAND = re.compile(
    rf"\bmake (?:{'|'.join(map(re.escape, MAKE_TARGETS))})\b|\bpip install\b|\bpython -m\b|\bpytest\b|\bjupyter[- ]book\b|\bsphinx-build\b"
)
CLAIM_ID = re.compile(r"\bp\d{2}-\d+\b")
# The Data Package's codes that no English sentence would write (two hyphens or more).
CODES = sorted({code for values in codebook.BY_FIELD.values() for code in values if code.count("-") >= 2}, key=len, reverse=True)


def database_words(text: str, *, claim_ids: bool) -> list[str]:
    found = FILE_NAME.findall(text) + COLUMN.findall(text) + COMMAND.findall(text)
    found += [c for c in CODES if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)]
    if not claim_ids:
        found += CLAIM_ID.findall(text)
    return found


def test_the_database_word_check_catches_each_kind():
    text = "See participants.csv, the stance_source_key column; make book, claim p03-2 and listed-as-committing. Make it so."
    assert database_words(text, claim_ids=False) == [
        "participants.csv", "stance_source_key", "make book", "listed-as-committing", "p03-2",
    ]
    assert "p03-2" not in database_words(text, claim_ids=True)
    assert database_words("A well-known, in-person meeting on 4 September 2025.", claim_ids=False) == []


@pytest.mark.parametrize("page", reader_pages())
def test_reader_text_has_no_database_words(page):
    main = article(page)
    # The front page's "Reproduce this report" may name the commands; nothing else may.
    for section in main.select("section#reproduce-this-report"):
        section.decompose()
    found = database_words(main.get_text(" "), claim_ids=page == ANNOTATED)
    # A download link is set in code font by Sphinx: its words are a link's, not a code.
    found += [f"<code>{c.get_text()}</code>" for c in main.find_all("code") if "download" not in c.get("class", [])]
    assert not found, f"{page}: {sorted(set(found))}"


def test_claim_ids_appear_only_in_the_annotated_article():
    others = [p for p in reader_pages() if p != ANNOTATED]
    found = {p: CLAIM_ID.findall(article(p).get_text(" ")) for p in others}
    assert not {p: ids for p, ids in found.items() if ids}


# --- one claim-status chart ----------------------------------------------------------------


def status_charts() -> list[str]:
    """Figures, on any page of the book, that chart claims by verification status."""
    found = []
    for page in book_pages():
        for figure in article(page).find_all("figure"):
            img = figure.find("img")
            described = " ".join([img.get("alt", "") if img else "", figure.get_text(" ")]).casefold()
            if "verification status" in described and "claims" in described:
                found.append(f"{page}#{figure.get('id', '?')}")
    return found


def test_the_book_has_at_most_one_claim_status_chart():
    charts = status_charts()
    print("\nclaim-status charts:", charts)
    assert len(charts) <= 1, charts


# --- the front page ----------------------------------------------------------------------------


def front_section(heading: str):
    """The front page's section under `heading` (curly or straight apostrophes alike)."""
    for section in article("index.html").find_all("section"):
        title = section.find(["h2", "h3"])
        if title is not None and title.find_parent("section") is section and title.get_text(" ", strip=True).replace("’", "'") == heading:
            return section
    pytest.fail(f"the front page has no section {heading!r}")


def bottom_line():
    return front_section("The bottom line")


def test_the_bottom_line_comes_first_and_fits_the_first_screen():
    main = article("index.html")
    section = bottom_line()
    title = main.find("h1")
    before = [
        b for b in leaf_blocks(main)
        # The published site's "Download the PDF" line under the title is a link, not text to read;
        # the status board heads the page by design (issue 20).
        if b is not title and section not in b.parents and b.sourceline < section.sourceline
        and "reassurance-pdf" not in (b.get("class") or [])
        and b.find_parent(class_="status-board") is None
    ]
    assert not before, f"text between the title and the bottom line: {[b.get_text(' ')[:60] for b in before]}"
    n = len(words(section.get_text(" ")))
    print(f"\nthe bottom line: {n} words")
    assert n <= MOST_BOTTOM_LINE_WORDS


def box():
    section = front_section("Who's in the 26?")
    box = section.select_one("div.admonition")
    assert box is not None and box.find("dl") is not None, "the section 'Who's in the 26?' has no box of groups"
    return box


def test_the_box_shows_every_group_in_order_with_its_denominator():
    content = tracker.box(load_evidence())
    terms = [dt.get_text(" ", strip=True) for dt in box().find_all("dt")]
    expected = [f"{g['label']}: {len(g['entries'])} of the {content['members']}" for g in content["groups"]]
    expected += [tracker.NO_STANCE_LABEL] if content["no_stance"] else []
    expected += [tracker.OTHERS_LABEL] if content["others"] else []
    assert terms == expected


def test_the_box_says_why_a_non_member_is_there():
    """The United States, not a member, is never under a heading about the members without saying so."""
    dds = {dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in box().find_all("dt")}
    for term, text in dds.items():
        if "United States" in text:
            assert term == tracker.OTHERS_LABEL and "United States (not a member" in text


def test_every_box_entry_links_to_evidence_that_exists():
    broken, empty = [], []
    for dd in box().find_all("dd"):
        links = dd.find_all("a", href=True)
        if not links:
            if dd.get_text(" ", strip=True) != commitment.BOX_EMPTY and dd.find_previous_sibling("dt").get_text(" ", strip=True) != tracker.NO_STANCE_LABEL:
                empty.append(dd.get_text(" ", strip=True)[:60])
            continue
        for link in links:
            target = urlparse(link["href"])
            path = (SITE / unquote(target.path)).resolve() if target.path else SITE / "index.html"
            if not path.is_file():
                broken.append(link["href"])
                continue
            if target.fragment and parsed_page(path).find(id=target.fragment) is None:
                broken.append(link["href"])
    assert not empty, f"box entries without a link to their evidence: {empty}"
    assert not broken, f"box links that lead nowhere: {broken}"
