from analysis.extract.evaluate import (
    commonest_misses,
    evaluate,
    facts_agree,
    match_one_to_one,
)


def fact(**values) -> dict:
    base = {
        "metric": "admissions",
        "subject": "",
        "category": "",
        "kind": "flow",
        "unit": "count",
        "value": "100",
        "period_end": "2022",
        "paragraph": "3",
    }
    return {**base, **values}


def test_agreement_rules():
    assert facts_agree(fact(value=100.0, period_end="2022-09-30"), fact())
    assert not facts_agree(fact(value="101"), fact())
    assert not facts_agree(fact(period_end="2021-12-31"), fact())
    assert not facts_agree(fact(kind="stock"), fact())
    share = {"unit": "percent", "metric": "evaluation", "subject": "member", "category": "good"}
    assert facts_agree(fact(**share, value="75.34"), fact(**share, value="75.3"))
    assert not facts_agree(fact(**share, value="75.36"), fact(**share, value="75.3"))


def test_matching_is_one_to_one_and_maximal():
    ours = [fact(), fact()]
    assert match_one_to_one(ours, [fact()]) == [(0, 0)]
    # The first proposal could take either hand fact; the matching still pairs both.
    wide = [fact(value="5"), fact(value="5", period_end="2022-01-01")]
    assert len(match_one_to_one(wide, [fact(value="5"), fact(value="5")])) == 2


def test_scores_per_kind_and_metric_leave_other_out():
    proposed = {
        "a": [fact(), fact(metric="party_members", kind="stock", value="9"), fact(metric="other")]
    }
    hand = {"a": [fact(), fact(metric="expulsions", value="3"), fact(metric="other")]}
    result = evaluate(proposed, hand)
    assert (result.overall.proposed, result.overall.hand) == (2, 2)
    assert (result.overall.precision, result.overall.recall) == (0.5, 0.5)
    assert result.by_kind["stock"].precision == 0 and result.by_kind["flow"].recall == 0.5
    assert result.by_metric["expulsions"].recall == 0
    assert commonest_misses(result) == [("expulsions/flow: value not proposed", 1)]
