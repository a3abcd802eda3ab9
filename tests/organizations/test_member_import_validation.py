"""Every wrong cell is reported with its Excel row, column letter and heading, in Vietnamese."""
from datetime import date, datetime

import pytest

from daihoi.organizations.models import Member

# Headings of RollFiles.row in order: A name, B born, C sex, D CCCD, E card, F admitted, G full, H status, I branch.
CASES = [
    ({"Ngày sinh": "31/02/1980"}, "Dòng 3, cột B (Ngày sinh): ngày '31/02/1980' không hợp lệ, cần dạng dd/mm/yyyy"),
    ({"Ngày sinh": "1899-12-31"}, "Dòng 3, cột B (Ngày sinh): ngày sinh phải từ năm 1900 đến hôm nay"),
    ({"Giới tính": "Khác"}, "Dòng 3, cột C (Giới tính): 'Khác' không hợp lệ, cần Nam hoặc Nữ"),
    ({"Số CCCD": "12345"}, "Dòng 3, cột D (Số CCCD): số CCCD '12345' không hợp lệ, cần đúng 12 chữ số"),
    ({"Số thẻ đảng viên": "1234567a"},
     "Dòng 3, cột E (Số thẻ đảng viên): số thẻ đảng viên '1234567a' không hợp lệ, cần đúng 8 chữ số"),
    ({"Ngày vào Đảng": "01/01/1980"}, "Dòng 3, cột F (Ngày vào Đảng): ngày vào Đảng phải sau ngày tròn 16 tuổi"),
    ({"Ngày chính thức": "01/01/1990"},
     "Dòng 3, cột G (Ngày chính thức): ngày chính thức phải sau ngày vào Đảng"),
    ({"Loại đảng viên": "Dự bị"},
     "Dòng 3, cột G (Ngày chính thức): đảng viên dự bị chưa có ngày chính thức, hãy để trống"),
    ({"Loại đảng viên": "tạm"}, "Dòng 3, cột H (Loại đảng viên): 'tạm' không hợp lệ, cần 'chính thức' hoặc 'dự bị'"),
    ({"Loại đảng viên": ""}, "Dòng 3, cột H (Loại đảng viên): không được để trống"),
    ({"Chi bộ": "Chi bộ Sao Hỏa"}, "Dòng 3, cột I (Chi bộ): chi bộ 'Chi bộ Sao Hỏa' không có trong đảng bộ"),
    ({"Họ và tên": ""}, "Dòng 3, cột A (Họ và tên): không được để trống"),
    ({"Số CCCD": "", "Số thẻ đảng viên": ""},
     "Dòng 3: cần có Số thẻ đảng viên hoặc Số CCCD để nhận ra đảng viên khi nhập lại"),
]


@pytest.mark.parametrize(("changes", "message"), CASES, ids=[m.split(": ", 1)[1][:40] for _, m in CASES])
def test_each_invalid_cell_is_reported_with_row_column_and_heading(roll, changes, message):
    report = roll.preview(roll.xlsx(roll.grid([roll.row(1), roll.row(2, **changes)])))
    assert roll.messages(report) == [message]


def test_optional_columns_are_checked_too(roll):
    row = roll.row(1, **{"Số lý lịch đảng viên": "12345", "Miễn sinh hoạt": "hình như", "Điện thoại": "09a"})
    messages = roll.messages(roll.preview(roll.xlsx(roll.grid([row]))))
    assert any("cột J (Số lý lịch đảng viên)" in m and "6 chữ số và 1–3 chữ cái" in m for m in messages)
    assert any("cột K (Miễn sinh hoạt)" in m and "'có' hoặc 'không'" in m for m in messages)
    assert any("cột L (Điện thoại)" in m for m in messages)


@pytest.mark.parametrize("born", ["5/4/1970", "05/04/1970", "1970-04-05", "05-04-1970", date(1970, 4, 5),
                                  datetime(1970, 4, 5)])
def test_dates_are_read_in_every_common_form(roll, born):
    assert roll.apply(roll.xlsx(roll.grid([roll.row(1, **{"Ngày sinh": born})]))).written
    assert Member.objects.get().date_of_birth == date(1970, 4, 5)


def test_numbers_that_lost_their_leading_zeros_in_excel_are_padded(roll):
    row = roll.row(1, **{"Số CCCD": 1070012345, "Số thẻ đảng viên": 1234567, "Điện thoại": 912345678})
    assert roll.apply(roll.xlsx(roll.grid([row]))).written
    member = Member.objects.get()
    assert (member.citizen_id, member.party_card_number, member.phone) == ("001070012345", "01234567", "0912345678")


def test_valid_optional_values_are_stored_normalised(roll):
    row = roll.row(1, **{"Giới tính": "NỮ", "Miễn sinh hoạt": "Có", "Số lý lịch đảng viên": "012345 hn",
                         "Sinh hoạt tạm thời": "nơi khác", "Họ và tên": "  Trần   Thị  Ánh "})
    assert roll.apply(roll.xlsx(roll.grid([row]))).written
    member = Member.objects.get()
    assert (member.gender, member.is_excused, member.cv_number, member.attachment, member.full_name) == (
        "female", True, "012345HN", "elsewhere", "Trần Thị Ánh")
