"""The candidate list: its size, the outgoing committee's slate, outside nominees, the ballot form
and the A-B-C order (190-QĐ/TW Art 14 and 15; 04-HD/TW)."""
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction
from typing import Literal

from daihoi.rules.ballots import Form
from daihoi.rules.ranking import Tie, top
from daihoi.rules.ruleset import CURRENT, RuleSet

Office = Literal["committee", "secretary", "deputy_secretary", "delegates"]

OFFICE_TITLES: dict[Office, str] = {
    "committee": "chi ủy viên",
    "secretary": "bí thư",
    "deputy_secretary": "phó bí thư",
    "delegates": "đại biểu dự đại hội cấp trên",
}


def choose_form(names: int, seats: int) -> Form:
    """Strike names on a list with margin (more names than seats), Agree/Disagree boxes otherwise,
    always for a single name (190-QĐ/TW Art 15)."""
    return "strike" if names > seats else "approve"


def max_margin(seats: int, ruleset: RuleSet = CURRENT) -> int:
    """The most names the list may have beyond the seats: 30% of seats (190-QĐ/TW Art 14), rounded
    down ([C] setting margin_rounding); exactly 1 for committees of 3–5 seats (04-HD/TW Q&A)."""
    if seats in ruleset.small_committee_seats:
        return ruleset.small_committee_margin
    return _rounded(ruleset.margin_cap * seats, ruleset.margin_rounding)


def max_list_size(seats: int, ruleset: RuleSet = CURRENT) -> int:
    """The largest committee list the congress may adopt for ``seats`` (190-QĐ/TW Art 14)."""
    return seats + max_margin(seats, ruleset)


def slate_range(seats: int, ruleset: RuleSet = CURRENT) -> tuple[int, int]:
    """(fewest, most) names on the outgoing committee's slate: a margin of 10–15% of the seats
    (190-QĐ/TW Art 14), rounded inwards, yet at least one extra name (a committee list must have
    more names than seats) and never beyond ``max_margin``."""
    cap = max_margin(seats, ruleset)
    low = min(max(1, _rounded(ruleset.slate_margin_low * seats, ROUND_CEILING)), cap)
    high = min(max(low, _rounded(ruleset.slate_margin_high * seats, ROUND_FLOOR)), cap)
    return seats + low, seats + high


def poll_votes_needed(present: int, ruleset: RuleSet = CURRENT) -> int:
    """Votes an outside nominee (self-nominated or nominated from the floor) needs in the secret
    opinion poll to go on the list: more than 30% of the members present (190-QĐ/TW Art 14,
    04-HD/TW): 20 present → 7, 25 → 8, 9 → 3."""
    share = ruleset.opinion_poll_share
    return present * share.numerator // share.denominator + 1


def nominees_to_keep(
    poll_votes: Mapping[str, int], room: int, ruleset: RuleSet = CURRENT
) -> tuple[tuple[str, ...], Tie | None]:
    """When outside nominees would push the list beyond the cap, those kept for the ``room``
    left, by opinion-poll ranking, and the tie the congress must settle if equal votes straddle
    the cut ([C] setting over_cap_choice, default opinion_poll_ranking). ``poll_votes`` holds
    the nominees that passed the poll, in nomination order."""
    return top(poll_votes, room)


def check_list(
    seats: int, names: Sequence[str], office: Office = "committee", ruleset: RuleSet = CURRENT
) -> list[str]:
    """Vietnamese warnings about a proposed list: beyond the margin cap or without margin for a
    committee (190-QĐ/TW Art 14), not in A-B-C order ([C] ballot_collation). Empty when fine.
    The margin rule is the committee's only: a secretary or deputy needs none, and the rule
    reference (election-rules.md §5) sets none for a list of delegates to the upper congress,
    whose ballot form then follows ``choose_form`` like any other list."""
    head = f"Danh sách có {len(names)} người cho {seats} {OFFICE_TITLES[office]}"
    if not names:
        return [f"{head}: chưa có ai"]
    warnings = []
    if office == "committee":
        margin = max_margin(seats, ruleset)
        if len(names) > seats + margin:
            warnings.append(f"{head}: vượt số dư tối đa {margin} người")
        if len(names) <= seats:
            warnings.append(f"{head}: danh sách bầu chi ủy phải nhiều hơn số cần bầu")
    if list(names) != ballot_order(names, ruleset):
        warnings.append("Danh sách chưa theo thứ tự A, B, C: theo tên, rồi họ, rồi tên đệm")
    return warnings


def ballot_order(names: Iterable[str], ruleset: RuleSet = CURRENT) -> list[str]:
    """Names in the order printed on the ballot: A-B-C by given name, then family name, then
    middle name ([C] setting ballot_collation)."""
    return sorted(names, key=ruleset.ballot_collation)


def _rounded(value: Fraction, rounding: str) -> int:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact.to_integral_value(rounding=rounding))
