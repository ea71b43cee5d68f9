"""Sphinx extension: the front page's "Who's in the 26?" groups, from the data.

The directive `{stance-groups}` writes, as MyST, the coalition's members as
the sources name them, grouped by each one's latest dated stance, with the
denominator (the newest count of members) and the day each stance was stated,
then the countries and bodies that are not counted among the members, each
saying why (reassurance.tracker.box), so that no grouping is typed by hand.
It reads the Data Package when the front page is read;
reassurance.sphinx_inputs re-reads the page when the data change.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from . import tracker
from .evidence import load_evidence


class StanceGroups(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        evidence = load_evidence(Path(self.env.srcdir) / "data" / "datapackage.json")
        text = tracker.box_markdown(tracker.box(evidence))
        container = nodes.container(classes=["stance-groups"])
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), self.content_offset, container)
        return [container]


def setup(app):
    app.add_directive("stance-groups", StanceGroups)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
