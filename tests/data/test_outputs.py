"""Every table an analysis returns conforms to its declaration, on real and SYNTHETIC data."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from analysis import evaluations, growth, load_dataset, quality, targets
from analysis.compare import tables as compared
from analysis.data.outputs import COLUMNS, TABLES, describe_tables, nonconformities
from analysis.data.schema import VOCABULARIES
from analysis.present.tables import facts_with_sources

from conftest import REPO


def all_tables(dataset) -> dict:
    """Every declared output table computed on `dataset`, by name."""
    summary = evaluations.summarize_evaluations(dataset)
    findings = quality.find_contradictions(dataset)
    assessment = targets.assess_targets(dataset)
    comparison = growth.compare_districts(dataset)
    first = comparison["district_id"].iloc[0]
    return {
        "stocks": growth.stock_series(dataset),
        "growth": growth.compute_growth(dataset),
        "admissions": growth.admissions_per_year(dataset),
        "admission-changes": growth.admission_changes(dataset),
        "comparison": comparison,
        "province": growth.keep_province(comparison, first),
        "evaluations": summary,
        "evaluation-checks": evaluations.check_evaluations(dataset, summary),
        "homogeneity": evaluations.homogeneity_table(dataset, summary=summary),
        "targets": assessment,
        "target-statuses": targets.count_statuses(assessment),
        "attainments": targets.compare_stated_attainment(dataset),
        "quality": findings,
        "quality-summary": quality.summarize_quality(findings),
        "quality-sources": quality.findings_by_source(dataset, findings),
        "facts": facts_with_sources(dataset),
        "funnel": compared.funnel_table(dataset),
        "shrinkage": compared.shrinkage_table(dataset),
        "compared-left-out": compared.left_out_table(dataset),
    }


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("synthetic")
    module.generate(folder, n_districts=12)
    dataset = load_dataset(folder)
    assert dataset.synthetic
    return dataset


def test_every_declared_table_is_computed_here(embedded):
    assert set(all_tables(embedded)) == set(TABLES)


@pytest.mark.parametrize("source", ["embedded", "synthetic"])
def test_every_table_conforms_to_its_declaration(source, request):
    tables = all_tables(request.getfixturevalue(source))
    problems = [p for name, frame in tables.items() for p in nonconformities(frame, name)]
    assert problems == []
    assert all(len(tables[n]) for n in ("stocks", "admissions", "comparison", "targets"))


def test_a_missing_or_extra_column_is_reported(embedded):
    frame = growth.compute_growth(embedded).drop(columns=["cagr_percent"]).assign(extra=1)
    assert nonconformities(frame, "growth") == [
        "growth: column 'cagr_percent' declared but missing",
        "growth: column 'extra' not declared",
    ]


def test_declarations_are_complete_and_consistent():
    for table in TABLES.values():
        names = table.column_names
        assert len(names) == len(set(names)), table.name
        assert set(names) <= set(COLUMNS), table.name
        assert table.key, table.name
    for column in COLUMNS.values():
        assert column.en and column.vi and column.description, column.name
        assert "_" not in column.en and "_" not in column.vi, column.name
        assert column.vocabulary is None or column.vocabulary in VOCABULARIES


def test_docs_tables_md_is_generated_from_the_declarations():
    assert (REPO / "docs" / "tables.md").read_text(encoding="utf-8") == describe_tables()


def test_the_tables_command_lists_every_table():
    done = subprocess.run([sys.executable, "-m", "analysis", "tables"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    for name in TABLES:
        assert f"\n{name} " in "\n" + done.stdout


def test_columns_per_100_are_rates_and_percentages_are_percent():
    """A rate or a share is never shown as a count: a column measured per 100 is a RATE (two
    decimals), one measured in percent a PERCENT or FRACTION (one decimal and %)."""
    from analysis.data.outputs import Kind

    for column in COLUMNS.values():
        if column.unit.startswith("per 100"):
            assert column.kind == Kind.RATE, column.name
        if column.unit in ("percent", "percent a year", "percentage points"):
            assert column.kind in (Kind.PERCENT, Kind.FRACTION), column.name


def test_the_funnel_rate_has_its_own_declared_column():
    from analysis.data.outputs import Kind

    funnel = TABLES["funnel"]
    assert dict(funnel.renamed) == {"value": "value_per_100", "target": "funnel_target"}
    assert "value" not in funnel.column_names and "target" not in funnel.column_names
    for name in ("value_per_100", "funnel_target"):
        assert COLUMNS[name].kind == Kind.RATE and COLUMNS[name].unit == "per 100"
    assert COLUMNS["value_per_100"].label("vi") == "Giá trị trên 100"


def test_dataset_only_says_which_functions_take_a_dataset_alone():
    import importlib
    import inspect

    for table in TABLES.values():
        module, function = table.produced_by.rsplit(".", 1)
        parameters = list(
            inspect.signature(
                getattr(importlib.import_module(f"analysis.{module}"), function)
            ).parameters.values()
        )
        alone = parameters[0].name == "dataset" and all(
            p.default is not inspect.Parameter.empty for p in parameters[1:]
        )
        assert table.dataset_only == alone, table.name


def test_every_column_and_unit_has_its_vietnamese_meaning():
    from analysis.data.output_meanings import MEANINGS_VI, UNITS_VI

    assert set(MEANINGS_VI) == set(COLUMNS)
    assert {c.unit for c in COLUMNS.values() if c.unit} <= set(UNITS_VI)
    meaning = COLUMNS["value_per_100"].meaning("vi")
    assert meaning.startswith("Giá trị của chính đơn vị") and meaning.endswith("(trên 100)")
    assert COLUMNS["members"].meaning("en") == "Party members. (persons)"
