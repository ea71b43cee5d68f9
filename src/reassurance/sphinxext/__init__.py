"""The project's Sphinx code, registered as one extension (`reassurance.sphinxext`
in _config.yml): reproducible (the same bytes on a clean build and a
rebuild), inputs (a change in the data or in the notebooks' code re-reads
every page), site (metadata, social card, sitemap, robots.txt, 404 page) and
front (the front page's and track record's boxes, written from the data)
and citations (pybtex's backends found once per build, not per citation).
Notebooks never import it.
"""

from __future__ import annotations

from reassurance.sphinxext import citations, front, inputs, reproducible, site


def setup(app):
    metadata = {"parallel_read_safe": True, "parallel_write_safe": True}
    for part in (reproducible, inputs, site, front, citations):
        metadata.update({k: v for k, v in part.setup(app).items() if k not in metadata})
    return metadata
