"""In Chromium: the branch secretary reaches the checklist from the navigation, unmarks an item
marked by mistake with a reason, and the ward's dashboard counts it as not done again."""
from datetime import date

import pytest

from daihoi.plans.services import follow_up_mark

pytestmark = pytest.mark.browser


def test_the_secretary_unmarks_an_item_from_the_navigation_and_the_dashboard_changes(
        login_page, page, secretary_user, ward_office_user, held_congress):
    rules = held_congress.plan.follow_up_items.get(title="Xây dựng quy chế làm việc của chi ủy")
    follow_up_mark(congress=held_congress, item=rules, done_on=date(2022, 9, 5), by=secretary_user, today=date.today())
    login_page(secretary_user)
    page.goto("/")
    page.get_by_role("link", name="Sau đại hội").click()
    page.wait_for_url(f"**/dai-hoi/chi-bo/{held_congress.pk}/#after-h")
    assert "xong 05/09/2022" in page.inner_text("#after-h + ul")
    page.fill(f"#undo-reason-{rules.pk}", "Ghi nhầm, quy chế chưa ký")
    page.click("button:has-text('Bỏ đánh dấu')")
    page.wait_for_selector("text=Đã bỏ đánh dấu việc sau đại hội.")
    assert "xong 05/09/2022" not in page.inner_text("#after-h + ul")

    page.context.clear_cookies()
    login_page(ward_office_user)
    page.goto(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/")
    assert "0/9 việc sau đại hội đã hoàn thành" in page.inner_text("#after")
