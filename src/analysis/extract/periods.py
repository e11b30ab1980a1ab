"""Time phrases of an article and the periods they mean, in the time model of the dataset.

Each phrase gets a role and, where it is a period, a `period_kind`:

* `year`: a calendar year ("năm 2021");
* `year_to_date`: part of a year to a stated or unknown cut-off ("6 tháng đầu năm", "từ đầu
  năm đến nay", "9 tháng");
* `term`: a congress term ("nhiệm kỳ 2020–2025");
* `term_to_date`: "từ đầu nhiệm kỳ đến nay", from the term's congress to the publication;
* `review`: a multi-year review ("giai đoạn 2010–2020", "từ 2010–2020", "trong 10 năm qua");
* `dates`: exact dates as stated ("đến ngày 31/12/2015", "đến hết năm 2023", "đến nay").

Roles: `period` (what a flow covers), `moment` (the date of a stock), `baseline` ("so với năm
2010"), `horizon` ("đến năm 2025", the end of a target), and the markers `each_year` ("hằng
năm") and `per_year` ("bình quân hằng năm"). "Đến nay" is the publication date; without one the
end stays empty. Patterns run on the folded text (see `segment`), so "Hằng năm" and "hàng
năm", "nhiệm kỳ 2020 – 2025" and "nhiệm kỳ 2020-2025" read alike.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from analysis.extract.segment import Document
from analysis.text.periods import PartialDate, parse_partial_date

LAST_YEAR_UNTIL_MONTH = 3
"""Up to March, "trong năm qua" (the past year) is the calendar year before publication."""
CONGRESS_MONTH = 7
"""District congresses are held from April to August; a date before July of a congress year
is taken to fall in the term that is ending."""


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase and what it means.

    Attributes:
        start: Offset of the phrase.
        end: Offset after it.
        role: period, moment, baseline, horizon, each_year or per_year.
        kind: The period_kind (see the module), or "" for markers.
        period_start: YYYY or YYYY-MM-DD, or "" when the phrase gives no start.
        period_end: YYYY, YYYY-MM or YYYY-MM-DD, or "" when it is unknown (no publication date).
    """

    start: int
    end: int
    role: str
    kind: str = ""
    period_start: str = ""
    period_end: str = ""


@dataclass(frozen=True)
class TimeContext:
    """What resolves relative phrases: the publication date and the current congress term."""

    published: PartialDate | None
    term: tuple[int, int] | None


def term_containing(day: date) -> tuple[int, int]:
    """Returns the congress term (first year, last year) in which a day falls."""
    first = day.year - day.year % 5
    if day.year % 5 == 0 and day.month < CONGRESS_MONTH:
        first -= 5
    return first, first + 5


def _published(context: TimeContext) -> str:
    return context.published.isoformat() if context.published else ""


def _year_now(context: TimeContext) -> int | None:
    return context.published.year if context.published else None


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


Handler = Callable[[re.Match, TimeContext, str], TimePhrase | None]


def _term(m: re.Match, _c: TimeContext, _t: str) -> TimePhrase | None:
    first, last = int(m.group(1)), int(m.group(2))
    if not 3 <= last - first <= 6:
        return None
    return TimePhrase(m.start(), m.end(), "period", "term", str(first), str(last))


