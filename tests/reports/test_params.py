import json

import pytest

from analysis.reports.params import (
    ParameterError,
    check_parameters,
    check_types,
    coerce_text,
    read_parameters,
)

from conftest import REPO


def _notebook(source: str) -> dict:
    return {
        "cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}]
    }


SPECS = read_parameters(
    _notebook(
        'district: str = "sop-cop-son-la"  # (required) district id or name\n'
        "alpha: float = 0.05  # confidence\n"
        "districts: list[str] = []  # ids\n"
        "force: bool = False  # redo\n"
        "limit: int = 3  # how many"
    )
)


def test_reads_names_types_defaults_and_help():
    assert list(SPECS) == ["district", "alpha", "districts", "force", "limit"]
    assert SPECS["district"].required and not SPECS["alpha"].required
    assert (SPECS["alpha"].type, SPECS["alpha"].default, SPECS["alpha"].help) == (
        "float",
        0.05,
        "confidence",
    )


def test_all_problems_are_listed_together():
    with pytest.raises(ParameterError) as info:
        check_parameters(SPECS, {"distrikt": "x", "alpha": "high", "limit": True})
    text = str(info.value)
    assert "unknown parameter 'distrikt'" in text
    assert "missing required parameter 'district'" in text
    assert "alpha must be float" in text
    assert "limit must be int, got bool" in text


def test_district_ids_stay_text():
    with pytest.raises(ParameterError, match="-r district"):
        check_parameters(SPECS, {"district": 29})
    assert coerce_text(SPECS["district"], "029") == "029"


def test_values_fill_defaults():
    values = check_parameters(SPECS, {"district": "x", "alpha": 1})
    assert values == {"district": "x", "alpha": 1, "districts": [], "force": False, "limit": 3}


def test_coerce_text():
    assert coerce_text(SPECS["districts"], "a, b") == ["a", "b"]
    assert coerce_text(SPECS["force"], "yes") is True
    with pytest.raises(ValueError):
        coerce_text(SPECS["force"], "maybe")


def test_malformed_parameters_cell():
    with pytest.raises(ParameterError, match="expected `name: type = value"):
        read_parameters(_notebook("x = 1"))
    with pytest.raises(ParameterError, match="not one of"):
        read_parameters(_notebook("x: dict = {}  # no"))
    with pytest.raises(ParameterError, match="no cell tagged"):
        read_parameters({"cells": []})


def test_check_types_inside_a_notebook():
    namespace = {"__annotations__": {"district": str, "alpha": float}, "district": 29, "alpha": 1}
    with pytest.raises(ParameterError, match="district must be str, got int 29"):
        check_types(namespace)
    namespace["district"] = "029"
    assert check_types(namespace) == {"district": "029", "alpha": 1}


@pytest.mark.parametrize("path", sorted((REPO / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_every_notebook_declares_typed_commented_parameters(path):
    specs = read_parameters(json.loads(path.read_text()), path.name)
    assert "data" in specs and specs["data"].default == ""
    assert all(spec.help for spec in specs.values()), "each parameter needs a comment"


def test_check_types_refuses_an_injected_name_the_cell_does_not_declare():
    from analysis.reports.params import ParameterError, check_types

    namespace = {
        "__annotations__": {"district": str, "alpha": float},
        "district": "sop-cop-son-la",
        "alpha": 0.05,
        "distrct": "van-ho-son-la",  # papermill -p distrct ...: injected, never declared
        "load_dataset": len,  # names bound by the import cell are not parameters
        "json": __import__("json"),
    }
    with pytest.raises(
        ParameterError, match=r"unknown parameter 'distrct' \(did you mean 'district'\?\)"
    ):
        check_types(namespace)
    del namespace["distrct"]
    assert check_types(namespace) == {"district": "sop-cop-son-la", "alpha": 0.05}


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_check_types_refuses_a_non_finite_float(value):
    from analysis.reports.params import ParameterError, check_types

    with pytest.raises(ParameterError, match="alpha must be a finite number"):
        check_types({"__annotations__": {"alpha": float}, "alpha": value})
