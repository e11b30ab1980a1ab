"""Vietnamese reports say in Vietnamese what the analyses write: no English phrase of the
phrase book, no English column label, column meaning or chart word appears in their visible
text, their tooltips or their pictures' alternative text."""

from __future__ import annotations

import html
import re
import string

import pytest

from analysis.compare.indicators import Indicator, label
from analysis.data.outputs import COLUMNS
from analysis.present.comparison_words import CHART_WORDS
from analysis.present.plots import _WORDS as PLOT_WORDS
from analysis.targets.status import TargetStatus
from analysis.text.phrase_book import PHRASES

pytestmark = pytest.mark.notebook

TAGS = re.compile(r"<[^>]+>")


def english_phrases() -> set[str]:
    """The literal English of every phrase-book entry (whole phrases of two words or more, runs
    of three words or more between fields), and the statuses of more than one word."""
    found = {s.value for s in TargetStatus if " " in s.value}
    for entry in PHRASES.values():
        parts = list(string.Formatter().parse(entry["en"]))
        least = 2 if len(parts) == 1 else 3  # a whole phrase, or a run between its fields
        for text, *_ in parts:
            text = text.strip(" ;,.:()=<±–-%")
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= least:
                found.add(text)
    return found


def _visible(page: str) -> str:
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<th\b[^>]*>", "<th>", page)  # tooltips (the columns' English meaning)
    return html.unescape(re.sub(r"\s+", " ", TAGS.sub(" ", page)))


def _without_notes(text: str, notes) -> str:
    """The text without the dataset's own notes (written by its readers in English: data,
    not words of the analyses)."""
    for note in sorted(notes, key=len, reverse=True):
        text = text.replace(note, " ")
    return text


def test_the_list_of_english_phrases_is_taken_from_the_phrase_book():
    phrases = english_phrases()
    assert "of the period elapsed by" in phrases and "not yet measurable" in phrases
    assert len(phrases) > 60


def test_no_english_phrase_of_the_analyses_in_a_vietnamese_report(built_pages, embedded):
    pages = [p for p in built_pages.rglob("*.html") if "en" not in p.relative_to(built_pages).parts]
    names = {p.stem for p in pages}
    assert {"sop-cop-son-la", "buon-ma-thuot-dak-lak", "data-quality", "compare-growth"} <= names
    phrases = english_phrases()
    notes = {re.sub(r"\s+", " ", n) for n in embedded.facts["note"].dropna() if n}
    for page in pages:
        text = _without_notes(_visible(page.read_text(encoding="utf-8")), notes)
        left = sorted(p for p in phrases if p in text)
        assert not left, (page.name, left[:8])


def test_the_english_reports_keep_the_english_phrases(built_pages):
    text = _visible((built_pages / "en" / "districts" / "sop-cop-son-la.html").read_text("utf-8"))
    assert "of the period elapsed" in text


def _vietnamese_pages(built_pages) -> list:
    return [p for p in built_pages.rglob("*.html") if "en" not in p.relative_to(built_pages).parts]


def _attributes(page: str, name: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'\b{name}="([^"]*)"', page)]


def english_labels() -> set[str]:
    """The English labels of the declared columns that differ from their Vietnamese and hold a
    word of three letters or more ("Value per 100", "Pooled value", "Rank")."""
    return {c.en for c in COLUMNS.values() if c.en != c.vi and re.search(r"[A-Za-z]{3,}", c.en)}


def english_chart_words() -> set[str]:
    """The English words drawn in charts, without their fields ("pooled value", "per 100"),
    and the English names of the indicators compared (chart titles)."""
    words = {label(indicator, "en") for indicator in Indicator}
    for template in [*CHART_WORDS["en"].values(), *PLOT_WORDS["en"].values()]:
        for text, *_ in string.Formatter().parse(template):
            text = text.strip(" ;,.:()=<±–-%")
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 2:
                words.add(text)
    return words


def test_the_lists_of_english_labels_and_chart_words_are_taken_from_the_declarations():
    assert {"Value per 100", "Pooled value", "Rank"} <= english_labels()
    assert {"pooled value", "mean across districts", "raw value"} <= english_chart_words()
    assert "admissions per 100 members per year" in english_chart_words()


def test_no_english_column_label_in_a_vietnamese_report(built_pages, embedded):
    labels = english_labels()
    notes = {re.sub(r"\s+", " ", n) for n in embedded.facts["note"].dropna() if n}
    for page in _vietnamese_pages(built_pages):
        text = _without_notes(_visible(page.read_text(encoding="utf-8")), notes)
        left = sorted(label for label in labels if re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text))  # fmt: skip
        assert not left, (page.name, left[:8])


def test_vietnamese_tooltips_and_alt_texts_are_vietnamese(built_pages):
    english_meanings = {c.meaning("en") for c in COLUMNS.values()}
    vietnamese_meanings = {c.meaning("vi") for c in COLUMNS.values()}
    chart_words = english_chart_words() | {"Chart"}
    tooltips = alts = 0
    for page in _vietnamese_pages(built_pages):
        text = page.read_text(encoding="utf-8")
        titles = _attributes(text, "title")
        assert not english_meanings & set(titles), page.name
        shown = [t for t in re.findall(r"<th title=\"([^\"]*)\"", text)]
        assert {html.unescape(t) for t in shown} <= vietnamese_meanings, page.name
        tooltips += len(shown)
        for alt in _attributes(text, "alt"):
            alts += 1
            assert not any(word in alt for word in chart_words), (page.name, alt)
    assert tooltips > 100 and alts > 10  # the check saw the tables and the charts


def test_comparison_windows_are_said_in_vietnamese(built_pages):
    page = (built_pages / "districts" / "sop-cop-son-la.html").read_text(encoding="utf-8")
    text = _visible(page)
    assert "năm 2023 (quy định 2018)" in text and "nhiệm kỳ 2020–2025" in text
    assert not re.search(r"\((term|year|\d{4} scheme)\)", text)
    english = (built_pages / "en" / "districts" / "sop-cop-son-la.html").read_text("utf-8")
    assert "2023 (2018 scheme)" in _visible(english)  # the English page as it was
