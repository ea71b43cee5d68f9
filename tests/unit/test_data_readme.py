"""data/README.md documents every table and every column of the Data Package."""

import json


def test_every_table_and_column_is_documented(root):
    readme = (root / "data" / "README.md").read_text(encoding="utf-8")
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    missing = [
        f"{r['path']}.{f['name']}"
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
        if f"`{f['name']}`" not in readme
    ]
    missing += [r["path"] for r in descriptor["resources"] if f"`{r['path']}`" not in readme]
    assert not missing, missing
