from analysis.data import schema
from analysis.text.vietnamese import fold


def test_codes_are_unique_within_each_vocabulary():
    for vocab in schema.VOCABULARIES.values():
        assert len(set(vocab.codes)) == len(vocab.codes), vocab.name


def test_aliases_do_not_collide_within_a_vocabulary():
    for vocab in schema.VOCABULARIES.values():
        seen = {}
        for term in vocab.terms:
            for spelling in (term.code, term.label_vi, *term.aliases):
                key = fold(spelling)
                if key:
                    assert seen.setdefault(key, term.code) == term.code, (vocab.name, spelling)


def test_header_aliases_do_not_collide_within_a_table():
    for table in schema.TABLES.values():
        seen = {}
        for f in table.fields:
            for spelling in (f.name, *f.aliases):
                key = fold(spelling)
                assert seen.setdefault(key, f.name) == f.name, (table.name, spelling)


def test_vocabulary_references_exist():
    for table in schema.TABLES.values():
        for f in table.fields:
            if f.vocabulary:
                assert f.vocabulary in schema.VOCABULARIES
        for fk in table.foreign_keys:
            assert fk.table in schema.TABLES
            assert fk.column in table.column_names


def test_categories_apply_to_metrics_that_exist():
    for term in schema.CATEGORY.terms:
        assert term.applies_to
        assert set(term.applies_to) <= set(schema.METRIC.codes)
    assert "excellent" in schema.categories_for("evaluation")
    assert schema.categories_for("party_members") == ()


def test_cumulative_categories_are_declared():
    for name, parts in schema.CUMULATIVE_CATEGORIES.items():
        assert name in schema.CATEGORY.codes
        assert set(parts) <= set(schema.CATEGORY.codes)
