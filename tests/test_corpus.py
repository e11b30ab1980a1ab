"""Every case of the bad-input corpus (tests/corpus/cases, written by make_corpus.py) is
accepted with the expected normalisation, or refused with errors naming file, row, column,
value and what was expected."""

import json
from pathlib import Path

import pytest

from analysis import DatasetError, load_dataset

CASES = sorted((Path(__file__).parent / "corpus" / "cases").iterdir())


def _case(folder: Path) -> dict:
    return json.loads((folder / "case.json").read_text(encoding="utf-8"))


def test_the_corpus_is_large_and_mixed():
    outcomes = [_case(f)["outcome"] for f in CASES]
    assert len(outcomes) >= 30
    assert outcomes.count("accepted") >= 10 and outcomes.count("refused") >= 10


@pytest.mark.parametrize("folder", CASES, ids=lambda f: f.name)
def test_case(folder: Path):
    case = _case(folder)
    path = folder / case.get("path", "")
    if case["outcome"] == "refused":
        with pytest.raises(DatasetError) as info:
            load_dataset(path)
        problems = info.value.problems
        assert problems
        for problem in problems:  # every error says where and what was expected
            assert problem.file and problem.expected
            assert str(problem).startswith(problem.file)
        for expected in case["problems"]:
            matches = [
                p
                for p in problems
                if p.file == expected["file"]
                and p.row == expected["row"]
                and p.column == expected["column"]
                and expected["expected"] in p.expected
                and (expected["value"] is None or p.value == expected["value"])
            ]
            assert matches, f"{expected} not in:\n" + "\n".join(map(str, problems))
        return
    dataset = load_dataset(path)
    assert len(dataset.facts) == case["facts"]
    facts = dataset.facts.set_index("fact_id")
    for fact_id, columns in case.get("values", {}).items():
        for column, value in columns.items():
            seen = facts.loc[fact_id, column]
            if isinstance(value, float | int):
                assert seen == pytest.approx(value), (fact_id, column)
            else:
                assert str(seen) == value, (fact_id, column, seen)
    districts = dataset.districts.set_index("district_id")
    for district_id, columns in case.get("districts", {}).items():
        for column, value in columns.items():
            assert districts.loc[district_id, column] == value
    for fragment in case.get("notes", []):
        assert any(fragment in note for note in dataset.notes), (fragment, dataset.notes)
    for fragment in case.get("warnings", []):
        assert any(fragment in str(w) for w in dataset.warnings), (
            fragment,
            [str(w) for w in dataset.warnings],
        )
