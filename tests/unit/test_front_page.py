"""The verification statuses are defined once, in the annotated article, in the
codebook's own words, so the two can never drift apart; the front page keeps
only the bottom line and the box, whose groups the data write."""

import json
import re

from reassurance.chapters import article_annotated
from reassurance.evidence import codebook, labels


def stored_markdown(notebook) -> str:
    """The Markdown a notebook's cells print (its stored outputs)."""
    parts = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(parts)


def test_the_status_definitions_are_the_codebook_s():
    text = article_annotated.status_definitions_markdown()
    for code, definition in codebook.BY_FIELD[("claims", "status")].items():
        assert f"- **{labels.STATUS[code]}:** {definition}\n" in text


def test_the_annotated_article_defines_every_status_as_the_codebook_does(root):
    text = stored_markdown(root / "book" / "article-annotated.ipynb")
    assert article_annotated.status_definitions_markdown() in text, "re-execute book/article-annotated.ipynb"


def test_the_front_page_defines_no_status_of_its_own(root):
    """Said once: the definitions live in the annotated article, not again here."""
    text = re.sub(r"\s+", " ", (root / "index.md").read_text(encoding="utf-8"))
    for definition in codebook.BY_FIELD[("claims", "status")].values():
        assert definition not in text


def test_the_box_groups_are_written_from_the_data_not_typed(root):
    text = (root / "index.md").read_text(encoding="utf-8")
    assert "```{stance-groups}" in text
    typed = [label for label in labels.STANCE.values() if re.search(rf"^\s*(\*\*)?{re.escape(label)}(\*\*)?\s*:?\s*$", text, re.M)]
    assert not typed, f"groups typed by hand in index.md: {typed}"
