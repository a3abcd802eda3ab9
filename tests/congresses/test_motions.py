"""Show-of-hands votes: the outcome is more than half of D, with D and those present frozen when
the vote opened (issue 11); one vote at a time, never without a quorum."""
import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import services
from daihoi.congresses.models import MotionKind


@pytest.fixture
def quorate(summon, check_in):
    """26 full members summoned, 20 present: D = 26."""
    rows = summon(*[{}] * 26)
    check_in(*rows[:20])
    return rows


def test_thirteen_of_twenty_six_is_not_more_than_half(congress, quorate):
    motion = services.motion_open(congress=congress, kind=MotionKind.WITHDRAWAL, title="Cho đồng chí A rút")
    motion = services.motion_record(motion=motion, agree=13, disagree=7, abstain=0)
    assert motion.passed is False and motion.closed_at


def test_fourteen_of_twenty_six_passes(congress, quorate):
    motion = services.motion_open(congress=congress, kind=MotionKind.ELECTION_LIST, title="")
    assert motion.title == "Danh sách bầu cử"
    assert services.motion_record(motion=motion, agree=14, disagree=6, abstain=0).passed is True


def test_more_hands_than_members_present_is_refused(congress, quorate):
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    with pytest.raises(ValidationError, match=r"Tổng số biểu quyết \(21\) vượt quá .* \(20\)"):
        services.motion_record(motion=motion, agree=20, disagree=1, abstain=0)


def test_a_late_arrival_does_not_change_the_open_vote_but_counts_for_the_next(congress, quorate, check_in):
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    check_in(quorate[20])
    with pytest.raises(ValidationError):
        services.motion_record(motion=motion, agree=21, disagree=0, abstain=0)
    services.motion_record(motion=motion, agree=20, disagree=0, abstain=0)
    following = services.motion_open(congress=congress, kind=MotionKind.WORKING_RULES, title="Quy chế")
    assert (motion.snapshot.present, following.snapshot.present) == (20, 21)
    assert quorate[20].member_id in following.snapshot.present_member_ids
    assert quorate[20].member_id not in motion.snapshot.present_member_ids


def test_only_one_vote_is_open_at_a_time(congress, quorate):
    services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    with pytest.raises(ValidationError, match="Đang có biểu quyết chưa kết thúc: “Chương trình”"):
        services.motion_open(congress=congress, kind=MotionKind.WORKING_RULES, title="Quy chế")


def test_no_vote_opens_without_a_quorum(congress, summon, check_in):
    rows = summon(*[{}] * 9)
    check_in(*rows[:5])
    with pytest.raises(ValidationError, match="Không đủ điều kiện tiến hành đại hội: có mặt 5/9"):
        services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    assert not congress.motions.exists() and not congress.electorate_snapshots.exists()


def test_a_recorded_vote_cannot_be_recorded_again_or_cancelled(congress, quorate):
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    services.motion_record(motion=motion, agree=20, disagree=0, abstain=0)
    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.motion_record(motion=motion, agree=1, disagree=0, abstain=0)
    with pytest.raises(ValidationError, match="không huỷ được"):
        services.motion_cancel(motion=motion)


def test_the_motions_screen_opens_records_and_lists_the_vote(congress, quorate, secretary_user, client_for):
    client = client_for(secretary_user)
    opened = client.post(f"/hoi-truong/{congress.pk}/bieu-quyet/mo/", {"kind": "resolution", "title": "Nghị quyết đại hội"}, follow=True)
    assert "có mặt 20/26 đảng viên chính thức được triệu tập; D = 26; cần ít nhất 14" in opened.content.decode()
    motion = congress.motions.get()
    recorded = client.post(f"/hoi-truong/{congress.pk}/bieu-quyet/{motion.pk}/ket-qua/",
                           {"agree": "19", "disagree": "1", "abstain": "0"}, follow=True)
    assert "Đã ghi kết quả: thông qua." in recorded.content.decode()


def test_a_negative_count_gets_a_vietnamese_message(congress, quorate, secretary_user, client_for):
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Chương trình")
    response = client_for(secretary_user).post(f"/hoi-truong/{congress.pk}/bieu-quyet/{motion.pk}/ket-qua/",
                                               {"agree": "-1", "disagree": "0", "abstain": "0"}, follow=True)
    assert "Tán thành:" in response.content.decode()
    motion.refresh_from_db()
    assert motion.closed_at is None
