import os

import pytest

from analysis.files import TEMP_PREFIX, atomic_path, remove_stale_temporaries, write_text_atomic


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_write_is_complete_and_readable_by_others(tmp_path):
    target = tmp_path / "sub" / "report.html"
    old = os.umask(0o022)
    try:
        write_text_atomic(target, "Sốp Cộp")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "Sốp Cộp"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_stale_temporaries_are_removed(tmp_path):
    (tmp_path / "districts").mkdir()
    (tmp_path / "districts" / f"{TEMP_PREFIX}abc.html").write_text("partial")
    (tmp_path / "districts" / "kept.html").write_text("whole")
    assert remove_stale_temporaries(tmp_path) == 1
    assert [p.name for p in (tmp_path / "districts").iterdir()] == ["kept.html"]
