import pandas as pd
import pytest

from analysis import DatasetError, load_dataset
from analysis.data.dataset import save_dataset, to_tables

from conftest import tiny_tables, write_dataset


def test_embedded_dataset_counts(embedded):
    summary = embedded.summary()
    assert (summary["districts"], summary["sources"]) == (92, 126)
    assert summary["facts"] == 555
    assert summary["synthetic"] is False
    assert embedded.origin == "embedded"


def test_embedded_types(embedded):
    facts = embedded.facts
    assert str(facts["period_end"].dtype).startswith("datetime64")
    assert facts["value"].dtype == "float64"
    assert isinstance(facts["metric"].dtype, pd.CategoricalDtype)
    assert list(facts["metric"].cat.categories)[:2] == ["party_members", "base_organizations"]
    sop = facts[facts["fact_id"] == "seed-004-06"].iloc[0]
    assert (sop["value"], sop["period_start"].date().isoformat()) == (469.0, "2020-01-01")
    assert sop["period_end"].date().isoformat() == "2024-01-23"


@pytest.mark.parametrize("target", ["folder", "book.xlsx"])
def test_round_trip(tmp_path, embedded, target):
    path = save_dataset(embedded, tmp_path / target)
    again = load_dataset(path)
    for name, frame in to_tables(embedded).items():
        pd.testing.assert_frame_equal(frame, to_tables(again)[name], check_dtype=False)
    pd.testing.assert_frame_equal(
        embedded.facts.drop(columns="row"), again.facts.drop(columns="row")
    )


def test_loaded_tables_are_copies(tiny_dataset):
    first = load_dataset(tiny_dataset)
    first.facts.loc[0, "value"] = -1
    second = load_dataset(tiny_dataset)
    assert second.facts.loc[0, "value"] == 4014


def test_changed_file_is_reloaded(tiny_dataset):
    before = load_dataset(tiny_dataset)
    tables = tiny_tables()
    tables["facts"][0]["value"] = "4015"
    write_dataset(tiny_dataset, tables)
    after = load_dataset(tiny_dataset)
    assert after.facts.loc[0, "value"] == 4015
    assert after.fingerprint != before.fingerprint


def test_synthetic_sources_are_flagged(tmp_path):
    tables = tiny_tables()
    tables["sources"][0]["url"] = "synthetic:benchmark"
    assert load_dataset(write_dataset(tmp_path / "s", tables)).synthetic


def test_not_a_dataset(tmp_path):
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(DatasetError, match="a folder of CSV files or an Excel workbook"):
        load_dataset(tmp_path / "x.txt")
    with pytest.raises(FileNotFoundError):
        load_dataset(tmp_path / "missing")


def test_workbook_missing_a_sheet(tmp_path, embedded):
    path = tmp_path / "book.xlsx"
    tables = to_tables(embedded)
    with pd.ExcelWriter(path) as writer:
        tables["facts"].to_excel(writer, sheet_name="facts", index=False)
        tables["sources"].to_excel(writer, sheet_name="sources", index=False)
    with pytest.raises(DatasetError, match="a sheet named districts"):
        load_dataset(path)


def test_nfd_input_equals_nfc_input(tmp_path):
    import unicodedata

    tables = tiny_tables()
    nfd = {
        name: [{k: unicodedata.normalize("NFD", v) for k, v in row.items()} for row in rows]
        for name, rows in tables.items()
    }
    a = load_dataset(write_dataset(tmp_path / "nfc", tables))
    b = load_dataset(write_dataset(tmp_path / "nfd", nfd))
    pd.testing.assert_frame_equal(a.districts, b.districts)
    pd.testing.assert_frame_equal(a.facts, b.facts)
