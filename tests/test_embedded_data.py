"""The embedded dataset holds every hand-checked fact of ../shared/data, faithfully.

The project does not read ../shared at run time; these tests skip where it is absent
(CI always has it).
"""

import csv

import pytest

from analysis import resolve_district
from analysis.text.periods import parse_partial_date

from conftest import SHARED_DATA

pytestmark = pytest.mark.skipif(
    not (SHARED_DATA / "seed_facts.csv").is_file(), reason="../shared/data is not beside the repo"
)


def _rows(name):
    with open(SHARED_DATA / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _iso(text):
    return parse_partial_date(text).isoformat() if text else ""


@pytest.mark.parametrize("name", ["seed_facts.csv", "public_facts.csv"])
def test_every_shared_fact_is_present(embedded, name):
    facts = embedded.facts.merge(embedded.sources[["source_id", "url"]], on="source_id")
    index = {}
    for row in facts.itertuples():
        key = (row.district_id, row.url, row.value, row.period_start_text, row.period_end_text)
        index.setdefault(key, []).append(row)
    rows = _rows(name)
    for row in rows:
        district = resolve_district(f"{row['district']}, {row['province']}", embedded)
        key = (
            district,
            row["source_url"],
            float(row["value"]),
            _iso(row["period_start"]),
            _iso(row["period_end"]),
        )
        found = index.get(key)
        assert found, f"missing from data/facts.csv: {row}"
        assert any(f.paragraph == int(row["paragraph"]) and row["note"] in f.note for f in found), (
            row
        )
    expected = {"seed_facts.csv": 86, "public_facts.csv": 469}[name]
    assert len(rows) == expected


def test_no_fact_was_added(embedded):
    total = len(_rows("seed_facts.csv")) + len(_rows("public_facts.csv"))
    assert len(embedded.facts) == total


def test_seed_sources_keep_their_publication_dates(embedded):
    sources = embedded.sources.set_index("url")
    for row in _rows("seed_facts.csv"):
        assert sources.loc[row["source_url"], "published_text"] == row["published"]


def test_metric_changes_are_marked_in_the_note(embedded):
    by_id = embedded.facts.set_index("fact_id")
    for name in ("seed_facts.csv", "public_facts.csv"):
        source_rank = {}
        for row in _rows(name):
            url = row["source_url"]
            source = embedded.sources.set_index("url").loc[url, "source_id"]
            source_rank[source] = source_rank.get(source, 0) + 1
            fact = by_id.loc[f"{source}-{source_rank[source]:02d}"]
            if fact["metric"] != row["metric"]:
                assert "[recoded from metric" in fact["note"], (row, fact)
