"""After the congress: the ward party committee's approval (chuẩn y) of the election results."""
from collections.abc import Container
from datetime import date, timedelta

from daihoi.rules.ruleset import CURRENT, RuleSet

SATURDAY = 5


def approval_deadline(
    congress_day: date, holidays: Container[date] = (), ruleset: RuleSet = CURRENT
) -> date:
    """The last day for the ward to approve the results: 15 working days (Monday to Friday, not
    ``holidays``) after the congress ([C] setting approval_deadline_working_days)."""
    day = congress_day
    remaining = ruleset.approval_deadline_working_days
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY and day not in holidays:
            remaining -= 1
    return day
