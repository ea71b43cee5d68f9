"""Every coded value of the Data Package has a reader-facing label."""

from support import declared_enums

from reassurance import labels


def test_every_enum_code_has_a_label(root):
    enums = declared_enums(root)
    for key, mapping in labels.BY_FIELD.items():
        assert sorted(mapping) == sorted(enums[key]), key
