"""The extractor on the five seed articles, scored against their hand-read facts.

The seeds live outside the repository (../shared); without them these tests skip. The rules
were written with these articles in view, so these scores are in-sample: see README.
"""

from pathlib import Path

import pytest

from analysis.extract.evaluate import evaluate, run_seeds

SHARED = Path(__file__).resolve().parents[3] / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "data" / "seed_facts.csv").is_file(), reason="../shared is not present"
)


@pytest.fixture(scope="module")
def scores():
    return evaluate(*run_seeds(SHARED))


def test_goal_precision_and_recall_over_named_metrics(scores):
    assert scores.overall.hand == 45
    assert scores.overall.precision >= 0.90
    assert scores.overall.recall >= 0.85


def test_every_kind_is_found(scores):
    for kind, score in scores.by_kind.items():
        assert score.recall >= 0.8, kind


def test_without_publication_dates_stocks_dated_now_are_lost_but_nothing_wrong_is_added():
    result = evaluate(*run_seeds(SHARED, use_published=False))
    assert result.overall.precision >= 0.90
