import pytest

pytestmark = pytest.mark.browser


def schedule(page, congress, supervisor, start, end):
    page.goto(f"/dai-hoi/chi-bo/{congress.pk}/")
    page.click("summary:has-text('Xếp lịch, phân công')")
    page.fill("#id_scheduled_on", "2022-08-27")
    page.fill("#id_starts_at", start)
    page.fill("#id_ends_at", end)
    page.fill("#id_place", "Nhà văn hóa")
    page.check(f"input[name=supervisors][value='{supervisor.pk}']")
    page.click("button:has-text('Lưu lịch')")
    page.wait_for_selector("text=Đã lưu lịch đại hội.")


def test_two_congresses_with_one_supervisor_at_the_same_time_show_the_clash(login_page, ward_office_user, make_plan, branch, other_branch, supervisor_user):
    supervisor_user.first_name = "Lê Văn Giám"
    supervisor_user.save()
    plan = make_plan()
    page = login_page(ward_office_user)
    schedule(page, plan.congresses.get(branch=branch), supervisor_user, "08:00", "11:00")
    schedule(page, plan.congresses.get(branch=other_branch), supervisor_user, "10:00", "12:00")
    assert "Trùng lịch: đồng chí Lê Văn Giám cũng dự đại hội Chi bộ Tổ dân phố số 1 ngày 27/08/2022" in page.inner_text("main")
    page.goto(f"/dai-hoi/ke-hoach/{plan.pk}/")
    assert "2 đại hội có đảng ủy viên dự trùng giờ với đại hội khác." in page.inner_text("main")
    page.click("text=Xem lịch")
    assert page.locator(".calendar li.clash").count() == 2
