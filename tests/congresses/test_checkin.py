"""Check-in by token (scanner or camera), by name and in bulk; idempotent; counts follow."""
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from daihoi.congresses import selectors, services

HX = {"HTTP_HX_REQUEST": "true"}


def test_checking_in_twice_counts_once(congress, summon):
    row = summon({})[0]
    first = services.attendance_check_in_token(congress_id=congress.pk, token=row.token)
    again = services.attendance_check_in_token(congress_id=congress.pk, token=row.token)
    assert (len(first.checked_in), len(again.checked_in), len(again.already_present)) == (1, 0, 1)
    assert selectors.hall_counts(congress).present == 1


def test_a_token_is_read_whatever_its_case_and_spacing(congress, summon):
    row = summon({})[0]
    services.attendance_check_in_token(congress_id=congress.pk, token=f"  {row.token.lower()}\n")
    row.refresh_from_db()
    assert row.is_present and row.was_present and row.checked_in_at


def test_an_unknown_or_foreign_token_is_refused_with_a_message(congress, summon):
    summon({})
    with pytest.raises(ValidationError, match="không có trong danh sách triệu tập"):
        services.attendance_check_in_token(congress_id=congress.pk, token="ZZZZZZZZZZ")


def test_arriving_clears_an_absence_reason_given_beforehand(congress, summon, check_in):
    row = summon({})[0]
    services.attendance_set_absence(attendance=row, reason="Báo ốm", accepted=True)
    check_in(row)
    row.refresh_from_db()
    assert (row.absence_reason, row.reason_accepted) == ("", False)


def test_the_scanner_answers_with_the_name_and_leaves_the_counts_to_the_pages_poll(congress, summon, secretary_user, client_for):
    row = summon({}, {}, {})[0]
    client = client_for(secretary_user)
    response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
    html = response.content.decode()
    assert response["X-Checkin"] == "new"
    assert f"<strong>{row.member.full_name}</strong> (chính thức)" in html and "hall-counts" not in html
    assert 'data-count="present">1<small>/3' in client.get(f"/hoi-truong/{congress.pk}/so-lieu/").content.decode()


def test_checking_in_by_name_answers_with_fresh_counts(congress, summon, secretary_user, client_for):
    rows = summon({}, {}, {})
    response = client_for(secretary_user).post(f"/hoi-truong/{congress.pk}/diem-danh/chon/", {"attendance": [rows[1].pk]}, **HX)
    html = response.content.decode()
    assert response["X-Checkin"] == "new" and rows[1].member.full_name in html
    assert 'hx-swap-oob="true"' in html and 'data-count="present">1<small>/3' in html


def test_a_second_scan_says_already_present(congress, summon, secretary_user, client_for):
    row = summon({})[0]
    client = client_for(secretary_user)
    client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
    response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
    row.refresh_from_db()
    assert response["X-Checkin"] == "already"
    assert f"lúc {timezone.localtime(row.checked_in_at):%H:%M}; không tính lại" in response.content.decode()


def test_bulk_check_in_marks_every_ticked_member(congress, summon, secretary_user, client_for):
    rows = summon({}, {}, {})
    response = client_for(secretary_user).post(
        f"/hoi-truong/{congress.pk}/diem-danh/chon/", {"attendance": [rows[0].pk, rows[2].pk]}, follow=True)
    assert response.status_code == 200
    assert selectors.hall_counts(congress).present == 2


def test_name_search_finds_summoned_members_without_diacritics(congress, summon, secretary_user, client_for):
    row = summon({})[0]
    response = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/diem-danh/tim/", {"q": "dang vien so 1"})
    assert row.member.full_name in response.content.decode()


def test_the_counting_committee_may_check_in_but_a_member_may_not(congress, summon, make_user, branch, member_user, client):
    row = summon({})[0]
    counter = make_user("kiemphieu1", "counting_committee", branch=branch)
    client.force_login(counter)
    assert client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)["X-Checkin"] == "new"
    client.force_login(member_user)
    assert client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX).status_code == 403


def test_leaving_the_hall_keeps_was_present(congress, summon, check_in):
    row = summon({})[0]
    check_in(row)
    services.attendance_check_out(attendance=row)
    row.refresh_from_db()
    assert (row.is_present, row.was_present) == (False, True)
