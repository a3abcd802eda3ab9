"""Import of the member roll from an office's own Excel or CSV list (issue 2, part 4).

Offices keep their lists in Excel with headings that vary from ward to ward, so columns are found
by their Vietnamese headings, folded (no diacritics, case, spaces or punctuation), never by
position. The whole file is validated before anything is written: a preview reports every error
by Excel row and column; only a file without errors is written, in one transaction. Re-importing
updates the members matched by party card number or citizen ID instead of duplicating them.

The service works without the web: ``member_import_preview`` and ``member_import_apply`` take the
file's name and bytes and return an ``ImportReport``.
"""
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import DateField
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from daihoi.audit.models import AuditEntry
from daihoi.audit.tracking import current_user, plain
from daihoi.lib.text import fold, nfc
from daihoi.organizations.importing_files import MAX_ROWS, ImportFileError, Row, read_sheets
from daihoi.organizations.models import Attachment, Branch, Gender, Member, MemberStatus, PartyCommittee

# The heading row may sit under a title ("DANH SÁCH ĐẢNG VIÊN ...") within the first rows.
HEADING_SEARCH_ROWS = 10
# Party founded 3 February 1930; nobody was admitted before.
PARTY_FOUNDED = date(1930, 2, 3)
EARLIEST_BIRTH = date(1900, 1, 1)
ADMISSION_MIN_AGE = 16

FORMULA_PREFIXES = ("=", "+", "-", "@")
# SQLite page cache while a roll is written (KiB; see _write_cache).
WRITE_CACHE_KIB = 64 * 1024


class _Invalid(Exception):
    """One cell's value is wrong; the message says what is wrong with it (without row/column)."""


# Stands for a cell that could not be read (its error is already reported), so that later checks
# neither complain again that it is empty nor compare it.
_UNREADABLE = object()


# --- Column layout -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One field of the roll: its heading in our template and export, the headings offices use for
    it elsewhere, and how a cell is read."""

    field: str
    heading: str
    aliases: tuple[str, ...]
    parse: Callable[[Any, str], Any]
    note: str = ""
    # Whether cells repeat from row to row (dates, choices, branches, ethnicity...) so that reading
    # each distinct cell once pays; names, identifiers and phone numbers differ on every row.
    repeats: bool = True


def heading_key(text: str) -> str:
    """Headings compare by letters and digits only: "Họ và tên", "HO_VA_TEN", "họ và tên (*)" and
    "Ho va ten" are the same column; a parenthesized hint such as "(dd/mm/yyyy)" is ignored."""
    without_hints = re.sub(r"\(.*?\)", "", text)
    return re.sub(r"[^a-z0-9]", "", fold(without_hints))


def _text(max_length: int) -> Callable[[Any, str], str]:
    def parse(value: Any, text: str) -> str:
        if len(text) > max_length:
            raise _Invalid(_("dài quá %(max)s ký tự") % {"max": max_length})
        return text
    return parse


def _is_whole_number(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _digits(length: int, what: str) -> Callable[[Any, str], str | None]:
    """Card numbers and citizen IDs: a number cell lost its leading zeros in Excel (CCCDs start with
    the province code 0xx), so those are padded back; typed text must have exactly the digits."""
    def parse(value: Any, text: str) -> str | None:
        if not text:
            return None
        number = text.replace(" ", "")
        if _is_whole_number(value) and value >= 0:
            number = number.zfill(length)
        if not (number.isascii() and number.isdigit() and len(number) == length):
            raise _Invalid(_("%(what)s '%(value)s' không hợp lệ, cần đúng %(n)s chữ số")
                           % {"what": what, "value": text, "n": length})
        return number
    return parse


_CV_NUMBER = re.compile(r"^\d{6}[A-ZĐ]{1,3}$")


def _cv_number(value: Any, text: str) -> str:
    number = nfc(text.replace(" ", "").upper())
    if number and not _CV_NUMBER.match(number):
        raise _Invalid(_("số lý lịch '%(value)s' không hợp lệ, cần 6 chữ số và 1–3 chữ cái (ví dụ 012345HN)")
                       % {"value": text})
    return number


_PHONE = re.compile(r"^\+?\d{8,15}$")


def _phone(value: Any, text: str) -> str:
    """Digits with an optional leading +; spaces, dots and dashes dropped. A number cell lost the
    leading 0 of a Vietnamese number, which is put back."""
    phone = re.sub(r"[\s.\-()]", "", text)
    if _is_whole_number(value) and phone.isdigit() and not phone.startswith("0"):
        phone = "0" + phone
    if phone and not _PHONE.match(phone):
        raise _Invalid(_("số điện thoại '%(value)s' không hợp lệ, chỉ gồm 8–15 chữ số") % {"value": text})
    return phone


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def _date(value: Any, text: str) -> date | None:
    """Dates as offices type them (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy), as ISO (yyyy-mm-dd) or as
    real Excel date cells, including a date cell whose format was lost (a serial number)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not text:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2_958_466:
        return from_excel(value).date()
    dmy, ymd = _DMY.match(text), _YMD.match(text)
    try:
        if dmy:
            return date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
        if ymd:
            return date(int(ymd[1]), int(ymd[2]), int(ymd[3]))
    except ValueError:
        pass
    raise _Invalid(_("ngày '%(value)s' không hợp lệ, cần dạng dd/mm/yyyy") % {"value": text})


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """fold() of the few distinct words of choice and branch columns ("Nam", "có", "Chi bộ số 3"),
    computed once each rather than once per row."""
    return fold(text)


