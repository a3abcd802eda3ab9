from io import BytesIO

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.browser


def test_the_season_report_downloads_and_opens_in_excel(login_page, ward_office_user, make_plan):
    plan = make_plan()
    page = login_page(ward_office_user)
    page.goto(f"/dai-hoi/ke-hoach/{plan.pk}/")
    with page.expect_download() as download:
        page.click("text=Tải báo cáo Excel")
    assert download.value.suggested_filename == "ket-qua-dai-hoi-2022-2025.xlsx"
    sheet = load_workbook(BytesIO(open(download.value.path(), "rb").read())).active
    assert sheet["A1"].value == "KẾT QUẢ ĐẠI HỘI CÁC CHI BỘ NHIỆM KỲ 2022–2025"
    assert [row[1] for row in sheet.iter_rows(min_row=5, max_row=6, values_only=True)] == ["Chi bộ Công an phường", "Chi bộ Tổ dân phố số 1"]
