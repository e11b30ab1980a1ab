"""Numbers as Vietnamese sources and spreadsheets write them.

Vietnamese writes `8.723` for eight thousand seven hundred and twenty-three and `117,3%` for a
percentage; English-language spreadsheets write `8,723` and `117.3`. A value such as `8.723`
is ambiguous on its own. The rule:

* a value with both separators, several dots or several commas, or a group that cannot be a
  thousands group (`117,3`, `117.3`) is read unambiguously;
* an ambiguous value (one separator followed by exactly three digits) follows the convention
  of its column, detected from the unambiguous values beside it; with no evidence either way
  it is read the Vietnamese way (`8.723` = 8723) and the reader is told.

Words around a number become a qualifier: "trên 90" (more than), "gần 11.000" (nearly),
"khoảng", "dưới", "từ 90 trở lên" (at least), and their English equivalents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.text.vietnamese import clean_text, fold

Convention = Literal["vi", "en"]


class NumberFormatError(ValueError):
    """A text that is not a number in any accepted format."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text.

    Attributes:
        value: The number.
        qualifier: '>', '<', '~', '>=' or '<=' when words qualify it, else None.
        percent: Whether a percent sign was written.
        ambiguous: Whether the separators could be read either way (resolved by convention).
    """

    value: float
    qualifier: str | None = None
    percent: bool = False
    ambiguous: bool = False


# Folded words (see vietnamese.fold) before or after a number, and the qualifier they mean.
_PREFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("nhieu hon", ">"),
    ("more than", ">"),
    ("greater than", ">"),
    ("it nhat", ">="),
    ("toi thieu", ">="),
    ("at least", ">="),
    ("khong qua", "<="),
    ("toi da", "<="),
    ("at most", "<="),
    ("less than", "<"),
    ("xap xi", "~"),
    ("khoang", "~"),
    ("around", "~"),
    ("approximately", "~"),
    ("about", "~"),
    ("nearly", "~"),
    ("almost", "~"),
    ("tren", ">"),
    ("hon", ">"),
    ("over", ">"),
    ("above", ">"),
    ("duoi", "<"),
    ("under", "<"),
    ("below", "<"),
    ("gan", "~"),
    ("tu", ">="),
)
_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("tro len", ">="),
    ("or more", ">="),
    ("and above", ">="),
    ("tro xuong", "<="),
    ("or less", "<="),
)
_SYMBOLS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<", "~": "~", "≈": "~"}

_INT = re.compile(r"-?\d+")
_DOT_DECIMAL = re.compile(r"-?(?:0\.\d+|\d+\.\d{1,2}|\d+\.\d{4,}|\d{4,}\.\d+)")
_COMMA_DECIMAL = re.compile(r"-?(?:0,\d+|\d+,\d{1,2}|\d+,\d{4,}|\d{4,},\d+)")
_DOT_AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")
_COMMA_AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2},\d{3}")
_DOT_GROUPS = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3}){2,}")
_COMMA_GROUPS = re.compile(r"-?[1-9]\d{0,2}(?:,\d{3}){2,}")
_VI_FULL = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+,\d+")
_EN_FULL = re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+\.\d+")
_PLAIN = re.compile(r"-?(?:\d+|0\.\d+|\d+\.\d{1,2}|\d+\.\d{4,}|\d{4,}\.\d+)")
_GROUP_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}\b)")


def _split_words(text: str) -> tuple[str | None, str]:
    """Removes qualifier words and symbols around the number; returns (qualifier, rest)."""
    qualifier = None
    rest = text.strip()
    for symbol, meaning in _SYMBOLS.items():
        if rest.startswith(symbol):
            return meaning, rest[len(symbol) :].strip()
    match = re.match(r"^([^\d\-+]*)", rest)
    head = fold(match.group(1)) if match else ""
    if head:
        for words, meaning in _PREFIX_WORDS:
            if head == words:
                qualifier = meaning
                break
        else:
            raise NumberFormatError(f"unexpected words {match.group(1).strip()!r}")
        rest = rest[match.end() :].strip()
    tail = re.search(r"([^\d%]*)$", rest)
    tail_words = fold(tail.group(1)) if tail else ""
    if tail_words:
        for words, meaning in _SUFFIX_WORDS:
            if tail_words == words:
                if qualifier not in (None, ">="):
                    raise NumberFormatError("contradictory qualifiers")
                qualifier = meaning
                rest = rest[: tail.start()].strip()
                break
        else:
            raise NumberFormatError(f"unexpected words {tail.group(1).strip()!r}")
    return qualifier, rest


def classify(token: str) -> str:
    """Classifies a bare numeric token by what its separators prove.

    Returns:
        'plain' (digits only), 'en' or 'vi' (unambiguous), 'ambiguous-dot',
        'ambiguous-comma', or 'invalid'.
    """
    if _INT.fullmatch(token):
        return "plain"
    if _DOT_AMBIGUOUS.fullmatch(token):
        return "ambiguous-dot"
    if _COMMA_AMBIGUOUS.fullmatch(token):
        return "ambiguous-comma"
    if _DOT_DECIMAL.fullmatch(token) or _COMMA_GROUPS.fullmatch(token) or _EN_FULL.fullmatch(token):
        return "en"
    if _COMMA_DECIMAL.fullmatch(token) or _DOT_GROUPS.fullmatch(token) or _VI_FULL.fullmatch(token):
        return "vi"
    return "invalid"


def _convert(token: str, reading: Convention) -> float:
    if reading == "vi":
        return float(token.replace(".", "").replace(",", "."))
    return float(token.replace(",", ""))


def parse_number(text: str, convention: Convention | None = None) -> ParsedNumber:
    """Reads one number written the Vietnamese or the English way.

    Args:
        text: The text, e.g. "8.723", "117,3%", "1.234,5", "trên 90", "gần 11.000".
        convention: How to read an ambiguous value; None means Vietnamese.

    Returns:
        The parsed number with its qualifier and percent flag.

    Raises:
        NumberFormatError: If the text is not a number in an accepted format.
    """
    if not isinstance(text, str):
        raise NumberFormatError("not text")
    cleaned = clean_text(text)
    if not cleaned:
        raise NumberFormatError("empty")
    qualifier, rest = _split_words(cleaned)
    percent = rest.endswith("%")
    if percent:
        rest = rest[:-1].strip()
    rest = _GROUP_SPACES.sub("", rest).replace("\u2212", "-").removeprefix("+")
    kind = classify(rest)
    if kind == "invalid":
        raise NumberFormatError("not a number")
    if kind == "plain":
        return ParsedNumber(float(rest), qualifier, percent)
    if kind in ("en", "vi"):
        return ParsedNumber(_convert(rest, kind), qualifier, percent)
    return ParsedNumber(_convert(rest, convention or "vi"), qualifier, percent, ambiguous=True)


def format_vietnamese(value: float, decimals: int = 0) -> str:
    """Formats a number the Vietnamese way: dot for thousands, comma for decimals."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups}{',' + frac if frac else ''}"


