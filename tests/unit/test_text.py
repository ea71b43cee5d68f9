"""The house style of reader-facing words (reassurance.text) and of label contrast."""

import pandas as pd
import pytest

from reassurance import style, text


def test_number_words_up_to_ten_then_digits():
    assert [text.number_text(n) for n in (0, 1, 10, 11)] == ["zero", "one", "ten", "11"]
    assert text.number_text(1234) == "1,234"


def test_ordinal_words():
    assert [text.ordinal_word(n) for n in (1, 4, 11, 12, 13, 21, 22, 23, 101)] == [
        "first", "fourth", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
    ]
    with pytest.raises(ValueError):
        text.ordinal_word(0)


def test_dates_long_and_short():
    assert text.date_text("2025-09-05") == "5 September 2025"
    assert text.date_text(pd.Timestamp("2025-05-20")) == "20 May 2025"
    assert text.short_date("2025-09-04") == "4 Sep 2025"
    assert text.short_date("2025-09-04", year=False) == "4 Sep"


def test_date_spans():
    span = text.date_span_text
    assert span("2025-09-04", "2025-09-04") == "4 Sep 2025"
    assert span("2025-09-03", "2025-09-06") == "3–6 Sep 2025"
    assert span("2025-02-28", "2025-03-02") == "28 Feb – 2 Mar 2025"
    assert span("2024-12-31", "2025-01-01") == "31 Dec 2024 – 1 Jan 2025"
    assert span("2025-09-03", "2025-09-06", year=False) == "3–6 Sep"
    assert span("2025-02-28", "2025-03-02", year=False) == "28 Feb – 2 Mar"
    # Across two years both years stay, even without the year.
    assert span("2024-12-31", "2025-01-01", year=False) == "31 Dec 2024 – 1 Jan 2025"
    with pytest.raises(ValueError):
        span("2025-09-06", "2025-09-03")


def test_month_spans():
    assert text.month_span_text("2025-07-01", "2025-09-05") == "July to September 2025"
    assert text.month_span_text("2024-12-01", "2025-02-01") == "December 2024 to February 2025"
    assert text.month_span_text("2025-09-01", "2025-09-30") == "September 2025"
    with pytest.raises(ValueError):
        text.month_span_text("2025-09-01", "2025-08-01")


def test_months():
    assert text.months_text(["2026-11"]) == "November 2026"
    assert text.months_text(["2026-12", "2026-11", "2026-11"]) == "November and December 2026"
    assert text.months_text(["2025-12", "2026-01"]) == "December 2025 and January 2026"
    assert text.months_text(["2025-11", "2025-12", "2026-01"]) == "November 2025, December 2025 and January 2026"
    with pytest.raises(ValueError):
        text.months_text([])


def test_lists_of_names():
    assert text.join_names([]) == "none"
    assert text.join_names([], empty="") == ""
    assert text.join_names(["Italy"]) == "Italy"
    assert text.join_names(["Italy", "Poland"]) == "Italy and Poland"
    assert text.join_names(["A", "B", "C"]) == "A, B and C"


def test_country_names_take_their_article():
    assert text.with_article("United Kingdom") == "the United Kingdom"
    assert text.with_article("Netherlands") == "the Netherlands"
    assert text.with_article("France") == "France"
    assert text.country_list(["Sweden", "United States"]) == "Sweden and the United States"
    assert text.country_list([]) == "none"


def test_labels_in_a_sentence_keep_names_capitalised():
    assert text.lower_first("Security guarantees") == "security guarantees"
    assert text.lower_first("Ukraine in NATO") == "Ukraine in NATO"
    three = ["Foreign troops in Ukraine", "Ukraine in NATO", "Ukraine in the EU"]
    assert text.labels_in_sentence(three) == "foreign troops in Ukraine, Ukraine in NATO and Ukraine in the EU"
    assert text.labels_in_sentence([]) == ""


def test_sentence_case():
    assert text.sentence_case("only a pro-Kremlin outlet (TASS)") == "Only a pro-Kremlin outlet (TASS)"
    assert text.sentence_case("") == ""


@pytest.mark.parametrize(
    "background, ink",
    [("#FFFFFF", "#000000"), ("#000000", "#FFFFFF"), ("#F0E442", "#000000"), ("#0072B2", "#FFFFFF"), ("#ffffff", "#000000")],
)
def test_label_ink_contrasts_with_its_background(background, ink):
    assert style.text_colour_on(background) == ink


def test_a_missing_date_reads_unknown():
    assert text.date_or_unknown(pd.Timestamp("2025-05-20")) == "20 May 2025"
    assert text.date_or_unknown(pd.NaT) == "unknown"
