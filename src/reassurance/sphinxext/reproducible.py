"""Sphinx extension: a clean build and a rebuild write the same bytes.

Sphinx appends a checksum (`?v=...`) to a stylesheet's address only when the
file is already in the output folder as a page is written. myst-nb copies its
stylesheet there at the end of a build, so a clean build's pages lacked the
checksum that every later build added. Copying it when the builder starts
gives every build the same pages.
"""

from __future__ import annotations

from pathlib import Path

from myst_nb.sphinx_ext import add_global_html_resources


def _copy_mystnb_css(app) -> None:
    if app.builder.format == "html":
        (Path(app.builder.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def setup(app):
    app.connect("builder-inited", _copy_mystnb_css)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
