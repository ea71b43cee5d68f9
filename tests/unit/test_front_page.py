"""The front page's reading guide defines the verification statuses in the
codebook's own words, so the two can never drift apart."""

import re

from reassurance import codebook, labels


def test_the_reading_guide_defines_every_status_as_the_codebook_does(root):
    text = re.sub(r"\s+", " ", (root / "intro.md").read_text(encoding="utf-8"))
    for code, definition in codebook.BY_FIELD[("claims", "status")].items():
        entry = f"{labels.STATUS[code]} : {definition}"
        assert entry in text.replace("\n", " "), f"intro.md lacks the definition of {code!r}: {entry!r}"
