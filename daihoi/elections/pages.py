"""What the election screens show, built from selectors (reads only), and the parsing of what the
screens send back. Kept out of views.py so that each view stays a few lines."""
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from daihoi.congresses.selectors import hall_counts
from daihoi.documents.contexts import INVALID_REASON_LABELS
from daihoi.elections import checks, selectors
from daihoi.elections.ballot_pdf import BallotSpec, layout_for
from daihoi.elections.models import (
    CandidateSource, CandidateStatus, CountMethod, Election, Office, Round, RoundStatus)
from daihoi.organizations.models import MemberStatus
from daihoi.plans.models import Congress, CongressStatus
from daihoi.rules.ballots import INVALID_REASONS
from daihoi.rules.lists import poll_votes_needed
from daihoi.rules.structure import branch_structure

BALLOT_TITLES = {
    Office.COMMITTEE: "Bầu Chi ủy {branch}",
    Office.SECRETARY: "Bầu Bí thư {branch}",
    Office.DEPUTY_SECRETARY: "Bầu Phó Bí thư {branch}",
    Office.DELEGATES: "Bầu đại biểu dự Đại hội {party_committee}",
}


def congress_page(congress: Congress, can_run: bool) -> dict[str, Any]:
    elections = list(selectors.elections_of(congress).prefetch_related("rounds"))
    taken = {e.office for e in elections}
    return {
        "congress": congress, "can_run": can_run, "elections": elections,
        "structure": branch_structure(selectors.full_member_count(congress)),
        "offices": [(value, label) for value, label in Office.choices if value not in taken],
        "submission": submission(congress) if can_run else None,
    }


def submission(congress: Congress) -> dict[str, Any] | None:
    """What the branch would submit for approval from its announced rounds, while it still may
    (not yet approved): the people elected, office by office, with their votes."""
    if congress.status in (CongressStatus.APPROVED, CongressStatus.PLANNED):
        return None
    data = selectors.result_input_from_rounds(congress)
    if data is None:
        return None
    people = [(Office.COMMITTEE.label, data.committee), (Office.SECRETARY.label, [data.secretary]),
              (Office.DEPUTY_SECRETARY.label, [data.deputy] if data.deputy else [])]
    return {"data": data, "submitted": congress.status == CongressStatus.RESULTS_SUBMITTED,
            "rows": [(office, member.full_name, votes) for office, elected in people for member, votes in elected]}


def election_page(election: Election, can_run: bool) -> dict[str, Any]:
    """The list (current version) with what the rules core says about it, and the rounds."""
    congress = election.congress
    current = selectors.current_list(election)
    candidates = list(current.candidates.select_related("member").order_by("name_sort_key", "id")) if current else []
    draft = current is not None and current.adopted_at is None
    present = hall_counts(congress).present
    on_list_ids = {c.member_id for c in candidates}
    rounds = list(election.rounds.order_by("number"))
    last = rounds[-1] if rounds else None
    remaining = selectors.remaining_seats(election)
    return {
        "election": election, "congress": congress, "can_run": can_run, "list": current, "draft": draft,
        "candidates": candidates, "on_list": [c for c in candidates if c.status == CandidateStatus.ON_LIST],
        "pending": [c for c in candidates if c.status == CandidateStatus.PROPOSED],
        "problems": selectors.list_problems(election, current) if draft and current else [],
        "slate_note": selectors.slate_note(election, current) if current else "",
        "present": present, "poll_needed": poll_votes_needed(present),
        "members": congress.branch.members.filter(status=MemberStatus.FULL).exclude(pk__in=on_list_ids).order_by("name_sort_key"),
        "sources": CandidateSource.choices,
        "rounds": rounds, "last": last, "last_card": result_card(last) if last else None,
        "remaining": remaining,
        "can_open": remaining > 0 and current is not None and current.adopted_at is not None
        and (last is None or last.status == RoundStatus.LOCKED),
        "can_new_list": last is not None and last.status == RoundStatus.LOCKED and (last.result or {}).get("status") == "unfilled"
        and not draft,
    }


def round_page(round_: Round, can_run: bool, can_enter: bool, is_head: bool) -> dict[str, Any]:
    candidates = selectors.ballot_candidates(round_)
    outcome = selectors.round_outcome(round_) if round_.status == RoundStatus.COUNTING else None
    reconciliation = outcome.reconciliation if outcome else None
    return {
        "round": round_, "election": round_.election, "congress": round_.election.congress,
        "can_run": can_run, "can_enter": can_enter, "is_head": is_head,
        "candidates": candidates, "form": selectors.ballot_form(round_), "snapshot": round_.snapshot,
        # A list too long for one A4 side prints each ballot over several pages (issue 11): the
        # chair must print both sides and the scanner cannot read them.
        "ballot_pages": layout_for(ballot_spec(round_)).pages,
        "outcome": outcome, "card": result_card(round_, outcome),
        "disagreements": [_disagreement_rows(d, candidates) for d in reconciliation.open] if reconciliation else [],
        "resolved": reconciliation and [d for d in reconciliation.disagreements if d.resolution is not None],
        "entered": reconciliation.entered if reconciliation else {},
        "stations": range(1, round_.station_count + 1),
        "reasons": [(reason, INVALID_REASON_LABELS[reason]) for reason in INVALID_REASONS],
        "methods": CountMethod.choices, "recounts": round_.recounts.all(),
        "audit": round_.audit.select_related("user").order_by("-at", "-id")[:30],
    }


