"""Text typed by users that starts like a formula (= + - @) never becomes a formula in an Excel
export: the members export and the season report write it as text."""
import io
from typing import Any

from openpyxl import load_workbook

HOSTILE = '=HYPERLINK("http://example.invalid","bấm")'


def _formulas(content: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(content))
    return [f"{sheet.title}!{cell.coordinate}: {cell.value}" for sheet in workbook.worksheets
            for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_the_members_export_writes_formula_like_text_as_text(branch: Any, make_member: Any, ward_office_user: Any,
                                                             client_for: Any) -> None:
    make_member(branch, HOSTILE, residence="+84 tổ 1", occupation="@nghề")
    response = client_for(ward_office_user).get("/dang-vien/xuat-excel/")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and not _formulas(content)
    assert HOSTILE in str([c.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for c in row])


def test_the_season_report_writes_formula_like_branch_names_as_text(branch: Any, make_season: Any, ward_office_user: Any,
                                                                  client_for: Any) -> None:
    branch.name = HOSTILE
    branch.save()
    plan = make_season(held=1)
    response = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{plan.pk}/bao-cao.xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and not _formulas(content)