def _choice(options: dict[str, Any], expected: str) -> Callable[[Any, str], Any]:
    """A value from a short list, compared folded ("Nữ", "nu", "NỮ" are the same)."""
    def parse(value: Any, text: str) -> Any:
        key = _folded(text)
        if key in options:
            return options[key]
        raise _Invalid(_("'%(value)s' không hợp lệ, cần %(expected)s") % {"value": text, "expected": expected})
    return parse


_YES_NO = {"": False, "khong": False, "0": False, "false": False, "co": True, "x": True, "1": True, "true": True}
_GENDER = {"": "", "nam": Gender.MALE, "nu": Gender.FEMALE}
_STATUS = {"": None, "chinh thuc": MemberStatus.FULL, "ct": MemberStatus.FULL,
           "du bi": MemberStatus.PROBATIONARY, "db": MemberStatus.PROBATIONARY}
_ATTACHMENT = {"": Attachment.NONE, "khong": Attachment.NONE, "noi khac": Attachment.ELSEWHERE,
               "sinh hoat tam thoi noi khac": Attachment.ELSEWHERE, "tai chi bo": Attachment.HERE,
               "sinh hoat tam thoi tai chi bo": Attachment.HERE}

# The labels written by the export and the template, read back by the parsers above.
GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
STATUS_LABELS = {MemberStatus.FULL: "Chính thức", MemberStatus.PROBATIONARY: "Dự bị"}
ATTACHMENT_LABELS = {Attachment.NONE: "", Attachment.ELSEWHERE: "Nơi khác", Attachment.HERE: "Tại chi bộ"}
YES_NO_LABELS = {True: "có", False: "không"}


def _branch_name(value: Any, text: str) -> str:
    return text


def _limit(field_name: str) -> int:
    return int(Member._meta.get_field(field_name).max_length or 0)


