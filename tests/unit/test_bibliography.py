"""references.bib is the generated image of data/sources.csv."""

import re

from reassurance.bibliography import render
from reassurance.evidence import load_evidence


def test_references_bib_is_generated_from_sources_csv(root):
    evidence = load_evidence(root / "data" / "datapackage.json")
    committed = (root / "references.bib").read_text(encoding="utf-8")
    assert committed == render(evidence.sources), "references.bib is stale: run `make references`"


def test_every_source_key_has_one_bibliography_entry(root):
    evidence = load_evidence(root / "data" / "datapackage.json")
    bib_keys = re.findall(r"^@misc\{([^,]+),", (root / "references.bib").read_text(encoding="utf-8"), re.M)
    assert sorted(bib_keys) == sorted(evidence.sources["source_key"])


def test_an_undated_source_is_marked_nd(root):
    evidence = load_evidence(root / "data" / "datapackage.json")
    undated = evidence.sources[evidence.sources["dated"].isna()].iloc[0]
    assert "year = {n.d.}" in render(undated.to_frame().T)
