"""Export of members, and the import template, in the importer's layout (``importing.COLUMNS``), so
that an exported list can be edited in Excel and imported back unchanged."""
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from daihoi.organizations.importing import (
    ATTACHMENT_LABELS, COLUMNS, FORMULA_PREFIXES, GENDER_LABELS, STATUS_LABELS, YES_NO_LABELS,
)
from daihoi.organizations.models import Attachment, Gender, Member, MemberStatus

SHEET_TITLE = "Đảng viên"
DATE_FORMAT = "DD/MM/YYYY"
SERIAL_HEADING = "STT"
_WIDE = {"full_name": 26, "branch": 30, "residence": 34, "hometown": 18, "citizen_id": 16, "cv_number": 14}

EXAMPLE = Member(
    full_name="Nguyễn Văn An", date_of_birth=date(1965, 5, 19), gender=Gender.MALE, ethnicity="Kinh",
    religion="Không", hometown="Nam Định", citizen_id="001065012345", party_card_number="12345678",
    cv_number="012345HN", admission_date=date(1990, 3, 3), full_membership_date=date(1991, 3, 3),
    status=MemberStatus.FULL, attachment=Attachment.NONE, education="12/12", qualification="Đại học",
    political_theory="Trung cấp", occupation="Hưu trí", residence="Tổ dân phố số 1", phone="0912345678",
)


def escape_formula(value: Any) -> Any:
    """Text starting with = + - @ would run as a formula when the sheet is edited in Excel (formula
    injection): it is written with a leading apostrophe, which the importer drops again."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cell_value(member: Member, field_name: str, branch_name: str) -> Any:
    """A member's field as the importer reads it back: labels for choices, có/không for flags."""
    if field_name == "branch":
        return branch_name
    value = getattr(member, field_name)
    labels: dict[Any, str] | None = {
        "gender": GENDER_LABELS, "status": STATUS_LABELS, "attachment": ATTACHMENT_LABELS,
    }.get(field_name)
    if labels is not None:
        return labels.get(value, "")
    if isinstance(value, bool):
        return YES_NO_LABELS[value]
    return value if value is not None else ""


def _row(sheet: WriteOnlyWorksheet, serial: int, member: Member, branch_name: str) -> list[Any]:
    row: list[Any] = [serial]
    for column in COLUMNS:
        value = _cell_value(member, column.field, branch_name)
        if isinstance(value, date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = DATE_FORMAT
            row.append(cell)
        else:
            row.append(escape_formula(value))
    return row


def _sheet(workbook: Workbook) -> WriteOnlyWorksheet:
    """The members sheet with bold headings, frozen under the heading row."""
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 6
    for index, column in enumerate(COLUMNS, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDE.get(column.field, 13)
    bold = Font(bold=True)
    headings = []
    for heading in [SERIAL_HEADING, *(column.heading for column in COLUMNS)]:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        headings.append(cell)
    sheet.append(headings)
    return sheet


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def member_export_xlsx(*, members: QuerySet[Member]) -> bytes:
    """The members as an .xlsx in the import layout, streamed (write-only) so that a whole city's
    roll fits in little memory."""
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook)
    rows = members.select_related("branch").order_by("branch__position", "branch__name", "name_sort_key", "id")
    for serial, member in enumerate(rows.iterator(chunk_size=2000), start=1):
        sheet.append(_row(sheet, serial, member, member.branch.name))
    return _save(workbook)


def _notes_rows() -> Iterable[list[str]]:
    yield ["Cột", "Cách ghi", "Các tiêu đề khác cũng được nhận"]
    for column in COLUMNS:
        yield [column.heading, column.note, "; ".join(column.aliases)]
    yield []
    yield ["Ghi chú chung"]
    for line in (
        "Dòng tiêu đề có thể nằm trong 10 dòng đầu; tiêu đề viết có dấu hay không dấu, hoa hay thường đều được.",
        "Cột có tiêu đề lạ (ví dụ Ghi chú) được bỏ qua; cột STT không cần.",
        "Nhập lại tệp sẽ cập nhật đảng viên có cùng Số thẻ đảng viên hoặc Số CCCD, không tạo bản trùng.",
        "Cột không có trong tệp thì giữ nguyên dữ liệu đã có; ô Số thẻ hoặc Số CCCD để trống không xóa số đã lưu.",
        "Tệp có lỗi thì không ghi gì; sửa hết lỗi rồi tải lên lại.",
    ):
        yield [line]


def member_template_xlsx(*, branch_name: str = "Chi bộ Tổ dân phố số 1") -> bytes:
    """The template to download: the headings, one example row and a sheet of notes."""
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook)
    sheet.append(_row(sheet, 1, EXAMPLE, branch_name))
    notes = workbook.create_sheet("Hướng dẫn")
    notes.column_dimensions["A"].width = 30
    notes.column_dimensions["B"].width = 60
    notes.column_dimensions["C"].width = 60
    for line in _notes_rows():
        notes.append(line)
    return _save(workbook)
