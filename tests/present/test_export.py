import json

import pandas as pd

from analysis.present.export import format_table, neutralise_formula, to_csv, to_markdown


def test_formula_text_is_neutralised_and_numbers_stay():
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "Sốp Cộp"], "n": [-1, 2, 3, 4, 5]}
    )
    lines = to_csv(frame).splitlines()
    assert lines[1].startswith("\"'=HYPERLINK")  # quoted by CSV because of the quotes
    assert lines[2] == "'+1,2"
    assert lines[3] == "'-2,3"
    assert lines[4] == "'@SUM(A1),4"
    assert lines[5] == "Sốp Cộp,5"
    assert lines[1].endswith(",-1")  # a negative number is a number, not a formula


def test_neutralise_leaves_other_values():
    assert neutralise_formula(-5) == -5
    assert neutralise_formula("ok") == "ok"


def test_markdown_escapes_pipes():
    text = to_markdown(pd.DataFrame({"a": ["x|y"], "b": [1.5]}))
    assert "x\\|y" in text
    assert text.splitlines()[1] == "|---|---|"


def test_json_nulls_and_dates():
    frame = pd.DataFrame({"d": pd.to_datetime(["2024-01-23", None]), "v": [1.0, float("nan")]})
    records = json.loads(format_table(frame, "json"))
    assert records == [{"d": "2024-01-23", "v": 1.0}, {"d": None, "v": None}]
