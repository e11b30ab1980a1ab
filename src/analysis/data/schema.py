"""The data model, declared once.

Every table, column and vocabulary of a dataset is declared here with its meaning and unit.
The loader reads header aliases and vocabulary aliases from here, validation checks against
it, `data/datapackage.json` and the field tables of `data/README.md` are generated from it,
and the analyses refer to vocabulary codes by the names given here.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.text.phrases import Label

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary.

    Attributes:
        code: The value as written in the tables.
        label_vi: The Vietnamese wording the press uses for it.
        description: What it means, in English.
        aliases: Other spellings accepted on input (matched accent- and case-insensitively).
        applies_to: For categories, the metrics the term may qualify.
    """

    code: str
    label_vi: str
    description: str
    aliases: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """A closed list of codes that a column may take."""

    name: str
    description: str
    terms: tuple[Term, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes in declaration order (for ordered categories, best first)."""
        return tuple(t.code for t in self.terms)

    def term(self, code: str) -> Term:
        """Returns the term with this code, or raises KeyError."""
        for t in self.terms:
            if t.code == code:
                return t
        raise KeyError(f"{code!r} is not in vocabulary {self.name!r}")


@dataclass(frozen=True)
class Field:
    """One column of a table.

    Attributes:
        name: Column name as written in the CSV header.
        type: Frictionless type: string, number, integer.
        description: Meaning of the column, with its unit where it has one.
        required: Whether every row must have a value.
        unique: Whether values must be unique within the table.
        vocabulary: Name of the vocabulary the values come from, if any.
        pattern: Regular expression a value must match (after normalisation).
        aliases: Other header names accepted on input (Vietnamese or English).
        example: A typical value, for documentation.
        when_absent: For an optional column: the warning given once when a table has no
            such column (empty: none).
    """

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    vocabulary: str | None = None
    pattern: str | None = None
    aliases: tuple[str, ...] = ()
    example: str = ""
    when_absent: str = ""


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values must exist in another table's key column."""

    column: str
    table: str
    table_column: str


@dataclass(frozen=True)
class Table:
    """One table of a dataset: a CSV file, or one sheet of an Excel workbook."""

    name: str
    description: str
    primary_key: str
    fields: tuple[Field, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        """File name of the table in a dataset folder."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names in declaration order."""
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        """Returns the field called `name`, or raises KeyError."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"table {self.name!r} has no column {name!r}")


# --- Vocabularies -------------------------------------------------------------------------

METRIC = Vocabulary(
    "metric",
    "What a figure counts.",
    (
        Term(
            "party_members",
            "đảng viên",
            "Party members of the district committee (total). Unit: persons.",
            ("dang vien", "tong so dang vien", "members"),
        ),
        Term(
            "base_organizations",
            "tổ chức cơ sở đảng (TCCSĐ)",
            "Base party organizations (base committees plus base cells). Unit: organizations.",
            ("tccsd", "to chuc co so dang", "chi, dang bo co so"),
        ),
        Term(
            "base_party_committees",
            "đảng bộ cơ sở",
            "Base party committees, a subset of base organizations. Unit: organizations.",
            ("dang bo co so",),
        ),
        Term(
            "base_party_cells",
            "chi bộ cơ sở",
            "Base party cells, a subset of base organizations. Unit: organizations.",
            ("chi bo co so",),
        ),
        Term(
            "subordinate_cells",
            "chi bộ trực thuộc",
            "Cells under base party committees. Unit: cells.",
            ("chi bo truc thuoc",),
        ),
        Term(
            "admissions",
            "kết nạp đảng viên",
            "New members admitted. Unit: persons. With a category: admitted members of a group.",
            ("ket nap", "ket nap dang vien", "ket nap dang vien moi"),
        ),
        Term(
            "expulsions",
            "đưa ra khỏi Đảng, khai trừ, xóa tên",
            "Members removed from the party (expelled, struck off, let go). Unit: persons.",
            ("khai tru", "xoa ten", "dua ra khoi dang"),
        ),
        Term(
            "admission_rate",
            "tỷ lệ kết nạp so với tổng số đảng viên",
            "Admissions as a percent of membership, as stated by the source. Unit: percent.",
            ("ty le ket nap",),
        ),
        Term(
            "evaluation",
            "đánh giá, xếp loại chất lượng",
            "Annual quality rating of organizations or members; needs subject and category.",
            ("danh gia", "xep loai", "danh gia xep loai"),
        ),
        Term(
            "other",
            "khác",
            "Any other stated figure; the note says what it counts.",
            ("khac",),
        ),
    ),
)

SUBJECT = Vocabulary(
    "subject",
    "Who is rated, for evaluation figures.",
    (
        Term("organization", "tổ chức cơ sở đảng", "Base party organizations.", ("to chuc",)),
        Term("member", "đảng viên", "Party members.", ("dang vien",)),
    ),
)

_EVAL = ("evaluation",)
_ADM = ("admissions",)

CATEGORY = Vocabulary(
    "category",
    "Rating category (evaluation) or group of admitted members (admissions), best first for "
    "ratings. Cumulative categories (…_or_above) and `assessed` (the number rated) are "
    "stated by sources alongside the four ratings.",
    (
        Term(
            "excellent",
            "hoàn thành xuất sắc nhiệm vụ",
            "Completed tasks excellently (top rating since 2018).",
            ("hoan thanh xuat sac nhiem vu", "xuat sac", "htxsnv"),
            _EVAL,
        ),
        Term(
            "good",
            "hoàn thành tốt nhiệm vụ",
            "Completed tasks well.",
            ("hoan thanh tot nhiem vu", "tot", "httnv"),
            _EVAL,
        ),
        Term(
            "completed",
            "hoàn thành nhiệm vụ",
            "Completed tasks.",
            ("hoan thanh nhiem vu", "hoan thanh", "htnv"),
            _EVAL,
        ),
        Term(
            "not_completed",
            "không hoàn thành nhiệm vụ",
            "Did not complete tasks (weak, yếu kém, before 2018).",
            ("khong hoan thanh nhiem vu", "khong hoan thanh", "yeu kem", "khtnv"),
            _EVAL,
        ),
        Term(
            "good_or_above",
            "hoàn thành tốt nhiệm vụ trở lên",
            "Cumulative: excellent plus good.",
            ("hoan thanh tot nhiem vu tro len",),
            _EVAL,
        ),
        Term(
            "completed_or_above",
            "hoàn thành nhiệm vụ trở lên",
            "Cumulative: excellent, good and completed.",
            ("hoan thanh nhiem vu tro len",),
            _EVAL,
        ),
        Term(
            "clean_strong_exemplary",
            "trong sạch vững mạnh tiêu biểu",
            "Pre-2018 organization rating: exemplary clean and strong (top sub-tier).",
            ("trong sach vung manh tieu bieu", "tsvm tieu bieu"),
            _EVAL,
        ),
        Term(
            "clean_strong",
            "trong sạch vững mạnh (không kể tiêu biểu)",
            "Pre-2018 organization rating: clean and strong, not exemplary.",
            (),
            _EVAL,
        ),
        Term(
            "clean_strong_or_above",
            "trong sạch vững mạnh (kể cả tiêu biểu)",
            "Pre-2018 cumulative: clean and strong, exemplary included.",
            ("trong sach vung manh", "tsvm"),
            _EVAL,
        ),
        Term(
            "assessed",
            "số được đánh giá",
            "The number rated: the total over which rating shares are taken.",
            ("so duoc danh gia", "tong so danh gia"),
            _EVAL,
        ),
        Term("women", "nữ", "Women among admitted members.", ("nu",), _ADM),
        Term(
            "ethnic_minority",
            "dân tộc thiểu số",
            "Ethnic-minority people among admitted members.",
            ("dan toc thieu so",),
            _ADM,
        ),
        Term(
            "youth_union",
            "đoàn viên thanh niên",
            "Youth union members among admitted members.",
            ("doan vien",),
            _ADM,
        ),
        Term(
            "students",
            "học sinh, sinh viên",
            "Pupils or students among admitted members.",
            ("hoc sinh", "sinh vien"),
            _ADM,
        ),
        Term("farmers", "nông dân", "Farmers among admitted members.", ("nong dan",), _ADM),
        Term(
            "university_educated",
            "trình độ đại học",
            "University-educated people among admitted members.",
            ("dai hoc",),
            _ADM,
        ),
        Term(
            "in_enterprises",
            "trong doanh nghiệp, hợp tác xã",
            "Admitted in enterprises and cooperatives.",
            ("doanh nghiep",),
            _ADM,
        ),
        Term(
            "induction_trained",
            "bồi dưỡng đảng viên mới",
            "Newly admitted members who attended induction classes.",
            ("boi duong dang vien moi",),
            _ADM,
        ),
    ),
)

RATING_CATEGORIES = ("excellent", "good", "completed", "not_completed")
"""The four ratings of the 2018+ scheme, best first: they partition those assessed."""

PRE2018_ORGANIZATION_CATEGORIES = (
    "clean_strong_exemplary",
    "clean_strong",
    "good",
    "completed",
    "not_completed",
)
"""The pre-2018 organization ratings, best first: they partition those assessed."""

CUMULATIVE_CATEGORIES = {
    "good_or_above": ("excellent", "good"),
    "completed_or_above": ("excellent", "good", "completed"),
    "clean_strong_or_above": ("clean_strong_exemplary", "clean_strong"),
}
"""Cumulative categories and the ratings they add up."""

KIND = Vocabulary(
    "kind",
    "How a figure relates to time.",
    (
        Term(
            "stock",
            "số hiện có",
            "A level at a moment (period_end); with period_start, a level that held in each "
            "year of the period.",
            ("ton", "hien co", "level"),
        ),
        Term(
            "flow",
            "số phát sinh trong kỳ",
            "A total over the period from period_start to period_end.",
            ("trong ky", "phat sinh", "total"),
        ),
        Term(
            "change",
            "tăng, giảm so với",
            "A difference versus an earlier moment or period (period_start) as of period_end; "
            "for a percent figure, in percentage points.",
            ("tang giam", "so voi", "difference"),
        ),
        Term(
            "target",
            "chỉ tiêu",
            "A goal for the period, with a comparator; `basis` says whether it is a total, an "
            "annual average or a level to hold every year.",
            ("chi tieu", "ke hoach", "goal", "plan", "quota"),
        ),
        Term(
            "attainment",
            "đạt … % chỉ tiêu",
            "An achievement stated by the source as a percent of a target, as of period_end.",
            ("dat", "ty le dat", "achievement"),
        ),
    ),
)

UNIT = Vocabulary(
    "unit",
    "Unit of `value`.",
    (
        Term("count", "số lượng", "A number of persons, organizations or cells.", ("so luong",)),
        Term(
            "percent",
            "%",
            "Percent (0–100 for shares; a change in percent is in percentage points).",
            ("phan tram", "%", "ty le"),
        ),
        Term(
            "percent_above_target",
            "vượt … % kế hoạch",
            "Percent by which an achievement exceeds its target (attainment minus 100).",
            ("vuot ke hoach",),
        ),
    ),
)

COMPARATOR = Vocabulary(
    "comparator",
    "For targets, the direction of the goal; for stated figures, the source's qualifier "
    "(more than, less than, about). Empty means an exact figure.",
    (
        Term(">=", "từ … trở lên", "Target: at least the value.", ("tu tro len", "at least")),
        Term("<=", "không quá", "Target: at most the value.", ("khong qua", "at most")),
        Term("=", "bằng", "Target: exactly the value (an assigned quota).", ("bang",)),
        Term(">", "trên, hơn", "Stated as more than the value.", ("tren", "hon", "more than")),
        Term("<", "dưới", "Stated as less than the value.", ("duoi", "less than")),
        Term(
            "~", "khoảng, gần", "Stated as about or nearly the value.", ("khoang", "gan", "about")
        ),
    ),
)

BASIS = Vocabulary(
    "basis",
    "For targets and for stocks over a period: how the value applies to the period.",
    (
        Term("total", "tổng cả kỳ", "A total for the whole period.", ("tong",)),
        Term(
            "per_year",
            "bình quân hằng năm",
            "An average per year over the period.",
            ("binh quan hang nam", "moi nam", "annual average"),
        ),
        Term(
            "each_year",
            "hằng năm",
            "A level reached or held in every year of the period.",
            ("hang nam", "every year"),
        ),
    ),
)

PERIOD_KIND = Vocabulary(
    "period_kind",
    "How the source means a period. Empty: read from the period's shape "
    "(periods.infer_period_kind).",
    (
        Term("year", "năm", "A calendar year, 1 January to 31 December.", ("nam", "calendar_year")),
        Term(
            "year_to_date",
            "từ đầu năm đến nay",
            "Part of a year, from 1 January to a cut-off: the stated end when it is a day or "
            "month, else unknown (at the latest the publication date or the year's end).",
            ("tu dau nam den nay", "6 thang dau nam", "ytd"),
        ),
        Term(
            "term",
            "nhiệm kỳ",
            'A congress term "Y–Y+5": from the district congress of Y to the next one '
            "(districts.congresses; else 1 July, April–August admissible).",
            ("nhiem ky",),
        ),
        Term(
            "term_to_date",
            "từ đầu nhiệm kỳ đến nay",
            "From the congress opening the term to the stated end (the publication date).",
            ("tu dau nhiem ky den nay", "dau nhiem ky"),
        ),
        Term(
            "review",
            "tổng kết, trong … năm qua",
            'A multi-year review "Y1–Y2": Y2 − Y1 years anniversary to anniversary by '
            "default; Y2 − Y1 to Y2 − Y1 + 1 years admissible.",
            ("tong ket", "giai doan", "nam qua"),
        ),
        Term("dates", "từ ngày … đến ngày", "Exactly the stated dates.", ("tu ngay",)),
    ),
)

DISTRICT_TYPE = Vocabulary(
    "district_type",
    "Kind of district-level unit.",
    (
        Term("huyện", "huyện", "Rural district.", ("huyen", "h", "district")),
        Term("quận", "quận", "Urban district.", ("quan", "q", "urban district")),
        Term("thị xã", "thị xã", "District-level town.", ("thi xa", "tx", "town")),
        Term(
            "thành phố",
            "thành phố thuộc tỉnh",
            "City under a province (or the city of Thủ Đức).",
            ("thanh pho", "tp", "city"),
        ),
    ),
)

REGION = Vocabulary(
    "region",
    "The six socio-economic regions of the General Statistics Office.",
    (
        Term(
            "Trung du và miền núi phía Bắc",
            "Trung du và miền núi phía Bắc",
            "Northern midlands and mountains.",
        ),
        Term("Đồng bằng sông Hồng", "Đồng bằng sông Hồng", "Red River Delta."),
        Term(
            "Bắc Trung Bộ và duyên hải miền Trung",
            "Bắc Trung Bộ và duyên hải miền Trung",
            "North Central and Central Coast.",
        ),
        Term("Tây Nguyên", "Tây Nguyên", "Central Highlands."),
        Term("Đông Nam Bộ", "Đông Nam Bộ", "South East."),
        Term("Đồng bằng sông Cửu Long", "Đồng bằng sông Cửu Long", "Mekong River Delta."),
    ),
)

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        METRIC,
        SUBJECT,
        CATEGORY,
        KIND,
        UNIT,
        COMPARATOR,
        BASIS,
        PERIOD_KIND,
        DISTRICT_TYPE,
        REGION,
    )
}

TARGET_COMPARATORS = (">=", "<=", "=")
QUALIFIER_COMPARATORS = (">", "<", "~")
SHARE_UNITS = ("percent",)
COUNT_METRICS = (
    "party_members",
    "base_organizations",
    "base_party_committees",
    "base_party_cells",
    "subordinate_cells",
    "admissions",
    "expulsions",
)
STOCK_METRICS = (
    "party_members",
    "base_organizations",
    "base_party_committees",
    "base_party_cells",
    "subordinate_cells",
)
FLOW_METRICS = ("admissions", "expulsions")

# --- Tables -------------------------------------------------------------------------------

FACTS = Table(
    name="facts",
    description="One stated figure per row, as the source states it, with its citation.",
    primary_key="fact_id",
    aliases=("so_lieu", "du_lieu", "figures"),
    fields=(
        Field(
            "fact_id",
            "string",
            "Stable identifier of the figure: the source id and the figure's rank in it.",
            required=True,
            unique=True,
            aliases=("id", "ma_so_lieu", "stt"),
            example="seed-004-07",
        ),
        Field(
            "district_id",
            "string",
            "The district the figure is about (districts.district_id).",
            required=True,
            aliases=("ma_huyen", "district", "huyen"),
            example="sop-cop-son-la",
        ),
        Field(
            "metric",
            "string",
            "What the figure counts.",
            required=True,
            vocabulary="metric",
            aliases=("chi_so", "noi_dung"),
            example="admissions",
        ),
        Field(
            "subject",
            "string",
            "For evaluation: who is rated. Empty otherwise.",
            vocabulary="subject",
            aliases=("doi_tuong",),
            example="organization",
        ),
        Field(
            "category",
            "string",
            "For evaluation: the rating; for admissions: a group of the admitted (empty for "
            "the total).",
            vocabulary="category",
            aliases=("loai", "xep_loai", "nhom"),
            example="excellent",
        ),
        Field(
            "kind",
            "string",
            "How the figure relates to time: stock, flow, change, target or attainment.",
            required=True,
            vocabulary="kind",
            aliases=("kieu", "loai_so_lieu"),
            example="flow",
        ),
        Field(
            "period_start",
            "string",
            "Start of the period (YYYY, YYYY-MM or YYYY-MM-DD); for a change, the baseline. "
            "Empty for a stock at a moment.",
            pattern=PARTIAL_DATE_PATTERN,
            aliases=("tu", "tu_ngay", "bat_dau", "start"),
            example="2020",
        ),
        Field(
            "period_end",
            "string",
            "End of the period, or the moment of a stock (YYYY, YYYY-MM or YYYY-MM-DD).",
            required=True,
            pattern=PARTIAL_DATE_PATTERN,
            aliases=("den", "den_ngay", "ket_thuc", "end", "as_of"),
            example="2024-01-23",
        ),
        Field(
            "value",
            "number",
            "The figure, in `unit`. Vietnamese number formats are accepted on input.",
            required=True,
            aliases=("gia_tri", "so"),
            example="469",
        ),
        Field(
            "unit",
            "string",
            "Unit of `value`.",
            required=True,
            vocabulary="unit",
            aliases=("don_vi", "don_vi_tinh", "dvt"),
            example="count",
        ),
        Field(
            "comparator",
            "string",
            "Target direction (>=, <=, =), or the source's qualifier of a figure (>, <, ~).",
            vocabulary="comparator",
            aliases=("so_sanh", "dieu_kien"),
            example=">=",
        ),
        Field(
            "basis",
            "string",
            "For targets and stocks over a period: total, per_year or each_year. Optional: a "
            "one-year target needs none; a multi-year target without it gets no status.",
            vocabulary="basis",
            aliases=("co_so", "cach_tinh"),
            example="per_year",
            when_absent="a basis column (total, per_year or each_year); without it, "
            "multi-year targets get the status 'undetermined (basis unknown)'",
        ),
        Field(
            "period_kind",
            "string",
            "How the source means the period: year, year_to_date, term, term_to_date, review "
            "or dates. Empty: read from the period's shape.",
            vocabulary="period_kind",
            aliases=("loai_ky", "kieu_ky"),
            example="term_to_date",
        ),
        Field(
            "source_id",
            "string",
            "The source stating the figure (sources.source_id).",
            required=True,
            aliases=("ma_nguon", "nguon", "source"),
            example="seed-004",
        ),
        Field(
            "paragraph",
            "integer",
            "1-based index of the paragraph of the source stating the figure (best effort).",
            aliases=("doan", "doan_van"),
            example="5",
        ),
        Field(
            "note",
            "string",
            "Reader's remark in English: context, caveats, contradictions noticed.",
            aliases=("ghi_chu",),
            example="since the start of the 2020-2025 term",
        ),
    ),
    foreign_keys=(
        ForeignKey("district_id", "districts", "district_id"),
        ForeignKey("source_id", "sources", "source_id"),
    ),
)

DISTRICTS = Table(
    name="districts",
    description="District-level units the facts are about.",
    primary_key="district_id",
    aliases=("huyen", "don_vi"),
    fields=(
        Field(
            "district_id",
            "string",
            "Stable ASCII slug: name and pre-2025 province; type first where one province "
            "has two units of that name.",
            required=True,
            unique=True,
            pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            aliases=("ma_huyen", "id"),
            example="sop-cop-son-la",
        ),
        Field(
            "gso_code",
            "string",
            "Three-digit code of the General Statistics Office register, where the unit is in "
            "the 2025 register.",
            pattern=r"^\d{3}$",
            aliases=("ma_gso", "ma_thong_ke", "ma"),
            example="125",
        ),
        Field(
            "name",
            "string",
            "Name in Vietnamese (NFC), without the type prefix.",
            required=True,
            aliases=("ten", "ten_huyen", "district_name"),
            example="Sốp Cộp",
        ),
        Field(
            "type",
            "string",
            "Kind of unit, as last registered.",
            required=True,
            vocabulary="district_type",
            aliases=("cap", "loai", "district_type"),
            example="huyện",
        ),
        Field(
            "province",
            "string",
            "Province before the 1 July 2025 merger, without prefix.",
            required=True,
            aliases=("tinh", "tinh_thanh_pho"),
            example="Sơn La",
        ),
        Field(
            "province_2025",
            "string",
            "Province it belongs to from 1 July 2025.",
            aliases=("tinh_moi", "tinh_sau_sap_nhap", "tinh_2025"),
            example="Sơn La",
        ),
        Field(
            "region",
            "string",
            "Socio-economic region of the province.",
            vocabulary="region",
            aliases=("vung",),
            example="Trung du và miền núi phía Bắc",
        ),
        Field(
            "note",
            "string",
            "Remarks: type or spelling in sources, absence from the 2025 register.",
            aliases=("ghi_chu",),
            example="",
        ),
        Field(
            "congresses",
            "string",
            "Dates of the district party congresses known from sources (YYYY-MM-DD, separated "
            "by ';'). A term runs from one to the next; without a date, 1 July of the term's "
            "first year (April–August admissible).",
            pattern=r"^\d{4}-\d{2}-\d{2}(;\d{4}-\d{2}-\d{2})*$",
            aliases=("dai_hoi", "ngay_dai_hoi"),
            example="2020-07-15",
        ),
    ),
)

SOURCES = Table(
    name="sources",
    description="Where the facts were read.",
    primary_key="source_id",
    aliases=("nguon",),
    fields=(
        Field(
            "source_id",
            "string",
            "Identifier: seed-NNN for the seed articles, web-<hash of the address> for pages.",
            required=True,
            unique=True,
            aliases=("ma_nguon", "id"),
            example="web-1a2b3c4d",
        ),
        Field(
            "url",
            "string",
            "Page address, or seed:<file name> for the seed articles.",
            required=True,
            aliases=("duong_dan", "link", "dia_chi"),
            example="seed:004_188b52fc802beca8.txt",
        ),
        Field(
            "publisher",
            "string",
            "Who published it: the site's host name for web pages.",
            aliases=("co_quan", "bao", "nha_xuat_ban"),
            example="baohaiduong.vn",
        ),
        Field(
            "published",
            "string",
            "Publication date (YYYY, YYYY-MM or YYYY-MM-DD); empty when unknown.",
            pattern=PARTIAL_DATE_PATTERN,
            aliases=("ngay_dang", "ngay", "date"),
            example="2024-01-23",
        ),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (FACTS, DISTRICTS, SOURCES)}


def categories_for(metric: str) -> tuple[str, ...]:
    """Returns the category codes allowed for a metric (empty when it takes none)."""
    return tuple(t.code for t in CATEGORY.terms if metric in t.applies_to)


def label(vocabulary: str, code: str) -> str:
    """Returns the Vietnamese label of a code, for display."""
    return VOCABULARIES[vocabulary].term(code).label_vi


def code_label(vocabulary: str, code: str) -> Label:
    """A code as a word of a sentence: the code in English, its label in Vietnamese (the code
    itself when the vocabulary does not hold it)."""
    try:
        vi = VOCABULARIES[vocabulary].term(code).label_vi
    except KeyError:
        vi = str(code)
    return Label(str(code), vi)
