import pandas as pd

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
