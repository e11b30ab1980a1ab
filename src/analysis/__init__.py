"""Organisational statistics of Vietnam's district-level party committees.

The public API, for notebooks and for researchers' own code:

    from analysis import load_dataset, find_district
    ds = load_dataset()            # the embedded real dataset, or a path
    find_district("huyện Sốp Cộp", ds)
"""

from .dataset import Dataset, load_dataset
from .lookup import DistrictLookupError, find_district, resolve_district
from .problems import DatasetError, Problem

__all__ = [
    "Dataset",
    "DatasetError",
    "DistrictLookupError",
    "Problem",
    "find_district",
    "load_dataset",
    "resolve_district",
]
__version__ = "0.1.0"
