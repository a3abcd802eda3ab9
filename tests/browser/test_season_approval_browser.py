from datetime import date

import pytest

from daihoi.plans.services import congress_schedule

pytestmark = pytest.mark.browser


def test_the_secretary_submits_results_and_the_ward_approves_them(login_page, page, secretary_user, ward_office_user, make_plan, branch, make_member):
    members = [make_member(branch, f"Nguyễn Văn Số{n}") for n in range(10)]
    congress = congress_schedule(congress=make_plan().congresses.get(branch=branch), scheduled_on=date(2022, 8, 27),
                                 starts_at=None, ends_at=None, place="", supervisors=[])
    login_page(secretary_user)
    page.click("nav >> text=Đại hội chi bộ")
    page.click("text=Nhập kết quả từ biên bản")
    page.fill("#id_summoned", "10")
    page.fill("#id_present", "9")
    page.fill("#id_denominator", "9")
    page.fill("#id_committee_seats", "3")
    for member, votes in zip(members[:3], ("9", "8", "7")):
        page.fill(f"#id_votes_{member.pk}", votes)
    page.select_option("#id_secretary", str(members[0].pk))
    page.fill("#id_secretary_votes", "9")
    page.select_option("#id_deputy", str(members[1].pk))
    page.fill("#id_deputy_votes", "8")
    page.click("button:has-text('Trình kết quả để chuẩn y')")
    page.wait_for_selector("text=Đã trình kết quả đại hội để Đảng ủy chuẩn y.")
    assert "77.78%" in page.inner_text("#result-h + p + .table-wrap")

    page.context.clear_cookies()
    login_page(ward_office_user)
    page.goto(f"/dai-hoi/chi-bo/{congress.pk}/")
    page.fill("#id_decision_number", "219-QĐ/ĐU")
    page.fill("#id_decided_on", "2022-09-10")
    page.click("button:has-text('Chuẩn y kết quả')")
    page.wait_for_selector("text=Đã chuẩn y kết quả đại hội.")
    assert "Đã chuẩn y theo Quyết định số 219-QĐ/ĐU ngày 10/09/2022." in page.inner_text("main")