def _disagreement_rows(disagreement: selectors.Disagreement, candidates: list[Any]) -> dict[str, Any]:
    return {"number": disagreement.number,
            "readings": [(station, describe(reading)) for station, reading in disagreement.readings.items()]}


def describe(reading: selectors.Reading | None) -> str:
    """A reading as the operator typed it: struck rows or marks, then flags."""
    if reading is None:
        return "— chưa nhập —"
    struck, marks, flags = reading
    keys = {mark: key for key, mark in checks.MARK_KEYS.items()}
    typed = " ".join(map(str, struck)) if not marks else "".join(keys[mark] for mark in marks)
    flag_keys = {flag: key for key, flag in checks.FLAG_KEYS.items()}
    return (typed or "(không gạch)") + (f" · dấu hiệu {''.join(flag_keys[f] for f in flags)}" if flags else "")


def station_page(round_: Round, station: int) -> dict[str, Any]:
    entered = round_.entries.filter(station=station)
    return {
        "round": round_, "election": round_.election, "station": station,
        "candidates": selectors.ballot_candidates(round_), "form": selectors.ballot_form(round_),
        "entered": entered.count(), "next_number": (entered.order_by("-number").values_list("number", flat=True).first() or 0) + 1,
        "ready": round_.status == RoundStatus.COUNTING and round_.method == CountMethod.STATIONS and station <= round_.station_count,
    }


def ballot_spec(round_: Round) -> BallotSpec:
    """The ballot of this round: A-B-C list of its version; the code names the election, round and
    list version only (secrecy by design)."""
    election = round_.election
    congress = election.congress
    names = tuple(c.full_name for c in selectors.ballot_candidates(round_))
    title = BALLOT_TITLES[Office(election.office)].format(branch=congress.branch.name, party_committee=congress.branch.party_committee.name)
    return BallotSpec(
        party_committee=congress.branch.party_committee.name, branch=congress.branch.name, title=title,
        term=congress.plan.term, seats=round_.seats, names=names, form=selectors.ballot_form(round_),
        code=f"BC{election.pk}-L{round_.number}-DS{round_.election_list.version}", round_number=round_.number)


def reading_from_text(round_: Round, rows: str, flags: str) -> dict[str, list[Any]]:
    """What an operator typed, parsed for the round's form; ValueError with a Vietnamese reason."""
    names = selectors.ballot_candidates_count(round_)
    if selectors.ballot_form(round_, names) == "strike":
        return {"struck": checks.parse_rows(rows, names), "marks": [], "flags": checks.parse_flags(flags)}
    return {"struck": [], "marks": checks.parse_marks(rows, names), "flags": checks.parse_flags(flags)}


def reading_from_post(post: Mapping[str, str], round_: Round) -> dict[str, list[Any]]:
    try:
        return reading_from_text(round_, post.get("rows", ""), post.get("flags", ""))
    except ValueError as error:
        raise ValidationError(str(error)) from None


def totals_from_post(post: Mapping[str, str], round_: Round) -> dict[str, Any]:
    def number(name: str) -> int:
        value = post.get(name, "").strip() or "0"
        if not value.isdigit():
            raise ValidationError(_("“%(value)s” không phải một số.") % {"value": value})
        return int(value)

    reasons = {reason: number(f"reason-{reason}") for reason in INVALID_REASONS}
    return {"valid": number("valid"), "invalid": number("invalid"),
            "votes": {c.pk: number(f"votes-{c.pk}") for c in selectors.ballot_candidates(round_)},
            "invalid_reasons": {reason: n for reason, n in reasons.items() if n}}


def result_card(round_: Round, outcome: selectors.Outcome | None = None) -> dict[str, Any] | None:
    """The result for screens and the projector: the stored (announced) one, else a preview
    counted now by the rules core. Bars are the % of D the rules core computed."""
    result = round_.result or (outcome.result_json if outcome else None)
    if result is None:
        return None
    return {
        "round": round_, "title": _("%(office)s · lần bầu %(number)s") % {
            "office": round_.election.get_office_display(), "number": round_.number},
        "announced": round_.status == RoundStatus.LOCKED, "result": result,
        "status_text": {"complete": _("Bầu đủ số lượng"),
                        "unfilled": _("Còn %(n)s chỗ chưa bầu đủ") % {"n": result["unfilled"]},
                        "tie": _("Có người bằng phiếu: bầu lại giữa những người bằng phiếu"),
                        "void": _("Lần bầu không có giá trị: số phiếu thu vào nhiều hơn phát ra")}[result["status"]],
        "rows": sorted(result["candidates"], key=lambda c: (not c["elected"], -c["votes"])),
        "invalid": [(INVALID_REASON_LABELS[r], n) for r, n in result["ballots"]["invalid_reasons"].items() if n],
    }
