"""Writing files so that readers never see half of one: write aside, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMP_PREFIX = ".tmp-"


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yields a temporary path beside `target`; renames it onto `target` on success.

    On any error the temporary file is removed and `target` is left as it was. The rename is
    atomic on POSIX file systems, so a reader (or an interrupted run) sees either the old
    file or the new one, never a mix.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Writes bytes to `target` atomically (see `atomic_path`), flushed to disk."""
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_text_atomic(target: Path, text: str) -> None:
    """Writes UTF-8 text to `target` atomically."""
    write_bytes_atomic(target, text.encode("utf-8"))


def remove_stale_temporaries(folder: Path) -> int:
    """Deletes temporary files left by an interrupted run; returns how many."""
    count = 0
    if folder.is_dir():
        for path in folder.rglob(f"{TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                path.unlink()
                count += 1
    return count
