"""Vietnamese reports say in Vietnamese what the analyses write: no English phrase of the
phrase book appears in their visible text."""

from __future__ import annotations

import html
import re
import string

import pytest

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
