"""Remembering analysis results, keyed by the dataset's fingerprint.

A batch of district reports computes the same things again and again: each report of a
region compares the same districts. In the runner's kernels (`enable()` is called at
warm-up) an analysis of a dataset whose fingerprint was seen before returns a copy of the
earlier result. Interactive sessions do not keep results between calls (a user may change a
table in place, which would not change its fingerprint), but within one call an analysis
that several parts need is computed once: the national comparisons need the rating
distributions for the ratings and again for the targets. Results are the same either way;
the runner's fidelity test compares reports made with and without it.
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections import OrderedDict
from collections.abc import Callable

MAX_ENTRIES = 256
_enabled = False
_calls = 0  # memoised calls under way: their results are kept until the outermost returns
_cache: OrderedDict = OrderedDict()


def enable() -> None:
    """Turns memoisation on (the batch runner's kernels)."""
    global _enabled
    _enabled = True


def clear() -> None:
    """Forgets every remembered result."""
    _cache.clear()


def memoize(function: Callable) -> Callable:
    """Decorates an analysis taking a Dataset first; see the module docstring."""

    signature = inspect.signature(function)

    @functools.wraps(function)
    def wrapper(dataset, *args, **kwargs):
        global _calls
        if _enabled or _calls:
            return remembered(dataset, *args, **kwargs)
        _calls += 1
        try:
            return function(dataset, *args, **kwargs)
        finally:
            _calls -= 1
            if not _calls:
                _cache.clear()

    def remembered(dataset, *args, **kwargs):
        bound = signature.bind(dataset, *args, **kwargs)
        bound.apply_defaults()  # f(d) and f(d, alpha=0.05) are the same call
        arguments = tuple(list(bound.arguments.items())[1:])
        key = (function.__module__, function.__qualname__, dataset.fingerprint, arguments)
        try:
            hash(key)
        except TypeError:  # an argument that cannot be a key (a DataFrame): compute
            return function(dataset, *args, **kwargs)
        if key in _cache:
            _cache.move_to_end(key)
        else:
            _cache[key] = function(dataset, *args, **kwargs)
            while len(_cache) > MAX_ENTRIES:
                _cache.popitem(last=False)
        return copy.deepcopy(_cache[key])

    return wrapper
