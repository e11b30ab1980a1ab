import pandas as pd
import pytest

from analysis.data.selection import (
    choose_districts,
    count_ids,
    join_ids,
    peer_districts,
    select_facts,
    text_of,
)


def test_join_and_count_ids():
    assert join_ids(["a;b", "b", "", "c"]) == "a;b;c"
    assert count_ids(pd.Series(["a;b", "", None])).tolist() == [2, 0, 0]


def test_text_of_categoricals():
    column = pd.Series(pd.Categorical(["x", None], categories=["x"]))
    assert text_of(column).tolist() == ["x", ""]


def test_select_facts(embedded):
    groups = select_facts(embedded, metric="admissions", kind="flow")
    totals = select_facts(embedded, metric="admissions", kind="flow", total_only=True)
    assert len(groups) > len(totals) and totals["category"].isna().all()


def test_choose_districts(embedded):
    assert set(choose_districts(embedded, ["Sốp Cộp"]).districts["district_id"]) == {
        "sop-cop-son-la"
    }
    north = choose_districts(embedded, region="trung du va mien nui phia bac")
    assert set(north.districts["region"]) == {"Trung du và miền núi phía Bắc"}
    assert set(choose_districts(embedded, province="Sơn La").districts["province"]) == {"Sơn La"}
    with pytest.raises(ValueError, match="no district of the dataset is in region"):
        choose_districts(embedded, region="Atlantis")


def test_peer_districts_share_the_region(embedded):
    peers = peer_districts(embedded, "sop-cop-son-la")
    regions = embedded.districts.set_index("district_id").loc[peers, "region"]
    assert "sop-cop-son-la" in peers and regions.nunique() == 1
