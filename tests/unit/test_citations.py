"""Every citation in the book, and every source named by a data row, resolves."""

from __future__ import annotations

import re

from support import book_markdown

# Pages about the book itself, which state no fact of the story.
# The evidence appendix cites in its tables: every row names its source.
UNCITED_PAGES = {
    "book/changelog.md",
    "book/how-to-cite.md",
    "book/references.md",
    "book/references-n-z.md",
    "book/data-dictionary.ipynb",
    "book/evidence.ipynb",
    "book/evidence-since.ipynb",
    "book/evidence-tracker.ipynb",
}
CITE = re.compile(r"\{(?:cite|cite:p|cite:t|cite:ps|cite:ts|footcite)\}`([^`]+)`")


def test_every_cited_key_is_a_source(root, evidence):
    keys = set(evidence.sources["source_key"])
    unknown = []
    for path, text in book_markdown(root):
        for group in CITE.findall(text):
            for key in (k.strip() for k in group.split(",")):
                if key not in keys:
                    unknown.append(f"{path.relative_to(root)}: {key}")
    assert not unknown, "citation keys with no row in data/sources.csv:\n" + "\n".join(unknown)


def test_every_chapter_and_the_front_page_cite_sources(root):
    uncited = [str(path.relative_to(root)) for path, text in book_markdown(root) if not CITE.search(text)]
    assert sorted(set(uncited) - UNCITED_PAGES) == []


# More sources than this in one bracket go to a note (a footnote), so the text stays readable.
MOST_SOURCES_PER_BRACKET = 3


def crowded_brackets(text: str, most: int = MOST_SOURCES_PER_BRACKET) -> list[str]:
    """The citation roles of `text` that name more than `most` sources."""
    return [group for group in CITE.findall(text) if len([k for k in group.split(",") if k.strip()]) > most]


def test_the_bracket_check_catches_a_crowded_bracket():
    text = "A {cite:p}`a,b,c` and B {cite:p}`a, b, c, d` and C {cite:t}`e`."
    assert crowded_brackets(text) == ["a, b, c, d"]


def test_no_citation_bracket_names_more_than_three_sources(root):
    crowded = [
        f"{path.relative_to(root)}: {len(group.split(','))} sources ({group[:60]}…)"
        for path, text in book_markdown(root, outputs=True)
        for group in crowded_brackets(text)
    ]
    assert not crowded, "brackets with more than three sources (move them to a note):\n" + "\n".join(crowded)
