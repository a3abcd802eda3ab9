"""Files that are not a member list get a clear Vietnamese message, never an exception."""
import io
import zipfile

import pytest
from docx import Document

from daihoi.organizations.models import Member


def _docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<row>" + b"0" * (200 * 1024 * 1024))
    return buffer.getvalue()


def _damaged_xlsx(roll) -> bytes:
    data = roll.xlsx(roll.grid([roll.row(1)]))
    return data[: len(data) // 2]


BAD_FILES = {
    "empty": (lambda roll: b"", "danh-sach.xlsx", "Tệp rỗng."),
    "random bytes": (lambda roll: bytes(range(256)) * 40, "danh-sach.xlsx", "không phải bảng tính Excel"),
    "Word file renamed": (lambda roll: _docx(), "danh-sach.xlsx", "tài liệu Word"),
    "zip bomb": (lambda roll: _zip_bomb(), "danh-sach.xlsx", "giải nén ra quá lớn"),
    "password protected": (lambda roll: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "danh-sach.xlsx", "mật khẩu"),
    "cut short": (_damaged_xlsx, "danh-sach.xlsx", "bị hỏng"),
    "pdf": (lambda roll: b"%PDF-1.4 ...", "danh-sach.pdf", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV"),
    "csv with a broken quote": (lambda roll: "Họ tên,Chi bộ,Số thẻ\n\"abc".encode() + b"x" * 200_000,
                                "a.csv", "bị hỏng"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_get_a_message_and_write_nothing(roll, kind):
    make, file_name, expected = BAD_FILES[kind]
    report = roll.apply(make(roll), file_name=file_name)
    assert not report.written
    assert expected in roll.messages(report)[0]
    assert Member.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(roll, settings):
    settings.MEMBER_IMPORT_MAX_BYTES = 1000
    assert "Tệp quá lớn" in roll.messages(roll.preview(b"x" * 1001, file_name="a.csv"))[0]


def test_a_sheet_claiming_a_huge_range_reads_only_its_cells(roll):
    grid = roll.grid([roll.row(1)])
    from openpyxl import Workbook

    workbook = Workbook()
    for cells in grid:
        workbook.active.append(cells)
    workbook.active.cell(1_048_576, 16_384, None).number_format = "0"
    workbook.active["XFD1048575"] = ""
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert roll.apply(buffer.getvalue()).new == 1
