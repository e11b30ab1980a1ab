"""Every case of the bad-input corpus (tests/corpus/cases, written by make_corpus.py) is
accepted with the expected normalisation, or refused with errors naming file, row, column,
value and what was expected; and every command given a case answers with an exit code and a
message, never a traceback."""

import io
import json
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from analysis import DatasetError, load_dataset
from analysis.cli import main

CASES = sorted((Path(__file__).parent / "corpus" / "cases").iterdir())


def _case(folder: Path) -> dict:
    return json.loads((folder / "case.json").read_text(encoding="utf-8"))


def test_the_corpus_is_large_and_mixed():
    outcomes = [_case(f)["outcome"] for f in CASES]
    assert len(outcomes) >= 90
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
        if "error_count" in case:
            assert len(problems) == case["error_count"], "\n".join(map(str, problems))
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
    if "most_warnings" in case:
        assert len(dataset.warnings) <= case["most_warnings"], [str(w) for w in dataset.warnings]


def commands(case: dict, path: Path) -> list[tuple[list[str], int]]:
    """The quick commands every case goes through, with the exit code each must give.

    An accepted case is also rendered by `reports` on one of its districts
    (`test_reports_render_every_accepted_case`), which needs notebook kernels.
    """
    accepted = case["outcome"] == "accepted"
    return [
        (["check", str(path)], 0 if accepted else 1),
        (["table", "quality", "--data", str(path)], 0 if accepted else 1),
    ]


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code
        except Exception:  # a traceback would reach the user: fail with it
            return -1, traceback.format_exc()
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("folder", CASES, ids=lambda f: f.name)
def test_commands_answer_every_case_without_a_traceback(folder: Path):
    case = _case(folder)
    for argv, expected_code in commands(case, folder / case.get("path", "")):
        code, output = _run(argv)
        assert "Traceback" not in output, output
        assert code == expected_code, (argv, output[-2000:])
        if expected_code:
            assert "INVALID" in output and "error:" in output


ACCEPTED = [f for f in CASES if _case(f)["outcome"] == "accepted"]


@pytest.mark.notebook
@pytest.mark.parametrize("folder", ACCEPTED, ids=lambda f: f.name)
def test_reports_render_every_accepted_case(folder: Path, tmp_path: Path):
    path = folder / _case(folder).get("path", "")
    dataset = load_dataset(path)
    ids = [*dataset.facts["district_id"], *dataset.districts["district_id"]]
    out = tmp_path / "reports"
    argv = ["reports", "--data", str(path), "--out", str(out), "--jobs", "1", "--no-progress"]
    if ids:  # one district, preferably one with facts
        argv += ["--districts", ids[0], "--no-comparisons"]
    code, output = _run(argv)
    assert "Traceback" not in output, output
    assert code == 0, output[-2000:]
    if ids:
        assert (out / "districts" / f"{ids[0]}.html").is_file()
    assert (out / "index.html").is_file()