# The roll's columns in template and export order. Headings are file format, not UI text: they stay
# Vietnamese whatever the user's language.
COLUMNS: tuple[Column, ...] = (
    Column("full_name", "Họ và tên", ("Họ tên", "Họ và tên đảng viên", "Họ tên đảng viên", "Tên đảng viên",
                                      "HO_TEN", "HOTEN"), _text(_limit("full_name")), "bắt buộc", repeats=False),
    Column("date_of_birth", "Ngày sinh", ("Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh ngày", "NGAY_SINH"),
           _date, "dd/mm/yyyy hoặc ô ngày của Excel"),
    Column("gender", "Giới tính", ("Giới", "Phái", "Nam/Nữ", "GIOI_TINH"), _choice(_GENDER, "Nam hoặc Nữ"), "Nam / Nữ"),
    Column("ethnicity", "Dân tộc", ("DAN_TOC",), _text(_limit("ethnicity"))),
    Column("religion", "Tôn giáo", ("TON_GIAO",), _text(_limit("religion"))),
    Column("hometown", "Quê quán", ("Quê", "Nguyên quán", "QUE_QUAN"), _text(_limit("hometown"))),
    Column("citizen_id", "Số CCCD", ("Số định danh", "Số định danh cá nhân", "CCCD", "Căn cước công dân",
                                     "Số căn cước", "Số căn cước công dân", "Số CMND/CCCD", "CMND/CCCD", "SO_CCCD"),
           _digits(12, "số CCCD"), "12 chữ số; cần Số CCCD hoặc Số thẻ đảng viên", repeats=False),
    Column("party_card_number", "Số thẻ đảng viên", ("Số thẻ", "Số thẻ Đảng", "Số thẻ ĐV", "Số TĐV", "SO_THE"),
           _digits(8, "số thẻ đảng viên"), "8 chữ số; cần Số thẻ đảng viên hoặc Số CCCD", repeats=False),
    Column("cv_number", "Số lý lịch đảng viên", ("Số lý lịch", "Số LL", "Số LLĐV", "SO_LY_LICH", "SO_LL"),
           _cv_number, "6 chữ số và 1–3 chữ cái, ví dụ 012345HN", repeats=False),
    Column("admission_date", "Ngày vào Đảng", ("Ngày kết nạp", "Ngày kết nạp Đảng", "NGAY_VAO_DANG"), _date,
           "dd/mm/yyyy, sau ngày tròn 16 tuổi"),
    Column("full_membership_date", "Ngày chính thức", ("Ngày công nhận chính thức", "Ngày chuyển chính thức",
                                                       "NGAY_CHINH_THUC"), _date,
           "dd/mm/yyyy, sau ngày vào Đảng; để trống với đảng viên dự bị"),
    Column("status", "Loại đảng viên", ("Loại", "Loại ĐV", "Chính thức/Dự bị", "LOAI_DANG_VIEN"),
           _choice(_STATUS, "'chính thức' hoặc 'dự bị'"),
           "Chính thức / Dự bị; thiếu cột thì đảng viên mới được ghi là chính thức"),
    Column("branch", "Chi bộ", ("Tên chi bộ", "Chi bộ sinh hoạt", "CHI_BO"), _branch_name,
           "bắt buộc; tên một chi bộ của đảng bộ, có thể bỏ chữ 'Chi bộ'"),
    Column("attachment", "Sinh hoạt tạm thời", ("SH tạm thời", "SINH_HOAT_TAM_THOI"),
           _choice(_ATTACHMENT, "để trống, 'Nơi khác' hoặc 'Tại chi bộ'"), "để trống / Nơi khác / Tại chi bộ"),
    Column("is_excused", "Miễn sinh hoạt", ("Miễn công tác và sinh hoạt đảng", "Miễn công tác và sinh hoạt",
                                            "Miễn SH", "MIEN_SINH_HOAT"), _choice(_YES_NO, "'có' hoặc 'không'"),
           "có / không"),
    Column("is_suspended", "Đình chỉ sinh hoạt", ("Đình chỉ", "DINH_CHI"), _choice(_YES_NO, "'có' hoặc 'không'"),
           "có / không"),
    Column("is_prosecuted_or_detained", "Bị khởi tố, truy tố, tạm giam", ("Khởi tố, truy tố, tạm giam",),
           _choice(_YES_NO, "'có' hoặc 'không'"), "có / không"),
    Column("education", "Trình độ học vấn", ("Học vấn", "Văn hóa", "Trình độ văn hóa", "Giáo dục phổ thông"),
           _text(_limit("education")), "ví dụ 12/12"),
    Column("qualification", "Chuyên môn", ("Trình độ chuyên môn", "Chuyên môn nghiệp vụ"),
           _text(_limit("qualification"))),
    Column("political_theory", "Lý luận chính trị", ("LLCT", "Trình độ lý luận chính trị"),
           _text(_limit("political_theory")), "Sơ cấp / Trung cấp / Cao cấp"),
    Column("occupation", "Nghề nghiệp", ("Nghề nghiệp hiện nay", "Công việc"), _text(_limit("occupation"))),
    Column("residence", "Nơi cư trú", ("Nơi ở hiện nay", "Nơi ở", "Chỗ ở hiện nay", "Địa chỉ"),
           _text(_limit("residence"))),
    Column("phone", "Điện thoại", ("Số điện thoại", "SĐT", "ĐT", "DIEN_THOAI"), _phone, repeats=False),
)
# Serial-number columns are common and carry nothing; they are skipped without a notice.
IGNORED_HEADINGS = frozenset({"stt", "tt", "sothutu"})
_BY_KEY = {heading_key(name): column for column in COLUMNS for name in (column.heading, *column.aliases)}
_COLUMN = {column.field: column for column in COLUMNS}
IDENTIFIERS = ("party_card_number", "citizen_id")
# Field values that are stored as given, compared and written as they are (branch is handled apart).
_DATA_FIELDS = tuple(column.field for column in COLUMNS if column.field != "branch")


