"""The data the congress minutes are written from: opening and closing times, guests, summaries
and the upper committee's speech, stored per congress."""
import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import selectors, services
from daihoi.congresses.models import MotionKind


def test_the_minutes_texts_are_stored(congress, secretary_user, client_for):
    response = client_for(secretary_user).post(f"/hoi-truong/{congress.pk}/bien-ban/luu/", {
        "guests": "Đồng chí Đinh Quang Luận, Bí thư Đảng ủy", "political_report_summary": "Hoàn thành 8/8 chỉ tiêu.",
        "self_review_summary": "", "discussion_summary": "5 ý kiến", "upper_committee_speech": "Ghi nhận kết quả."}, follow=True)
    assert "Đã lưu nội dung biên bản." in response.content.decode()
    proceedings = selectors.proceedings_of(congress)
    assert proceedings.guests.startswith("Đồng chí Đinh Quang Luận")
    assert proceedings.upper_committee_speech == "Ghi nhận kết quả."


def test_closing_needs_an_opening_and_no_open_vote(congress, summon, check_in):
    with pytest.raises(ValidationError, match="chưa khai mạc"):
        services.proceedings_mark(congress=congress, moment="closed_at")
    services.proceedings_mark(congress=congress, moment="opened_at")
    rows = summon({}, {})
    check_in(*rows)
    services.motion_open(congress=congress, kind=MotionKind.RESOLUTION, title="Nghị quyết")
    with pytest.raises(ValidationError, match="Còn biểu quyết chưa kết thúc"):
        services.proceedings_mark(congress=congress, moment="closed_at")


def test_the_opening_time_is_recorded_from_the_hall_screen(congress, secretary_user, client_for):
    response = client_for(secretary_user).post(f"/hoi-truong/{congress.pk}/khai-be-mac/", {"moment": "opened_at"}, follow=True)
    assert "Đã ghi giờ khai mạc." in response.content.decode()
    assert selectors.proceedings_of(congress).opened_at is not None
