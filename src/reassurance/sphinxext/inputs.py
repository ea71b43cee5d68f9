"""Sphinx extension: a change in the data or the package re-reads every page.

Sphinx re-reads a page when its own source changes; a chapter also depends
on the evidence and on this package, which Sphinx cannot see. The build
environment remembers the inputs' fingerprint (reassurance.pipeline.inputs); when it
differs, every page is read again, from the cache that reassurance.pipeline.prefill
has just refreshed (or from the stored outputs with execution off). Pages
that paste a chapter's glued values (the front page) are re-read too.
"""

from __future__ import annotations

from pathlib import Path

from reassurance.pipeline.inputs import fingerprint

_ATTRIBUTE = "reassurance_inputs"


def _outdated(app, env, added, changed, removed) -> list[str]:
    current = fingerprint(Path(app.srcdir))
    if getattr(env, _ATTRIBUTE, None) == current:
        return []
    setattr(env, _ATTRIBUTE, current)
    return sorted(env.found_docs)


def setup(app):
    app.connect("env-get-outdated", _outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
