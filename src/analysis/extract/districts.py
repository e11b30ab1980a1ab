"""Which district a figure is about: district names in the text, found through the register.

A district is named with its type or its committee before it: "huyện Sốp Cộp", "Huyện ủy Sa
Thầy", "Đảng bộ huyện Đức Thọ", "Thành ủy Long Xuyên", "TP. Long Xuyên", "thị xã Kỳ Anh",
"Quận 1". Each candidate name is looked up with `lookup.find_district`, longest first, so
only names the register (or the user's dataset) knows count. A name shared by several units
("Phong Điền") is settled by a province the article names ("tỉnh Sơn La"), else left open.
A commune of the same name ("xã Vân Hồ") is not a mention: its prefix is not a district's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.data.lookup import find_district
from analysis.data.register import canonical_province, load_register
from analysis.extract.segment import Document
from analysis.text.vietnamese import fold

_MENTION = re.compile(
    r"\b(?P<prefix>(?:đảng bộ\s+)?(?:huyện|quận|thị xã|thành phố)(?:\s+(?:ủy|uỷ))?"
    r"|(?:huyện|thành|thị|quận)\s+(?:ủy|uỷ)|tp\.|tx\.|tp|tx|h\.)(?:\s+|(?<=\.))"
    r"(?P<name>[^\W_]+(?:\s+[^\W\d_]+){0,3})",
    re.IGNORECASE,
)
_PROVINCE_MENTION = re.compile(
    r"\b(?:tỉnh|tỉnh ủy|tỉnh uỷ|thành phố)\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[^\W\d_a-zđ][^\W\d_]*(?:\s+[^\W\d_a-zđ][^\W\d_]*)*")
_NOT_A_DISTRICT = re.compile(
    r"\b(?:xã|phường|thị trấn|thôn|bản|ấp|tỉnh|làng|sông|núi|đường|trường)\s+$", re.IGNORECASE
)
_TYPE_OF_PREFIX = (
    ("thị xã|thị ủy|thị uỷ|tx", "thị xã"),
    ("thành phố|thành ủy|thành uỷ|tp", "thành phố"),
    ("quận|quận ủy|quận uỷ", "quận"),
)


@dataclass(frozen=True)
class Mention:
    """A district named in the text.

    Attributes:
        start: Offset of the name (after its prefix).
        end: Offset after the name.
        candidates: The district ids it may mean (one when it is clear).
    """

    start: int
    end: int
    candidates: tuple[str, ...]


def _unit_type(prefix: str) -> str:
    key = " ".join(prefix.lower().replace(".", " ").split())
    for words, unit_type in _TYPE_OF_PREFIX:
        if re.search(rf"(?:^|\s){words}(?:\s|$)", key):
            return unit_type
    return "huyện"


@lru_cache(maxsize=4096)
def _candidates(unit_type: str, name: str) -> tuple[tuple[str, str], ...]:
    """(district_id, province) of the registered units of that type and name."""
    table = find_district(f"{unit_type} {name}")
    return tuple(zip(table["district_id"], table["province"], strict=True))


def _capitalised_words(name: str) -> list[str]:
    words = []
    for word in name.split():
        if not (word[:1].isupper() or word.isdigit()):
            break
        words.append(word)
        if word.isdigit():
            break
    return words


def provinces_named(doc: Document) -> set[str]:
    """Returns the pre-2025 provinces an article names ("tỉnh Sơn La", "Tỉnh ủy Kon Tum")."""
    found = set()
    for match in _PROVINCE_MENTION.finditer(doc.text):
        words = _capitalised_words(match.group("name"))
        for size in range(len(words), 0, -1):
            province = canonical_province(" ".join(words[:size]))
            if province:
                found.add(province)
                break
    return found


def _prefixed_mentions(doc: Document, provinces: set[str]) -> list[Mention]:
    mentions = []
    for match in _MENTION.finditer(doc.text):
        unit_type = _unit_type(match.group("prefix"))
        words = _capitalised_words(match.group("name"))
        for size in range(len(words), 0, -1):
            found = _candidates(unit_type, " ".join(words[:size]))
            if not found:
                continue
            if len(found) > 1 and provinces:
                found = tuple(f for f in found if f[1] in provinces) or found
            start = match.start("name")
            end = start + len(" ".join(words[:size]))
            mentions.append(Mention(start, end, tuple(f[0] for f in found)))
            break
    return mentions


@lru_cache(maxsize=128)
def _names_in(province: str) -> dict[str, str]:
    """Folded names of a province's districts, to the district id (names shared within the
    province are left out: they cannot be told apart without a prefix)."""
    register = load_register()
    rows = register[register["province"] == province]
    keys = [fold(n) for n in rows["name"]]
    return {k: i for k, i in zip(keys, rows["district_id"], strict=True) if keys.count(k) == 1}


@lru_cache(maxsize=1)
def _unique_names() -> dict[str, str]:
    """Folded names borne by one district only in the whole register, and not by a province."""
    register = load_register()
    keys = [fold(n) for n in register["name"]]
    return {
        k: i
        for k, i, name in zip(keys, register["district_id"], register["name"], strict=True)
        if keys.count(k) == 1 and canonical_province(name) is None
    }


def _bare_mentions(doc: Document, known: list[Mention]) -> list[Mention]:
    """Names without a prefix ("Hội An 110; Điện Bàn 150", "Đảng bộ Bảo Lộc"): of districts in
    the provinces the article's prefixed mentions are in; with no prefixed mention at all
    ("Vũng Liêm: …"), names that only one district bears. A name that is also a province's
    ("(Hải Dương)") is left out."""
    provinces = {_province_of(c) for m in known if len(m.candidates) == 1 for c in m.candidates}
    names: dict[str, str] = {}
    for province in filter(None, provinces):
        names.update(_names_in(province))
    if not known:
        names = _unique_names()
    taken = {(m.start, m.end) for m in known}
    found = []
    for match in _CAPITALISED.finditer(doc.text):
        if _NOT_A_DISTRICT.search(doc.text, max(0, match.start() - 12), match.start()):
            continue
        words = match.group(0).split()
        for size in range(min(len(words), 4), 0, -1):
            text = " ".join(words[:size])
            key = fold(text)
            if canonical_province(text):
                continue
            if key in names and (match.start(), match.start() + len(text)) not in taken:
                found.append(Mention(match.start(), match.start() + len(text), (names[key],)))
                break
    return found


@lru_cache(maxsize=1024)
def _province_of(district_id: str) -> str | None:
    register = load_register()
    rows = register[register["district_id"] == district_id]
    return str(rows.iloc[0]["province"]) if len(rows) else None


_CITY = re.compile(
    r"\b(?:đảng bộ\s+)?(?:tp\.|tp|thành phố|thành ủy|thành uỷ)\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})",
    re.IGNORECASE,
)


def province_cities(doc: Document) -> list[tuple[int, int]]:
    """Where a city that is a province (Cần Thơ, Đà Nẵng, Hà Nội …) is named as the subject:
    its figures are the province's, not a district's."""
    spans = []
    for match in _CITY.finditer(doc.text):
        words = _capitalised_words(match.group("name"))
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if canonical_province(name) and not _candidates("thành phố", name):
                spans.append((match.start(), match.start("name") + len(name)))
                break
    return spans


def find_mentions(doc: Document) -> list[Mention]:
    """Returns the district names of an article, in order, with the ids they may mean."""
    prefixed = _prefixed_mentions(doc, provinces_named(doc))
    return sorted(prefixed + _bare_mentions(doc, prefixed), key=lambda m: m.start)


def district_for(mentions: list[Mention], offset: int) -> tuple[str, float]:
    """Returns the district a figure at `offset` is about, with a confidence factor.

    With one district named in the article, it is that one. With several (a round-up), it is
    the last named before the figure. An ambiguous or missing name gives "" and halves the
    confidence: the reviewer fills it in.
    """
    clear = [m for m in mentions if len(m.candidates) == 1]
    named = {m.candidates[0] for m in clear}
    if len(named) == 1:
        return next(iter(named)), 1.0
    before = [m for m in clear if m.start < offset]
    if before:
        return before[-1].candidates[0], 0.8
    return "", 0.5
