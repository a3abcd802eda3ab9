"""In Chromium: the branch secretary marks a post-congress item done with its document attached,
and the ward's dashboard counts it."""
import pytest

pytestmark = pytest.mark.browser


def test_the_secretary_marks_the_working_rules_done_with_a_file_and_the_dashboard_changes(
        login_page, page, secretary_user, ward_office_user, held_congress, tmp_path):
    plan_url = f"/dai-hoi/ke-hoach/{held_congress.plan_id}/"
    login_page(ward_office_user)
    page.goto(plan_url)
    assert "0/9 việc sau đại hội đã hoàn thành" in page.inner_text("#after")
    assert "5 việc quá hạn" in page.inner_text("#after")

    page.context.clear_cookies()
    login_page(secretary_user)
    page.goto(f"/dai-hoi/chi-bo/{held_congress.pk}/")
    rules = tmp_path / "quy-che-lam-viec.pdf"
    rules.write_bytes(b"%PDF-1.4 quy che")
    page.select_option("#fu-item", label="Xây dựng quy chế làm việc của chi ủy")
    page.fill("#fu_done_on", "2022-09-05")
    page.set_input_files("#fu_file", str(rules))
    page.click("button:has-text('Ghi đã hoàn thành')")
    page.wait_for_selector("text=Đã ghi việc sau đại hội.")
    assert "xong 05/09/2022" in page.inner_text("#after-h + ul")
    assert page.locator("#after-h + ul a", has_text="quy-che-lam-viec").count() == 1

    page.context.clear_cookies()
    login_page(ward_office_user)
    page.goto(plan_url)
    assert "1/9 việc sau đại hội đã hoàn thành" in page.inner_text("#after")
    assert "4 việc quá hạn" in page.inner_text("#after")
