import subprocess
import sys
import threading

import pandas as pd
import pytest

from analysis import memo
from analysis.growth import stock_series


def test_memo_is_off_unless_enabled(embedded):
    assert not memo._enabled
    a = stock_series(embedded)
    assert a is not stock_series(embedded)


def test_memo_returns_equal_copies_and_normalises_arguments(embedded, monkeypatch):
    calls = []

    @memo.memoize
    def analysis(dataset, alpha: float = 0.05):
        calls.append(alpha)
        return pd.DataFrame({"x": [len(dataset.facts), alpha]})

    monkeypatch.setattr(memo, "_enabled", True)
    memo.clear()
    first = analysis(embedded)
    second = analysis(embedded, alpha=0.05)
    assert calls == [0.05]
    pd.testing.assert_frame_equal(first, second)
    second.loc[0, "x"] = -1  # a caller changing its copy does not change the memory
    assert analysis(embedded).loc[0, "x"] == len(embedded.facts)
    analysis(embedded, 0.1)
    assert calls == [0.05, 0.1]
    memo.clear()


def test_memo_tells_datasets_apart_by_fingerprint(embedded, monkeypatch):
    monkeypatch.setattr(memo, "_enabled", True)
    memo.clear()
    whole = stock_series(embedded)
    part = stock_series(embedded.subset(["sop-cop-son-la"]))
    assert len(part) < len(whole)
    assert set(part["district_id"]) == {"sop-cop-son-la"}
    memo.clear()


def test_without_the_runner_results_are_shared_within_one_call_only(embedded):
    """Interactive use: an analysis needed twice within one call is computed once, and
    nothing is kept once the call has returned."""
    assert not memo._enabled
    calls = []

    @memo.memoize
    def inner(dataset):
        calls.append("inner")
        return pd.DataFrame({"n": [len(dataset.facts)]})

    @memo.memoize
    def outer(dataset):
        return pd.concat([inner(dataset), inner(dataset)])

    first = outer(embedded)
    assert calls == ["inner"] and len(first) == 2
    assert not memo._cache  # nothing remembered between calls
    outer(embedded)
    assert calls == ["inner", "inner"]


# --- Sharing results between the kernels of a batch ----------------------------------------


@pytest.fixture()
def shared(embedded, tmp_path, monkeypatch):
    """Memoisation on, sharing the embedded dataset's results through tmp_path."""
    monkeypatch.setattr(memo, "_enabled", True)
    monkeypatch.setattr(memo, "_store", None)
    monkeypatch.setattr(memo, "WAIT_SECONDS", 0.01)
    memo.clear()
    memo.share(tmp_path, embedded.fingerprint)
    yield tmp_path
    memo.clear()


def _counting(calls: list):
    @memo.memoize
    def analysis(dataset, step: int = 1):
        calls.append(step)
        return pd.DataFrame({"facts": [len(dataset.facts)], "step": [step]})

    return analysis


def test_a_shared_result_is_written_once_and_read_by_another_kernel(embedded, shared):
    calls = []
    analysis = _counting(calls)
    first = analysis(embedded)
    assert calls == [1]
    assert len(list(shared.glob("*.pickle"))) == 1
    memo.clear()  # another kernel: nothing in memory, the folder in common
    second = analysis(embedded)
    assert calls == [1]
    pd.testing.assert_frame_equal(first, second)


def test_subsets_are_not_shared(embedded, shared):
    calls = []
    analysis = _counting(calls)
    analysis(embedded.subset(["sop-cop-son-la"]))
    assert calls == [1] and not list(shared.glob("*.pickle"))


def test_a_kernel_waits_for_the_result_another_is_computing(embedded, shared):
    """A live claim by another process: the call waits for its file and computes nothing."""
    calls = []
    analysis = _counting(calls)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        path = memo._path(analysis.memo_key(embedded))
        path.with_suffix(".claim").write_text(str(other.pid))
        written = pd.DataFrame({"facts": [-7], "step": [1]})  # what "the other kernel" wrote
        timer = threading.Timer(0.3, memo._write, (path, written))
        timer.start()
        got = analysis(embedded)
        timer.join()
    finally:
        other.kill()
        other.wait()
    assert calls == []
    pd.testing.assert_frame_equal(got, written)


