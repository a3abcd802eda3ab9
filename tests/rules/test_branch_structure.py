"""294-QĐ/TW: what a branch elects, and the secretary's three rounds."""
from daihoi.rules.structure import branch_structure, may_hold_secretary_round


def test_branch_of_eight_full_members_elects_a_secretary_and_no_committee():
    structure = branch_structure(8)
    assert structure.valid and not structure.committee
    assert (structure.committee_max_seats, structure.deputy_secretaries_max) == (0, 1)
    assert "không bầu chi ủy" in structure.description


def test_branch_of_nine_full_members_elects_a_committee_of_at_most_seven():
    structure = branch_structure(9)
    assert structure.valid and structure.committee
    assert (structure.committee_max_seats, structure.deputy_secretaries_max) == (7, 1)


def test_fewer_than_three_full_members_is_not_a_branch():
    assert not branch_structure(2).valid
    assert branch_structure(3).valid


def test_secretary_may_be_elected_in_at_most_three_rounds():
    assert [may_hold_secretary_round(n) for n in (0, 1, 2, 3, 4)] == [False, True, True, True, False]
