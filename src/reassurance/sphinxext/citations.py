"""Sphinx extension: pybtex's output backends, found once per build.

sphinxcontrib-bibtex asks pybtex for the `plaintext` and `docutils` backends
at every citation, and pybtex answers by scanning the installed packages'
entry points each time: over 20 seconds of a build of this book, whose
pages cite hundreds of times. pybtex's own runtime registry
(`pybtex.plugin.register_plugin`) is checked before the entry points, so
registering the same classes there once gives the same output without the
scans.
"""

from __future__ import annotations

from pybtex.plugin import find_plugin, register_plugin

BACKENDS = ("plaintext", "docutils")


def setup(app):
    for name in BACKENDS:
        # force: the name is already an entry point; the class registered is that entry point's own.
        register_plugin("pybtex.backends", name, find_plugin("pybtex.backends", name), force=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
