"""Percentages of the denominator D, as shown in the counting minutes (election-rules.md §3, §7)."""
from decimal import Decimal, localcontext

from daihoi.rules.ruleset import CURRENT, RuleSet


def percent(votes: int, denominator: int, ruleset: RuleSet = CURRENT) -> str:
    """``votes`` as a percentage of D, a decimal string such as "76.92". Shown only: the winning
    rule never looks at it (Charter Art 12.3). [C] settings percent_places (2) and
    percent_rounding (half-up). Exact: integer division, then ``decimal`` rounding, never floats."""
    places = ruleset.percent_places
    quotient, remainder = divmod(votes * 100 * 10**places, denominator)
    # One more digit tells every rounding mode where the exact value lies: 0 exactly on the
    # quotient, 5 exactly half way, 3 below half, 7 above half.
    if remainder == 0:
        tail = 0
    else:
        tail = 5 + 2 * ((2 * remainder > denominator) - (2 * remainder < denominator))
    with localcontext() as context:
        context.prec = len(str(quotient)) + 2
        exact = Decimal(quotient * 10 + tail).scaleb(-places - 1)
        return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ruleset.percent_rounding))
