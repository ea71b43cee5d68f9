"""The definitions of coded values match the Data Package's allowed values."""

from reassurance.evidence import codebook, labels
from support import declared_enums


def test_every_defined_field_defines_exactly_its_allowed_codes(root):
    enums = declared_enums(root)
    for key, definitions in codebook.BY_FIELD.items():
        assert key in enums, key
        assert sorted(definitions) == sorted(enums[key]), key
        assert all(len(text) > 10 for text in definitions.values()), key


def test_the_methodology_s_codes_are_all_defined():
    # The methodology promises definitions of stances and verification statuses.
    assert ("participants", "stance") in codebook.BY_FIELD
    assert ("claims", "status") in codebook.BY_FIELD
    for key in labels.BY_FIELD:
        if key in codebook.BY_FIELD:
            assert sorted(labels.BY_FIELD[key]) == sorted(codebook.BY_FIELD[key]), key
