"""Every coded value of the Data Package has a reader-facing label.

The rule is reassurance.evidence.rules.code_problems ([code-label], [code-definition]),
which `make validate` and the build run; damaged cases are in test_bad_input.py.
"""

import json

from reassurance.evidence import labels, rules
from support import declared_enums


def test_every_enum_code_has_a_label(root):
    enums = declared_enums(root)
    for key, mapping in labels.BY_FIELD.items():
        assert sorted(mapping) == sorted(enums[key]), key


def test_the_rule_finds_every_code_labelled_and_defined(root):
    descriptor = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert rules.code_problems(descriptor) == []
