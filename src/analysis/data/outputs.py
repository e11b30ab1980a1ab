"""The output tables, declared once: every table an analysis returns, column by column.

As the input tables are declared in `schema`, each column an analysis returns is declared
here once (`COLUMNS`), with its meaning, unit, display kind and labels in English and
Vietnamese; each table (`TABLES`) lists its columns by name, key columns first. Reports show a
table by name and this declaration chooses, orders and labels its columns; a test checks that
every analysis returns frames that conform; `docs/tables.md` is generated from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when a frame is checked: the command line starts faster
    import pandas as pd


class Kind(StrEnum):
    """How a column's values are displayed."""

    COUNT = "count"  # whole number, thousands separators
    AVERAGE = "average"  # a count per year: one decimal
    PERCENT = "percent"  # percentage points: one decimal and a percent sign
    FRACTION = "fraction"  # a share between 0 and 1, shown as a percentage
    RATE = "rate"  # per 100 members: two decimals
    YEARS = "years"  # a length of time in years: one decimal
    NUMBER = "number"  # a statistic: two decimals
    PROBABILITY = "probability"  # a p-value: three decimals, small values as "< 0.001"
    RANK = "rank"  # a rank: whole number
    YEAR = "year"  # a calendar year, no separators
    DATE = "date"  # a day, written as people write it
    PARTIAL_DATE = "partial_date"  # a year, month or day as stated: 2023, 2023-05, 2023-05-28
    PERIOD = "period"  # a period label, written as people write it
    CODE = "code"  # a code of a vocabulary, shown by its label
    TEXT = "text"  # words
    FLAG = "flag"  # true or false: ✓ or nothing
    CITATIONS = "citations"  # fact ids separated by ';': numbered footnotes
    URL = "url"  # a web address


@dataclass(frozen=True)
class Column:
    """One column of an output table.

    Attributes:
        name: The column name in the frame.
        kind: How it is displayed.
        en: Label in English.
        vi: Label in Vietnamese.
        description: What it means, in English.
        unit: Its unit, if any.
        vocabulary: For codes, the schema vocabulary whose labels are shown.
    """

    name: str
    kind: Kind
    en: str
    vi: str
    description: str
    unit: str = ""
    vocabulary: str | None = None

    def label(self, lang: str) -> str:
        """The column's label in `lang` ('vi' or 'en')."""
        return self.vi if lang == "vi" else self.en

    def meaning(self, lang: str) -> str:
        """What the column means, with its unit, in `lang` (a header's tooltip)."""
        if lang != "vi":
            return self.description + (f" ({self.unit})" if self.unit else "")
        from analysis.data.output_meanings import MEANINGS_VI, UNITS_VI

        unit = UNITS_VI.get(self.unit, self.unit)
        return MEANINGS_VI.get(self.name, self.description) + (f" ({unit})" if unit else "")


@dataclass(frozen=True)
class OutputTable:
    """A table an analysis returns.

    Attributes:
        name: Its name, as notebooks and `python -m analysis tables` use it.
        produced_by: The function that returns it.
        en: Title in English.
        vi: Title in Vietnamese.
        description: What one row is.
        key: Columns shown first, in this order.
        shown: Further columns shown in reports, in this order.
        hidden: Columns the frame also has, not shown in reports (for programs).
        renamed: Pairs (name in the frame, declared column) for columns the function's frame
            names otherwise (the funnel's generic `value` and `target`): reports, exports and
            the conformance check show them under the declared name.
        dataset_only: The function takes a dataset alone (then `python -m analysis table`
            prints it); False when it needs another table or a district.
    """

    name: str
    produced_by: str
    en: str
    vi: str
    description: str
    key: tuple[str, ...]
    shown: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    dataset_only: bool = True

    @property
    def displayed(self) -> tuple[str, ...]:
        """Columns shown in reports, key columns first."""
        return self.key + self.shown

    @property
    def column_names(self) -> tuple[str, ...]:
        """Every declared column."""
        return self.key + self.shown + self.hidden

    def title(self, lang: str) -> str:
        """The table's title in `lang`."""
        return self.vi if lang == "vi" else self.en

    def columns(self) -> tuple[Column, ...]:
        """The declarations of every column, displayed ones first."""
        return tuple(COLUMNS[n] for n in self.column_names)

    def declared_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """`frame` with the columns of `renamed` under their declared names."""
        return frame.rename(columns=dict(self.renamed)) if self.renamed else frame


K = Kind


def _columns(*columns: Column) -> dict[str, Column]:
    return {c.name: c for c in columns}


