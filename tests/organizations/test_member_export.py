"""The export writes the import layout: what is exported imports back unchanged."""
import io

from openpyxl import load_workbook

from daihoi.organizations.exporting import member_export_xlsx, member_template_xlsx
from daihoi.organizations.models import Member

FIELDS = [f.attname for f in Member._meta.concrete_fields if f.name != "id"]


def _snapshot():
    return list(Member.objects.order_by("party_card_number").values_list(*FIELDS))


def test_export_imports_back_unchanged(roll, branch, other_branch, make_member):
    from datetime import date

    make_member(branch, "Nguyễn Thị Ánh", citizen_id="001170000001", gender="female", cv_number="012345HN",
                admission_date=date(1990, 3, 3), full_membership_date=date(1991, 3, 3), is_excused=True,
                attachment="elsewhere", hometown="Nam Định", phone="0912345678", political_theory="Trung cấp")
    make_member(other_branch, "Trần Văn Ước", status="probationary", admission_date=date(2024, 9, 2),
                is_suspended=True, is_prosecuted_or_detained=True, education="12/12")
    before = _snapshot()
    data = member_export_xlsx(members=Member.objects.all())
    report = roll.apply(data, file_name="xuat.xlsx")
    assert report.errors == []
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)
    assert _snapshot() == before


def test_text_that_would_run_as_a_formula_is_escaped_and_read_back(roll, branch, make_member):
    make_member(branch, "=HYPERLINK(\"http://x\")", residence="+1 phố", occupation="@SUM(A1)", religion="-Không")
    sheet = load_workbook(io.BytesIO(member_export_xlsx(members=Member.objects.all()))).active
    values = [cell.value for cell in sheet[2]]
    assert "'=HYPERLINK(\"http://x\")" in values and "'+1 phố" in values and "'@SUM(A1)" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in values)
    assert sheet.cell(2, 2).data_type == "s"
    assert roll.preview(member_export_xlsx(members=Member.objects.all())).unchanged == 1


def test_template_has_headings_an_example_and_notes_and_imports_as_one_member(roll):
    workbook = load_workbook(io.BytesIO(member_template_xlsx()))
    assert workbook.sheetnames == ["Đảng viên", "Hướng dẫn"]
    assert [c.value for c in workbook["Đảng viên"][1]][:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert roll.preview(member_template_xlsx()).new == 1
