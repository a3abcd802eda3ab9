"""A whole branch congress in Chromium, elections part: the hall is seated and the counting
committee chosen through the hall's services; then in the browser the chair builds and adopts the
list, opens the round, two stations enter 30 ballots each from the keyboard, the head resolves the
one disagreement, the projector shows the results, and the round is locked."""
from collections.abc import Callable
from typing import Any

import pytest

from daihoi.congresses import services as hall
from daihoi.elections import selectors
from daihoi.elections.models import Round

pytestmark = pytest.mark.browser
SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng", "Đỗ Thị Giang", "Hoàng Minh Hải"]
BALLOTS = 30


def _struck(number: int) -> str:
    """Ballot n strikes row 1 + n % 6, so each row is struck on 5 of the 30 ballots; row 6 is
    struck on ballots 1-3 too, so the sixth name comes clearly last (22 votes against 25)."""
    rows = {1 + number % 6}
    if number <= 3:
        rows.add(6)
    return " ".join(str(row) for row in sorted(rows))


def _type_ballots(station: Any, disagree_on: int | None = None) -> None:
    station.locator("#entry-rows").focus()
    for number in range(1, BALLOTS + 1):
        station.keyboard.type("1 2" if number == disagree_on else _struck(number))
        station.keyboard.press("Enter")
    station.locator("#entry-status").filter(has_text=f"Đã gửi {BALLOTS} · đang chờ gửi 0").wait_for()


def test_a_branch_congress_elects_its_committee_with_two_counting_stations(
        seated_congress: Callable[..., Any], make_user: Callable[..., Any], login_page: Callable[[Any], Any],
        browser: Any, live_server: Any, branch: Any) -> None:
    congress = seated_congress(full=BALLOTS)
    secretary = make_user("bithu-dh", "branch_secretary", branch=branch)
    head_member = branch.members.get(full_name="Lý Văn Nam")
    hall.bodies_set(congress=congress, body="counting_committee", member_ids=[head_member.pk], head_id=head_member.pk)
    head = make_user("kiemphieu-dh", "counting_committee", branch=branch, member=head_member)

    page = login_page(secretary)
    page.goto(f"/bau-cu/dai-hoi/{congress.pk}/")
    page.select_option("#office", "committee")
    page.fill("#seats", "5")
    page.click("text=Tạo cuộc bầu")
    page.click("a.election-card")
    for name in SLATE:
        page.select_option("#member", label=name)
        page.select_option("#source", "slate")
        page.click("text=Thêm vào danh sách")
    page.locator("#list-problems").filter(has_text="đúng quy định về số dư").wait_for()
    page.fill("#adopt-form input[name=agree]", str(BALLOTS))
    page.click("#adopt-form button")
    page.locator(".msg-success").filter(has_text="Đại hội đã thông qua").wait_for()
    page.click("#open-round")
    round_ = Round.objects.get(election__congress=congress)
    page.goto(f"/bau-cu/lan-bau/{round_.pk}/")
    assert "Có mặt 30/30" in page.locator("#frozen").inner_text()

    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    head_page = context.new_page()
    head_page.goto("/dang-nhap/")
    head_page.fill("#id_username", head.username)
    head_page.fill("#id_password", "mat-khau-thu-nghiem-2025")
    head_page.click("button[type=submit]")
    head_page.goto(f"/bau-cu/lan-bau/{round_.pk}/")
    head_page.fill("#counts-form input[name=issued]", str(BALLOTS))
    head_page.fill("#counts-form input[name=collected]", str(BALLOTS))
    head_page.fill("#counts-form input[name=stations]", "2")
    head_page.click("#counts-form button")
    station_one, station_two = context.new_page(), context.new_page()
    station_one.goto(f"/bau-cu/lan-bau/{round_.pk}/may/1/")
    station_two.goto(f"/bau-cu/lan-bau/{round_.pk}/may/2/")
    _type_ballots(station_one)
    _type_ballots(station_two, disagree_on=7)

    head_page.goto(f"/bau-cu/lan-bau/{round_.pk}/")
    assert "1 phiếu các máy nhập khác nhau" in head_page.locator("#disagreement-count").inner_text()
    head_page.fill("#disagreements input[name=rows]", _struck(7))
    head_page.click("#disagreements button")
    head_page.locator("#lock").wait_for()
    head_page.click("#lock")
    head_page.locator("#round-status").filter(has_text="Đã công bố").wait_for()

    result = Round.objects.get(pk=round_.pk).result
    assert result["ballots"]["valid"] == BALLOTS and result["status"] == "complete"
    assert len(result["elected"]) == 5
    assert round_.audit.filter(action="resolution_decide", user=head).count() == 1

    projector = context.new_page()
    projector.goto(f"/hoi-truong/{congress.pk}/man-chieu/")
    assert projector.locator(".result-row.elected").count() == 5
    assert "Bầu đủ số lượng" in projector.locator(".pj-results").inner_text()
    assert selectors.remaining_seats(round_.election) == 0
    context.close()