# --- Report --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportIssue:
    """One error: where it is (Excel row and column, as the user sees them) and what is wrong."""

    problem: str
    row: int | None = None
    column: str = ""
    heading: str = ""

    @property
    def message(self) -> str:
        """The full Vietnamese sentence, e.g. "Dòng 7, cột D (Ngày sinh): ngày '31/02/1980' không hợp
        lệ, cần dạng dd/mm/yyyy"."""
        if self.row is None:
            return self.problem
        if not self.column:
            return _("Dòng %(row)s: %(problem)s") % {"row": self.row, "problem": self.problem}
        return _("Dòng %(row)s, cột %(column)s (%(heading)s): %(problem)s") % {
            "row": self.row, "column": self.column, "heading": self.heading, "problem": self.problem}

    def __str__(self) -> str:
        return self.message


@dataclass
class ImportReport:
    """What an import found (and, after ``member_import_apply``, did)."""

    file_name: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[ImportIssue] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


# --- Reading cells ---------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _cell_text(value: Any) -> str:
    """A cell as the text the user sees: numbers without ".0", dates as dd/mm/yyyy, NFC, trimmed.
    A leading apostrophe our export put before = + - @ (formula-injection guard) is dropped, and
    control characters (which PostgreSQL refuses, NUL above all) become spaces."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = (value if value.isprintable() else _CONTROL.sub(" ", value)).strip()
        if not text.isascii():  # ASCII (numbers, codes) is NFC already
            text = nfc(text)
        if text[:1] == "'" and text[1:2] in FORMULA_PREFIXES:
            return text[1:]
        return text
    if isinstance(value, bool):
        return YES_NO_LABELS[value]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


# --- Layout of the sheet ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Layout:
    """Where each known column is, by 0-based index; the row number of the headings."""

    heading_row: int
    columns: dict[int, Column]
    headings: dict[int, str]
    unknown: list[str]

    def letter_and_heading(self, field_name: str) -> tuple[str, str]:
        for index, column in self.columns.items():
            if column.field == field_name:
                return get_column_letter(index + 1), self.headings[index]
        return "", _COLUMN[field_name].heading

    @property
    def fields(self) -> set[str]:
        return {column.field for column in self.columns.values()}


def _layout(heading_row: int, cells: Sequence[Any]) -> _Layout:
    columns: dict[int, Column] = {}
    headings: dict[int, str] = {}
    unknown = []
    for index, value in enumerate(cells):
        text = _cell_text(value)
        key = heading_key(text)
        if not key or key in IGNORED_HEADINGS:
            continue
        if key in _BY_KEY:
            columns[index] = _BY_KEY[key]
            headings[index] = text
        else:
            unknown.append(f"{get_column_letter(index + 1)} ({text})")
    return _Layout(heading_row, columns, headings, unknown)


def _find_layout(sheets: Iterator[Iterator[Row]]) -> tuple[_Layout, Iterator[Row], int]:
    """The heading row is the first of the first rows of a sheet that names the full-name column
    and at least one other known column. Returns it, the rest of that sheet's rows, and the sheet's
    position (0-based); sheets without one (a notes sheet put first) are passed over."""
    for position, rows in enumerate(sheets):
        for number, cells in rows:
            if number > HEADING_SEARCH_ROWS:
                break
            layout = _layout(number, cells)
            if "full_name" in layout.fields and len(layout.fields) >= 2:
                return layout, rows, position
    raise ImportFileError(_("Không tìm thấy dòng tiêu đề trong %(n)s dòng đầu. Cần các cột Họ và tên, Chi bộ và "
                            "Số thẻ đảng viên hoặc Số CCCD (tải tệp mẫu để xem).") % {"n": HEADING_SEARCH_ROWS})


def _layout_problems(layout: _Layout) -> list[ImportIssue]:
    """Missing required columns, and a field named by two columns (which one would win?)."""
    problems = []
    fields = [column.field for column in layout.columns.values()]
    for twice in sorted({name for name in fields if fields.count(name) > 1}):
        places = ", ".join(get_column_letter(i + 1) for i, c in layout.columns.items() if c.field == twice)
        problems.append(ImportIssue(_("Cột %(heading)s xuất hiện nhiều lần (cột %(places)s); chỉ giữ một cột.")
                                    % {"heading": _COLUMN[twice].heading, "places": places}))
    if "branch" not in fields:
        problems.append(ImportIssue(_("Thiếu cột Chi bộ.")))
    if not set(IDENTIFIERS) & set(fields):
        problems.append(ImportIssue(_("Thiếu cột Số thẻ đảng viên hoặc Số CCCD (cần một trong hai để nhận ra "
                                      "đảng viên khi nhập lại).")))
    return problems


# --- Validating rows -------------------------------------------------------------------------------

@dataclass
class _Row:
    number: int
    values: dict[str, Any]


class _Branches:
    """Branches of the committee by folded name, also without the "Chi bộ" prefix."""

    PREFIX = "chi bo "

    def __init__(self, committee: PartyCommittee) -> None:
        self.by_key: dict[str, Branch] = {}
        for branch in committee.branches.all():
            key = fold(branch.name)
            self.by_key[key] = branch
            self.by_key.setdefault(key.removeprefix(self.PREFIX), branch)

    def find(self, name: str) -> Branch:
        key = _folded(name)
        branch = self.by_key.get(key) or self.by_key.get(key.removeprefix(self.PREFIX))
        if branch is None:
            raise _Invalid(_("chi bộ '%(name)s' không có trong đảng bộ") % {"name": name})
        return branch


_Read = tuple[str, Any, str | None]  # (text, parsed value or _UNREADABLE, problem or None)


class _Remembered(dict[Any, _Read]):
    """Cells already read, by value: a hit is a plain dict lookup, a miss reads the cell and
    remembers it (up to a bound, so that memory stays flat). Numbers are never remembered: 1, 1.0
    and True are equal keys but not the same cell."""

    LIMIT = 50_000

    def __init__(self, read: Callable[[Any], _Read]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, value: Any) -> _Read:
        found = self.read(value)
        if value.__class__ not in (int, float, bool) and len(self) < self.LIMIT:
            self[value] = found
        return found


class _CellReader:
    """Reads one column's cells into the field's value: the cell's text, parsed, a branch name
    looked up. In columns whose cells repeat, each distinct cell is read once: a 100,000-row roll
    has a few thousand distinct dates and a handful of branches, genders and statuses."""

    def __init__(self, index: int, column: Column, heading: str, branches: _Branches) -> None:
        self.index, self.column, self.field, self.heading = index, column, column.field, heading
        self.letter = get_column_letter(index + 1)
        self.branches = branches
        self.read: Callable[[Any], _Read] = _Remembered(self._read).__getitem__ if column.repeats else self._read

    def _read(self, value: Any) -> _Read:
        text = _cell_text(value)
        try:
            parsed = self.column.parse(value, text)
            if self.field == "branch" and parsed:
                parsed = self.branches.find(parsed)
        except _Invalid as invalid:
            return text, _UNREADABLE, str(invalid)
        return text, parsed, None


def _cell_readers(layout: _Layout, branches: _Branches) -> list[_CellReader]:
    return [_CellReader(index, column, layout.headings[index], branches) for index, column in layout.columns.items()]


def _parse_row(number: int, cells: Sequence[Any], readers: list[_CellReader],
               errors: list[ImportIssue]) -> _Row | None:
    """The row's values by field, or None if every known column is blank (a spacer or a note in an
    ignored column); cell errors are appended to errors."""
    width = len(cells)
    read = [reader.read(cells[reader.index] if reader.index < width else None) for reader in readers]
    if not any(text for text, _, _ in read):
        return None
    for reader, (_cell, _value, problem) in zip(readers, read):
        if problem is not None:
            errors.append(ImportIssue(problem, number, reader.letter, reader.heading))
    return _Row(number, {reader.field: value for reader, (_cell, value, _problem) in zip(readers, read)})


def _row_problems(row: _Row, today: date) -> Iterator[tuple[str, str]]:
    """(field, problem) pairs for required values and dates that cannot be true together."""
    values = row.values
    for required in ("full_name", "branch", "status"):
        if required in values and not values[required]:
            yield required, _("không được để trống")
    if not any(values.get(name) for name in IDENTIFIERS):
        yield "", _("cần có Số thẻ đảng viên hoặc Số CCCD để nhận ra đảng viên khi nhập lại")
    born, admitted, full = (values.get(name) for name in ("date_of_birth", "admission_date", "full_membership_date"))
    born = born if isinstance(born, date) else None
    admitted = admitted if isinstance(admitted, date) else None
    full = full if isinstance(full, date) else None
    if born and not EARLIEST_BIRTH <= born <= today:
        yield "date_of_birth", _("ngày sinh phải từ năm 1900 đến hôm nay")
    if admitted and not PARTY_FOUNDED <= admitted <= today:
        yield "admission_date", _("ngày vào Đảng phải từ 03/02/1930 đến hôm nay")
    elif admitted and born and admitted < _birthday(born, ADMISSION_MIN_AGE):
        yield "admission_date", _("ngày vào Đảng phải sau ngày tròn %(age)s tuổi") % {"age": ADMISSION_MIN_AGE}
    if full and admitted and full <= admitted:
        yield "full_membership_date", _("ngày chính thức phải sau ngày vào Đảng")
    elif full and full > today:
        yield "full_membership_date", _("ngày chính thức không được sau hôm nay")
    if full and values.get("status") == MemberStatus.PROBATIONARY:
        yield "full_membership_date", _("đảng viên dự bị chưa có ngày chính thức, hãy để trống")


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


def _issue(row: _Row, layout: _Layout, field_name: str, problem: str) -> ImportIssue:
    if not field_name:
        return ImportIssue(problem, row.number)
    letter, heading = layout.letter_and_heading(field_name)
    return ImportIssue(problem, row.number, letter, heading)


# --- Matching rows to stored members ---------------------------------------------------------------

@dataclass(frozen=True)
class _Known:
    pk: int
    name: str
    committee_id: int


class _Matcher:
    """Finds the stored member a row is about, by card number or citizen ID, from two dicts loaded
    in two queries (never one query per row), and catches the same card or CCCD twice in the file."""

    def __init__(self) -> None:
        self.by_value: dict[str, dict[str, _Known]] = {name: {} for name in IDENTIFIERS}
        rows = Member.objects.values_list("pk", "full_name", "branch__party_committee_id", *IDENTIFIERS)
        for pk, name, committee_id, *identifiers in rows.iterator(chunk_size=5000):
            known = _Known(pk, name, committee_id)
            for field_name, value in zip(IDENTIFIERS, identifiers):
                if value:
                    self.by_value[field_name][value] = known
        self.seen: dict[str, dict[str, int]] = {name: {} for name in IDENTIFIERS}
        self.claimed: dict[int, int] = {}

    def match(self, row: _Row, committee: PartyCommittee) -> tuple[int | None, list[tuple[str, str]]]:
        """The stored member's pk (None for a new member) and any (field, problem) found."""
        problems: list[tuple[str, str]] = []
        owners: dict[str, _Known] = {}
        for field_name in IDENTIFIERS:
            value = row.values.get(field_name)
            if not value or value is _UNREADABLE:
                continue
            first = self.seen[field_name].setdefault(value, row.number)
            if first != row.number:
                problems.append((field_name, _("'%(value)s' trùng với dòng %(row)s") % {"value": value, "row": first}))
            if value in self.by_value[field_name]:
                owners[field_name] = self.by_value[field_name][value]
        found = {known.pk: known for known in owners.values()}
        if len(found) > 1:
            card, cccd = owners["party_card_number"], owners["citizen_id"]
            problems.append(("", _("số thẻ đảng viên là của %(card_owner)s nhưng số CCCD là của %(cccd_owner)s "
                                   "đã có trong danh sách") % {"card_owner": card.name, "cccd_owner": cccd.name}))
            return None, problems
        if not found:
            return None, problems
        known = next(iter(found.values()))
        if known.committee_id != committee.pk:
            problems.append(("", _("đảng viên %(name)s có số thẻ/CCCD này thuộc đảng bộ khác") % {"name": known.name}))
        first = self.claimed.setdefault(known.pk, row.number)
        if first != row.number:
            problems.append(("", _("cùng một đảng viên với dòng %(row)s") % {"row": first}))
        return known.pk, problems