# fmt: off
COLUMNS: dict[str, Column] = _columns(
    # who and what
    Column("district_id", K.TEXT, "District id", "Mã huyện", "The district's id in the register."),
    Column("district", K.TEXT, "District", "Đơn vị", "The district's name, without its type."),
    Column("district_type", K.CODE, "Type", "Loại", "Rural district, urban district, town or city.", vocabulary="district_type"),
    Column("province", K.TEXT, "Province", "Tỉnh", "The province before 1 July 2025."),
    Column("region", K.CODE, "Region", "Vùng", "The socio-economic region.", vocabulary="region"),
    Column("metric", K.CODE, "Figure", "Chỉ tiêu", "What the figure counts.", vocabulary="metric"),
    Column("subject", K.CODE, "Of", "Đối tượng", "Members or organisations.", vocabulary="subject"),
    Column("category", K.CODE, "Category", "Loại", "A rating grade or a group of admitted members.", vocabulary="category"),
    Column("scheme", K.TEXT, "Rating scheme", "Cách xếp loại", "The rating scheme: '2018' (four grades) or earlier."),
    Column("unit", K.CODE, "Unit", "Đơn vị tính", "The unit of the value.", vocabulary="unit"),
    Column("comparator", K.CODE, "Kind of target", "Loại chỉ tiêu", "At least, at most or exactly.", vocabulary="comparator"),
    Column("basis", K.CODE, "Counted", "Cách tính", "A total for the period, or per year.", vocabulary="basis"),
    Column("qualifier", K.TEXT, "Qualifier", "Kèm theo", "'>' more than, '<' less than, '~' about, as the source states it."),
    Column("pair", K.TEXT, "Levels compared", "Cặp số liệu", "Which two levels: consecutive, or first and last."),
    # time
    Column("period", K.PERIOD, "Period", "Thời kỳ", "The period of the figure."),
    Column("period_start", K.DATE, "From", "Từ", "First day of the period."),
    Column("period_end", K.DATE, "To", "Đến", "Last day of the period."),
    Column("date", K.DATE, "Date", "Thời điểm", "The day the level refers to."),
    Column("start_date", K.DATE, "From", "Từ", "Date of the first level."),
    Column("end_date", K.DATE, "To", "Đến", "Date of the second level."),
    Column("year", K.YEAR, "Year", "Năm", "A calendar year."),
    Column("previous_year", K.YEAR, "Previous year", "Năm trước", "The year before."),
    Column("years", K.YEARS, "Years", "Số năm", "Length of the span or period.", "years"),
    Column("as_of", K.DATE, "As of", "Tính đến", "Date of the achievement figure."),
    Column("members_date", K.DATE, "Members on", "Đảng viên tại", "Date of the membership figure."),
    Column("base_organizations_date", K.DATE, "Organisations on", "TCCSĐ tại", "Date of the organisations figure."),
    Column("admissions_period", K.PERIOD, "Admissions in", "Kết nạp trong", "Period of the admissions figure."),
    Column("published", K.PARTIAL_DATE, "Published", "Ngày đăng", "Publication date of the source."),
    # levels and flows
    Column("value", K.COUNT, "Value", "Giá trị", "The level, stated or derived.", "count"),
    Column("start_value", K.COUNT, "First level", "Số đầu", "The first level.", "count"),
    Column("end_value", K.COUNT, "Second level", "Số cuối", "The second level.", "count"),
    Column("change", K.COUNT, "Change", "Thay đổi", "Second minus first.", "count"),
    Column("members", K.COUNT, "Members", "Đảng viên", "Party members.", "persons"),
    Column("base_organizations", K.COUNT, "Base organisations", "TCCSĐ", "Base party organisations.", "organisations"),
    Column("admissions", K.COUNT, "Admissions", "Kết nạp", "Members admitted in the period.", "persons"),
    Column("previous_admissions", K.COUNT, "Previous year", "Năm trước", "Admissions of the previous year.", "persons"),
    Column("per_year", K.AVERAGE, "Per year", "Mỗi năm", "Admissions divided by the period's length in years.", "persons a year"),
    Column("admissions_per_year", K.AVERAGE, "Admissions a year", "Kết nạp/năm", "Latest admissions per year.", "persons a year"),
    Column("per_100_members", K.RATE, "Per 100 members", "Trên 100 ĐV", "Admissions a year per 100 members.", "per 100 members"),
    Column("admissions_per_100_members", K.RATE, "Per 100 members", "Trên 100 ĐV", "Admissions a year per 100 members.", "per 100 members"),
    Column("cagr_percent", K.PERCENT, "Growth a year", "Tăng/năm", "Compound annual growth between the levels.", "percent a year"),
    Column("change_percent", K.PERCENT, "Change", "Thay đổi", "Change from the previous year.", "percent"),
    Column("members_cagr_percent", K.PERCENT, "Members' growth a year", "Tăng ĐV/năm", "Compound annual growth of membership.", "percent a year"),
    Column("members_cagr_years", K.YEARS, "Over years", "Trong số năm", "Span of the membership growth.", "years"),
    Column("n_facts", K.COUNT, "Figures", "Số liệu", "Facts about the district."),
    Column("members_facts", K.COUNT, "Member figures", "Số liệu ĐV", "Membership facts."),
    Column("base_organizations_facts", K.COUNT, "Organisation figures", "Số liệu TCCSĐ", "Organisation facts."),
    Column("admissions_facts", K.COUNT, "Admission figures", "Số liệu kết nạp", "Admission facts."),
    Column("rank_members", K.RANK, "Rank: members", "Hạng: ĐV", "Rank by members in the region (1 = most)."),
    Column("rank_admissions_per_year", K.RANK, "Rank: admissions", "Hạng: kết nạp", "Rank by admissions a year in the region."),
    Column("rank_admissions_per_100_members", K.RANK, "Rank: per 100", "Hạng: trên 100 ĐV", "Rank by admissions per 100 members in the region."),
    Column("rank_members_cagr_percent", K.RANK, "Rank: growth", "Hạng: tăng", "Rank by members' growth in the region."),
    Column("ranked_among", K.COUNT, "Ranked among", "Trong số", "Districts of the region ranked."),
    # ratings
    Column("count", K.COUNT, "Count", "Số lượng", "Members or organisations in the grade.", "count"),
    Column("count_basis", K.TEXT, "Count is", "Nguồn số lượng", "Stated, derived or reconstructed (an estimate)."),
    Column("share_stated", K.PERCENT, "Share stated", "Tỷ lệ công bố", "The share as the source states it.", "percent"),
    Column("share_computed", K.PERCENT, "Share computed", "Tỷ lệ tính", "Count divided by the total.", "percent"),
    Column("share", K.PERCENT, "Share", "Tỷ lệ", "Computed share, else the stated one.", "percent"),
    Column("share_check", K.TEXT, "Check", "Kiểm tra", "Whether stated and computed shares agree."),
    Column("share_difference", K.PERCENT, "Difference", "Chênh lệch", "Stated minus computed share.", "percentage points"),
    Column("total", K.COUNT, "Total", "Tổng", "Members or organisations assessed.", "count"),
    Column("total_basis", K.TEXT, "Total is", "Nguồn tổng", "Where the total comes from."),
    Column("total_estimated", K.FLAG, "Total estimated", "Tổng ước tính", "The total is an estimate."),
    Column("cumulative", K.FLAG, "Cumulative", "Cộng dồn", "The category sums others ('good or above')."),
    Column("complete", K.FLAG, "Complete", "Đủ", "Every grade of the year is known."),
    # tests
    Column("counts", K.TEXT, "Counts used", "Số liệu dùng", "Exact counts only, or reconstructed allowed."),
    Column("test", K.TEXT, "Test", "Kiểm định", "The test run, or why none was."),
    Column("districts", K.COUNT, "Districts", "Số huyện", "Districts involved."),
    Column("categories", K.COUNT, "Grades", "Số loại", "Rating grades compared."),
    Column("statistic", K.NUMBER, "Statistic", "Thống kê", "Pearson's chi-square."),
    Column("dof", K.COUNT, "Degrees of freedom", "Bậc tự do", "Degrees of freedom."),
    Column("p_value", K.PROBABILITY, "p-value", "Giá trị p", "Probability of a statistic as large under one shared distribution."),
    Column("min_expected", K.NUMBER, "Least expected count", "Tần số kỳ vọng nhỏ nhất", "The smallest expected count."),
    Column("share_expected_below_5", K.FRACTION, "Expected below 5", "Kỳ vọng dưới 5", "Share of cells with an expected count below 5.", "percent"),
    Column("assumptions_met", K.FLAG, "Assumptions met", "Đạt giả định", "Expected counts large enough for the test."),
    Column("reconstructed_counts", K.FLAG, "Uses estimates", "Dùng số ước tính", "Counts reconstructed from rounded shares were used."),
    Column("reading", K.TEXT, "Reading", "Diễn giải", "What the result means, in plain words; in comparisons, how the period and membership were read."),
    # targets
    Column("target", K.NUMBER, "Target", "Chỉ tiêu đặt ra", "The target value, in its unit."),
    Column("target_years", K.YEARS, "Target years", "Số năm chỉ tiêu", "Length of the target's period.", "years"),
    Column("target_total", K.COUNT, "Target in total", "Tổng chỉ tiêu", "The target over its whole period."),
    Column("achieved", K.NUMBER, "Achieved", "Đạt được", "What the data show achieved."),
    Column("achieved_method", K.TEXT, "Achieved from", "Cách tính kết quả", "Which figure gives the achievement."),
    Column("attainment_percent", K.PERCENT, "Attained", "Đạt", "Achieved as a percentage of the target.", "percent"),
    Column("share_elapsed", K.FRACTION, "Period elapsed", "Thời gian đã qua", "Share of the target's period elapsed at the achievement's date.", "percent"),
    Column("expected_attainment_percent", K.PERCENT, "Expected by then", "Kỳ vọng", "Pro-rata attainment expected at that date.", "percent"),
    Column("projected_total", K.COUNT, "Projected", "Dự báo", "Linear projection to the period's end."),
    Column("projected_attainment_percent", K.PERCENT, "Projected attainment", "Dự báo đạt", "Projected total as a percentage of the target.", "percent"),
    Column("status", K.TEXT, "Status", "Tình trạng", "Met, on track, behind, not met, not yet measurable, or undetermined (the admissible readings of the period disagree)."),
    Column("status_reason", K.TEXT, "Why", "Lý do", "The rule that gives the status."),
    Column("stated_attainment_percent", K.PERCENT, "Stated attainment", "Tỷ lệ công bố", "Attainment as the source states it.", "percent"),
    Column("stated_check", K.TEXT, "Stated vs computed", "So với số tính", "Whether the stated attainment agrees with the computed one."),
    Column("stated_as", K.TEXT, "Stated as", "Cách nêu", "Percent of the target, or percent above it."),
    Column("target_meaning", K.TEXT, "Target taken as", "Hiểu chỉ tiêu là", "Which target the attainment refers to."),
    Column("computed_attainment_percent", K.PERCENT, "Computed attainment", "Tỷ lệ tính", "Admissions divided by the target.", "percent"),
    Column("implied_target", K.COUNT, "Implied target", "Chỉ tiêu suy ra", "The target the stated attainment implies (derived)."),
    Column("achieved_derived", K.FLAG, "Achievement derived", "Kết quả suy ra", "The achievement is derived, not stated."),
    Column("targets", K.COUNT, "Targets", "Chỉ tiêu", "Number of targets."),
    # contradictions
    Column("check", K.TEXT, "Check", "Kiểm tra", "The check, or the result of comparing."),
    Column("what", K.TEXT, "What", "Nội dung", "What does not add up."),
    Column("stated", K.NUMBER, "Stated", "Công bố", "The stated figure."),
    Column("computed", K.NUMBER, "Computed", "Tính lại", "The figure computed from the others."),
    Column("difference", K.NUMBER, "Difference", "Chênh lệch", "Stated minus computed."),
    Column("found_by", K.TEXT, "Found by", "Phát hiện bởi", "The library's checks or a reader's note."),
    Column("findings", K.COUNT, "Findings", "Số phát hiện", "Contradictions found."),
    # provenance
    Column("derived", K.FLAG, "Derived", "Suy ra", "Derived by the library rather than stated."),
    Column("approximate", K.FLAG, "Approximate", "Gần đúng", "A level is qualified (about, more than)."),
    Column("short_span", K.FLAG, "Under a year", "Dưới 1 năm", "The span is under a year: shown as a change, not annualised."),
    Column("period_kind", K.TEXT, "Kind of period", "Loại kỳ", "How the source means the period: year, year_to_date, term, term_to_date, review or dates."),
    Column("period_reading", K.TEXT, "Period read as", "Cách hiểu kỳ", "The default reading of the period used for the point value."),
    Column("reading_start", K.DATE, "Read from", "Tính từ", "First day of the period under its default reading."),
    Column("reading_end", K.DATE, "Read to", "Tính đến", "Last day of the period under its default reading."),
    Column("years_low", K.YEARS, "Years (shortest)", "Số năm (ngắn nhất)", "Shortest admissible length of the period.", "years"),
    Column("years_high", K.YEARS, "Years (longest)", "Số năm (dài nhất)", "Longest admissible length of the period.", "years"),
    Column("per_year_low", K.AVERAGE, "Per year (lowest)", "Mỗi năm (thấp nhất)", "Admissions over the longest admissible length (derived).", "persons a year"),
    Column("per_year_high", K.AVERAGE, "Per year (highest)", "Mỗi năm (cao nhất)", "Admissions over the shortest admissible length; empty when the cut-off is unstated (derived).", "persons a year"),
    Column("ranked", K.FLAG, "Compared", "Được so sánh", "At least six months under every reading and not year-to-date: enters ranks and fits."),
    Column("admissions_members", K.COUNT, "Members (for admissions)", "Đảng viên (để so kết nạp)", "Membership at the start of, or within, the admissions' period.", "persons"),
    Column("admissions_members_date", K.DATE, "Members on (for admissions)", "Ngày số đảng viên (so kết nạp)", "Date of that membership figure."),
    Column("target_years_low", K.YEARS, "Target years (shortest)", "Số năm chỉ tiêu (ngắn nhất)", "Shortest admissible length of the target's period.", "years"),
    Column("target_years_high", K.YEARS, "Target years (longest)", "Số năm chỉ tiêu (dài nhất)", "Longest admissible length of the target's period.", "years"),
    Column("share_elapsed_low", K.FRACTION, "Elapsed (lowest)", "Đã qua (thấp nhất)", "Lowest admissible share of the period elapsed.", "percent"),
    Column("share_elapsed_high", K.FRACTION, "Elapsed (highest)", "Đã qua (cao nhất)", "Highest admissible share of the period elapsed.", "percent"),
    Column("partial_year", K.FLAG, "Part of a year", "Chưa đủ năm", "The period is shorter than a year (not ranked under six months)."),
    Column("method", K.TEXT, "Method", "Cách tính", "How the row was computed."),
    Column("fact_ids", K.CITATIONS, "Sources", "Nguồn", "The facts the row comes from."),
    Column("target_facts", K.CITATIONS, "Target from", "Nguồn chỉ tiêu", "The facts stating the target."),
    Column("achieved_facts", K.CITATIONS, "Achieved from", "Nguồn kết quả", "The facts giving the achievement."),
    Column("fact_id", K.TEXT, "Fact id", "Mã số liệu", "The fact's id."),
    Column("source_id", K.TEXT, "Source id", "Mã nguồn", "The source's id."),
    Column("publisher", K.TEXT, "Publisher", "Nơi đăng", "Who published the source."),
    Column("url", K.URL, "Address", "Địa chỉ", "Where the source is."),
    Column("figure", K.TEXT, "Figure", "Số liệu", "What the figure counts, with its group."),
    Column("kind", K.TEXT, "Kind", "Loại", "Level, flow, change, target or attainment; in comparisons, share or rate."),
    Column("source", K.TEXT, "Source", "Nguồn", "The publisher, or the source's id."),
    Column("paragraph", K.COUNT, "Paragraph", "Đoạn", "The paragraph of the source."),
    Column("note", K.TEXT, "Note", "Ghi chú", "The reader's note."),
    # comparisons across districts (analysis.compare; values per 100)
    Column("indicator", K.TEXT, "Indicator", "Chỉ số", "What is compared (admissions per 100 members, growth, shares rated)."),
    Column("indicator_label", K.TEXT, "Indicator", "Chỉ số", "The indicator in words."),
    Column("window", K.TEXT, "Window", "Kỳ so sánh", "The comparable window the districts share (a term, or a year and rating scheme)."),
    Column("term", K.TEXT, "Term", "Nhiệm kỳ", "The congress term the figure belongs to."),
    Column("numerator", K.COUNT, "Events", "Số sự kiện", "Admissions, net change in members, or organisations in the grade: a whole count."),
    Column("exposure", K.NUMBER, "Exposure", "Cơ sở so sánh", "Member-years, or organisations rated.", "member-years or organisations"),
    Column("value_per_100", K.RATE, "Value per 100", "Giá trị trên 100", "The district's own value: events ÷ exposure × 100 (per 100 members a year, per 100 organisations rated, or per 100 of the target to date).", "per 100"),
    Column("funnel_target", K.RATE, "Pooled value", "Giá trị chung", "The funnel's centre: the events of the districts compared ÷ their exposure × 100.", "per 100"),
    Column("n_districts", K.COUNT, "Districts in window", "Số đơn vị cùng kỳ", "How many districts share the window."),
    Column("limit_method", K.TEXT, "Limits", "Cách tính giới hạn", "Exact binomial or Poisson, or normal where counts are large."),
    Column("low_95", K.RATE, "Lower 95 % limit", "Giới hạn dưới 95 %", "Funnel limit at this exposure.", "per 100"),
    Column("high_95", K.RATE, "Upper 95 % limit", "Giới hạn trên 95 %", "Funnel limit at this exposure.", "per 100"),
    Column("low_998", K.RATE, "Lower 99.8 % limit", "Giới hạn dưới 99,8 %", "Funnel limit at this exposure.", "per 100"),
    Column("high_998", K.RATE, "Upper 99.8 % limit", "Giới hạn trên 99,8 %", "Funnel limit at this exposure.", "per 100"),
    Column("z", K.NUMBER, "z", "z", "Standardised difference from the target."),
    Column("phi", K.NUMBER, "φ", "φ", "Over-dispersion factor from winsorised z-scores."),
    Column("phi_p_value", K.PROBABILITY, "p-value of φ", "Giá trị p của φ", "Test of φ against no over-dispersion."),
    Column("tau2", K.NUMBER, "τ²", "τ²", "Additive random-effects variance."),
    Column("phi_estimator", K.TEXT, "φ estimator", "Cách ước lượng φ", "The paper's winsorised φ, or the consistent one."),
    Column("adjustment", K.TEXT, "Adjustment", "Điều chỉnh", "How limits allow for over-dispersion: none, multiplicative or additive."),
    Column("q_value", K.PROBABILITY, "q-value", "Giá trị q", "False-discovery-rate adjusted p-value."),
    Column("flagged_fdr", K.FLAG, "Flagged (FDR)", "Nổi bật (FDR)", "Outside the limits after false-discovery-rate control."),
    Column("position_95", K.TEXT, "Position (95 %)", "Vị trí (95 %)", "Above, within or below the 95 % limits."),
    Column("position_998", K.TEXT, "Position (99.8 %)", "Vị trí (99,8 %)", "Above, within or below the 99.8 % limits."),
    Column("raw", K.RATE, "Raw", "Giá trị gốc", "The district's raw value.", "per 100"),
    Column("estimate", K.RATE, "Estimate", "Ước lượng", "Empirical-Bayes estimate (shrunk towards the mean).", "per 100"),
    Column("low", K.RATE, "Low (95 %)", "Cận dưới (95 %)", "Lower end of the 95 % posterior interval.", "per 100"),
    Column("high", K.RATE, "High (95 %)", "Cận trên (95 %)", "Upper end of the 95 % posterior interval.", "per 100"),
    Column("rank", K.RANK, "Rank", "Thứ hạng", "Rank of the estimate (1 = highest)."),
    Column("rank_low", K.RANK, "Best rank (95 %)", "Hạng cao nhất (95 %)", "Lower end of the 95 % rank interval."),
    Column("rank_high", K.RANK, "Worst rank (95 %)", "Hạng thấp nhất (95 %)", "Upper end of the 95 % rank interval."),
    Column("prior_mean", K.RATE, "Prior mean", "Trung bình tiên nghiệm", "Mean of the fitted prior.", "per 100"),
    Column("effect", K.TEXT, "Effect", "Hiệu ứng", "A term of the count model (region, window)."),
    Column("level", K.TEXT, "Level", "Mức", "A level of the effect, compared with the reference."),
    Column("reference", K.TEXT, "Reference", "Mức tham chiếu", "The level the rate ratio is relative to."),
    Column("rate_ratio", K.NUMBER, "Rate ratio", "Tỷ số tỷ suất", "The level's rate divided by the reference's."),
    Column("rate_ratio_low", K.NUMBER, "Low (95 %)", "Cận dưới (95 %)", "Lower end of the rate ratio's 95 % confidence interval."),
    Column("rate_ratio_high", K.NUMBER, "High (95 %)", "Cận trên (95 %)", "Upper end of the rate ratio's 95 % confidence interval."),
    Column("events", K.COUNT, "Events", "Số sự kiện", "Events counted in a cell of the count model."),
    Column("rate", K.RATE, "Rate per 100", "Tỷ suất trên 100", "Events per 100 units of exposure.", "per 100"),
    Column("prior_a", K.NUMBER, "Prior a", "Tham số a", "First parameter of the fitted prior."),
    Column("prior_b", K.NUMBER, "Prior b", "Tham số b", "Second parameter of the fitted prior."),
    Column("reason", K.TEXT, "Why left out", "Lý do không so sánh", "Why the figure is not compared."),
    Column("district_compared", K.FLAG, "District compared otherwise", "Đơn vị có so sánh khác", "The district is compared through another figure."),
)


