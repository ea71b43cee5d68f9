"""Reader-facing words: dates, numbers, lists of names, sentence case.

The one home for the house style of the prose, the tables and the chart
labels, so that every chapter writes '4 September 2025', 'three' and
'France, Germany and the United Kingdom' the same way.
"""

from __future__ import annotations

import re

import pandas as pd

_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]

# Country names that take the definite article in running text.
NAMES_WITH_THE = {"United Kingdom", "United States", "Netherlands"}
# Labels whose first word is a name, and so keeps its capital inside a sentence.
PROPER_FIRST_WORDS = {"Ukraine", "Russia", "NATO", "EU"}


# --- Numbers ------------------------------------------------------------------


def number_text(n: int) -> str:
    """House style: words for zero to ten, digits (with thousands separators) above."""
    n = int(n)
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"


def ordinal_word(n: int) -> str:
    """'fourth' for 4 up to 'tenth', '11th' above."""
    n = int(n)
    if n < 1:
        raise ValueError("ordinals start at 1")
    if n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- Dates --------------------------------------------------------------------


def date_text(value) -> str:
    """A date as the prose writes it: '4 September 2025'."""
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%B %Y}"


def date_or_unknown(value) -> str:
    """A date as tables show it, '20 May 2025', or 'unknown' when it is missing."""
    return "unknown" if pd.isna(value) else date_text(value)


def short_date(value, *, year: bool = True) -> str:
    """A date where space is short (tables, chart labels): '4 Sep 2025', or '4 Sep'
    with year=False (a chart whose axis gives the year)."""
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%b %Y}" if year else f"{ts.day} {ts:%b}"


def date_span_text(start, end, *, year: bool = True) -> str:
    """'4 Sep 2025' for one day, '3–6 Sep 2025' within a month, '28 Feb – 2 Mar 2025' across months.

    With year=False (a chart whose axis gives the year) the year is left out
    ('3–6 Sep'), except for a span across two years, which keeps both.
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError("the span ends before it starts")
    y = f" {end:%Y}" if year else ""
    if start == end:
        return f"{start.day} {start:%b}{y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b}{y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b}{y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def month_span_text(start, end) -> str:
    """The months from `start` to `end`: 'July to September 2025',
    'December 2024 to February 2025', 'September 2025' for one month."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end < start:
        raise ValueError("the span ends before it starts")
    if (start.year, start.month) == (end.year, end.month):
        return f"{end:%B %Y}"
    first = f"{start:%B}" if start.year == end.year else f"{start:%B %Y}"
    return f"{first} to {end:%B %Y}"


def months_text(months) -> str:
    """Months given as 'YYYY-MM', as the prose writes them: 'November 2026',
    'November and December 2026', 'December 2025 and January 2026'."""
    stamps = sorted({pd.Timestamp(f"{m}-01") for m in months})
    if not stamps:
        raise ValueError("no months given")
    # Only months of the last year drop the year, so that no year is misread.
    names = [f"{t:%B}" if t.year == stamps[-1].year else f"{t:%B %Y}" for t in stamps[:-1]]
    return join_names(names + [f"{stamps[-1]:%B %Y}"])


# --- Lists and sentence case --------------------------------------------------


def join_names(names, *, empty: str = "none") -> str:
    """'A', 'A and B', 'A, B and C'; `empty` for an empty list."""
    names = list(names)
    if not names:
        return empty
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def with_article(name: str) -> str:
    """A country's name as it reads inside a sentence: 'the United States', 'France'."""
    return f"the {name}" if name in NAMES_WITH_THE else name


def country_list(names) -> str:
    """Country names joined for a sentence, each with its article:
    'France and the United Kingdom'; 'none' for an empty list."""
    return join_names([with_article(n) for n in names])


def lower_first(label: str) -> str:
    """A label as it reads inside a sentence: its capital goes unless its first
    word is a name ('Security guarantees' -> 'security guarantees';
    'Ukraine in NATO' keeps its capital)."""
    if not label or label.split(" ")[0] in PROPER_FIRST_WORDS:
        return label
    return label[0].lower() + label[1:]


def labels_in_sentence(labels) -> str:
    """Labels joined for use inside a sentence: 'a, b and c' (lower_first each);
    an empty string for no labels."""
    return join_names([lower_first(label) for label in labels], empty="")


def sentence_case(text: str) -> str:
    """The text with a capital first letter, the rest untouched: 'article and TASS' -> 'Article and TASS'."""
    return text[:1].upper() + text[1:]


# --- Text from data, for Markdown ----------------------------------------------

# CommonMark lets any ASCII punctuation be escaped with a backslash (spec 2.4).
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(text: str) -> str:
    """Text from data, for a Markdown output: every ASCII punctuation mark escaped
    and line breaks folded into spaces, so that it renders as the same words and
    never as HTML, a role, a directive, a link, emphasis or a heading."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
