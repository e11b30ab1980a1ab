"""Organisational statistics of Vietnam's district-level party committees.

The public API, for notebooks and for researchers' own code:

    from analysis import load_dataset, find_district
    ds = load_dataset()            # the embedded real dataset, or a path
    find_district("huyện Sốp Cộp", ds)

The analyses researchers call are the modules at the top: `growth`, `evaluations`, `targets`,
`quality`. Below them: `data` (the data model, reading and checking a dataset), `text`
(Vietnamese text, numbers and periods), `present` (tables, plots, HTML) and `reports` (the
batch runner).
Names are imported on first use, so that the command line starts quickly.
"""

from importlib import import_module

__version__ = "0.1.0"
_LAZY = {
    "Dataset": "data.dataset",
    "load_dataset": "data.dataset",
    "DatasetError": "data.problems",
    "Problem": "data.problems",
    "DistrictLookupError": "data.lookup",
    "find_district": "data.lookup",
    "resolve_district": "data.lookup",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
