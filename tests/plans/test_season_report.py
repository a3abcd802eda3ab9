from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from daihoi.plans.selectors import season_report
from daihoi.plans.services import ResultInput, congress_schedule, result_approve, result_submit


@pytest.fixture
def plan(make_plan, branch, make_member, secretary_user, ward_office_user):
    plan = make_plan()
    members = [make_member(branch, name, gender=gender) for name, gender in
               [("Nguyễn Thị Hoa", "female"), ("Trần Văn Nam", "male"), ("Lê Văn Sơn", "male")]
               + [(f"Phạm Văn Số{n}", "male") for n in range(7)]]
    congress = congress_schedule(congress=plan.congresses.get(branch=branch), scheduled_on=date(2022, 8, 27),
                                 starts_at=None, ends_at=None, place="", supervisors=[])
    result_submit(congress=congress, by=secretary_user, on=date(2022, 8, 29), data=ResultInput(
        summoned=10, present=9, denominator=9, committee_seats=3,
        committee=[(members[0], 9), (members[1], 8), (members[2], 7)], secretary=(members[0], 9), deputy=(members[1], 7)))
    result_approve(congress=congress, decision_number="219-QĐ/ĐU", decided_on=date(2022, 9, 10), by=ward_office_user)
    return plan


def test_the_season_report_has_one_row_per_branch_and_totals(plan):
    report = season_report(plan)
    assert report["plan"]["number"] == "74-KH/ĐU" and report["plan"]["term"] == "2022–2025"
    held, waiting = sorted(report["branches"], key=lambda row: row["summoned"] is None)
    assert held["branch"] == "Chi bộ Tổ dân phố số 1" and held["date"] == "2022-08-27"
    assert held["secretary"] == {"name": "Nguyễn Thị Hoa", "votes": 9, "percent": "100.00"}
    assert held["deputy"]["percent"] == "77.78"
    assert [p["name"] for p in held["committee"]] == ["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Văn Sơn"]
    assert (held["decision_number"], held["approved_on"], held["women_elected"]) == ("219-QĐ/ĐU", "2022-09-10", 1)
    assert waiting["summoned"] is None and waiting["committee"] == []
    assert report["totals"] == {"branches": 2, "held": 1, "approved": 1, "summoned": 10, "present": 9,
                                "committee_members": 3, "women_elected": 1, "present_percent": "90.00"}


def test_the_excel_report_opens_with_one_row_per_branch_and_a_total_row(client_for, ward_office_user, plan):
    response = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{plan.pk}/bao-cao.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="ket-qua-dai-hoi-2022-2025.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [row[1] for row in rows[:2]] == ["Chi bộ Công an phường", "Chi bộ Tổ dân phố số 1"]
    assert rows[1][8:10] == ("Nguyễn Thị Hoa", "100.00") and rows[1][12] == "219-QĐ/ĐU"
    assert rows[2][1] == "Tổng cộng: 1/2 chi bộ đã tổ chức, 1 đã chuẩn y" and rows[2][3] == 10


def test_the_json_report_is_the_same_data(client_for, ward_office_user, plan):
    response = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{plan.pk}/bao-cao.json")
    assert response.json() == season_report(plan)
