"""Vietnamese alphabetical order, for lists of names.

Code-point order puts Đức Linh after Tánh Linh (Đ is U+0110). Vietnamese dictionaries order
letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, and compare tone marks
(none, grave, hook, tilde, acute, dot) only when the letters are equal.
"""

from __future__ import annotations

import unicodedata

_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def _letter(char: str) -> tuple[int, int]:
    """(letter rank, tone) of one character; other characters sort after letters."""
    parts = unicodedata.normalize("NFD", char.lower())
    tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 0)
    base = unicodedata.normalize(
        "NFC", parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS)
    )
    if base in _RANK:
        return _RANK[base], tone
    if base.isspace() or base in "-–":
        return -20, 0  # word boundaries first: "Ba Vì" before "Bảo Lâm"
    if base.isdigit():
        return -10 + int(base), 0
    return 100 + ord(base), 0


def collation_key(text: str) -> tuple:
    """A sort key putting Vietnamese text in dictionary order (letters first, then tones)."""
    letters = [_letter(c) for c in unicodedata.normalize("NFC", str(text))]
    return tuple(r for r, _ in letters), tuple(t for _, t in letters)


def sort_names(names) -> list[str]:
    """Names in Vietnamese alphabetical order."""
    return sorted(names, key=collation_key)