def _term_to_date(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    if c.term is None:
        return None
    return TimePhrase(m.start(), m.end(), "period", "term_to_date", str(c.term[0]), _published(c))


def _year_to_date(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    year = int(m.group(1)) if m.group(1) else _year_now(c)
    if year is None:
        return None
    kind = "year_to_date" if year == _year_now(c) or not m.group(1) else "dates"
    return TimePhrase(m.start(), m.end(), "period", kind, f"{year}-01-01", _published(c))


def _separated(text: str, start: int, end: int) -> bool:
    """Tells whether a day and month are written with a separator ("5/9", "5.9", "5-9")."""
    return bool(re.search(r"\d\s*[/.-]\s*\d", text[start:end]))


def _cut_off_end(m: re.Match, year: int, text: str) -> str | None:
    """The day ("đến ngày 5/9") or month end ("đến hết tháng 7") a cut-off names."""
    if m.group("day"):
        if not _separated(text, m.start("day"), m.end("month")):
            return None
        try:
            return parse_partial_date(f"{m.group('day')}/{m.group('month')}/{year}").isoformat()
        except ValueError:
            return None
    month = int(m.group("month2"))
    return _month_end(year, month) if 1 <= month <= 12 else None


def _to_cut_off(m: re.Match, c: TimeContext, text: str) -> TimePhrase | None:
    """ "Từ đầu năm đến ngày 5/9", "từ đầu năm đến hết tháng 7": part of a year to a day."""
    year = int(m.group("year") or m.group("end_year") or 0) or _year_now(c)
    end = _cut_off_end(m, year, text) if year else None
    if end is None:
        return None
    return TimePhrase(m.start(), m.end(), "period", "year_to_date", f"{year}-01-01", end)


def _term_to_month(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    """ "Từ đầu nhiệm kỳ 2020-2025 đến đầu tháng 7/2023": the term to a stated month."""
    first = m.group(1) or (str(c.term[0]) if c.term else None)
    month, year = int(m.group(3)), int(m.group(4))
    if first is None or not 1 <= month <= 12:
        return None
    end = f"{year:04d}-{month:02d}" if m.group(2) else _month_end(year, month)
    return TimePhrase(m.start(), m.end(), "period", "term_to_date", first, end)


def _cut_off_this_year(m: re.Match, c: TimeContext, text: str) -> TimePhrase | None:
    """ "Đến ngày 17/9", "đến hết tháng 11" with the year left out: of the publication."""
    year = _year_now(c)
    end = _cut_off_end(m, year, text) if year else None
    if end is None:
        return None
    return TimePhrase(m.start(), m.end(), "moment", "dates", "", end)


def _since_year(m: re.Match, c: TimeContext, _t: str) -> TimePhrase:
    return TimePhrase(m.start(), m.end(), "period", "dates", m.group(1), _published(c))


def _last_year(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    """ "Trong năm qua": the past year; early in a year, the year before publication."""
    if c.published is None:
        return None
    year = c.published.year - (1 if (c.published.month or 12) <= LAST_YEAR_UNTIL_MONTH else 0)
    return TimePhrase(m.start(), m.end(), "period", "year", str(year), str(year))


def _months(m: re.Match, c: TimeContext, text: str) -> TimePhrase | None:
    months = int(m.group(1))
    stated = m.group(2) or m.group(3)
    year = int(stated) if stated else _year_now(c)
    plain = m.group(0).rstrip().endswith("thang")
    if plain and text[m.end() : m.end() + 1] != ",":
        return None  # "9 tháng" alone is a period only as a clause opener ("9 tháng, …")
    if not 1 <= months <= 11 or year is None:
        return None
    if not stated and c.published and c.published.month and months > c.published.month:
        year -= 1  # "9 tháng" in an article of May: the nine months of last year
    return TimePhrase(
        m.start(), m.end(), "period", "year_to_date", f"{year}-01-01", _month_end(year, months)
    )


def _range(m: re.Match, _c: TimeContext, text: str) -> TimePhrase | None:
    first, last = int(m.group(1)), int(m.group(2))
    between = text[m.end(1) : m.start(2)]
    if not 1 <= last - first <= 30 or not re.search(r"[-–—]|đến|tới", between):
        return None
    return TimePhrase(m.start(), m.end(), "period", "review", str(first), str(last))


def _years_past(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    now = _year_now(c)
    if now is None:
        return None
    years = int(m.group(1))
    return TimePhrase(m.start(), m.end(), "period", "review", str(now - years), _published(c))


def _year_end(m: re.Match, _c: TimeContext, _t: str) -> TimePhrase:
    return TimePhrase(m.start(), m.end(), "moment", "dates", "", f"{m.group(1)}-12-31")


def _day(m: re.Match, _c: TimeContext, text: str) -> TimePhrase | None:
    try:
        day = parse_partial_date(f"{m.group(1)}/{m.group(2)}/{m.group(3)}")
    except ValueError:
        return None
    if not re.search(r"[/.-]", text[m.start(1) : m.end(3)]):
        return None
    return TimePhrase(m.start(), m.end(), "moment", "dates", "", day.isoformat())


def _month_moment(m: re.Match, _c: TimeContext, _t: str) -> TimePhrase | None:
    month, year = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return TimePhrase(m.start(), m.end(), "moment", "dates", "", _month_end(year, month))


def _now(m: re.Match, c: TimeContext, _t: str) -> TimePhrase:
    return TimePhrase(m.start(), m.end(), "moment", "dates", "", _published(c))


def _horizon(m: re.Match, _c: TimeContext, _t: str) -> TimePhrase:
    return TimePhrase(m.start(), m.end(), "horizon", "year", "", m.group(1))


def _baseline(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    if m.group(1):
        return TimePhrase(m.start(), m.end(), "baseline", "year", m.group(1), "")
    if c.term is None:
        return None
    return TimePhrase(m.start(), m.end(), "baseline", "term", str(c.term[0]), "")


def _year(m: re.Match, c: TimeContext, _t: str) -> TimePhrase | None:
    year = m.group(1) or (str(_year_now(c)) if _year_now(c) else None)
    if year is None:
        return None
    return TimePhrase(m.start(), m.end(), "period", "year", year, year)


def _marker(m: re.Match, _c: TimeContext, _t: str) -> TimePhrase:
    role = "per_year" if m.group(1) else "each_year"
    return TimePhrase(m.start(), m.end(), role)


_Y = r"((?:19|20)\d\d)"
# Most specific first; a later pattern never overlaps an earlier match.
_PATTERNS: tuple[tuple[re.Pattern, Handler], ...] = tuple(
    (re.compile(p), h)
    for p, h in (
        (rf"\b(?:ke )?tu dau nhiem ky(?: {_Y}\s+\d{{4}})?\s+(?:den|toi) (?:(dau)|het|cuoi)? ?thang (\d{{1,2}})\s+(?:nam\s+)?{_Y}\b", _term_to_month),
        (rf"\bnhiem ky (?:[ivx]+ )?{_Y}\s+{_Y}\b", _term),
        (r"\b(?:ke )?tu (?:dau|khi bat dau) nhiem ky(?:\s+(?:den|toi) (?:nay|thoi diem nay))?\b", _term_to_date),
        (rf"\b(?:ke )?tu dau nam(?: {_Y})?\s+(?:den|toi) (?:nay|thoi diem nay)\b", _year_to_date),
        (rf"\b(?:ke )?tu dau nam(?: (?P<year>{_Y[1:-1]}))?\s+(?:den|toi) (?:het |cuoi )?(?:(?:ngay )?(?P<day>\d{{1,2}})\s+(?P<month>\d{{1,2}})|thang (?P<month2>\d{{1,2}}))(?:\s+(?P<end_year>{_Y[1:-1]}))?\b", _to_cut_off),
        (rf"\b(?:ke )?tu (?:nam )?{_Y}\s+(?:den|toi) (?:nay|thoi diem nay)\b", _since_year),
        (rf"\b(\d{{1,2}}) thang (?:dau nam(?: {_Y})?|nam {_Y})\b", _months),
        (r"\b(\d{1,2}) thang\b()()", _months),
        (rf"\b(?:(?:giai doan|thoi ky|tu nam|tu|nam|trong) )?{_Y}\s*(?:\s(?:den|toi)\s+(?:nam\s+)?)?\s*{_Y}\b", _range),
        (r"\b(?:trong|sau|qua) (\d{1,2}) nam (?:qua|thuc hien|trien khai)\b", _years_past),
        (r"\b(\d{1,2}) nam qua\b", _years_past),
        (rf"\b(?:(?:tinh )?(?:den|toi) (?:het|cuoi) nam|(?:vao |den )?cuoi nam) {_Y}\b", _year_end),
        (rf"\b(?:tinh )?(?:den|toi)(?: het)? ngay (\d{{1,2}})\s+(\d{{1,2}})\s+{_Y}\b", _day),
        (rf"\b(?:tinh )?(?:den|toi) (\d{{1,2}})\s+(\d{{1,2}})\s+{_Y}\b", _day),
        (rf"\b(?:tinh )?(?:den|toi)(?: het| cuoi)? thang (\d{{1,2}})\s+(?:nam\s+)?{_Y}\b", _month_moment),
        (r"\b(?:tinh )?(?:den|toi) (?:het |cuoi )?(?:(?:ngay )?(?P<day>\d{1,2})\s+(?P<month>\d{1,2})|thang (?P<month2>\d{1,2}))\b(?!\s+\d)", _cut_off_this_year),
        (r"\b(?:tinh )?(?:den|toi) (?:nay|thoi diem nay)\b|\bhien (?:nay|tai)\b|(?<!thuc )(?<!the )(?<!phat )(?<!xuat )\bhien co\b", _now),
        (rf"\b(?:den|toi) nam {_Y}\b", _horizon),
        (rf"\bso voi (?:cung ky |thoi diem |ca )?(?:(?:[a-z]+ ){{0,4}}?nam {_Y}|(?:dau|dau nhiem ky|thoi diem dau nhiem ky))\b", _baseline),
        (rf"\b(?:trong |cuoi )?nam (?:{_Y}|nay)\b", _year),
        (r"\b(?:trong )?nam qua\b|\btrong nam\b(?!\s+(?:\d|nay|qua|toi))", _last_year),
        (r"\b(?:(binh quan|trung binh) )?(?:moi|hang) nam\b", _marker),
    )
)  # fmt: skip


def find_time_phrases(doc: Document, context: TimeContext) -> list[TimePhrase]:
    """Returns the time phrases of an article, in order, resolved with the context.

    Patterns run from the most specific; a later one never overlaps an earlier match. A review
    "trong N năm qua" takes the explicit range of N years the article states elsewhere
    ("2010–2020"), where there is one.
    """
    phrases: list[TimePhrase] = []
    taken: list[tuple[int, int]] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(doc.folded):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            phrase = handler(match, context, doc.text)
            if phrase is not None:
                phrases.append(phrase)
                taken.append((match.start(), match.end()))
    phrases.sort(key=lambda p: p.start)
    return _align_reviews(phrases, doc)


def _align_reviews(phrases: list[TimePhrase], doc: Document) -> list[TimePhrase]:
    stated = [
        p
        for p in phrases
        if p.kind == "review" and re.search(r"\d{4}\W+\d{4}", doc.folded[p.start : p.end])
    ]
    out = []
    for phrase in phrases:
        match = re.search(r"(\d{1,2}) nam", doc.folded[phrase.start : phrase.end])
        if phrase.kind == "review" and match and phrase not in stated:
            years = int(match.group(1))
            same = [p for p in stated if int(p.period_end[:4]) - int(p.period_start) == years]
            if same:
                phrase = TimePhrase(
                    phrase.start,
                    phrase.end,
                    "period",
                    "review",
                    same[0].period_start,
                    same[0].period_end,
                )
        out.append(phrase)
    return out


_DATELINE = re.compile(
    r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b"
    r"|\bngày (\d{1,2}) tháng (\d{1,2}) năm ((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DATELINE_NOISE = re.compile(r"\d{1,2}\s?[:h]\s?\d{2}|\(?GMT\s?[+-]\d+\)?")


def find_published(doc: Document) -> PartialDate | None:
    """Returns the publication date stated in a short dateline near the top, if any.

    A dateline is a paragraph among the first six that holds one full date ("23/01/2024",
    "ngày 23 tháng 1 năm 2024") and little else: a clock time, a weekday, "Cập nhật".
    """
    for paragraph in doc.paragraphs[:6]:
        text = doc.text[paragraph.start : paragraph.end]
        if len(text) > 80:
            continue
        dates = list(_DATELINE.finditer(text))
        rest = _DATELINE_NOISE.sub(" ", _DATELINE.sub(" ", text))
        if len(dates) == 1 and len(re.findall(r"[^\W\d_]+", rest)) <= 4:
            day, month, year = (g for g in dates[0].groups() if g is not None)
            try:
                return parse_partial_date(f"{day}/{month}/{year}")
            except ValueError:
                return None
    return None
