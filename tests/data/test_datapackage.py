import json

from analysis.data import schema
from analysis.data.datapackage import build_datapackage, update_readme

from conftest import REPO


def test_committed_descriptor_is_generated_from_the_schema():
    committed = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == build_datapackage(), "run `make datapackage`"


def test_data_readme_field_tables_are_current():
    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    assert update_readme(text) == text, "run `make datapackage`"


def test_descriptor_documents_every_column_and_vocabulary():
    package = build_datapackage()
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(schema.TABLES)
    for name, table in schema.TABLES.items():
        fields = resources[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == list(table.column_names)
        assert all(f["description"] for f in fields)
        for f, declared in zip(fields, table.fields, strict=True):
            if declared.vocabulary:
                codes = schema.VOCABULARIES[declared.vocabulary].codes
                assert f["constraints"]["enum"] == list(codes)
    keys = resources["facts"]["schema"]["foreignKeys"]
    assert {k["reference"]["resource"] for k in keys} == {"districts", "sources"}


def test_header_files_match_the_schema():
    for name, table in schema.TABLES.items():
        header = (REPO / "data" / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(table.column_names)
