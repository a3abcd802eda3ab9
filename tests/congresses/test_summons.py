"""The summons list is built from the branch, keeps tokens and presence when refreshed, and
prints with a personal QR code that encodes the check-in token, not the member id."""
import re

import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import services


def test_building_the_summons_twice_adds_only_newcomers_and_refreshes_situations(congress, summon, make_member, branch, check_in):
    rows = summon({"status": "full"}, {"status": "probationary"})
    check_in(rows[0])
    rows[1].member.is_excused = True
    rows[1].member.save()
    make_member(branch, "Người Mới Đến")
    assert services.summons_build(congress=congress) == 1
    first, second = (congress.attendances.get(pk=row.pk) for row in rows)
    assert (first.token, first.is_present) == (rows[0].token, True)
    assert second.is_excused
    assert congress.attendances.count() == 3


def test_tokens_are_random_upper_case_codes_without_ambiguous_letters(congress, summon):
    rows = summon(*[{}] * 20)
    tokens = {row.token for row in rows}
    assert len(tokens) == 20
    assert all(re.fullmatch(r"[A-HJ-NP-Z2-9]{10}", token) for token in tokens)
    assert all(str(row.member_id) != row.token for row in rows)


def test_the_printed_summons_carries_a_qr_svg_and_the_token(congress, summon, secretary_user, client_for):
    row = summon({})[0]
    response = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/giay-trieu-tap/?attendance={row.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "GIẤY TRIỆU TẬP" in html and row.member.full_name in html
    assert html.count("<svg") == 1 and f"<title>{row.token}</title>" in html


def test_a_member_cannot_print_summons_with_others_tokens(congress, summon, member_user, client_for):
    summon({})
    assert client_for(member_user).get(f"/hoi-truong/{congress.pk}/giay-trieu-tap/").status_code == 403


def test_an_accepted_absence_needs_a_reason(congress, summon):
    row = summon({})[0]
    with pytest.raises(ValidationError, match="Cần ghi lý do"):
        services.attendance_set_absence(attendance=row, reason="  ", accepted=True)


def test_the_summons_screen_lists_situations_and_records_an_absence(congress, summon, secretary_user, client_for):
    row = summon({"attachment": "elsewhere"}, {})[1]
    client = client_for(secretary_user)
    response = client.post(f"/hoi-truong/{congress.pk}/trieu-tap/{row.pk}/vang-mat/", {"reason": "Đi công tác", "accepted": "on"}, follow=True)
    html = response.content.decode()
    assert "sinh hoạt tạm thời nơi khác" in html
    assert "Đã ghi lý do vắng mặt" in html
    row.refresh_from_db()
    assert (row.absence_reason, row.reason_accepted) == ("Đi công tác", True)
