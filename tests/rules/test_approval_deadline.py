"""[C] approval_deadline_working_days: the ward approves the results within 15 working days."""
from datetime import date

from daihoi.rules.approval import approval_deadline


def test_fifteen_working_days_skip_weekends():
    assert approval_deadline(date(2025, 9, 5)) == date(2025, 9, 26)  # a Friday → three weeks on


def test_holidays_do_not_count():
    assert approval_deadline(date(2025, 9, 5), holidays={date(2025, 9, 8)}) == date(2025, 9, 29)