def test_a_claim_left_by_a_dead_kernel_does_not_block(embedded, shared):
    calls = []
    analysis = _counting(calls)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    path = memo._path(analysis.memo_key(embedded))
    path.with_suffix(".claim").write_text(str(dead.pid))
    assert analysis(embedded)["facts"].iloc[0] == len(embedded.facts)
    assert calls == [1]


def test_a_failing_computation_gives_its_claim_back(embedded, shared):
    @memo.memoize
    def broken(dataset):
        raise ValueError("no such figure")

    with pytest.raises(ValueError, match="no such figure"):
        broken(embedded)
    assert not list(shared.glob("*.claim"))  # a waiting kernel tries (and fails) itself


def test_take_skips_what_another_kernel_has_taken(embedded, shared):
    calls = []
    analysis = _counting(calls)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        claim = memo._path(analysis.memo_key(embedded, 2)).with_suffix(".claim")
        claim.write_text(str(other.pid))
        assert memo.take(analysis, embedded, 1) is True
        assert memo.take(analysis, embedded, 2) is False  # taken: not waited for
    finally:
        other.kill()
        other.wait()
    assert calls == [1]
    memo.clear()
    assert memo.take(analysis, embedded, 1) is False  # done elsewhere: read when needed
    assert calls == [1]


def test_keep_only_forgets_the_other_shared_results(embedded, shared):
    calls = []
    analysis = _counting(calls)
    analysis(embedded, 1)
    part = embedded.subset(["sop-cop-son-la"])
    analysis(part, 1)
    assert memo.keep_only(set()) == 1  # the subset's result is not the batch's to drop
    analysis(embedded, 1)  # read back from the folder
    assert calls == [1, 1]


def test_the_language_is_part_of_the_key_of_what_depends_on_it(embedded, monkeypatch):
    """A warm kernel makes an English report after a Vietnamese one (`--lang vi,en`): the
    labelled comparison tables remembered for the first must not be served to the second."""
    from analysis.compare.tables import comparison_tables

    expected = comparison_tables(embedded, "en")  # memo off: computed afresh
    monkeypatch.setattr(memo, "_enabled", True)
    memo.clear()
    vietnamese, _ = comparison_tables(embedded, "vi")
    english, shrunk = comparison_tables(embedded, "en")
    memo.clear()
    pd.testing.assert_frame_equal(english, expected[0])
    pd.testing.assert_frame_equal(shrunk, expected[1])
    assert set(english["indicator_label"]).isdisjoint(vietnamese["indicator_label"])


@pytest.mark.filterwarnings("ignore:.*inplace")  # old ways of changing a table are tried too
@pytest.mark.filterwarnings("ignore:.*chained assignment")
def test_a_caller_changing_a_remembered_table_in_any_way_leaves_the_memory(embedded, monkeypatch):
    """Remembered tables are handed out as shallow copies (pandas' copy-on-write): every
    way a notebook may change its copy copies first."""
    monkeypatch.setattr(memo, "_enabled", True)
    memo.clear()

    @memo.memoize
    def analysis(dataset):
        return pd.DataFrame({"x": [1.0, 2.0, 3.0], "name": ["a", "b", "c"]}), [pd.Series([1, 2])]

    expected = analysis(embedded)[0].copy(deep=True)
    changes = [
        lambda t: t.loc.__setitem__((0, "x"), -1.0),
        lambda t: t.iloc.__setitem__((1, 0), -2.0),
        lambda t: t.__setitem__("x", 0.0),
        lambda t: t.sort_values("x", ascending=False, inplace=True),
        lambda t: t.drop(columns="name", inplace=True),
        lambda t: t["x"].fillna(0, inplace=True),
        lambda t: t.rename(columns={"x": "y"}, inplace=True),
    ]
    for change in changes:
        table, series = analysis(embedded)
        change(table)
        series[0][0] = 99
        again, kept = analysis(embedded)
        pd.testing.assert_frame_equal(again, expected)
        assert kept[0].tolist() == [1, 2]
    memo.clear()
