"""Keeping a long-running process's memory from growing: its heap given back after each
report, and one heap for all its threads.

glibc's allocator keeps freed memory for reuse instead of returning it, so a process that
makes report after report keeps the high-water mark of its largest one (`release_memory`).
It also gives each thread that allocates at the same time as another a heap of its own: the
runner's process receives kernel messages on one thread and exports pages on others, and
those heaps grew by about 0.4 MiB a report, freed memory that no trim could give back
(`use_one_heap`). Elsewhere than glibc both do nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the largest number of heaps ("arenas")."""


def _libc():
    return ctypes.CDLL("libc.so.6")


def release_memory(collect: bool = True) -> None:
    """Gives freed heap pages back to the system (glibc's `malloc_trim`), so that a process's
    resident size falls back after a large computation instead of keeping its high-water
    mark; collects garbage first when `collect`."""
    if collect:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        _libc().malloc_trim(0)


def use_one_heap() -> None:
    """Makes the threads that start allocating from now on share the main heap (glibc's
    `M_ARENA_MAX` = 1), which `release_memory` then trims as a whole."""
    with contextlib.suppress(OSError, AttributeError):
        _libc().mallopt(M_ARENA_MAX, 1)
