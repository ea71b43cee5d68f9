"""Sphinx extension: what the pages write from the data at build time.

The directive `{stance-groups}` writes, as MyST, the coalition's members as
the sources name them, grouped by each one's latest dated stance, with the
denominator (the newest count of members) and the day each stance was stated,
then the countries and bodies that are not counted among the members, each
saying why (reassurance.chapters.tracker.box), so that no grouping is typed by hand.
`{status-board}` writes the front page's status board, `{judgements} <page>`
the judgements a page's assessment box states, and `{track-record}
summary|settled|open` the track record's parts (reassurance.chapters.track_record): one
home for the rendering of every judgement. `{event-list} <chapter>` writes a
chapter's dated events as a list, each with its source (a timeline that is
really a list of events reads better as text on a phone than as a figure). Every text from the data is
escaped (reassurance.text.markdown_text), so it renders as inert text. They
read the Data Package when a page is read; reassurance.sphinxext.inputs re-reads
the pages when the data change.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from reassurance.chapters import road_to_paris, track_record, tracker
from reassurance.evidence.load import load_evidence
from reassurance.text import date_text, markdown_text


def _evidence(env):
    """The Data Package, loaded and validated once per build rather than once
    per directive (a build has 14 of them, at over a second each): the cache
    is keyed on every data file's name, modification time and size, so an
    edit between two builds in one process (sphinx-autobuild) is read."""
    package = Path(env.srcdir) / "data" / "datapackage.json"
    state = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in package.parent.iterdir() if p.is_file()))
    return _loaded(package, state)


@functools.lru_cache(maxsize=1)
def _loaded(package: Path, files_state: tuple):
    """`files_state` is only the cache key (see _evidence)."""
    return load_evidence(package)


def _parsed(directive: SphinxDirective, text: str, classes: list[str]) -> list[nodes.Node]:
    container = nodes.container(classes=classes)
    directive.state.nested_parse(StringList(text.splitlines(), source=directive.env.docname), directive.content_offset, container)
    return [container]


def board_markdown(evidence) -> str:
    """The status board as a MyST list-table: indicator, status, date it last changed with its source."""
    lines = [
        f"```{{list-table}} Where things stand, as of {date_text(track_record.board_as_of(evidence))}",
        ":header-rows: 1",
        ":widths: 27 40 33",
        "",
        "* - Indicator",
        "  - Status",
        "  - Last change",
    ]
    for label, status, changed, key in track_record.board_rows(evidence):
        lines += [f"* - {markdown_text(label)}", f"  - {markdown_text(status)}", f"  - {changed} {{cite:p}}`{key}`"]
    return "\n".join(lines + ["```"])


class StatusBoard(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        return _parsed(self, board_markdown(_evidence(self.env)), ["status-board"])


class Judgements(SphinxDirective):
    """`{judgements} <page>`: the judgements the page states, from the data."""

    has_content = False
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        evidence = _evidence(self.env)
        return _parsed(self, track_record.list_markdown(evidence.judgements, self.arguments[0]), ["judgements"])


class TrackRecord(SphinxDirective):
    """`{track-record} summary|settled|open`: a part of the track record."""

    has_content = False
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        table = track_record.with_evidence(_evidence(self.env))
        text = track_record.track_record_markdown(table, self.arguments[0])
        return _parsed(self, text, ["track-record"])


class EventList(SphinxDirective):
    """`{event-list} road-to-paris`: the dated events a chapter lists, each
    with its source (reassurance.chapters.road_to_paris.events_markdown): the background
    chapter's last months. (The since-then chapter's 131 steps would triple
    its words: its lane chart states the finding, and the evidence appendix
    lists every step with its passage.)"""

    has_content = False
    required_arguments = 1
    LISTS = {"road-to-paris": road_to_paris.detail_events}

    def run(self) -> list[nodes.Node]:
        select = self.LISTS.get(self.arguments[0])
        if select is None:
            raise self.error(f"no event list {self.arguments[0]!r}; known: {sorted(self.LISTS)}")
        return _parsed(self, road_to_paris.events_markdown(select(_evidence(self.env))), ["event-list"])


class StanceGroups(SphinxDirective):
    """`{stance-groups}`: the front page's box of the members' latest stances."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return _parsed(self, tracker.box_markdown(tracker.box(_evidence(self.env))), ["stance-groups"])


def setup(app):
    app.add_directive("event-list", EventList)
    app.add_directive("stance-groups", StanceGroups)
    app.add_directive("status-board", StatusBoard)
    app.add_directive("judgements", Judgements)
    app.add_directive("track-record", TrackRecord)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
