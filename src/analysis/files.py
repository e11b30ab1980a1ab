"""Writing files so that readers never see half of one: write aside, then rename; and an OS
lock on a folder, so that two runs never write into it at once."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMP_PREFIX = ".tmp-"
LOCK_NAME = ".lock"


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


def _write_flushed(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Writes bytes to `target` atomically (see `atomic_path`), flushed to disk."""
    with atomic_path(target) as tmp:
        _write_flushed(tmp, data)


def write_texts_together(texts: dict[Path, str]) -> None:
    """Writes several UTF-8 files so that they change together or not at all.

    Every target is checked first (a directory or other non-file in the way is an error
    before anything is written), every file is written aside in full, and only then are
    they renamed into place. A full disk therefore leaves all of them as they were.

    Raises:
        OSError: With the path that could not be written.
    """
    for target in texts:
        if target.exists() and not target.is_file():
            raise IsADirectoryError(
                errno.EISDIR, "is not a regular file (a directory?)", str(target)
            )
    written: list[tuple[Path, Path]] = []
    try:
        for target, text in texts.items():
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
            os.close(fd)
            written.append((Path(name), target))
            _write_flushed(Path(name), text.encode("utf-8"))
            os.chmod(name, 0o666 & ~_umask())
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    for tmp, target in written:
        os.replace(tmp, target)


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


def check_writable(folder: Path) -> None:
    """Creates `folder` if needed and proves it can take a file, leaving nothing behind.

    Raises:
        OSError: When the folder cannot be created or written (read-only, full, not a folder).
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".write-test", dir=folder)
    try:
        os.write(fd, b"ok")
        os.fsync(fd)
    finally:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


@contextlib.contextmanager
def folder_lock(folder: Path, on_wait=None) -> Iterator[None]:
    """Holds an exclusive OS lock (`fcntl.flock`) on a folder while the block runs.

    A second holder waits: `on_wait(pid)` is called once, with the process id recorded by
    the holder (or None), before waiting. The lock is released by the OS if the holder dies,
    so a killed run never leaves the folder locked.
    """
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, "is not a regular file", str(path))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(_holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        with contextlib.suppress(
            OSError
        ):  # the pid is only for messages: a full disk may refuse it
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _holder(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or "x")
    except (OSError, ValueError):
        return None
