"""Issue 11: the discussion's speakers list: members ask to speak (the secretariat writes them
down), the chair orders and closes the list, and who spoke on what goes to the minutes."""
import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import selectors, services
from daihoi.documents.selectors import minutes_input


def _names(congress):
    return [s.member.full_name for s in selectors.speakers_waiting(congress)]


def test_speakers_are_listed_in_the_order_they_asked(congress, summon):
    a, b, c = summon({}, {}, {})
    for row in (b, a, c):
        services.speaker_add(congress=congress, member_id=row.member_id, topic="")
    assert _names(congress) == ["Đảng Viên Số 2", "Đảng Viên Số 1", "Đảng Viên Số 3"]


def test_the_chair_moves_a_speaker_up_and_down(congress, summon):
    rows = summon({}, {}, {})
    first, second, third = (services.speaker_add(congress=congress, member_id=r.member_id, topic="") for r in rows)
    services.speaker_move(speaker=third, up=True)
    assert _names(congress) == ["Đảng Viên Số 1", "Đảng Viên Số 3", "Đảng Viên Số 2"]
    services.speaker_move(speaker=first, up=False)
    assert _names(congress) == ["Đảng Viên Số 3", "Đảng Viên Số 1", "Đảng Viên Số 2"]
    services.speaker_move(speaker=second, up=False)
    assert _names(congress) == ["Đảng Viên Số 3", "Đảng Viên Số 1", "Đảng Viên Số 2"]


def test_a_closed_list_takes_nobody_more(congress, summon):
    a, b = summon({}, {})
    services.speaker_add(congress=congress, member_id=a.member_id, topic="Kinh tế")
    services.speakers_close(congress=congress, closed=True)
    with pytest.raises(ValidationError, match="khóa danh sách"):
        services.speaker_add(congress=congress, member_id=b.member_id, topic="")
    services.speakers_close(congress=congress, closed=False)
    services.speaker_add(congress=congress, member_id=b.member_id, topic="")
    assert len(_names(congress)) == 2


def test_a_member_waits_only_once_and_must_be_summoned(congress, summon, make_member, branch):
    (a,) = summon({})
    services.speaker_add(congress=congress, member_id=a.member_id, topic="")
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        services.speaker_add(congress=congress, member_id=a.member_id, topic="")
    stranger = make_member(branch, "Người Chưa Triệu Tập")
    with pytest.raises(ValidationError, match="không có trong danh sách triệu tập"):
        services.speaker_add(congress=congress, member_id=stranger.pk, topic="")


def test_the_minutes_carry_who_spoke_and_on_what(congress, summon):
    a, b = summon({}, {})
    services.proceedings_update(congress=congress, discussion_summary="Đại hội thảo luận sôi nổi.")
    services.speaker_add(congress=congress, member_id=a.member_id, topic="Phát triển đảng viên mới")
    services.speaker_add(congress=congress, member_id=b.member_id, topic="")
    services.timer_start(congress=congress, minutes=5)
    services.timer_stop(congress=congress)
    assert minutes_input(congress).discussion == (
        "Đại hội thảo luận sôi nổi.\nĐồng chí Đảng Viên Số 1 phát biểu: Phát triển đảng viên mới.")


def test_the_discussion_screen_orders_speakers_with_buttons(congress, summon, secretary_user, client_for):
    a, b = summon({}, {})
    client = client_for(secretary_user)
    url = f"/hoi-truong/{congress.pk}/thao-luan/"
    client.post(url + "dang-ky/", {"member_id": a.member_id, "topic": "An ninh trật tự"})
    client.post(url + "dang-ky/", {"member_id": b.member_id, "topic": ""})
    second = selectors.speakers_waiting(congress).last()
    client.post(url + f"{second.pk}/", {"change": "up"})
    assert _names(congress) == ["Đảng Viên Số 2", "Đảng Viên Số 1"]
    html = client.get(url).content.decode()
    assert "An ninh trật tự" in html and 'value="up"' in html and 'value="down"' in html
