"""The projector's state fragment: the current item, attendance and quorum, the open vote's
frozen figures or the last vote's result, and a slot the elections app fills."""
from daihoi.congresses import services
from daihoi.congresses.models import MotionKind


def test_the_projector_shows_quorum_flipping(congress, summon, check_in, secretary_user, client_for):
    rows = summon({}, {}, {})
    client = client_for(secretary_user)
    url = f"/hoi-truong/{congress.pk}/man-chieu/trang-thai/"
    assert 'data-quorum="unmet"' in client.get(url).content.decode()
    check_in(rows[0], rows[1])
    html = client.get(url).content.decode()
    assert 'data-quorum="met"' in html and 'data-count="present">2/3' in html


def test_the_projector_keeps_the_frozen_count_while_a_vote_is_open(congress, summon, check_in, secretary_user, client_for):
    rows = summon({}, {}, {})
    check_in(rows[0], rows[1])
    services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Thông qua chương trình")
    check_in(rows[2])
    html = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/man-chieu/trang-thai/").content.decode()
    assert 'data-frozen-present="2"' in html and 'data-count="present">3/3' in html


def test_the_projector_shows_the_last_result_in_words(congress, summon, check_in, secretary_user, client_for):
    rows = summon({}, {}, {})
    check_in(*rows)
    motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Thông qua chương trình")
    services.motion_record(motion=motion, agree=3, disagree=0, abstain=0)
    html = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/man-chieu/trang-thai/").content.decode()
    assert "THÔNG QUA" in html and 'data-outcome="passed"' in html


def test_the_projector_page_polls_without_any_external_script(congress, secretary_user, client_for):
    html = client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/man-chieu/").content.decode()
    assert "projector.js" in html and "http://" not in html and "https://" not in html
