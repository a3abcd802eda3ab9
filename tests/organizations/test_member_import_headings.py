"""Columns are found by their Vietnamese headings, whatever the spelling offices use."""
from datetime import date, datetime

import pytest

from daihoi.organizations.models import Member


@pytest.mark.parametrize("name_heading", ["Họ và tên", "Họ tên", "HO_TEN", "ho va ten", "  HỌ VÀ TÊN (*) "])
@pytest.mark.parametrize("id_heading", ["Số CCCD", "Số định danh", "CCCD", "so_cccd"])
def test_name_and_citizen_id_columns_are_recognised_in_every_common_spelling(roll, name_heading, id_heading):
    row = roll.row(1)
    data = roll.xlsx([[name_heading, id_heading, "Chi bộ", "Loại đảng viên"],
                      [row["Họ và tên"], row["Số CCCD"], row["Chi bộ"], "chính thức"]])
    report = roll.apply(data)
    assert report.errors == []
    assert Member.objects.get().citizen_id == row["Số CCCD"]


def test_heading_row_under_a_title_is_found(roll):
    data = roll.xlsx(roll.grid([roll.row(1)], above=[["DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ PHƯỜNG"], ["Tính đến 01/01/2025"], []]))
    assert roll.apply(data).new == 1


def test_unknown_columns_are_ignored_and_listed_in_a_notice(roll):
    row = roll.row(1, **{"Ghi chú": "chuyển đến 2024", "STT": 1})
    report = roll.preview(roll.xlsx(roll.grid([row])))
    assert report.ok
    assert any("J (Ghi chú)" in notice for notice in report.notices)
    assert not any("STT" in notice for notice in report.notices)


def test_branch_is_matched_without_the_chi_bo_prefix_and_without_diacritics(roll, branch):
    report = roll.apply(roll.xlsx(roll.grid([roll.row(1, **{"Chi bộ": "to dan pho so 1"})])))
    assert report.written
    assert Member.objects.get().branch == branch


def test_missing_status_column_makes_new_members_full_and_says_so(roll):
    row = roll.row(1)
    del row["Loại đảng viên"]
    report = roll.apply(roll.xlsx(roll.grid([row])))
    assert report.written
    assert Member.objects.get().status == "full"
    assert any("Loại đảng viên" in notice for notice in report.notices)


def test_a_file_without_branch_or_identifier_columns_is_refused(roll):
    report = roll.preview(roll.xlsx([["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", "01/01/1970"]]))
    assert "Thiếu cột Chi bộ." in roll.messages(report)
    assert any("Thiếu cột Số thẻ đảng viên hoặc Số CCCD" in m for m in roll.messages(report))


def test_a_sheet_without_any_heading_row_gets_a_message(roll):
    report = roll.preview(roll.xlsx([["a", "b"], [1, 2]]))
    assert "Không tìm thấy dòng tiêu đề" in roll.messages(report)[0]


def test_a_workbook_with_shared_strings_and_date_cells_as_excel_saves_it_imports(roll, tmp_path):
    import xlsxwriter

    path = tmp_path / "excel.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    row = roll.row(1, **{"Ngày sinh": None})
    sheet.write_row(0, 0, list(row))
    sheet.write_row(1, 0, list(row.values()))
    sheet.write_datetime(1, 1, datetime(1970, 4, 5), workbook.add_format({"num_format": "dd/mm/yyyy"}))
    workbook.close()
    assert roll.apply(path.read_bytes()).written
    member = Member.objects.get()
    assert (member.full_name, member.date_of_birth) == (row["Họ và tên"], date(1970, 4, 5))
