"""Issue 11: the chair's sentence when a vote opens, and the minutes carrying each vote's frozen
figures rather than the live count."""
import pytest

from daihoi.congresses import selectors, services
from daihoi.congresses.models import MotionKind
from daihoi.documents import contexts
from daihoi.documents.selectors import minutes_input


@pytest.fixture
def late_arrival(congress, summon, check_in):
    """Three summoned, two in the hall when "Thông qua chương trình" opens, the third arrives."""
    rows = summon({}, {}, {})
    check_in(rows[0], rows[1])
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Thông qua chương trình")
    check_in(rows[2])
    return motion


def test_the_chair_reads_the_frozen_figures_when_a_vote_opens(congress, late_arrival):
    motion = late_arrival
    vote = selectors.vote_in_progress(congress)
    assert vote.snapshot == motion.snapshot and not vote.is_ballot
    assert vote.sentence == "Có mặt 2/3 đảng viên chính thức được triệu tập; đủ điều kiện tiến hành biểu quyết."


def test_the_live_sentence_says_when_there_is_not_enough(congress, summon, check_in):
    rows = summon({}, {}, {})
    check_in(rows[0])
    assert selectors.hall_counts(congress).vote_sentence == (
        "Có mặt 1/3 đảng viên chính thức được triệu tập; không đủ điều kiện tiến hành biểu quyết.")


def test_the_minutes_show_the_figures_frozen_when_each_vote_opened(congress, late_arrival):
    services.motion_record(motion=late_arrival, agree=2, disagree=0, abstain=0)
    later = services.motion_open(congress=congress, kind=MotionKind.WORKING_RULES, title="Thông qua quy chế")
    services.motion_record(motion=later, agree=3, disagree=0, abstain=0)

    data = minutes_input(congress)
    assert [m.title for m in data.motions] == [
        "Thông qua chương trình (có mặt 2/3 đảng viên chính thức được triệu tập, D = 3)",
        "Thông qua quy chế (có mặt 3/3 đảng viên chính thức được triệu tập, D = 3)"]
    lines = contexts.congress_minutes_context(data)["motions"]
    assert lines[0]["title"].endswith("có mặt 2/3 đảng viên chính thức được triệu tập, D = 3)")


def test_the_minutes_page_lists_every_frozen_electorate(congress, late_arrival, secretary_user, client_for):
    html = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/bien-ban/").content.decode()
    assert 'id="frozen-votes"' in html and "Có mặt 2/3 đảng viên chính thức được triệu tập" in html
