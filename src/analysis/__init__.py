"""Organisational statistics of Vietnam's district-level party committees.

The public API, for notebooks and for researchers' own code:

    from analysis import load_dataset, find_district
    ds = load_dataset()            # the embedded real dataset, or a path
    find_district("huyện Sốp Cộp", ds)

Modules: `growth`, `evaluations`, `targets`, `quality` (analyses returning tables), `plots`
and `present` (showing them), `schema` (the data model), `runner` (batch reports).
Names are imported on first use, so that the command line starts quickly.
"""

from importlib import import_module

__version__ = "0.1.0"
_LAZY = {
    "Dataset": "dataset",
    "load_dataset": "dataset",
    "DatasetError": "problems",
    "Problem": "problems",
    "DistrictLookupError": "lookup",
    "find_district": "lookup",
    "resolve_district": "lookup",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
