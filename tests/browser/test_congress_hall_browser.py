"""In Chromium: check members in by typing their QR text (as a USB scanner does), watch the
projector flip to a quorum within a second, then open and record a show-of-hands vote."""
from typing import Any

import pytest
from playwright.sync_api import expect


@pytest.fixture
def hall(make_season: Any, branch: Any, make_member: Any) -> Any:
    from daihoi.congresses import services

    congress = make_season(held=0).congresses.get(branch=branch)
    for n in range(3):
        make_member(branch, f"Đảng Viên Số {n + 1}")
    services.summons_build(congress=congress)
    services.agenda_apply_template(congress=congress)
    return congress


@pytest.mark.browser
def test_checking_in_by_qr_text_flips_the_projector_and_a_motion_is_recorded(hall: Any, secretary_user: Any, login_page: Any) -> None:
    page = login_page(secretary_user)
    projector = page.context.new_page()
    projector.set_viewport_size({"width": 1024, "height": 768})
    projector.goto(f"/hoi-truong/{hall.pk}/man-chieu/")
    expect(projector.locator("[data-quorum]")).to_have_attribute("data-quorum", "unmet")

    page.goto(f"/hoi-truong/{hall.pk}/diem-danh/")
    rows = list(hall.attendances.select_related("member").order_by("id"))
    tokens = [row.token for row in rows]
    for row in rows[:2]:
        page.locator("#scan").fill(row.token.lower())
        page.locator("#scan").press("Enter")
        expect(page.locator("#checkin-result .notice-ok")).to_contain_text(row.member.full_name)
        expect(page.locator("#scan")).to_be_focused()
    page.locator("#scan").fill(tokens[0])
    page.locator("#scan").press("Enter")
    expect(page.locator("#checkin-result")).to_contain_text("không tính lại")
    expect(page.locator("#hall-counts [data-count=present]")).to_contain_text("2/3")

    expect(projector.locator("[data-quorum]")).to_have_attribute("data-quorum", "met", timeout=1500)
    expect(projector.locator("[data-count=present]")).to_have_text("2/3")

    page.goto(f"/hoi-truong/{hall.pk}/bieu-quyet/")
    page.select_option("#id_kind", "agenda")
    page.fill("#id_title", "Thông qua chương trình đại hội")
    page.click("text=Mở biểu quyết >> nth=-1")
    expect(page.locator(".snapshot")).to_contain_text("có mặt 2/3")
    expect(projector.locator("[data-motion=open]")).to_contain_text("Thông qua chương trình đại hội", timeout=1500)
    page.fill("#id_agree", "2")
    page.fill("#id_disagree", "0")
    page.click("text=Ghi kết quả")
    expect(page.locator(".messages")).to_contain_text("Đã ghi kết quả: thông qua.")
    expect(projector.locator("[data-outcome]")).to_have_attribute("data-outcome", "passed", timeout=1500)
