"""Vietnamese text: Unicode normalisation, tone-mark placement, accent folding and slugs.

Files from district offices mix NFC and NFD, old and new tone-mark placement ("Hoà" and
"Hòa"), non-breaking spaces and doubled spaces. Everything that compares or stores names goes
through these functions so that equal names compare equal.
"""

from __future__ import annotations

import re
import unicodedata

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Characters that show nothing but make equal text differ, or reorder what is shown:
soft hyphen, zero-width space, joiners and marks, bidirectional embeddings, overrides and
isolates (U+202A–U+202E, U+2066–U+2069), word joiner, byte-order mark."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

TYPE_PREFIXES: dict[str, str] = {
    "huyen": "huyện",
    "h": "huyện",
    "quan": "quận",
    "q": "quận",
    "thi xa": "thị xã",
    "tx": "thị xã",
    "thanh pho": "thành phố",
    "tp": "thành phố",
}
"""Folded prefixes that name a district type, longest match wins."""


def to_nfc(text: str) -> str:
    """Returns `text` in Unicode NFC, the form the project stores."""
    return unicodedata.normalize("NFC", text)


def strip_invisible(text: str) -> str:
    """Removes the characters of INVISIBLE (soft hyphens, zero-width and bidi controls)."""
    return INVISIBLE.sub("", text)


def clean_text(text: str) -> str:
    """Returns `text` in NFC without invisible characters, runs of white space (NBSP and
    the like) folded to one."""
    return _SPACES.sub(" ", to_nfc(strip_invisible(text))).strip()


def _move_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    letters: list[list[str]] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    if len(letters) < 2:
        return word
    bases = "".join(group[0] for group in letters).lower()
    last, prev = letters[-1], letters[-2]
    pair = bases[-2:]
    if pair not in ("oa", "oe", "uy") or (pair == "uy" and bases[-3:-2] == "q"):
        return word
    tones = [c for c in last[1:] if c in TONE_MARKS]
    if not tones or any(c in TONE_MARKS for c in prev[1:]):
        return word
    last[1:] = [c for c in last[1:] if c not in TONE_MARKS]
    prev.extend(tones)
    return to_nfc("".join("".join(group) for group in letters))


def normalize_tone_marks(text: str) -> str:
    """Puts the tone mark of open syllables in oa, oe, uy on the first vowel ("Hoà" → "Hòa").

    Both placements are in use (the GSO register writes "Hoà Bình", the merger list "Hòa
    Bình"); the project stores one of them so that names compare equal as text.
    """
    return _WORD.sub(lambda m: _move_tone(m.group(0)), to_nfc(text))


def clean_name(text: str) -> str:
    """Returns a place name cleaned for storage: NFC, single spaces, one tone placement."""
    return normalize_tone_marks(clean_text(text))


def fold(text: str) -> str:
    """Returns an accent- and case-insensitive key: ASCII words separated by single spaces.

    "Thị xã  Đắk Hà" and "thi xa dak ha" fold to the same key; so do NFC and NFD input.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", ascii_only).strip()


def slugify(text: str) -> str:
    """Returns an ASCII slug: folded words joined by hyphens ("Sốp Cộp" → "sop-cop")."""
    return fold(text).replace(" ", "-")


def split_type_prefix(name: str) -> tuple[str | None, str]:
    """Splits a leading district type from a name.

    Args:
        name: A name such as "huyện Sốp Cộp", "TP. Long Xuyên" or "Sốp Cộp".

    Returns:
        The type (one of huyện, quận, thị xã, thành phố, or None) and the rest of the name.
        Numbered urban districts keep their prefix ("Quận 1" stays whole).
    """
    cleaned = clean_name(name)
    words = cleaned.split(" ")
    for size in (2, 1):
        if len(words) <= size:
            continue
        head = fold(" ".join(words[:size]))
        if head in TYPE_PREFIXES:
            rest = " ".join(words[size:]).lstrip(". ").strip()
            if rest.isdigit():
                return TYPE_PREFIXES[head], cleaned
            return TYPE_PREFIXES[head], rest
    return None, cleaned