# --- Planning the writes ---------------------------------------------------------------------------

class _NewMembers:
    """New members as rows of database values for one prepared INSERT, built straight from the
    validated values: a Member instance per row cost more than all the validating. Values are
    what the model would store: the field's default for a column absent from the file, status
    'full' when the file has no status column, and the name keys computed by the model itself."""

    def __init__(self) -> None:
        fields = _inserted_fields()
        self.attnames = [f.attname for f in fields]
        self.defaults = {f.attname: f.get_default() for f in fields}
        # Dates are the only values the backend adapts (ISO text on SQLite; for text, numbers,
        # booleans and None Django's preparation returns the value itself): each distinct date
        # is prepared once by its field.
        self.dates: list[tuple[int, DateField, dict[date, Any]]] = [
            (position, f, {}) for position, f in enumerate(fields) if isinstance(f, DateField)]
        self.connection = connections[DEFAULT_DB_ALIAS]  # not the proxy, looked up on every use
        self.names: dict[str, tuple[str, str, str]] = {}
        self.rows: list[tuple[Any, ...]] = []

    def add(self, values: dict[str, Any]) -> None:
        member = self.defaults.copy()
        member.update(values)
        if not member["status"]:
            member["status"] = MemberStatus.FULL
        member["branch_id"] = values["branch"].pk
        member["full_name"], member["name_sort_key"], member["name_folded"] = self.name_keys(values["full_name"])
        row = [member[name] for name in self.attnames]
        for position, date_field, prepared in self.dates:
            value = row[position]
            if value is not None:
                if value not in prepared:
                    prepared[value] = date_field.get_db_prep_save(value, self.connection)
                row[position] = prepared[value]
        self.rows.append(tuple(row))

    def name_keys(self, full_name: str) -> tuple[str, str, str]:
        """The stored name, its sort key and its search key, by the model's own fill_derived_fields
        (on a stand-in object, not a Member), once per distinct name."""
        keys = self.names.get(full_name)
        if keys is None:
            stand_in = SimpleNamespace(full_name=full_name)
            Member.fill_derived_fields(stand_in)  # type: ignore[arg-type]
            keys = (stand_in.full_name, stand_in.name_sort_key, stand_in.name_folded)
            if len(self.names) < _Remembered.LIMIT:
                self.names[full_name] = keys
        return keys

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class _Plan:
    report: ImportReport
    creates: _NewMembers = field(default_factory=_NewMembers)
    updates: list[Member] = field(default_factory=list)
    update_fields: set[str] = field(default_factory=set)
    # Per updated member, the changed fields' values before and after, for the audit trail.
    changes: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def _rows_to_write(file_name: str, data: bytes, committee: PartyCommittee) -> tuple[_Plan, list[tuple[_Row, int | None]]]:
    """Read and validate every row; the rows paired with the pk of the member they update."""
    plan = _Plan(ImportReport(file_name))
    report = plan.report
    layout, rows, sheet = _find_layout(read_sheets(file_name, data))
    report.errors.extend(_layout_problems(layout))
    if report.errors:
        return plan, []
    report.notices.extend(_layout_notices(layout, sheet))
    readers, matcher, today = _cell_readers(layout, _Branches(committee)), _Matcher(), timezone.localdate()
    matched: list[tuple[_Row, int | None]] = []
    for number, cells in rows:
        row = _parse_row(number, cells, readers, report.errors)
        if row is None:
            continue
        if report.rows >= MAX_ROWS:
            raise ImportFileError(_("Tệp có quá %(n)s dòng đảng viên.") % {"n": f"{MAX_ROWS:,}".replace(",", ".")})
        report.rows += 1
        problems = list(_row_problems(row, today))
        pk, match_problems = matcher.match(row, committee)
        report.errors.extend(_issue(row, layout, name, problem) for name, problem in [*problems, *match_problems])
        matched.append((row, pk))
    if not report.rows and not report.errors:
        report.errors.append(ImportIssue(_("Tệp không có dòng đảng viên nào dưới dòng tiêu đề.")))
    return plan, matched


