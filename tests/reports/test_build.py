"""build_reports and its parts, without running notebooks: planning, keys, the lock."""

from pathlib import Path

import pytest

from analysis import load_dataset
from analysis.data.fingerprint import fingerprint_files
from analysis.reports.build import BuildOptions
from analysis.reports.plan import decide, plan_jobs, plan_signature
from analysis.reports.registry import RUNNER_OWNED, ReportState
from analysis.reports.spec import DatasetSpec

from conftest import tiny_tables, write_dataset


def test_an_unrelated_file_in_the_data_folder_changes_no_hash(tmp_path):
    folder = write_dataset(tmp_path / "data", tiny_tables())
    spec = DatasetSpec.from_arguments(folder)
    notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    before = (
        fingerprint_files(folder),
        plan_signature({}, spec, notebooks),
        load_dataset(folder).fingerprint,
    )
    (folder / "notes.txt").write_text("what I still have to check")
    (folder / "facts-backup.xlsx").write_bytes(b"not a table")
    after = (
        fingerprint_files(folder),
        plan_signature({}, spec, notebooks),
        load_dataset(folder).fingerprint,
    )
    assert after == before
    (folder / "facts.csv").write_text((folder / "facts.csv").read_text() + "\n")
    assert fingerprint_files(folder) != before[0]  # the dataset's own files still count


def test_the_dataset_specification_reaches_every_report_and_its_key(tmp_path):
    folder = write_dataset(tmp_path / "data", tiny_tables())
    dataset = load_dataset(folder)
    plain = DatasetSpec.from_arguments(folder)
    forced = DatasetSpec.from_arguments(folder, "utf-8", "vi")
    jobs = plan_jobs(dataset, forced)
    assert {"data", "encoding", "number_format"} <= RUNNER_OWNED
    for job in jobs:
        assert job.parameters["encoding"] == "utf-8" and job.parameters["number_format"] == "vi"
        assert job.parameters["data"] == str(folder.resolve())
    keys = {d.job.name: d.key for d in decide(jobs, tmp_path / "out", False, False)}
    plain_keys = {
        d.job.name: d.key for d in decide(plan_jobs(dataset, plain), tmp_path / "out", False, False)
    }
    assert keys.keys() == plain_keys.keys()
    assert all(keys[name] != plain_keys[name] for name in keys)
    assert all(d.state is ReportState.PENDING for d in decide(jobs, tmp_path / "out", False, False))


def test_the_link_to_the_other_language_is_part_of_the_key(tmp_path):
    """A report made alone, then as half of `--lang vi,en`, must be made again: its page
    gains the link to the other version."""
    folder = write_dataset(tmp_path / "data", tiny_tables())
    jobs = plan_jobs(load_dataset(folder), DatasetSpec.from_arguments(folder))
    out = tmp_path / "out"
    alone = [d.key for d in decide(jobs, out, False, False)]
    linked = [d.key for d in decide(jobs, out, False, False, ("English", "en/"))]
    back = [d.key for d in decide(jobs, out, False, False, ("Tiếng Việt", "../"))]
    assert all(a != b for a, b in zip(alone, linked, strict=True))
    assert all(b != c for b, c in zip(linked, back, strict=True))
    assert alone == [d.key for d in decide(jobs, out, False, False, None)]


@pytest.mark.parametrize(
    "options",
    [
        {"jobs": 0},
        {"jobs": -1},
        {"jobs": 1.5},
        {"timeout": float("nan")},
        {"timeout": 0},
        {"timeout": -3},
    ],
)
def test_build_options_refuse_impossible_values(options):
    with pytest.raises(ValueError, match=r"jobs must be|timeout must be"):
        BuildOptions(**options)


def test_a_two_language_batch_keeps_the_keys_of_two_linked_batches(tmp_path):
    """`--lang vi,en` made one batch per language before it was one batch: the same keys,
    so reports made either way are up to date for the other."""
    from analysis.reports.grid import expand_languages
    from analysis.reports.plan import apply_parameters

    folder = write_dataset(tmp_path / "data", tiny_tables())
    jobs = plan_jobs(load_dataset(folder), DatasetSpec.from_arguments(folder))
    out = tmp_path / "out"
    one_batch = decide(expand_languages(jobs, ["vi", "en"]), out, False, False)
    by_language = {
        lang: decide(apply_parameters(jobs, {"lang": lang}), out, False, False, link)
        for lang, link in (("vi", ("English", "en/")), ("en", ("Tiếng Việt", "../")))
    }
    assert [d.key for d in one_batch[0::2]] == [d.key for d in by_language["vi"]]
    assert [d.key for d in one_batch[1::2]] == [d.key for d in by_language["en"]]
    assert [d.job.root for d in one_batch[:2]] == ["", "en"]
