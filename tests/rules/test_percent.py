"""[C] percent_places, percent_rounding: two decimals of D, half-up, exact."""
import dataclasses
from decimal import ROUND_HALF_EVEN

import pytest

from daihoi.rules.percent import percent
from daihoi.rules.ruleset import CURRENT


@pytest.mark.parametrize(("votes", "d", "shown"), [
    (20, 26, "76.92"), (14, 26, "53.85"), (13, 26, "50.00"), (15, 26, "57.69"), (12, 20, "60.00"),
    (0, 7, "0.00"), (7, 7, "100.00"), (1, 3, "33.33"), (2, 3, "66.67"),
])
def test_percent_of_d_has_two_decimals(votes, d, shown):
    assert percent(votes, d) == shown


def test_exact_half_is_rounded_up():
    assert percent(1, 800) == "0.13"  # 0.125 exactly
    assert percent(3, 800) == "0.38"  # 0.375 exactly


def test_just_below_half_is_rounded_down():
    assert percent(1249, 1_000_000) == "0.12"  # 0.1249


def test_rounding_mode_is_a_setting():
    even = dataclasses.replace(CURRENT, percent_rounding=ROUND_HALF_EVEN)
    assert percent(1, 800, even) == "0.12"


def test_huge_counts_stay_exact():
    assert percent(10**30 + 5, 2 * 10**30) == "50.00"
