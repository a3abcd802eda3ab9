"""D and quorum come from the summons list and every member situation (190-QĐ/TW Art 30.2)."""
from daihoi.congresses import selectors, services

FULL = {"status": "full"}
PROBATIONARY = {"status": "probationary"}


def test_the_worked_example_of_thirty_on_the_roll_gives_d_of_twenty_six(congress, summon, check_in):
    rows = summon(
        {"attachment": "elsewhere"}, {"is_excused": True}, {"is_excused": True}, {"is_excused": True},
        *[FULL] * 26)
    check_in(rows[3])  # the excused member who attends counts
    services.attendance_set_absence(attendance=rows[4], reason="Ốm, nằm viện", accepted=True)
    services.attendance_set_absence(attendance=rows[5], reason="Bận việc riêng", accepted=False)
    counts = selectors.hall_counts(congress)
    assert counts.summoned == 30
    assert counts.denominator == 26
    assert counts.exclusions == {"attached_elsewhere": 1, "excused_absent": 2, "suspended": 0,
                                 "prosecuted_or_detained": 0, "absent_with_accepted_reason": 1}


def test_suspended_and_prosecuted_members_are_out_of_d_even_when_present(congress, summon, check_in):
    rows = summon({"is_suspended": True}, {"is_prosecuted_or_detained": True}, FULL, FULL)
    check_in(*rows)
    counts = selectors.hall_counts(congress)
    assert (counts.denominator, counts.present) == (2, 2)


def test_a_member_who_came_and_left_stays_in_d_despite_an_accepted_reason(congress, summon, check_in):
    rows = summon(FULL, FULL, FULL)
    check_in(rows[0])
    services.attendance_check_out(attendance=rows[0])
    services.attendance_set_absence(attendance=rows[0], reason="Về sớm vì ốm", accepted=True)
    counts = selectors.hall_counts(congress)
    assert (counts.denominator, counts.present) == (3, 0)


def test_probationary_members_are_counted_apart_and_never_in_d(congress, summon, check_in):
    rows = summon(PROBATIONARY, PROBATIONARY, FULL, FULL, FULL)
    check_in(rows[0], rows[2])
    counts = selectors.hall_counts(congress)
    assert (counts.summoned, counts.denominator, counts.present, counts.absent) == (3, 3, 1, 2)
    assert (counts.probationary_summoned, counts.probationary_present) == (2, 1)


def test_members_attached_here_attend_without_entering_this_branchs_d(congress, summon, check_in):
    rows = summon({"attachment": "here"}, FULL, FULL)
    check_in(rows[0])
    counts = selectors.hall_counts(congress)
    assert (counts.summoned, counts.denominator, counts.present) == (2, 2, 0)


def test_quorum_needs_two_thirds_of_d_and_says_why(congress, summon, check_in):
    rows = summon(*[FULL] * 9)
    check_in(*rows[:5])
    assert not selectors.hall_counts(congress).quorum.met
    check_in(rows[5])
    quorum = selectors.hall_counts(congress).quorum
    assert quorum.met
    assert quorum.reason.startswith("Đủ điều kiện tiến hành đại hội: có mặt 6/9")


def test_an_empty_summons_list_is_never_a_quorum(congress):
    quorum = selectors.hall_counts(congress).quorum
    assert not quorum.met
    assert "Chưa có đảng viên chính thức" in quorum.reason
    assert not quorum.reason.endswith(".")  # the pages end the reason ("….." on the check-in page before)


def test_a_member_in_several_situations_leaves_d_only_once(congress, summon):
    summon({"is_excused": True, "is_suspended": True}, {"attachment": "elsewhere", "is_excused": True}, FULL)
    counts = selectors.hall_counts(congress)
    assert counts.denominator == 1
    assert sum(counts.exclusions.values()) == 2
