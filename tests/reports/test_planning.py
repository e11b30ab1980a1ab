"""Planning a batch in a process of its own (`reports.planning`)."""

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.data.problems import DatasetError
from analysis.reports.params import ParameterError
from analysis.reports.plan import RunnerError
from analysis.reports.planning import make_plan, plan_apart
from analysis.reports.spec import DatasetSpec

from conftest import tiny_tables, write_dataset

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _request(**given) -> dict:
    return {"districts": None, "comparisons": True, "params": {}, "grid": {}} | given


def test_the_plan_made_apart_equals_the_plan_made_here(tmp_path):
    folder = write_dataset(tmp_path / "data", tiny_tables())
    spec = DatasetSpec.from_arguments(folder)
    request = _request(params={"lang": "en"}, languages=None)
    apart = plan_apart(spec, request, NOTEBOOKS)
    here = make_plan(spec, request, NOTEBOOKS)
    assert apart == here
    assert apart[0] and {job.parameters["lang"] for job in apart[0]} == {"en"}


def test_a_dataset_error_reaches_the_caller_with_its_problems(tmp_path):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "about a third"
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tables))
    with pytest.raises(DatasetError) as caught:
        plan_apart(spec, _request(), NOTEBOOKS)
    (problem,) = caught.value.problems
    assert (problem.file, problem.column, problem.value) == ("facts.csv", "value", "about a third")


def test_an_unknown_district_is_a_runner_error(tmp_path):
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tiny_tables()))
    with pytest.raises(RunnerError, match="Atlantis"):
        plan_apart(spec, _request(districts=["Atlantis"]), NOTEBOOKS)


def test_a_parameter_error_crosses_whole():
    copied = pickle.loads(pickle.dumps(ParameterError("district.ipynb", ["alpha: not a number"])))
    assert (copied.notebook, copied.problems) == ("district.ipynb", ["alpha: not a number"])


def test_a_planning_process_that_dies_is_a_runner_error(tmp_path, monkeypatch):
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tiny_tables()))
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(RunnerError, match="ended without a plan"):
        plan_apart(spec, _request(), NOTEBOOKS)


def test_the_runners_process_never_imports_pandas(tmp_path):
    """The data is loaded by the planning process and the kernels only; the runner's own
    process stays small for the whole batch. A script without a main guard works."""
    folder = write_dataset(tmp_path / "data", tiny_tables())
    script = tmp_path / "batch.py"
    script.write_text(
        textwrap.dedent(f"""
            import sys
            from analysis.reports.build import BuildOptions, build_reports
            from analysis.reports.spec import DatasetSpec
            batch = build_reports(DatasetSpec.from_arguments({str(folder)!r}), {str(tmp_path / "out")!r},
                                  comparisons=False, options=BuildOptions(jobs=1, progress=False))
            print(len(batch.results))
            print("pandas" in sys.modules, "scipy" in sys.modules)
        """)
    )
    shown = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=True
    )
    made, imported = shown.stdout.split("\n")[:2]
    assert int(made) >= 1 and list((tmp_path / "out").rglob("*.html"))
    assert imported == "False False"
