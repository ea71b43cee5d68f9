"""CITATION.cff is valid CFF 1.2.0 and carries the package's version."""

import tomllib

import yaml

# Top-level keys of the CFF 1.2.0 schema (additionalProperties is false there).
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}


def test_citation_file_parses_and_matches_the_version(root):
    citation = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["cff-version"] == "1.2.0"
    assert str(citation["version"]) == project["version"]
    for key in ("message", "title", "authors"):
        assert citation[key], key
    assert citation["authors"] == [{"name": "The reassurance project"}]
    assert citation["type"] in ("software", "dataset")
    assert set(citation) <= CFF_KEYS, set(citation) - CFF_KEYS
    assert citation["license"] == "CC-BY-4.0"
    assert all(isinstance(k, str) and k for k in citation["keywords"])
    # No invented identifiers: a DOI or URL may be added only once one exists.
    assert "doi" not in citation and "url" not in citation and "repository-code" not in citation


def test_how_to_cite_page_gives_the_same_version(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = (root / "book" / "how-to-cite.md").read_text(encoding="utf-8")
    assert f"version {project['version']}" in page
