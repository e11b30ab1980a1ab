from analysis.quality import find_contradictions, summarize_quality

from conftest import dataset_with, fact

SOP = "sop-cop-son-la"


def test_known_contradictions_of_the_embedded_data(embedded):
    findings = find_contradictions(embedded)
    checks = set(zip(findings["district_id"], findings["check"], strict=True))
    assert ("sop-cop-son-la", "evaluation: share differs from count ÷ total") in checks
    assert ("sop-cop-son-la", "evaluation: shares do not sum to 100") in checks
    assert ("sa-thay-kon-tum", "group larger than all admitted") in checks
    assert ("yen-mo-ninh-binh", "group share differs from count ÷ total") in checks
    assert ("duc-trong-lam-dong", "membership rise beyond admissions") in checks
    assert {"library", "reader's note"} == set(findings["found_by"])
    assert findings["district"].notna().all()


def test_summary_counts(embedded):
    summary = summarize_quality(find_contradictions(embedded))
    assert summary["findings"].sum() == len(find_contradictions(embedded))


def test_change_against_stocks(tmp_path):
    facts = [
        fact("a", SOP, "base_organizations", "stock", "", "2022", "30"),
        fact("b", SOP, "base_organizations", "stock", "", "2023-12-31", "41"),
        fact("c", SOP, "base_organizations", "change", "2022", "2023-12-31", "17"),
    ]
    findings = find_contradictions(dataset_with(tmp_path, facts))
    row = findings[findings["check"] == "change disagrees with the stocks"].iloc[0]
    assert (row["stated"], row["computed"]) == (17, 11)


def test_admissions_above_membership(tmp_path):
    facts = [
        fact("a", SOP, "admissions", "flow", "2021", "2021", "500"),
        fact("b", SOP, "party_members", "stock", "", "2021-12-31", "400"),
    ]
    findings = find_contradictions(dataset_with(tmp_path, facts))
    assert "admissions exceed membership" in set(findings["check"])


def test_parts_of_base_organizations(tmp_path):
    facts = [
        fact("a", SOP, "base_organizations", "stock", "", "2021", "41"),
        fact("b", SOP, "base_party_committees", "stock", "", "2021", "13"),
        fact("c", SOP, "base_party_cells", "stock", "", "2021", "27"),
    ]
    findings = find_contradictions(dataset_with(tmp_path, facts))
    row = findings[findings["check"] == "parts differ from base organizations"].iloc[0]
    assert (row["stated"], row["computed"]) == (41, 40)


def test_conflicting_sources(tmp_path):
    facts = [
        fact("a", SOP, "party_members", "stock", "", "2021", "4000"),
        fact("b", SOP, "party_members", "stock", "", "2021", "4100", source_id="test-2"),
    ]
    from analysis import load_dataset

    from conftest import tiny_tables, write_dataset

    tables = tiny_tables()
    tables["facts"] = facts
    tables["sources"].append(
        {"source_id": "test-2", "url": "test:b", "publisher": "", "published": ""}
    )
    findings = find_contradictions(load_dataset(write_dataset(tmp_path / "c", tables)))
    assert "the same figure stated with different values" in set(findings["check"])


def test_clean_data_has_no_findings(tmp_path):
    facts = [fact("a", SOP, "party_members", "stock", "", "2021", "4000")]
    assert find_contradictions(dataset_with(tmp_path, facts)).empty
