"""The ward office imports a small list with one bad row, sees the error by row and column, fixes
the file, imports it, and finds the members on the branch page."""
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

HEADINGS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số thẻ đảng viên", "Loại đảng viên", "Chi bộ"]


def _roll(path: Path, born_of_second: str) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH ĐẢNG VIÊN"])
    sheet.append(HEADINGS)
    sheet.append([1, "Phạm Thị Hoa", "12/03/1965", "Nữ", "31000001", "Chính thức", "Tổ dân phố số 1"])
    sheet.append([2, "Đỗ Văn Khải", born_of_second, "Nam", "31000002", "Dự bị", "Tổ dân phố số 1"])
    workbook.save(path)
    return path


@pytest.mark.browser
def test_ward_office_fixes_a_bad_row_and_imports_the_list(login_page: Any, ward_office_user: Any, branch: Any,
                                                          tmp_path: Path) -> None:
    page = login_page(ward_office_user)
    page.get_by_role("link", name="Nhập Excel").first.click()
    page.set_input_files("#id_file", _roll(tmp_path / "sai.xlsx", "30/02/1990"))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    error = page.locator("#import-errors")
    assert "Dòng 4, cột C (Ngày sinh): ngày '30/02/1990' không hợp lệ" in error.inner_text()
    assert page.get_by_role("button", name="Ghi vào danh sách đảng viên").count() == 0

    page.set_input_files("#id_file", _roll(tmp_path / "dung.xlsx", "20/02/1990"))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    page.get_by_role("button", name="Ghi vào danh sách đảng viên").click()
    assert "Đã nhập 2 đảng viên: 2 thêm mới" in page.locator(".messages").inner_text()

    page.goto(f"/chi-bo/{branch.pk}/")
    members = page.locator("#member-rows").inner_text()
    assert "Phạm Thị Hoa" in members and "Đỗ Văn Khải" in members
