"""190-QĐ/TW Art 14, 04-HD/TW: an outside nominee needs more than 30% of those present."""
import pytest

from daihoi.rules.lists import nominees_to_keep, poll_votes_needed
from daihoi.rules.ranking import Tie


@pytest.mark.parametrize(("present", "needed"), [(20, 7), (25, 8), (9, 3), (10, 4), (1, 1)])
def test_outside_nominee_needs_more_than_thirty_percent_of_those_present(present, needed):
    assert poll_votes_needed(present) == needed


def test_exactly_thirty_percent_is_not_enough():
    assert poll_votes_needed(10) * 10 > 3 * 10
    assert (poll_votes_needed(10) - 1) * 10 <= 3 * 10


def test_nominees_beyond_the_cap_are_kept_by_poll_ranking():
    assert nominees_to_keep({"x": 8, "y": 12, "z": 9}, 2) == (("y", "z"), None)


def test_nominees_tied_at_the_cut_are_left_to_the_congress():
    assert nominees_to_keep({"x": 9, "y": 12, "z": 9}, 2) == (("y",), Tie(("x", "z"), 1))
