"""Sentences the analyses write, kept as a code and its values and said in either language.

An analysis returns its explanations (why a target has its status, how a count is known,
what does not add up) as a `Wording`: a `str` holding the English sentence, so CSV and JSON
outputs and every English comparison work as before, that also keeps the code of its phrase
and the values filled in. A report in Vietnamese calls `say(value, "vi")`, which writes the
same phrase from the Vietnamese template with the numbers and dates written the Vietnamese
way. The templates of both languages are declared once, in `analysis.text.phrase_book`.

Template fields use Python's format specifications for numbers (`{n:g}`, `{p:.1f}`,
`{s:.0%}`), which English keeps exactly and Vietnamese writes with `.` for thousands and
`,` for decimals; `{d:date}` is a day (ISO in English, 28/5/2023 in Vietnamese); `{x:list;}`
and `{x:list,}` join a sequence with "; " or ", ". A value that is itself a `Wording` or a
`Label` is said in the same language.
"""

from __future__ import annotations

import functools
import math
import numbers
import string
from collections.abc import Iterable

LANGUAGES = ("en", "vi")


def write_number(value: float, decimals: int, lang: str) -> str:
    """A number with thousands separators and fixed decimals, never in scientific notation:
    `4,014.5` in English, `4.014,5` in Vietnamese."""
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    if lang == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def _vi_number(value: float, spec: str) -> str:
    """A number under a Python format spec, written the Vietnamese way."""
    kind = spec[-1:] if spec[-1:] in "gfd%" else "g"
    sign = "+" if "+" in spec and value > 0 else ""
    precision = spec.rsplit(".", 1)[1][:-1] if "." in spec else ""
    if kind == "%":
        return sign + write_number(value * 100, int(precision or 0), "vi") + " %"
    if kind == "f":
        return sign + write_number(value, int(precision or 6), "vi")
    if kind == "d" or float(value).is_integer():
        return sign + write_number(value, 0, "vi")
    digits = int(precision) if precision else 6
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = write_number(value, min(decimals, 6), "vi").rstrip("0").rstrip(",")
    return sign + text


def _day(value, lang: str) -> str:
    day = value.date() if hasattr(value, "date") and callable(value.date) else value
    if lang == "vi":
        return f"{day.day}/{day.month}/{day.year}"
    return day.isoformat()


class _Formatter(string.Formatter):
    """Fills a template in one language (see the module docstring for the specs)."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec: str) -> str:
        if hasattr(value, "say"):
            return value.say(self.lang)
        if spec.startswith("list"):
            separator = {"": ", ", ",": ", ", ";": "; ", ".": " "}[spec[4:]]
            return separator.join(self.format_field(v, "") for v in value)
        if spec == "date":
            return _day(value, self.lang)
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            if self.lang == "vi":
                return _vi_number(value, spec)
            return format(value, spec)
        return format(value, spec)


class Label(str):
    """A word of a vocabulary: its English as the string, its Vietnamese kept beside it."""

    vi: str

    def __new__(cls, en: str, vi: str) -> Label:
        label = super().__new__(cls, en)
        label.vi = vi
        return label

    def __reduce__(self):
        return Label, (str(self), self.vi)

    def say(self, lang: str) -> str:
        """The label in `lang`."""
        return self.vi if lang == "vi" else str(self)


class Wording(str):
    """A sentence of the phrase book: the English text as the string, with its code and values.

    Attributes:
        code: The phrase's code in `phrase_book.PHRASES`.
        values: The values filled into its template.
    """

    code: str
    values: dict

    def __new__(cls, code: str, **values: object) -> Wording:
        text = _fill(code, "en", values)
        wording = super().__new__(cls, text)
        wording.code, wording.values = code, values
        return wording

    def __reduce__(self):
        return _rebuild, (self.code, self.values)

    def say(self, lang: str) -> str:
        """The sentence in `lang` ('en' or 'vi')."""
        return _fill(self.code, lang, self.values)


def _rebuild(code: str, values: dict) -> Wording:
    return Wording(code, **values)


def _fill(code: str, lang: str, values: dict) -> str:
    from analysis.text.phrase_book import PHRASES

    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    try:
        template = PHRASES[code][lang]
    except KeyError:
        raise KeyError(f"no phrase {code!r} in the phrase book") from None
    return _Formatter(lang).format(template, **values)


def joined(parts: Iterable[object], separator: str = ";") -> Wording:
    """Several phrases as one, joined by `separator` (';', ',' or '.', the last for whole
    sentences joined by a space), each said in the reader's language."""
    return Wording("list" + separator, parts=tuple(parts))


def say(value: object, lang: str) -> object:
    """`value` in `lang` if it is a `Wording` or `Label`; any other value as it is."""
    return value.say(lang) if isinstance(value, Wording | Label) else value


@functools.cache
def _static_codes() -> dict[str, str]:
    from analysis.text.phrase_book import PHRASES

    found = {}
    for code, entry in PHRASES.items():
        if entry["en"] and not any(
            field for _, field, _, _ in string.Formatter().parse(entry["en"])
        ):
            found.setdefault(entry["en"], code)
    return found


def static_phrase(text: str) -> Wording | None:
    """The phrase-book entry without fields whose English is `text` ("shares do not sum to
    100"), as a `Wording`; None when there is none. A table that lost a phrase's `Wording`
    (plain text after a file round trip) is still said from the phrase book."""
    code = _static_codes().get(str(text))
    return None if code is None else Wording(code)
