"""The committed notebooks: thin, stripped, typed; and usable with the plain tools."""

import ast
import json
import subprocess
import sys

import nbformat
import pytest

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
REPORTS = [p for p in NOTEBOOKS if p.stem != "explore"]


def _code(path):
    notebook = json.loads(path.read_text())
    return [
        ("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
        for c in notebook["cells"]
        if c["cell_type"] == "code"
    ]


def test_the_expected_notebooks_exist():
    assert {p.stem for p in NOTEBOOKS} == {
        "district_report", "compare_growth", "compare_evaluations", "compare_targets", "data_quality", "explore",
    }  # fmt: skip
    assert not list((REPO / "notebooks").glob("Untitled*"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "run `make strip`"
    assert "papermill" not in notebook.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_thin_structure(path):
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].cell_type == "markdown" and notebook.cells[0].source.startswith("# ")
    assert "parameters" in notebook.cells[1].metadata.get("tags", [])
    for source in _code(path):
        tree = ast.parse(source)
        defines = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef | ast.Lambda)
        ]
        assert not defines, "logic belongs in src/analysis, with a test"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module.split(".")[0] == "analysis", f"import from {node.module}"
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] == "analysis" for a in node.names)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_report_notebooks_check_their_parameter_types(path):
    assert "check_types(globals())" in _code(path)[1]


@pytest.mark.notebook
def test_plain_papermill_and_nbconvert(tmp_path):
    out = tmp_path / "out.ipynb"
    bin_dir = __import__("pathlib").Path(sys.executable).parent
    run = subprocess.run(
        [
            bin_dir / "papermill",
            REPO / "notebooks" / "district_report.ipynb",
            out,
            "-p",
            "district",
            "Sốp Cộp",
            "--cwd",
            REPO / "notebooks",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Sốp Cộp" in out.read_text()
    run = subprocess.run(
        [bin_dir / "jupyter", "nbconvert", "--to", "html", out],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert (tmp_path / "out.html").stat().st_size > 10_000


@pytest.mark.notebook
def test_papermill_number_for_a_district_is_refused_clearly(tmp_path):
    bin_dir = __import__("pathlib").Path(sys.executable).parent
    run = subprocess.run(
        [
            bin_dir / "papermill",
            REPO / "notebooks" / "district_report.ipynb",
            tmp_path / "o.ipynb",
            "-p",
            "district",
            "029",
            "--cwd",
            REPO / "notebooks",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode != 0
    assert "district must be str, got int 29" in run.stderr + run.stdout