COMPARISON = OutputTable("comparison", "growth.compare_districts", "Districts compared", "So sánh các đơn vị",
                "One district: its latest figures with their dates, and its ranks in its region.",
                key=("district", "members", "admissions_per_year", "admissions_per_100_members"),
                shown=("province", "members_date", "admissions_period", "members_cagr_percent",
                       "rank_admissions_per_100_members", "n_facts"),
                hidden=("district_id", "district_type", "region", "members_facts", "base_organizations",
                        "base_organizations_date", "base_organizations_facts", "admissions_facts",
                        "members_cagr_years", "rank_members", "rank_admissions_per_year",
                        "admissions_members", "admissions_members_date",
                        "rank_members_cagr_percent"))

TABLES: dict[str, OutputTable] = {t.name: t for t in (
    OutputTable("stocks", "growth.stock_series", "Levels over time", "Số lượng theo thời gian",
                "One level (members, organisations) on one date, stated or derived.",
                key=("metric", "date", "value"), shown=("qualifier", "fact_ids"),
                hidden=("district_id", "derived", "method")),
    OutputTable("growth", "growth.compute_growth", "Annualised growth between levels", "Tăng trưởng bình quân năm",
                "Compound annual growth between two levels of one metric.",
                key=("metric", "start_date", "end_date", "cagr_percent"),
                shown=("start_value", "end_value", "years", "short_span", "approximate", "fact_ids"),
                hidden=("district_id", "pair", "change", "derived", "method")),
    OutputTable("admissions", "growth.admissions_per_year", "Admissions per year", "Kết nạp mỗi năm",
                "One admissions figure, annualised and set against membership.",
                key=("period", "admissions", "per_year", "per_100_members"),
                shown=("period_reading", "years", "per_year_low", "per_year_high", "ranked", "members",
                       "members_date", "fact_ids"),
                hidden=("district_id", "period_start", "period_end", "qualifier", "derived", "method",
                        "period_kind", "reading_start", "reading_end", "years_low", "years_high",
                        "partial_year")),
    OutputTable("admission-changes", "growth.admission_changes", "Admissions from one year to the next",
                "Kết nạp so với năm trước", "Change of a calendar year's admissions from the year before.",
                key=("year", "admissions", "change_percent"),
                shown=("previous_year", "previous_admissions", "change", "fact_ids"),
                hidden=("district_id", "derived")),
    COMPARISON,
    replace(COMPARISON, name="province", produced_by="growth.keep_province", dataset_only=False,
            en="Districts of the province", vi="Các đơn vị trong tỉnh",
            hidden=(*COMPARISON.hidden, "ranked_among")),
    OutputTable("evaluations", "evaluations.summarize_evaluations", "Rating distributions", "Kết quả xếp loại",
                "One grade of one year's ratings (a census: exact counts and shares).",
                key=("period", "subject", "category", "count", "share"),
                shown=("scheme", "share_stated", "share_check", "total", "count_basis", "fact_ids"),
                hidden=("district_id", "year", "cumulative", "share_computed",
                        "share_difference", "total_basis",
                        "total_estimated", "complete", "derived", "qualifier")),
    OutputTable("evaluation-checks", "evaluations.check_evaluations", "Rating figures that do not add up",
                "Số liệu xếp loại không khớp", "One inconsistency among a year's rating figures.",
                key=("period", "check", "what"), shown=("stated", "computed", "fact_ids"),
                hidden=("district_id", "subject", "difference")),
    OutputTable("homogeneity", "evaluations.homogeneity_table", "Do districts share one distribution?",
                "Các đơn vị có cùng phân bố xếp loại?",
                "One model-based chi-square test of homogeneity across districts, within one rating scheme.",
                key=("subject", "reading", "p_value"),
                shown=("counts", "districts", "assumptions_met"),
                hidden=("scheme", "test", "categories", "statistic", "dof", "min_expected",
                        "share_expected_below_5", "reconstructed_counts")),
    OutputTable("targets", "targets.assess_targets", "Targets", "Chỉ tiêu",
                "One target with its achievement, expectation, projection and status.",
                key=("metric", "period", "status", "attainment_percent", "target", "achieved"),
                shown=("as_of", "expected_attainment_percent", "stated_attainment_percent", "status_reason",
                       "target_facts"),
                hidden=("district_id", "subject", "category", "comparator", "unit", "basis",
                        "period_start", "period_end", "target_years", "target_total", "achieved_method",
                        "share_elapsed", "period_kind", "period_reading", "target_years_low",
                        "target_years_high", "share_elapsed_low", "share_elapsed_high", "projected_total", "projected_attainment_percent",
                        "stated_check", "achieved_facts", "achieved_derived")),
    OutputTable("target-statuses", "targets.count_statuses", "Targets by status", "Chỉ tiêu theo tình trạng",
                "How many targets of one metric have one status.",
                key=("metric", "status", "targets", "districts"), dataset_only=False),
    OutputTable("attainments", "targets.compare_stated_attainment", "Stated and computed attainment",
                "Tỷ lệ đạt công bố và tính lại", "One stated attainment, checked against admissions ÷ target.",
                key=("period", "stated_attainment_percent", "computed_attainment_percent", "check"),
                shown=("achieved", "target", "implied_target", "fact_ids"),
                hidden=("district_id", "period_end", "qualifier", "stated_as", "target_meaning",
                        "difference", "target_facts")),
    OutputTable("quality", "quality.find_contradictions", "Contradictions", "Số liệu mâu thuẫn",
                "One contradiction, found by the library or noted by a reader.",
                key=("district", "check", "what"), shown=("stated", "computed", "found_by", "fact_ids"),
                hidden=("district_id", "district_type", "province", "region", "difference")),
    OutputTable("quality-summary", "quality.summarize_quality", "Findings by check", "Phát hiện theo loại kiểm tra",
                "How many findings one check made.", key=("check", "findings", "districts"),
                dataset_only=False),
    OutputTable("quality-sources", "quality.findings_by_source", "Sources involved", "Các nguồn liên quan",
                "One source involved in one finding.",
                key=("publisher", "district", "check"), shown=("published", "url"),
                hidden=("source_id", "what"), dataset_only=False),
    OutputTable("funnel", "compare.tables.funnel_table", "Funnel limits", "Giới hạn phễu",
                "One district in one comparable window: its value per 100 against funnel limits.",
                key=("district", "indicator_label", "window", "value_per_100", "position_95", "position_998"),
                shown=("exposure", "funnel_target", "low_95", "high_95", "low_998", "high_998", "phi", "tau2",
                       "n_districts", "period", "fact_ids"),
                hidden=("district_id", "indicator", "kind", "numerator", "limit_method", "z",
                        "phi_p_value", "phi_estimator", "adjustment", "p_value", "q_value",
                        "flagged_fdr", "district_type", "province", "region", "term", "years",
                        "reading", "approximate"),
                renamed=(("value", "value_per_100"), ("target", "funnel_target"))),
    OutputTable("shrinkage", "compare.tables.shrinkage_table", "Shrunk estimates and rank intervals",
                "Ước lượng co rút và khoảng thứ hạng",
                "One district in one comparable window: raw and empirical-Bayes values per 100, with ranks.",
                key=("district", "indicator_label", "window", "raw", "estimate", "low", "high",
                     "rank", "rank_low", "rank_high"),
                shown=("n_districts", "period", "fact_ids"),
                hidden=("district_id", "indicator", "kind", "numerator", "exposure", "prior_mean",
                        "prior_a", "prior_b", "district_type", "province", "region", "term", "years",
                        "reading", "approximate")),
    OutputTable("compared-left-out", "compare.tables.left_out_table", "Figures not compared",
                "Số liệu không đưa vào so sánh", "One figure of a compared kind that no comparison uses, and why.",
                key=("district", "indicator", "period", "reason"),
                shown=("district_compared", "fact_ids"),
                hidden=("district_id", "district_type", "province", "region")),
    OutputTable("facts", "present.tables.facts_with_sources", "All figures, with their sources",
                "Mọi số liệu, kèm nguồn", "One stated figure with its citation.",
                key=("period", "figure", "qualifier", "value", "unit"), shown=("source", "published", "paragraph", "note"),
                hidden=("kind", "url", "fact_id", "district_id", "period_end")),
)}
# fmt: on


