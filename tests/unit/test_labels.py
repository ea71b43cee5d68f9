"""Every coded value of the Data Package has a reader-facing label."""

import json

from reassurance import labels


def test_every_enum_code_has_a_label(root):
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    enums = {
        (r["name"], f["name"]): f["constraints"]["enum"]
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
        if "enum" in f["constraints"]
    }
    for key, mapping in labels.BY_FIELD.items():
        assert sorted(mapping) == sorted(enums[key]), key
