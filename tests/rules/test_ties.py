"""190-QĐ/TW Art 30 and [C] tie_break: a tie for the last seat(s) is re-voted, never decided by age."""
from daihoi.rules.counting import Totals, count_round, decide_seats, runoff_round
from daihoi.rules.ranking import Tie


def test_tie_for_last_seat_needs_runoff(round_of):
    result = count_round(round_of(3, "abcd", 20), Totals(20, 0, {"a": 18, "b": 15, "c": 12, "d": 12}))
    assert result.elected == ("a", "b")
    assert result.tie == Tie(("c", "d"), 1)
    assert (result.status, result.unfilled) == ("tie", 1)
    assert not any(c.elected for c in result.candidates if c.id in "cd")


def test_tied_pair_at_exactly_half_is_no_tie_but_an_unfilled_seat(round_of):
    result = count_round(round_of(3, "abcd", 20), Totals(20, 0, {"a": 18, "b": 15, "c": 10, "d": 10}))
    assert result.elected == ("a", "b")
    assert (result.status, result.unfilled, result.tie) == ("unfilled", 1, None)


def test_runoff_is_a_new_round_among_the_tied_for_the_tied_seats(round_of):
    round_ = round_of(3, "abcd", 20)
    runoff = runoff_round(round_, Tie(("c", "d"), 1))
    assert [c.id for c in runoff.candidates] == ["c", "d"]
    assert (runoff.seats, runoff.denominator, runoff.ballot_form) == (1, 20, "strike")


def test_three_way_tie_for_two_last_seats_leaves_both_seats_to_the_runoff():
    elected, tie = decide_seats({"a": 15, "b": 12, "c": 12, "d": 12}, 3, 20)
    assert elected == ("a",)
    assert tie == Tie(("b", "c", "d"), 2)


def test_tie_among_everyone_above_half_elects_nobody():
    assert decide_seats({"a": 12, "b": 12}, 1, 20) == ((), Tie(("a", "b"), 1))


def test_tie_below_the_last_seat_changes_nothing():
    assert decide_seats({"a": 18, "b": 15, "c": 12, "d": 12}, 2, 20) == (("a", "b"), None)
