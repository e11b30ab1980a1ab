"""Tests of the dataset fingerprint."""

from analysis.data.fingerprint import fingerprint_files

from conftest import tiny_tables, write_dataset


def test_file_fingerprint_follows_bytes(tmp_path):
    folder = write_dataset(tmp_path / "a", tiny_tables())
    first = fingerprint_files(folder)
    (folder / "facts.csv").write_text((folder / "facts.csv").read_text() + "\n")
    assert fingerprint_files(folder) != first
