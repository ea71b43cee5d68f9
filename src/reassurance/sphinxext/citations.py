"""Sphinx extension: the references formatted by pybtex at half the cost,
the same output.

- pybtex's output backends, found once per build. sphinxcontrib-bibtex asks
  pybtex for the `plaintext` and `docutils` backends at every citation, and
  pybtex answers by scanning the installed packages' entry points each time:
  over 20 seconds of a build of this book, whose pages cite hundreds of
  times. pybtex's own runtime registry (`pybtex.plugin.register_plugin`) is
  checked before the entry points, so registering the same classes there
  once gives the same output without the scans.
- Each entry formatted once. sphinxcontrib-bibtex formats every entry twice,
  for the reference list and for the citation links' tooltips, with the same
  style when no tooltip style is set (bibtex_tooltips_style): about 2 of
  every build's 15 seconds. The `reassurance` style (bibtex_default_style in
  _config.yml) is pybtex's `plain`, whose second call for an entry returns the
  first call's result.
"""

from __future__ import annotations

from pybtex.plugin import find_plugin, register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle

BACKENDS = ("plaintext", "docutils")
STYLE = "reassurance"


class Style(PlainStyle):
    """pybtex's plain style, formatting each (label, entry) once per instance
    (sphinxcontrib-bibtex makes one instance per reference list)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._formatted: dict[tuple[str, str], object] = {}

    def format_entry(self, label, entry, bib_data=None):
        key = (label, entry.key)
        if key not in self._formatted:
            self._formatted[key] = super().format_entry(label, entry, bib_data=bib_data)
        return self._formatted[key]


def setup(app):
    for name in BACKENDS:
        # force: the name is already an entry point; the class registered is that entry point's own.
        register_plugin("pybtex.backends", name, find_plugin("pybtex.backends", name), force=True)
    register_plugin("pybtex.style.formatting", STYLE, Style, force=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
