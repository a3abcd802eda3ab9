"""The rule set: every constant of the election rules and every [C] setting, in one value.

A deployment applies one rule set ("190-QĐ/TW" today). A future regulation is a new RuleSet value,
not a hunt through the code (election-rules.md §1). Rule functions take ``ruleset=CURRENT``.

Fields without a default are constants seen in (or carried over to) the current regulation and must
be given by every rule set; fields with a default are the [C] settings: the rules reference settles
them nowhere, so each is a named, documented setting whose default is the one the reference gives.
"""
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP
from fractions import Fraction
from typing import Literal

from daihoi.rules.names import sort_key

TieBreak = Literal["revote_new_round"]
OverCapChoice = Literal["opinion_poll_ranking"]


@dataclass(frozen=True)
class RuleSet:
    """Every number the rules use, named once."""

    name: str
    # Charter Art 12.3; 190-QĐ/TW Art 30: elected (and a motion passes) only above this share of D.
    majority: Fraction
    # 190-QĐ/TW Art 14: the congress's margin is at most this share of the seats...
    margin_cap: Fraction
    # ...but for committees of these sizes it is exactly this many names (04-HD/TW Q&A).
    small_committee_seats: range
    small_committee_margin: int
    # 190-QĐ/TW Art 14: the outgoing committee's slate has a margin between these shares.
    slate_margin_low: Fraction
    slate_margin_high: Fraction
    # 190-QĐ/TW Art 14, 04-HD/TW: an outside nominee needs more than this share of those present.
    opinion_poll_share: Fraction
    # 294-QĐ/TW: branch structure.
    branch_min_full_members: int
    committee_min_full_members: int
    committee_max_seats: int
    deputy_secretaries_max: int
    # 294-QĐ/TW: rounds to elect a secretary before the upper committee appoints one.
    secretary_max_rounds: int

    # [C] percent_places, percent_rounding: percentages of D shown with 2 decimals, half-up.
    percent_places: int = 2
    percent_rounding: str = ROUND_HALF_UP
    # [C] tie_break: a tie for the last seat(s) is re-voted as a new round among the tied.
    tie_break: TieBreak = "revote_new_round"
    # [C] void_when_collected_exceeds_issued: more ballots collected than issued voids the round.
    void_when_collected_exceeds_issued: bool = True
    # [C] margin_rounding: extra names allowed = 30% of seats rounded down.
    margin_rounding: str = ROUND_FLOOR
    # [C] over_cap_choice: nominees beyond the cap are chosen by their opinion-poll ranking.
    over_cap_choice: OverCapChoice = "opinion_poll_ranking"
    # [C] quorum: the congress is valid only if at least this share of D is present.
    quorum: Fraction = Fraction(2, 3)
    # [C] approval_deadline_working_days: days the ward has to approve the results.
    approval_deadline_working_days: int = 15
    # [C] extra_content_or_signed_invalid: a ballot with added content or a signature is invalid.
    extra_content_or_signed_invalid: bool = True
    # [C] single_name_both_or_neither_invalid: on a single-name list, both boxes or none is invalid.
    single_name_both_or_neither_invalid: bool = True
    # [C] ballot_collation: the A-B-C order of names on the ballot, as a digit-only sort key.
    ballot_collation: Callable[[str], str] = sort_key


RULESET_190 = RuleSet(
    name="190-QĐ/TW",
    majority=Fraction(1, 2),
    margin_cap=Fraction(3, 10),
    small_committee_seats=range(3, 6),
    small_committee_margin=1,
    slate_margin_low=Fraction(1, 10),
    slate_margin_high=Fraction(15, 100),
    opinion_poll_share=Fraction(3, 10),
    branch_min_full_members=3,
    committee_min_full_members=9,
    committee_max_seats=7,
    deputy_secretaries_max=1,
    secretary_max_rounds=3,
)

CURRENT = RULESET_190
