"""Parameter grids: one report per combination, each under its own name."""

import sys

import pytest
from notebook_helpers import write_notebook

from analysis.cli import main
from analysis.reports.grid import expand_grid, expand_languages, parse_grid
from analysis.reports.plan import Job, RunnerError, output_path
from analysis.reports.registry import Group

PARAMETERS = (
    'name: str = "x"  # (required) a name\n'
    'lang: str = "vi"  # language of the text\n'
    "alpha: float = 0.05  # 1 - confidence level"
)


@pytest.fixture
def jobs(tmp_path):
    both = write_notebook(tmp_path / "both.ipynb", "print(name)", parameters=PARAMETERS)
    plain = write_notebook(tmp_path / "plain.ipynb", "print(name)")
    return [
        Job("sop-cop", Group.DISTRICT, both, {"name": "a"}, "Huyện Sốp Cộp (Sơn La)", "k"),
        Job("plain", Group.COMPARISON, plain, {"name": "b"}, "Plain", "k"),
    ]


def test_parse_grid_keeps_order_and_drops_repeated_values():
    assert parse_grid(["lang=vi,en,vi", "alpha=0.05, 0.1"]) == {
        "lang": ["vi", "en"],
        "alpha": ["0.05", "0.1"],
    }
    assert parse_grid(None) == {}


@pytest.mark.parametrize("item", ["lang", "lang=", "=vi", "lang=,"])
def test_parse_grid_refuses_an_item_without_values(item):
    with pytest.raises(RunnerError, match="--grid takes NAME=VALUE1,VALUE2"):
        parse_grid([item])


def test_parse_grid_refuses_a_parameter_given_twice():
    with pytest.raises(RunnerError, match="gives 'lang' twice"):
        parse_grid(["lang=vi", "lang=en"])


def test_every_combination_has_its_own_name_parameters_and_variant(jobs):
    expanded = expand_grid(jobs, {"lang": ["vi", "en"], "alpha": ["0.05", "0.1"]})
    grid_jobs = [j for j in expanded if j.notebook.name == "both.ipynb"]
    assert [j.name for j in grid_jobs] == [
        "sop-cop-lang-vi-alpha-0-05",
        "sop-cop-lang-vi-alpha-0-1",
        "sop-cop-lang-en-alpha-0-05",
        "sop-cop-lang-en-alpha-0-1",
    ]
    assert grid_jobs[1].parameters == {"name": "a", "lang": "vi", "alpha": 0.1}  # typed
    assert grid_jobs[3].variant == "lang=en, alpha=0.1"
    assert grid_jobs[3].title == "Huyện Sốp Cộp (Sơn La) · lang=en, alpha=0.1"
    plain = [j for j in expanded if j.notebook.name == "plain.ipynb"]
    assert plain == [jobs[1]]  # a notebook without the grid's parameters is made once


def test_a_parameter_no_notebook_declares_is_refused(jobs):
    with pytest.raises(RunnerError, match="no report notebook declares langue"):
        expand_grid(jobs, {"langue": ["vi"]})


def test_parameters_the_runner_sets_are_refused(jobs):
    with pytest.raises(RunnerError, match="district are set by the runner"):
        expand_grid(jobs, {"district": ["a", "b"]})


def test_a_value_of_the_wrong_type_is_refused(jobs):
    with pytest.raises(RunnerError, match="alpha must be float, got 'often'"):
        expand_grid(jobs, {"alpha": ["often"]})


def test_values_that_would_share_a_file_name_are_refused(jobs):
    with pytest.raises(RunnerError, match="would both write 'sop-cop-lang-v-i'"):
        expand_grid(jobs, {"lang": ["v i", "v-i"]})


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["vi", "en"], [("", "vi", ("English", "en/")), ("en", "en", ("Tiếng Việt", "../"))]),
        (["en", "vi"], [("", "en", ("Tiếng Việt", "vi/")), ("vi", "vi", ("English", "../"))]),
        (["en"], [("", "en", None)]),
    ],
)
def test_languages_go_to_folders_under_the_same_names(jobs, tmp_path, languages, expected):
    expanded = expand_languages(jobs, languages)
    linked = [j for j in expanded if j.notebook.name == "both.ipynb"]
    assert [(j.root, j.parameters["lang"], j.other_language) for j in linked] == expected
    assert {j.name for j in linked} == {"sop-cop"} and {j.variant for j in linked} == {""}
    paths = {output_path(tmp_path, j, ".html") for j in linked}
    assert paths == {
        (tmp_path / root / "districts" / "sop-cop.html").resolve() for root, _, _ in expected
    }
    assert [j for j in expanded if j.notebook.name == "plain.ipynb"] == [jobs[1]]


@pytest.mark.parametrize("languages", [[], ["fr"], ["vi", "vi"], ["vi", "en", "fr"]])
def test_languages_other_than_vi_and_en_are_refused(jobs, languages):
    with pytest.raises(RunnerError, match="languages must be vi, en, vi,en or en,vi"):
        expand_languages(jobs, languages)


def test_command_line_refuses_a_bad_grid_with_exit_code_2(capsys):
    assert main(["reports", "--grid", "lang", "--no-progress"]) == 2
    assert "--grid takes NAME=VALUE1,VALUE2" in capsys.readouterr().err


def test_command_line_says_how_to_install_dask_when_it_is_missing(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    assert main(["reports", "--cluster", "local:2", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert 'pip install -e ".[cluster]"' in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["remote", "local:0", "local:two"])
def test_command_line_refuses_a_cluster_that_is_not_local_n(value, capsys):
    pytest.importorskip("distributed")
    assert main(["reports", "--cluster", value, "--no-progress"]) == 2
    assert "--cluster takes local or local:N" in capsys.readouterr().err


def test_cluster_and_scheduler_exclude_each_other(capsys):
    with pytest.raises(SystemExit) as info:
        main(["reports", "--cluster", "local", "--scheduler", "tcp://h:8786"])
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
