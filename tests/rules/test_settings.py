"""Every [C] rule of the rules reference is a named setting of the rule set, with its default."""
import dataclasses
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP
from fractions import Fraction

from daihoi.rules.counting import Totals, count_round
from daihoi.rules.lists import ballot_order, max_margin
from daihoi.rules.names import sort_key
from daihoi.rules.ruleset import CURRENT, RULESET_190


def test_c_settings_have_the_defaults_of_the_rules_reference():
    assert CURRENT is RULESET_190
    assert {
        "percent_places": 2, "percent_rounding": ROUND_HALF_UP, "tie_break": "revote_new_round",
        "void_when_collected_exceeds_issued": True, "margin_rounding": ROUND_FLOOR,
        "over_cap_choice": "opinion_poll_ranking", "quorum": Fraction(2, 3),
        "approval_deadline_working_days": 15, "extra_content_or_signed_invalid": True,
        "single_name_both_or_neither_invalid": True, "ballot_collation": sort_key,
    } == {f.name: getattr(CURRENT, f.name) for f in dataclasses.fields(CURRENT) if f.default is not dataclasses.MISSING}


def test_a_rule_set_that_does_not_void_counts_the_extra_ballots(round_of):
    keep = dataclasses.replace(CURRENT, void_when_collected_exceeds_issued=False)
    result = count_round(round_of(1, "a", 3, issued=2), Totals(3, 0, {"a": 3}), keep)
    assert (result.status, result.elected) == ("complete", ("a",))


def test_margin_rounding_is_a_setting():
    assert max_margin(7, dataclasses.replace(CURRENT, margin_rounding=ROUND_CEILING)) == 3


def test_ballot_collation_is_a_setting():
    by_full_name = dataclasses.replace(CURRENT, ballot_collation=str.casefold)
    assert ballot_order(["Trần An", "Lê Bình"], by_full_name) == ["Lê Bình", "Trần An"]
