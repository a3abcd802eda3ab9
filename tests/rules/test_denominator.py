"""190-QĐ/TW Art 30.2: who counts in D."""
from daihoi.rules.electorate import (
    DelegatesElectorate,
    MembersElectorate,
    denominator,
    exclusions,
)


def test_worked_example_of_thirty_on_the_roll_gives_twenty_six():
    # 1 attached elsewhere, 2 excused and absent, 1 absent with an accepted reason are excluded;
    # the excused member who attends and the member absent without a reason stay in D.
    electorate = MembersElectorate(
        summoned=30, attached_elsewhere=1, excused_absent=2, absent_with_accepted_reason=1
    )
    assert denominator(electorate) == 26


def test_every_exclusion_of_a_members_congress_is_subtracted():
    electorate = MembersElectorate(30, 1, 2, 3, 4, 5)
    assert denominator(electorate) == 30 - 15


def test_nobody_excluded_leaves_everyone_summoned_in_d():
    assert denominator(MembersElectorate(summoned=11)) == 11


def test_delegates_congress_subtracts_absent_committee_and_unreplaced_delegates():
    electorate = DelegatesElectorate(summoned=150, committee_absent=2, delegates_absent_unreplaced=3)
    assert denominator(electorate) == 145


def test_exclusions_are_listed_by_name_for_the_minutes():
    assert exclusions(DelegatesElectorate(10, 1, 2)) == {
        "committee_absent": 1, "delegates_absent_unreplaced": 2,
    }
