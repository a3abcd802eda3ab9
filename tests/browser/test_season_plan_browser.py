import pytest

pytestmark = pytest.mark.browser


def test_the_ward_office_issues_a_plan_and_lands_on_its_dashboard(login_page, ward_office_user, ward, tmp_path):
    plan_file = tmp_path / "ke-hoach-74.pdf"
    plan_file.write_bytes(b"%PDF-1.4 ke hoach")
    page = login_page(ward_office_user)
    page.goto("/dai-hoi/")
    page.click("text=Ban hành kế hoạch mới")
    page.fill("#id_number", "74-KH/ĐU")
    page.fill("#id_issued_on", "2022-07-12")
    page.fill("#id_term_start_year", "2022")
    page.fill("#id_term_end_year", "2025")
    page.fill("#id_window_start", "2022-08-20")
    page.fill("#id_window_end", "2022-09-11")
    page.fill("#id_min_women_percent", "30")
    page.set_input_files("#id_file", str(plan_file))
    page.click("button:has-text('Ban hành kế hoạch')")
    page.wait_for_url("**/dai-hoi/ke-hoach/*/")
    assert "Đã ban hành kế hoạch 74-KH/ĐU: 2 đại hội chi bộ." in page.inner_text(".messages")
    assert page.inner_text("#progress-h") == "0/2 chi bộ đã tổ chức đại hội"
    assert page.locator("text=Tệp kế hoạch (bản 1)").count() == 1