@dataclass(frozen=True)
class ParsedColumn:
    """The result of reading a column of numbers.

    Attributes:
        values: Floats, NaN where empty or invalid.
        qualifiers: Qualifier per row ('' where none).
        percent: Whether each row had a percent sign.
        errors: Row label to reason, for texts that are not numbers.
        convention: The convention detected for ambiguous values, or None.
        ambiguous_rows: Row labels whose reading depended on the convention.
        mixed: Row labels proving each convention when both appear in the column.
    """

    values: pd.Series
    qualifiers: pd.Series
    percent: pd.Series
    errors: dict
    convention: Convention | None
    ambiguous_rows: list
    mixed: dict[str, list]


def _read_uniques(uniques, convention) -> tuple[dict, dict, dict[str, list]]:
    """Parses each distinct text once; returns numbers, failures and convention evidence."""
    evidence: dict[str, list] = {"vi": [], "en": []}
    parsed: dict[int, ParsedNumber] = {}
    failures: dict[int, str] = {}
    for position, text in enumerate(uniques):
        text = str(text).strip()
        if not text:
            continue
        if _PLAIN.fullmatch(text):  # digits, or a decimal point the English way: no doubt
            parsed[position] = ParsedNumber(float(text))
            if "." in text and len(evidence["en"]) < 5:
                evidence["en"].append(position)
            continue
        try:
            _, rest = _split_words(clean_text(text))
            token = _GROUP_SPACES.sub("", rest.rstrip("%").strip())
            kind = classify(token.replace("\u2212", "-").removeprefix("+"))
            if kind in evidence:
                evidence[kind].append(position)
            parsed[position] = parse_number(text, convention="vi")
        except NumberFormatError as exc:
            failures[position] = str(exc)
    return parsed, failures, evidence


def _detect(evidence: dict[str, list], convention) -> tuple[Convention | None, dict]:
    """Returns the column's convention and, when it mixes both, the evidence of each."""
    if convention is not None:
        return convention, {}
    if evidence["vi"] and evidence["en"]:
        return None, dict(evidence)
    if evidence["en"]:
        return "en", {}
    return ("vi" if evidence["vi"] else None), {}


def _per_unique(parsed: dict[int, ParsedNumber], size: int) -> tuple[np.ndarray, ...]:
    values = np.full(size, np.nan)
    qualifiers = np.full(size, "", dtype=object)
    percent = np.zeros(size, dtype=bool)
    for position, number in parsed.items():
        values[position] = number.value
        qualifiers[position] = number.qualifier or ""
        percent[position] = number.percent
    return values, qualifiers, percent


def parse_number_column(texts: pd.Series, convention: Convention | None = None) -> ParsedColumn:
    """Reads a column of numbers, detecting its convention from its unambiguous values.

    Each distinct text is parsed once (columns repeat values a lot), so large files load
    fast.

    Args:
        texts: Strings ('' for empty).
        convention: Force 'vi' or 'en' for ambiguous values instead of detecting it.

    Returns:
        A ParsedColumn.
    """
    texts = texts.fillna("").astype(object)
    codes, uniques = pd.factorize(texts.to_numpy(dtype=object), use_na_sentinel=False)
    parsed, failures, evidence = _read_uniques(uniques, convention)
    detected, mixed = _detect(evidence, convention)
    ambiguous = {p for p, number in parsed.items() if number.ambiguous}
    if detected == "en":
        for position in ambiguous:
            parsed[position] = parse_number(str(uniques[position]), convention="en")
    values, qualifiers, percent = _per_unique(parsed, len(uniques))
    index = texts.index
    labels_of = (
        pd.Series(index).groupby(codes).agg(list) if (failures or ambiguous or mixed) else {}
    )

    def rows(positions) -> list:
        return [label for p in positions for label in labels_of.get(p, [])]

    return ParsedColumn(
        values=pd.Series(values[codes], index=index),
        qualifiers=pd.Series(qualifiers[codes], index=index),
        percent=pd.Series(percent[codes], index=index),
        errors={label: failures[p] for p in failures for label in labels_of.get(p, [])},
        convention=detected,
        ambiguous_rows=sorted(rows(ambiguous)),
        mixed={k: sorted(rows(v))[:5] for k, v in mixed.items()},
    )
