"""The kernels of a batch preparing the national comparisons together (`reports.warm`)."""

import dataclasses
import multiprocessing

import pandas as pd
import pytest

from analysis import memo
from analysis.compare import tables
from analysis.reports import warm
from analysis.reports.plan import plan_jobs
from analysis.reports.spec import DatasetSpec


@pytest.fixture()
def kernel_state(monkeypatch):
    """A kernel's memo (on, empty, no folder) restored after the test."""
    monkeypatch.setattr(memo, "_enabled", True)
    monkeypatch.setattr(memo, "_store", None)
    memo.clear()
    yield
    memo.clear()


def _tables(dataset, lang):
    funnel, shrunk = tables.comparison_tables(dataset, lang)
    return funnel, shrunk


def test_prepared_tables_equal_those_computed_alone(embedded, tmp_path, kernel_state):
    alone = {lang: _tables(embedded, lang) for lang in ("vi", "en")}
    memo.clear()
    warm.prepare(DatasetSpec().as_record(), str(tmp_path), ["vi", "en"])
    assert list(tmp_path.glob("*.pickle"))  # the parts are in the batch's folder
    kept = {f"{key[0]}.{key[1]}" for key in memo._cache}
    assert kept == warm.KEPT  # the language-free parts are left in the folder
    for lang, (funnel, shrunk) in alone.items():
        got_funnel, got_shrunk = _tables(embedded, lang)
        pd.testing.assert_frame_equal(got_funnel, funnel)
        pd.testing.assert_frame_equal(got_shrunk, shrunk)


def test_without_a_folder_or_district_reports_nothing_is_prepared(tmp_path, kernel_state):
    warm.prepare(DatasetSpec().as_record(), None, ["vi"])
    assert not memo._cache
    warm.prepare(DatasetSpec().as_record(), str(tmp_path), [])
    assert not memo._cache and not list(tmp_path.glob("*.pickle"))


def _prepare_in_another_process(folder: str, done) -> None:
    memo.enable()
    warm.prepare(DatasetSpec().as_record(), folder, ["vi"])
    funnel, shrunk = tables.comparison_tables(DatasetSpec().load(), "vi")
    done.put((funnel.to_json(), shrunk.to_json()))


def test_two_kernels_prepare_together_and_get_the_same_tables(embedded, tmp_path, kernel_state):
    """Two processes at once on one folder: every part is written once, each claim names
    one of the two, and both end with the tables of a kernel working alone."""
    context = multiprocessing.get_context("spawn")
    done = context.Queue()
    kernels = [
        context.Process(target=_prepare_in_another_process, args=(str(tmp_path), done))
        for _ in range(2)
    ]
    for kernel in kernels:
        kernel.start()
    results = [done.get(timeout=240) for _ in kernels]
    for kernel in kernels:
        kernel.join(30)
    claims = {path.read_text() for path in tmp_path.glob("*.claim")}
    assert claims <= {str(k.pid) for k in kernels}
    assert {p.stem for p in tmp_path.glob("*.claim")} == {p.stem for p in tmp_path.glob("*.pickle")}
    funnel, shrunk = _tables(embedded, "vi")
    for got in results:
        assert got == (funnel.to_json(), shrunk.to_json())


def test_preload_binds_no_name_and_only_district_reports_need_the_comparisons(embedded):
    code = warm.preload_code(DatasetSpec().as_record(), None, [])
    namespace: dict = {}
    exec(code, namespace)  # the code the runner sends to a kernel
    assert set(namespace) == {"__builtins__"}
    jobs = plan_jobs(embedded, DatasetSpec(), districts=["sop-cop-son-la"])
    assert warm.national_languages(jobs) == ["vi"]  # the notebook's default
    english = [dataclasses.replace(j, parameters={**j.parameters, "lang": "en"}) for j in jobs]
    assert warm.national_languages(jobs + english) == ["en", "vi"]
    across = [job for job in jobs if job.group.value != "districts"]
    assert across and warm.national_languages(across) == []


def test_the_warm_up_takes_every_part_and_every_indicator_once():
    from analysis.compare.indicators import PARTS, Indicator

    assert sorted(warm.PART_ORDER) == sorted(PARTS)
    assert sorted(warm.SHRINKAGE_ORDER) == sorted(i.value for i in Indicator)
