"""Remembering analysis results, keyed by the dataset's fingerprint.

A batch of district reports computes the same things again and again: each report of a
region compares the same districts. In the runner's kernels (`enable()` is called at
warm-up) an analysis of a dataset whose fingerprint was seen before returns a copy of the
earlier result. Interactive sessions do not keep results between calls (a user may change a
table in place, which would not change its fingerprint), but within one call an analysis
that several parts need is computed once: the national comparisons need the rating
distributions for the ratings and again for the targets. Results are the same either way;
the runner's fidelity test compares reports made with and without it.

The kernels of one batch also share results on the batch's whole dataset (`share`): the
first kernel to need one computes it and writes it to the batch's folder; a kernel needing
it meanwhile waits for the file instead of computing it again. The runner's warm-up
(`analysis.reports.warm`) starts each kernel on a different part of the national
comparisons, so two kernels build them in about half the time of one.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import inspect
import os
import pickle
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MAX_ENTRIES = 32
"""Results kept, the least recently used dropped first: a district report remembers about
ten results on its district and province, useful to the next few reports at most (reports
are made province by province), while every one kept adds to each kernel's memory."""
_enabled = False
_calls = 0  # memoised calls under way: their results are kept until the outermost returns
_cache: OrderedDict = OrderedDict()
WAIT_SECONDS = 0.05
"""How often a kernel waiting for another's result looks for its file."""


@dataclass(frozen=True)
class SharedStore:
    """Where the kernels of a batch share results on one dataset.

    Attributes:
        folder: The batch's folder (one file per result, one claim file per result).
        fingerprint: The dataset whose results are shared (its subsets are not).
    """

    folder: Path
    fingerprint: str


_store: SharedStore | None = None


def protected_copy(value):
    """A copy of a remembered result that its caller may change without changing the
    memory: tables are shallow copies, which pandas' copy-on-write (always on from pandas
    3) copies as soon as either side is changed; tuples, lists and dictionaries are copied
    around them, and anything else deeply."""
    pandas = sys.modules.get("pandas")  # not imported: the value is no table
    if pandas is not None and isinstance(value, pandas.DataFrame | pandas.Series):
        return value.copy(deep=False)
    if isinstance(value, tuple | list):
        return type(value)(protected_copy(v) for v in value)
    if isinstance(value, dict):
        return {k: protected_copy(v) for k, v in value.items()}
    return copy.deepcopy(value)


def enable() -> None:
    """Turns memoisation on (the batch runner's kernels)."""
    global _enabled
    _enabled = True


def clear() -> None:
    """Forgets every remembered result."""
    _cache.clear()


def share(folder: str | Path, fingerprint: str) -> None:
    """Shares results on the dataset `fingerprint` with the other kernels using `folder`."""
    global _store
    Path(folder).mkdir(parents=True, exist_ok=True)
    _store = SharedStore(Path(folder), fingerprint)


def keep_only(names: set[str]) -> int:
    """Forgets the remembered results on the shared dataset except those of the analyses
    named (`module.qualname`); returns how many were forgotten. The others stay in the
    batch's folder, read again if a later report asks."""
    if _store is None:
        return 0
    dropped = [
        key for key in _cache if key[2] == _store.fingerprint and f"{key[0]}.{key[1]}" not in names
    ]
    for key in dropped:
        del _cache[key]
    return len(dropped)


def take(function: Callable, dataset, *args, **kwargs) -> bool:
    """Computes a memoised call unless another kernel of the batch has begun or finished
    it; returns False in that case (the warm-up then goes on to another part).

    Args:
        function: An analysis decorated with `memoize`.
        dataset: The batch's dataset (other datasets are computed here, as without sharing).
    """
    key = function.memo_key(dataset, *args, **kwargs)
    if key in _cache:
        return True
    if _store is None or dataset.fingerprint != _store.fingerprint:
        function(dataset, *args, **kwargs)
        return True
    if _path(key).exists():
        return False  # done elsewhere: read when a report needs it
    result = _shared(key, lambda: function.__wrapped__(dataset, *args, **kwargs), wait=False)
    if result is _TAKEN:
        return False
    _remember(key, result)
    return True


def _remember(key: tuple, result) -> None:
    _cache[key] = result
    while len(_cache) > MAX_ENTRIES:
        _cache.popitem(last=False)


def _path(key: tuple) -> Path:
    return _store.folder / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".pickle")


def _claim(claim: Path) -> bool:
    try:
        handle = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(handle, "w") as file:
        file.write(str(os.getpid()))
    return True


def _holder_alive(claim: Path) -> bool:
    try:
        pid = int(claim.read_text())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return False  # the claim is gone, unreadable, or its kernel died
    return True


def _read(path: Path):
    with open(path, "rb") as file:
        return pickle.load(file)


def _write(path: Path, result) -> None:
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "wb") as file:
        pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


_TAKEN = object()


def _shared(key: tuple, compute: Callable, wait: bool = True):
    """The result of `key` from the batch's folder, computed here if no kernel has it;
    `_TAKEN` instead of waiting for another kernel's result when not `wait`."""
    path = _path(key)
    claim = path.with_suffix(".claim")
    while True:
        if path.exists():
            return _read(path)
        if _claim(claim):
            try:
                result = compute()
            except BaseException:
                claim.unlink(missing_ok=True)  # let a waiting kernel try (and fail) itself
                raise
            _write(path, result)
            return result
        if not wait:
            return _TAKEN
        if not _holder_alive(claim) and not path.exists():
            return compute()
        time.sleep(WAIT_SECONDS)


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

    def memo_key(dataset, *args, **kwargs) -> tuple:
        bound = signature.bind(dataset, *args, **kwargs)
        bound.apply_defaults()  # f(d) and f(d, alpha=0.05) are the same call
        arguments = tuple(list(bound.arguments.items())[1:])
        return (function.__module__, function.__qualname__, dataset.fingerprint, arguments)

    def remembered(dataset, *args, **kwargs):
        key = memo_key(dataset, *args, **kwargs)
        try:
            hash(key)
        except TypeError:  # an argument that cannot be a key (a DataFrame): compute
            return function(dataset, *args, **kwargs)
        if key in _cache:
            _cache.move_to_end(key)
        else:
            if _store is not None and dataset.fingerprint == _store.fingerprint:
                result = _shared(key, lambda: function(dataset, *args, **kwargs))
            else:
                result = function(dataset, *args, **kwargs)
            _remember(key, result)
        return protected_copy(_cache[key])

    wrapper.memo_key = memo_key
    return wrapper
