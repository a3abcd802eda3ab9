"""190-QĐ/TW Art 15 and 30.1, 244-QĐ/TW Art 17: which ballots count, and why not."""
import dataclasses

import pytest

from daihoi.rules.ballots import ApproveBallot, StrikeBallot, check_ballot
from daihoi.rules.counting import count_round
from daihoi.rules.errors import InputError
from daihoi.rules.ruleset import CURRENT


def strike(*ids, flags=()):
    return StrikeBallot(frozenset(ids), frozenset(flags))


def test_striking_one_of_four_names_for_three_seats_is_valid_and_gives_three_votes(round_of):
    result = count_round(round_of(3, "abcd", 1), [strike("d")])
    assert result.ballots.valid == 1
    assert [c.votes for c in result.candidates] == [1, 1, 1, 0]


def test_striking_no_name_leaves_too_many_names():
    assert check_ballot(strike(), names=4, seats=3) == "too_many_names"


def test_striking_every_name_of_a_multi_name_list_is_invalid():
    assert check_ballot(strike("a", "b", "c", "d"), names=4, seats=3) == "all_struck"


def test_striking_the_only_name_of_a_single_name_strike_list_is_a_valid_no():
    assert check_ballot(strike("a"), names=1, seats=1) is None


def test_single_candidate_worked_example_counts_both_boxes_and_no_mark_as_invalid(round_of):
    ballots = (
        [ApproveBallot.of({"a": "agree"})] * 15
        + [ApproveBallot.of({"a": "disagree"})] * 7
        + [ApproveBallot.of({"a": "both"})] * 2
        + [ApproveBallot.of({})]
    )
    result = count_round(round_of(1, "a", 26), ballots)
    assert (result.ballots.valid, result.ballots.invalid) == (22, 3)
    assert result.ballots.invalid_reasons["both_or_neither"] == 3
    assert (result.candidates[0].votes, result.candidates[0].percent) == (15, "57.69")
    assert result.elected == ("a",)


def test_both_or_neither_on_a_multi_name_list_keeps_the_ballot_but_gives_no_vote(round_of):
    ballot = ApproveBallot.of({"a": "agree", "b": "both", "c": "none"})
    result = count_round(round_of(3, "abc", 1), [ballot])
    assert result.ballots.valid == 1
    assert [c.votes for c in result.candidates] == [1, 0, 0]


@pytest.mark.parametrize("flag", ["not_issued", "write_in", "extra_content", "signed"])
def test_any_flag_makes_the_ballot_invalid_under_its_own_reason(flag):
    assert check_ballot(strike("d", flags=[flag]), names=4, seats=3) == flag


def test_the_first_reason_in_contract_order_is_reported():
    assert check_ballot(strike(flags=["signed", "not_issued"]), 4, 3) == "not_issued"
    assert check_ballot(strike(flags=["write_in"]), 4, 3) == "too_many_names"
    assert check_ballot(strike("a", "b", "c", "d", flags=["write_in"]), 4, 3) == "all_struck"
    assert check_ballot(strike("a", flags=["signed", "extra_content"]), 4, 3) == "extra_content"
    assert check_ballot(ApproveBallot.of({}, ["signed"]), 1, 1) == "signed"


def test_invalid_ballots_count_as_collected_and_give_no_votes(round_of):
    result = count_round(round_of(3, "abcd", 10), [strike("a"), strike(), strike("b", flags=["signed"])])
    assert (result.ballots.collected, result.ballots.valid, result.ballots.invalid) == (3, 1, 2)
    assert result.ballots.invalid_reasons == {
        "not_issued": 0, "too_many_names": 1, "all_struck": 0, "write_in": 0,
        "extra_content": 0, "signed": 1, "both_or_neither": 0,
    }
    assert [c.votes for c in result.candidates] == [0, 1, 1, 1]


def test_more_ballots_collected_than_issued_voids_the_round(round_of):
    result = count_round(round_of(1, "ab", 3, issued=2), [strike("b")] * 3)
    assert (result.status, result.elected, result.unfilled, result.tie) == ("void", (), 1, None)
    assert result.ballots.issued == 2 and result.candidates[0].votes == 3


def test_settings_can_keep_signed_ballots_and_single_name_blanks_valid():
    lenient = dataclasses.replace(
        CURRENT, extra_content_or_signed_invalid=False, single_name_both_or_neither_invalid=False
    )
    assert check_ballot(strike("a", flags=["signed", "extra_content"]), 4, 3, lenient) is None
    assert check_ballot(ApproveBallot.of({"a": "both"}), 1, 1, lenient) is None


def test_ballot_of_the_wrong_form_or_naming_a_stranger_is_refused(round_of):
    with pytest.raises(InputError, match="unknown candidate id 'z'"):
        count_round(round_of(3, "abcd", 10), [strike("z")])
    with pytest.raises(InputError, match="StrikeBallot"):
        count_round(round_of(3, "abcd", 10), [ApproveBallot.of({"a": "agree"})])


def test_identical_approve_papers_are_equal_values_whatever_the_mark_order():
    assert ApproveBallot.of({"a": "agree", "b": "none", "c": "both"}) == ApproveBallot.of(
        {"c": "both", "a": "agree"}
    )