def output_table(name: str) -> OutputTable:
    """Returns the declaration of the output table `name`, or raises KeyError naming the known ones."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no output table {name!r}; known: {', '.join(TABLES)}") from None


def nonconformities(frame: pd.DataFrame, name: str) -> list[str]:
    """Lists how a frame differs from the declaration of table `name` (empty when it conforms).

    A frame conforms when it has exactly the declared columns (in any order; a column of
    `renamed` under its name in the frame) and each numeric kind holds numbers, each flag
    booleans.
    """
    import numpy as np
    import pandas as pd

    table = output_table(name)
    frame = table.declared_frame(frame)
    declared, present = set(table.column_names), set(frame.columns)
    problems = [f"{name}: column {c!r} declared but missing" for c in sorted(declared - present)]
    problems += [f"{name}: column {c!r} not declared" for c in sorted(present - declared)]
    numeric = {K.COUNT, K.AVERAGE, K.PERCENT, K.FRACTION, K.RATE, K.YEARS, K.NUMBER, K.RANK}
    for column in table.columns():
        if column.name not in present or frame[column.name].isna().all():
            continue
        values = frame[column.name].dropna()
        if column.kind in numeric and not pd.api.types.is_numeric_dtype(values.infer_objects()):
            problems.append(f"{name}: column {column.name!r} should hold numbers")
        if (
            column.kind == K.FLAG
            and not values.map(lambda v: isinstance(v, bool | int | np.bool_)).all()
        ):
            problems.append(f"{name}: column {column.name!r} should hold true or false")
    return problems


def describe_tables() -> str:
    """Returns the Markdown of `docs/tables.md`: every output table with its columns."""
    lines = [
        "# Output tables",
        "",
        "Generated from `src/analysis/data/outputs.py` by `python -m analysis tables --markdown`;",
        "a test keeps this file in step. Key columns (**bold**) are shown first in reports;",
        "columns marked *hidden* are in the frame but not shown in reports.",
    ]
    for table in TABLES.values():
        renamed = "".join(
            f" The frame's `{a}` is shown and exported as `{b}`." for a, b in table.renamed
        )
        lines += ["", f"## `{table.name}` — {table.en} ({table.vi})", "",
                  f"Returned by `analysis.{table.produced_by}`. One row: {table.description}{renamed}", "",
                  "| column | label (en) | label (vi) | kind | unit | meaning |",
                  "|---|---|---|---|---|---|"]  # fmt: skip
        for column in table.columns():
            name = f"`{column.name}`"
            if column.name in table.key:
                name = f"**{name}**"
            elif column.name in table.hidden:
                name += " *hidden*"
            lines.append(f"| {name} | {column.en} | {column.vi} | {column.kind.value} | "
                         f"{column.unit} | {column.description} |")  # fmt: skip
    return "\n".join(lines) + "\n"
