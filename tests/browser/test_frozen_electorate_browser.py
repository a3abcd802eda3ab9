"""In Chromium (issue 11): open a vote, check a late member in, and watch the projector keep the
figures frozen for the open vote while the live count, labelled for the next vote, goes up; the
next vote then opens on the new count."""
from typing import Any

import pytest
from playwright.sync_api import expect


@pytest.fixture
def hall(make_season: Any, branch: Any, make_member: Any) -> Any:
    """Four full members summoned, three of them in the hall."""
    from daihoi.congresses import services

    congress = make_season(held=0).congresses.get(branch=branch)
    for n in range(4):
        make_member(branch, f"Đảng Viên Số {n + 1}")
    services.summons_build(congress=congress)
    rows = list(congress.attendances.order_by("id"))
    services.attendance_check_in(congress=congress, attendance_ids=[row.pk for row in rows[:3]])
    return congress


def _open_vote(page: Any, congress: Any, title: str) -> None:
    page.goto(f"/hoi-truong/{congress.pk}/bieu-quyet/")
    page.select_option("#id_kind", "other")
    page.fill("#id_title", title)
    page.click("text=Mở biểu quyết >> nth=-1")
    expect(page.locator("#chair-sentence")).to_be_visible()


@pytest.mark.browser
def test_the_projector_keeps_the_frozen_count_for_the_open_vote_and_the_new_count_for_the_next(
        hall: Any, secretary_user: Any, login_page: Any) -> None:
    page = login_page(secretary_user)
    projector = page.context.new_page()
    projector.set_viewport_size({"width": 1024, "height": 768})
    projector.goto(f"/hoi-truong/{hall.pk}/man-chieu/")

    _open_vote(page, hall, "Thông qua quy chế làm việc")
    expect(page.locator("#chair-sentence")).to_have_text(
        "Có mặt 3/4 đảng viên chính thức được triệu tập; đủ điều kiện tiến hành biểu quyết.")
    expect(projector.locator("[data-frozen-present]")).to_have_text("3/4", timeout=1500)

    late = hall.attendances.order_by("id").last()
    page.goto(f"/hoi-truong/{hall.pk}/diem-danh/")
    page.locator("#scan").fill(late.token)
    page.locator("#scan").press("Enter")
    expect(page.locator("#checkin-result .notice-ok")).to_contain_text("Đảng Viên Số 4")

    expect(projector.locator("[data-live=next] [data-count=present]")).to_have_text("4/4", timeout=1500)
    expect(projector.locator("[data-frozen-present]")).to_have_text("3/4")
    expect(projector.locator("[data-frozen-sentence]")).to_contain_text("Có mặt 3/4")

    page.goto(f"/hoi-truong/{hall.pk}/bieu-quyet/")
    page.fill("#id_agree", "3")
    page.click("text=Ghi kết quả")
    expect(page.locator(".messages")).to_contain_text("thông qua")
    _open_vote(page, hall, "Thông qua nghị quyết")
    expect(projector.locator("[data-frozen-present]")).to_have_text("4/4", timeout=1500)
    expect(projector.locator(".pj-frozen .pj-vote-title")).to_have_text("Thông qua nghị quyết")
