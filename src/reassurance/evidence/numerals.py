"""Whole numbers as the sources write them: in figures or in words.

Used by the rule that a number stored beside a quotation appears in that
quotation (reassurance.evidence.rules). Words are given for 0 to 99 in English,
French, German, Russian and Ukrainian, in the forms a count takes after
"there are" (the Russian and Ukrainian nominative; French both with and
without the hyphens of the 1990 spelling). A number the words below do not
cover must appear in figures, or the row must say why it does not.
"""

from __future__ import annotations

import re

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}

_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}

_DE_UNITS = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS = {20: "zwanzig", 30: "dreißig", 40: "vierzig", 50: "fünfzig", 60: "sechzig", 70: "siebzig", 80: "achtzig", 90: "neunzig"}

_RU_UNITS = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
_RU_TENS = {20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят", 80: "восемьдесят", 90: "девяносто"}

_UK_UNITS = [
    "нуль",
    "один",
    "два",
    "три",
    "чотири",
    "п'ять",
    "шість",
    "сім",
    "вісім",
    "дев'ять",
    "десять",
    "одинадцять",
    "дванадцять",
    "тринадцять",
    "чотирнадцять",
    "п'ятнадцять",
    "шістнадцять",
    "сімнадцять",
    "вісімнадцять",
    "дев'ятнадцять",
]
_UK_TENS = {20: "двадцять", 30: "тридцять", 40: "сорок", 50: "п'ятдесят", 60: "шістдесят", 70: "сімдесят", 80: "вісімдесят", 90: "дев'яносто"}


def _english(n: int) -> list[str]:
    if n < 20:
        return [_EN_UNITS[n]]
    tens, unit = divmod(n, 10)
    word = _EN_TENS[tens * 10]
    return [word] if unit == 0 else [f"{word}-{_EN_UNITS[unit]}", f"{word} {_EN_UNITS[unit]}"]


def _french(n: int) -> list[str]:
    if n < 20:
        return [_FR_UNITS[n]]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _FR_TENS[tens * 10]
        if unit == 0:
            return [word]
        return [f"{word} et un"] if unit == 1 else [f"{word}-{_FR_UNITS[unit]}"]
    if n < 80:
        rest = n - 60
        return ["soixante et onze"] if rest == 11 else [f"soixante-{_FR_UNITS[rest]}"]
    rest = n - 80
    return ["quatre-vingts"] if rest == 0 else [f"quatre-vingt-{_FR_UNITS[rest]}"]


def _german(n: int) -> list[str]:
    if n < 20:
        return [_DE_UNITS[n]]
    tens, unit = divmod(n, 10)
    word = _DE_TENS[tens * 10]
    if unit == 0:
        return [word]
    return [("ein" if unit == 1 else _DE_UNITS[unit]) + "und" + word]


def _slavic(units: list[str], tens_words: dict[int, str]):
    def words(n: int) -> list[str]:
        if n < 20:
            return [units[n]]
        tens, unit = divmod(n, 10)
        word = tens_words[tens * 10]
        return [word] if unit == 0 else [f"{word} {units[unit]}"]

    return words


_LANGUAGES = {
    "en": _english,
    "fr": _french,
    "de": _german,
    "ru": _slavic(_RU_UNITS, _RU_TENS),
    "uk": _slavic(_UK_UNITS, _UK_TENS),
}


def _plain(text: str) -> str:
    """Lower case, with hyphens, apostrophes and runs of white space made alike."""
    text = text.lower().replace("’", "'").replace("ʼ", "'").replace("ß", "ss")
    return re.sub(r"[\s\-‑]+", " ", text)


def words(n: int) -> list[str]:
    """Every way the languages above write n in words (none beyond 99)."""
    if not 0 <= n < 100:
        return []
    return [w for spell in _LANGUAGES.values() for w in spell(n)]


def appears_in(n: int, text: str) -> bool:
    """Whether `text` gives the whole number n, in figures (not as part of a
    longer number: 33 is not in 1933 or 33.5) or in words, in any case."""
    if re.search(rf"(?<![\d.,]){n}(?![\d]|[.,]\d)", text):
        return True
    plain = _plain(text)
    return any(re.search(rf"(?<!\w){re.escape(_plain(w))}(?!\w)", plain) for w in words(n))
