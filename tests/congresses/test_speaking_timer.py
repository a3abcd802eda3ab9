"""Issue 11: the speaking timer: start, pause, resume, stop; configurable minutes; the projector
shows the remaining time big and turns red once the speaker runs over."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from daihoi.congresses import selectors, services
from daihoi.congresses.models import Proceedings


def _state(congress, after: int = 0):
    proceedings = Proceedings.objects.get(congress=congress)
    return selectors.timer_state(proceedings, timezone.now() + timedelta(seconds=after))


def test_starting_gives_the_floor_to_the_first_waiting_speaker(congress, summon):
    a, b = summon({}, {})
    services.speaker_add(congress=congress, member_id=a.member_id, topic="")
    services.speaker_add(congress=congress, member_id=b.member_id, topic="")
    services.timer_start(congress=congress, minutes=3)
    state = _state(congress, after=10)
    assert state.state == "running" and state.limit == 180 and 168 <= state.remaining <= 170
    assert state.speaker.member_id == a.member_id


def test_pausing_keeps_the_time_spoken_and_resuming_goes_on(congress):
    services.timer_start(congress=congress, minutes=2)
    Proceedings.objects.filter(congress=congress).update(timer_started_at=timezone.now() - timedelta(seconds=30))
    services.timer_pause(congress=congress)
    paused = _state(congress, after=600)
    assert paused.state == "paused" and paused.remaining == 90
    services.timer_start(congress=congress, minutes=9)
    resumed = _state(congress)
    assert resumed.state == "running" and resumed.limit == 120 and 89 <= resumed.remaining <= 90


def test_running_over_time_shows_a_negative_clock(congress):
    services.timer_start(congress=congress, minutes=1)
    over = _state(congress, after=75)
    assert over.over and over.display.startswith("−0:1")


def test_stopping_ends_the_turn_and_resets_the_clock(congress, summon):
    (a,) = summon({})
    speaker = services.speaker_add(congress=congress, member_id=a.member_id, topic="")
    services.timer_start(congress=congress, minutes=4)
    services.timer_stop(congress=congress)
    speaker.refresh_from_db()
    state = _state(congress)
    assert speaker.spoke_at is not None and state.state == "stopped" and state.remaining == 240
    assert not selectors.speakers_waiting(congress).exists()


def test_the_timer_refuses_nonsense(congress):
    with pytest.raises(ValidationError, match="từ 1 đến 60 phút"):
        services.timer_start(congress=congress, minutes=0)
    with pytest.raises(ValidationError, match="không chạy"):
        services.timer_pause(congress=congress)


def test_the_projector_shows_the_timer_red_when_over(congress, summon, secretary_user, client_for):
    (a,) = summon({})
    services.speaker_add(congress=congress, member_id=a.member_id, topic="Công tác dân vận")
    services.timer_start(congress=congress, minutes=1)
    url = f"/hoi-truong/{congress.pk}/man-chieu/trang-thai/"
    client = client_for(secretary_user)
    html = client.get(url).content.decode()
    assert 'data-timer="running"' in html and "Công tác dân vận" in html and " over" not in html
    Proceedings.objects.filter(congress=congress).update(timer_started_at=timezone.now() - timedelta(seconds=90))
    html = client.get(url).content.decode()
    assert 'class="pj-timer running over"' in html and "đã quá thời gian" in html
