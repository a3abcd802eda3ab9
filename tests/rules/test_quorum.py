"""[C] quorum: the congress is valid only if 3 × present ≥ 2 × D."""
import dataclasses
from fractions import Fraction

from daihoi.rules.electorate import quorum_met, quorum_needed
from daihoi.rules.ruleset import CURRENT


def test_two_thirds_of_d_present_is_a_quorum():
    assert quorum_met(18, 27).met
    assert not quorum_met(17, 27).met


def test_quorum_rounds_two_thirds_up():
    assert quorum_needed(26) == 18  # 3 × 17 = 51 < 52
    assert quorum_met(18, 26).met and not quorum_met(17, 26).met


def test_quorum_reason_is_in_vietnamese_for_the_minutes():
    assert quorum_met(18, 26).reason == (
        "Đủ điều kiện tiến hành đại hội: có mặt 18/26 đảng viên chính thức, cần ít nhất 18 (2/3)"
    )
    assert quorum_met(10, 26).reason.startswith("Không đủ điều kiện tiến hành đại hội")


def test_quorum_share_is_a_setting():
    half = dataclasses.replace(CURRENT, quorum=Fraction(1, 2))
    assert quorum_met(13, 26, half).met
