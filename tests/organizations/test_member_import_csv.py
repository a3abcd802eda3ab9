"""CSV files as Excel and other tools save them: UTF-8 with or without BOM, comma or semicolon."""
import pytest

from daihoi.organizations.models import Member


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("bom", [False, True])
def test_csv_in_utf8_with_any_common_separator_imports(roll, delimiter, bom):
    data = roll.csv(roll.grid([roll.row(1), roll.row(2)], above=[["DANH SÁCH"]]), delimiter=delimiter, bom=bom)
    report = roll.apply(data, file_name="danh-sach.csv")
    assert report.errors == []
    assert sorted(Member.objects.values_list("full_name", flat=True)) == ["Nguyễn Văn Bình", "Nguyễn Văn Cường"]


def test_csv_errors_use_the_same_row_and_column_as_excel(roll):
    data = roll.csv(roll.grid([roll.row(1, **{"Ngày sinh": "32/01/1970"})]), delimiter=";")
    assert roll.messages(roll.preview(data, file_name="a.csv"))[0].startswith("Dòng 2, cột B (Ngày sinh)")


def test_csv_in_a_legacy_encoding_gets_a_message(roll):
    data = "Họ và tên,Chi bộ\nNguyễn Văn An,Tổ 1\n".encode("utf-16")
    assert "không phải mã UTF-8" in roll.messages(roll.preview(data, file_name="a.csv"))[0]