def _layout_notices(layout: _Layout, sheet: int) -> list[str]:
    notices = []
    if sheet:
        notices.append(_("Đọc trang tính thứ %(n)s (trang đầu không có dòng tiêu đề).") % {"n": sheet + 1})
    if layout.unknown:
        notices.append(_("Bỏ qua các cột không nhận ra: %(columns)s.") % {"columns": ", ".join(layout.unknown)})
    if "status" not in layout.fields:
        notices.append(_("Tệp không có cột Loại đảng viên: đảng viên mới được ghi là chính thức, "
                         "đảng viên đã có giữ nguyên loại."))
    return notices


def _plan(*, committee: PartyCommittee, file_name: str, data: bytes) -> _Plan:
    """Validate the file and, if it has no errors, prepare the members to create and update."""
    try:
        plan, matched = _rows_to_write(file_name, data, committee)
    except ImportFileError as error:
        return _Plan(ImportReport(file_name, errors=[ImportIssue(str(error))]))
    if plan.report.errors:
        return plan
    stored = _stored_members(pk for _, pk in matched if pk)
    for row, pk in matched:
        if pk is None:
            plan.creates.add(row.values)
        elif change := _apply_values(stored[pk], row.values, plan.update_fields):
            plan.updates.append(stored[pk])
            plan.changes.append(change)
        else:
            plan.report.unchanged += 1
    plan.report.new, plan.report.updated = len(plan.creates), len(plan.updates)
    return plan


