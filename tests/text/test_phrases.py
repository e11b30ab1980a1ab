"""The phrase book: each phrase said in English as the analyses always wrote it, and in
Vietnamese with Vietnamese numbers and dates."""

from __future__ import annotations

import copy
import pickle
import string
from datetime import date

import pandas as pd
import pytest

from analysis.text.phrase_book import PHRASES
from analysis.text.phrases import Label, Wording, joined, say, write_number

FIELDS = string.Formatter()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(template) if name}


def _letters(template: str) -> str:
    return "".join(text for text, *_ in FIELDS.parse(template)).strip(" ;,.:()=<±–-")


@pytest.mark.parametrize("code", sorted(PHRASES))
def test_both_templates_take_the_same_values(code):
    entry = PHRASES[code]
    assert set(entry) == {"en", "vi"}, code
    assert _fields(entry["en"]) == _fields(entry["vi"]), code


@pytest.mark.parametrize("code", sorted(PHRASES))
def test_every_phrase_with_words_is_translated(code):
    en, vi = PHRASES[code]["en"], PHRASES[code]["vi"]
    if any(c.isalpha() for c in _letters(en)):
        assert _letters(vi) != _letters(en), code


def _sample(code: str) -> dict:
    """A value for every field of a phrase: numbers, a day, or a word said in both languages."""
    values = {}
    for _, name, spec, _ in FIELDS.parse(PHRASES[code]["en"]):
        if not name or name in values:
            continue
        if spec and spec.startswith("list"):
            values[name] = (Label("met", "đạt"), Label("behind", "chậm tiến độ"))
        elif spec == "date":
            values[name] = pd.Timestamp("2024-01-23")
        elif spec:
            values[name] = 4014.5 if "%" not in spec and "{" not in spec else 0.5
        else:
            values[name] = Label("word", "từ")
    if "{decimals}" in PHRASES[code]["en"]:
        values["decimals"] = 1
    return values


@pytest.mark.parametrize("code", sorted(PHRASES))
def test_each_phrase_is_said_in_vietnamese_with_its_values(code):
    wording = Wording(code, **_sample(code))
    vi = wording.say("vi")
    assert wording.say("en") == str(wording)
    assert "{" not in vi and "word" not in vi
    if "2024-01-23" in str(wording):
        assert "23/1/2024" in vi and "2024-01-23" not in vi
    if "4014.5" in str(wording):
        assert "4.014,5" in vi and "4014.5" not in vi
    if "Label" in repr(_sample(code)) and "{" in PHRASES[code]["vi"]:
        assert "từ" in vi or "đạt" in vi or not _fields(PHRASES[code]["vi"]) - {"decimals"}


def test_a_count_target_reads_as_the_analyses_wrote_it_and_in_vietnamese():
    reason = Wording(
        "count_total", achieved=469.0, total=400.0, attainment=117.25, as_of=pd.Timestamp("2024-01-23"),
        expected=71.3, reading=Wording("calendar_year"),
    )  # fmt: skip
    assert (
        reason == "469 of 400 (117.2 %) by 2024-01-23, 71 % of the period elapsed (calendar year)"
    )
    assert reason.say("vi") == (
        "kết nạp 469/400 đảng viên (117,2 %) tính đến 23/1/2024, đã qua 71 % thời gian "
        "(năm dương lịch)"
    )


def test_vietnamese_numbers_group_thousands_and_use_a_decimal_comma():
    said = Wording("counts_sum", counts=18250.0, total=12000, basis=Wording("sum_of_stated"))
    assert said.say("vi").startswith("tổng số lượng công bố là 18.250, nhiều hơn 12.000")
    assert "(tổng các số công bố)" in said.say("vi")
    assert Wording("elapsed_by", share=0.955, date=date(2023, 5, 28)).say("vi") == (
        "đã qua 96 % thời kỳ tính đến 28/5/2023"
    )
    assert Wording("p_equals", p=0.04567).say("vi") == "= 0,046"
    assert (
        write_number(4014.25, 1, "vi") == "4.014,2" and write_number(4014.25, 1, "en") == "4,014.2"
    )


def test_joined_phrases_are_each_said_in_the_language():
    both = joined([Wording("basis_unknown"), Wording("cutoff_unknown")])
    assert both == PHRASES["basis_unknown"]["en"] + "; " + PHRASES["cutoff_unknown"]["en"]
    assert both.say("vi") == PHRASES["basis_unknown"]["vi"] + "; " + PHRASES["cutoff_unknown"]["vi"]


def test_a_wording_survives_pickling_and_copying_with_its_values():
    wording = Wording("status_if", status=Label("met", "đạt"), elapsed=2.5, years=5.0)
    for copied in (pickle.loads(pickle.dumps(wording)), copy.deepcopy(wording)):
        assert isinstance(copied, Wording) and copied == wording
        assert copied.say("vi") == "đạt nếu đã qua 2,50 trên 5,00 năm"


def test_say_leaves_other_values_as_they_are_and_refuses_unknown_codes_and_languages():
    assert say("plain text", "vi") == "plain text" and say(3.5, "vi") == 3.5
    with pytest.raises(KeyError, match="no phrase 'nope'"):
        Wording("nope")
    with pytest.raises(ValueError, match="lang must be"):
        Wording("calendar_year").say("fr")
