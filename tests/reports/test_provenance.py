import copy

from analysis import load_dataset
from analysis.reports.provenance import (
    combine_hashes,
    content_fingerprint,
    district_hashes,
    library_hash,
    package_versions,
)

from conftest import tiny_tables, write_dataset


def test_district_hashes_change_only_for_the_changed_district(tmp_path):
    tables = tiny_tables()
    before = district_hashes(load_dataset(write_dataset(tmp_path / "a", tables)))
    changed = copy.deepcopy(tables)
    changed["facts"][4]["value"] = "57"  # Sa Thầy
    after = district_hashes(load_dataset(write_dataset(tmp_path / "b", changed)))
    assert before["sop-cop-son-la"] == after["sop-cop-son-la"]
    assert before["sa-thay-kon-tum"] != after["sa-thay-kon-tum"]
    assert combine_hashes(before, ["sop-cop-son-la"]) == combine_hashes(after, ["sop-cop-son-la"])


def test_content_fingerprint_ignores_row_order(tmp_path):
    tables = tiny_tables()
    reordered = copy.deepcopy(tables)
    reordered["facts"].reverse()
    a = load_dataset(write_dataset(tmp_path / "a", tables))
    b = load_dataset(write_dataset(tmp_path / "b", reordered))
    assert a.fingerprint != b.fingerprint  # the files differ
    assert content_fingerprint(a) == content_fingerprint(b)  # the content does not


def test_library_hash_and_versions():
    assert len(library_hash()) == 64
    versions = package_versions()
    assert versions["pandas"] != "not installed" and "python" in versions
