"""Charter Art 12.3, 190-QĐ/TW Art 30: elected only with more than half of D."""
from daihoi.rules.counting import Totals, count_round, decide_seats
from daihoi.rules.electorate import is_more_than_half, motion_passes, threshold


def test_exactly_half_is_not_enough():
    assert not is_more_than_half(5, 10)
    assert not is_more_than_half(13, 26)
    assert is_more_than_half(14, 26)


def test_threshold_is_half_of_d_rounded_down_plus_one():
    assert [threshold(d) for d in (1, 2, 10, 11, 26)] == [1, 2, 6, 6, 14]


def test_five_votes_of_eleven_members_with_ten_present_do_not_elect():
    # D counts the 11 full members, not the 10 present: 6 votes are needed.
    assert threshold(11) == 6
    assert decide_seats({"a": 5}, 1, 11) == ((), None)


def test_worked_example_d26_elects_two_and_leaves_one_seat_unfilled(round_of):
    result = count_round(round_of(3, "abcd", 26), Totals(25, 0, {"a": 20, "b": 14, "c": 13, "d": 9}))
    assert (result.denominator, result.threshold) == (26, 14)
    assert result.elected == ("a", "b")
    assert [c.percent for c in result.candidates] == ["76.92", "53.85", "50.00", "34.62"]
    assert [c.elected for c in result.candidates] == [True, True, False, False]
    assert (result.status, result.unfilled, result.tie) == ("unfilled", 1, None)


def test_top_three_of_four_above_half_take_the_three_seats(round_of):
    result = count_round(round_of(3, "abcd", 20), Totals(20, 0, {"a": 19, "b": 17, "c": 16, "d": 12}))
    assert result.elected == ("a", "b", "c")
    assert result.candidates[3].percent == "60.00" and not result.candidates[3].elected
    assert (result.status, result.unfilled) == ("complete", 0)


def test_elected_are_listed_highest_first_whatever_the_list_order(round_of):
    result = count_round(round_of(2, "abc", 10), Totals(10, 0, {"a": 6, "b": 9, "c": 7}))
    assert result.elected == ("b", "c")


def test_equal_votes_within_the_seats_are_all_elected_in_list_order():
    assert decide_seats({"a": 8, "b": 9, "c": 8}, 3, 10) == (("b", "a", "c"), None)


def test_motion_needs_more_than_half_of_d_not_of_those_present():
    assert not motion_passes(10, 20)
    assert motion_passes(11, 20)
