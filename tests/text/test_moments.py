import pytest

from analysis.text.moments import write_moment


@pytest.mark.parametrize(
    ("iso", "vi", "en"),
    [
        ("2026-11-30T14:41:02+00:00", "30/11/2026, 14:41 (UTC)", "30 Nov 2026, 14:41 UTC"),
        ("2026-12-01T06:05:00+07:00", "30/11/2026, 23:05 (UTC)", "30 Nov 2026, 23:05 UTC"),
        ("2026-11-24", "24/11/2026", "24 Nov 2026"),  # a day alone gains no time of day
        ("not a moment", "not a moment", "not a moment"),
    ],
)
def test_a_moment_is_written_as_people_write_it(iso, vi, en):
    assert (write_moment(iso, "vi"), write_moment(iso, "en")) == (vi, en)