def _stored_members(pks: Iterable[int]) -> dict[int, Member]:
    """The members a file updates, loaded in chunks (SQLite caps the parameters of one query)."""
    wanted = list(pks)
    stored: dict[int, Member] = {}
    for start in range(0, len(wanted), 900):
        stored.update(Member.objects.in_bulk(wanted[start:start + 900]))
    return stored


def _apply_values(member: Member, values: dict[str, Any], changed_fields: set[str]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Set the file's values on a stored member; the changed fields' values before and after, or
    None if nothing changed. Columns absent from the file leave stored values alone, and an empty
    card or CCCD cell never erases a stored number."""
    before: dict[str, Any] = {}
    if member.branch_id != values["branch"].pk:
        before["branch_id"] = member.branch_id
        member.branch = values["branch"]
        changed_fields.add("branch")
    for name, value in values.items():
        if name not in _DATA_FIELDS or (name in IDENTIFIERS and not value):
            continue
        if getattr(member, name) != value:
            before[name] = getattr(member, name)
            setattr(member, name, value)
            changed_fields.add(name)
    if not before:
        return None
    if "full_name" in before:
        member.fill_derived_fields()
        changed_fields.update({"name_sort_key", "name_folded"})
    return ({name: plain(value) for name, value in before.items()},
            {name: plain(getattr(member, name)) for name in before})


# --- The service -----------------------------------------------------------------------------------

def member_import_preview(*, committee: PartyCommittee, file_name: str, data: bytes) -> ImportReport:
    """Validate a member list and say what importing it would do; writes nothing."""
    return _plan(committee=committee, file_name=file_name, data=data).report


def member_import_apply(*, committee: PartyCommittee, file_name: str, data: bytes, batch_size: int = 2000) -> ImportReport:
    """Validate the file again (the database may have changed since the preview) and, only if it
    has no errors, write every row in one transaction: all rows are stored or none is."""
    plan = _plan(committee=committee, file_name=file_name, data=data)
    if not plan.report.ok:
        return plan.report
    with transaction.atomic(), _write_cache():
        for start in range(0, len(plan.updates), batch_size):
            Member.objects.bulk_update(plan.updates[start:start + batch_size], sorted(plan.update_fields))
        for start in range(0, len(plan.creates), batch_size):
            _insert_members(plan.creates.rows[start:start + batch_size])
        _record_import(committee, file_name, data, plan, batch_size)
    plan.report.written = True
    return plan.report


def _record_import(committee: PartyCommittee, file_name: str, data: bytes, plan: _Plan, batch_size: int) -> None:
    """The audit trail of an import, in its transaction (bulk writes send no model signal, so the
    trail's automatic recording does not see them): one entry per updated member with the
    changed fields before and after, and one for the import itself naming the file by its
    SHA-256 and counting what it did. New members get no entry each: the file they came from is
    identified, and a first import of a city's roll would otherwise write its size again."""
    user = current_user()
    entries = [AuditEntry.about(member, action="member_import", user=user, before=before, after=after)
               for member, (before, after) in zip(plan.updates, plan.changes)]
    entries.append(AuditEntry.about(
        committee, action="member_import", user=user, before=None,
        after={"file": file_name, "sha256": hashlib.sha256(data).hexdigest(), "new": plan.report.new,
               "updated": plan.report.updated, "unchanged": plan.report.unchanged}))
    AuditEntry.objects.bulk_create(entries, batch_size=batch_size)


@contextmanager
def _write_cache() -> Iterator[None]:
    """On SQLite, a page cache large enough for the member table's five indexes while a whole
    roll is written (the default 2 MB made SQLite spill and re-read index pages: a third of the
    write time for 100,000 rows); put back afterwards. Durability settings are left alone."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def _inserted_fields() -> list[Any]:
    return [f for f in Member._meta.concrete_fields if not f.primary_key]


def _insert_members(rows: list[tuple[Any, ...]]) -> None:
    """INSERT new members with one prepared statement (executemany). Why not bulk_create: on
    SQLite Django caps a statement at 999 parameters (35 members of 28 fields) and compiles every
    statement in Python; for 100,000 members that alone took longer than the whole import may."""
    fields, quote = _inserted_fields(), connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(Member._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields)))
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
