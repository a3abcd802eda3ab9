"""Reads: the inputs of each document from the models (plans, congresses, organizations), and the
template a ward uses. Every figure that is a rule (D, percentages) comes from the rules core or
from the selectors of the app that owns it."""
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from daihoi.accounts.models import Role, User
from daihoi.congresses import selectors as hall
from daihoi.congresses.models import Body
from daihoi.documents import contexts as c
from daihoi.documents.kinds import KINDS
from daihoi.documents.formatting import next_number, valid_number
from daihoi.documents.models import DocumentNumber, WardSigner, WardTemplate
from daihoi.documents.render import default_template
from daihoi.elections import selectors as elections
from daihoi.lib.text import fold, follow_up_sentence, planned_sentence
from daihoi.organizations.models import PartyCommittee
from daihoi.plans import selectors as plans
from daihoi.plans.models import Congress, CongressResult, ElectedPerson, Office, Plan
from daihoi.rules.percent import percent

ELECTIONS = (
    (Office.COMMITTEE, "Ban Chi ủy", "Chi ủy viên"),
    (Office.SECRETARY, "Bí thư Chi bộ", "Bí thư"),
    (Office.DEPUTY_SECRETARY, "Phó Bí thư Chi bộ", "Phó Bí thư"),
)


@dataclass(frozen=True)
class DocumentEntry:
    """One document of a congress's file: its kind, a name for the download, its context, and
    how its number was found (``proposed``: the system's, not yet confirmed by the office;
    ``editable``: the branch gives it, on the documents page)."""

    kind: str
    stem: str
    label: str
    context: c.Context
    number: str | None = None
    issued_on: date | None = None
    proposed: bool = False
    editable: bool = False

    @property
    def symbol(self) -> str:
        """"BB/ĐH" of "Số 01-BB/ĐH": what follows the number the office types."""
        return str(self.context["number"]).split("-", 1)[-1]

    @property
    def key(self) -> str:
        """What the download address names: the kind, or the stem of a per-round document (a
        congress has one set of counting minutes per round)."""
        return self.stem if KINDS[self.kind].per_round else self.kind


def template_for(party_committee: PartyCommittee, kind: str) -> bytes:
    """The ward's own version of a template if it uploaded one, else the repository's."""
    own = WardTemplate.objects.filter(party_committee=party_committee, kind=kind).values_list("content", flat=True).first()
    return bytes(own) if own is not None else default_template(kind)


def ward_templates(party_committee: PartyCommittee) -> dict[str, WardTemplate]:
    return {t.kind: t for t in WardTemplate.objects.filter(party_committee=party_committee).defer("content")}


def congress_facts(congress: Congress) -> c.CongressFacts:
    plan, committee = congress.plan, congress.branch.party_committee
    return c.CongressFacts(
        ward_name=committee.name, ward_upper_body=committee.upper_body, place_name=committee.place,
        branch_name=congress.branch.name, ordinal=congress.ordinal, term=plan.term,
        held_on=congress.held_on or congress.scheduled_on, starts_at=congress.starts_at, venue=congress.place,
        plan_number=plan.number, plan_issued_on=plan.issued_on, ward_short_name=committee.short_name,
    )


def election_outcomes(congress: Congress) -> tuple[c.ElectionOutcome, ...]:
    """Those elected, office by office, highest first, with % of D from the rules core, from the
    results the branch submitted (CongressResult); none before that."""
    result = getattr(congress, "result", None)
    if result is None:
        return ()
    elected = list(result.elected.all())
    outcomes = []
    for office, election, post in ELECTIONS:
        people = sorted((p for p in elected if p.office == office), key=lambda p: -p.votes)
        if people:
            outcomes.append(c.ElectionOutcome(election, post, tuple(
                c.Elected(p.full_name, p.votes, percent(p.votes, result.denominator)) for p in people)))
    return tuple(outcomes)


def elected_name(outcomes: tuple[c.ElectionOutcome, ...], post: str) -> str:
    return next((o.elected[0].name for o in outcomes if o.post == post and o.elected), "")


def summons_input(congress: Congress, number: "Numbered") -> c.SummonsInput:
    """One page per member on the summons list, with the check-in token the hall scans; signed
    by the outgoing secretary (T/M CHI ỦY)."""
    summoned = tuple(c.Summoned(a.member.full_name, a.token) for a in hall.attendance_list(congress).select_related("member"))
    return c.SummonsInput(congress_facts(congress), summoned, secretary=outgoing_secretary(congress),
                          issued_on=number.issued_on, number=number.number)


def outgoing_secretary(congress: Congress) -> str:
    """Who signs the summons: the secretary the branch elected at its previous congress in the
    system, else the person of the branch secretary's account; empty (written by hand) when
    neither is known."""
    earlier = (ElectedPerson.objects.filter(office=Office.SECRETARY, result__congress__branch=congress.branch,
                                            result__congress__plan__window_start__lt=congress.plan.window_start)
               .order_by("-result__congress__plan__window_start").values_list("full_name", flat=True).first())
    if earlier:
        return earlier
    account = (User.objects.filter(role=Role.BRANCH_SECRETARY, branch=congress.branch, is_active=True)
               .select_related("member").order_by("pk").first())
    if account is None:
        return ""
    return account.member.full_name if account.member else account.get_full_name()


def minutes_input(congress: Congress) -> c.CongressMinutesInput:
    counts = hall.hall_counts(congress)
    proceedings = hall.proceedings_of(congress)
    absent = hall.attendance_list(congress).filter(was_present=False).select_related("member")
    motions = list(hall.motions(congress))
    vote = next((m for m in reversed(motions) if m.kind == "resolution"), None)
    frozen = {v.snapshot.pk: v.minutes_title for v in hall.frozen_electorates(congress)}  # issue 11
    return c.CongressMinutesInput(
        facts=congress_facts(congress),
        summoned_full=counts.summoned, summoned_probationary=counts.probationary_summoned,
        present_full=counts.present, present_probationary=counts.probationary_present,
        absentees=tuple(c.Absentee(a.member.full_name, a.is_full, a.absence_reason) for a in absent),
        guests=tuple(line for line in proceedings.guests.splitlines() if line.strip()),
        presidium=seat_names(congress, Body.PRESIDIUM),
        secretariat=seat_names(congress, Body.SECRETARIAT),
        agenda=tuple(item.title for item in hall.agenda(congress)),
        political_report=proceedings.political_report_summary, self_review=proceedings.self_review_summary,
        discussion=hall.discussion_minutes(congress), upper_speech=proceedings.upper_committee_speech,
        motions=tuple(replace(motion_line(m), title=frozen[m.snapshot_id]) for m in motions),
        elections=election_outcomes(congress),
        resolution_vote=motion_line(vote) if vote else None,
        opened_at=proceedings.opened_at.time() if proceedings.opened_at else None,
        closed_at=proceedings.closed_at.time() if proceedings.closed_at else None,
    )


def seat_names(congress: Congress, body: str) -> tuple[str, ...]:
    """Members of one body of the congress, its head first (the chair, the head secretary)."""
    seats = congress.body_seats.filter(body=body).select_related("member")
    return tuple(seat.member.full_name for seat in seats)


def motion_line(motion: object) -> c.MotionLine:
    return c.MotionLine(motion.title, motion.agree, motion.disagree, motion.abstain, motion.passed)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Numbered:
    """A document's number and date as they will print, and whether the office confirmed them."""

    number: str | None
    issued_on: date | None = None
    proposed: bool = False


def counting_rounds(congress: Congress) -> list[tuple[str, str, dict[str, Any]]]:
    """(stem, label, the elections app's minutes data) of every announced round, in the order
    the minutes were completed: the order they take in the congress's register."""
    kind = KINDS["counting_minutes"]
    rounds = []
    for round_ in elections.locked_rounds(congress):
        data = elections.round_minutes_context(round_)
        stem = f"{kind.filename.removesuffix('.docx')}-{slugify(fold(data['election']))}-lan-{data['round_number']}"
        label = f"{kind.label} bầu {data['election'].lower()}, lần {data['round_number']}"
        rounds.append((stem, label, data))
    return sorted(rounds, key=lambda r: (r[2]["completed_at"] is None, r[2]["completed_at"] or 0))


def congress_numbers(congress: Congress, round_stems: list[str]) -> dict[str, Numbered]:
    """The number and date of each document of the congress's file (Hướng dẫn 36-HD/VPTW
    1.3.1), where the office did not give its own (DocumentNumber):

    - the congress's documents (counting minutes, resolution, minutes) share one register from
      01, in the order they are issued: each round's minutes, the resolution, then the minutes
      closed at the end; after a number the office gave, the next ones follow it;
    - the branch numbers each kind of document from 01 in each committee term: the request for
      approval is the new committee's first (01-TTr/CB); the summons, the outgoing committee's,
      is proposed as 01 too, the branch's paper register being outside the system;
    - the ward's decision carries the number recorded at approval; before that, the next after
      the highest the ward recorded in this season."""
    stored = {n.key: n for n in DocumentNumber.objects.filter(congress=congress)}
    numbers: dict[str, Numbered] = {}

    def own(key: str, number: str | None, day: date | None = None) -> Numbered:
        record = stored.get(key)
        if record is None:
            return Numbered(number, day, proposed=number is not None)
        return Numbered(record.number or number, record.issued_on or day, proposed=not record.number and number is not None)

    previous: str | None = None
    for key in [*round_stems, "resolution", "congress_minutes"]:
        numbers[key] = own(key, next_number(previous), congress.held_on or congress.scheduled_on)
        previous = numbers[key].number
    result = CongressResult.objects.filter(congress=congress).values_list("submitted_at", flat=True).first()
    numbers["summons"] = own("summons", "01")
    numbers["approval_request"] = own("approval_request", "01", timezone.localtime(result).date() if result else None)
    recorded = decision_number(congress)
    if recorded:
        numbers["approval_decision"] = Numbered(recorded, congress.approved_on)
    else:
        highest = max((int(n) for n in (decision_number_of(text) for text in Congress.objects.filter(
            plan=congress.plan).values_list("approval_decision_number", flat=True)) if n and valid_number(n)), default=None)
        numbers["approval_decision"] = Numbered(None if highest is None else next_number(str(highest)), None,
                                                proposed=highest is not None)
    return numbers


EDITABLE = ("summons", "congress_minutes", "resolution", "approval_request")  # and each round's counting minutes


def congress_documents(congress: Congress) -> list[DocumentEntry]:
    """The documents of one branch congress, in the order the season produces them: the summons,
    the counting minutes of each announced round, then the congress's own documents; each with
    its number, date and signers filled from the data where the system holds them."""
    facts = congress_facts(congress)
    minutes_data = minutes_input(congress)
    rounds = counting_rounds(congress)
    numbers = congress_numbers(congress, [stem for stem, _, _ in rounds])
    minutes = replace(minutes_data, number=numbers["congress_minutes"].number)
    outcomes = minutes.elections
    chair = minutes.presidium[0] if minutes.presidium else ""
    result = getattr(congress, "result", None)
    signer = ward_signer(congress.branch.party_committee)
    request, decision = numbers["approval_request"], numbers["approval_decision"]
    contexts = {
        "summons": c.summons_context(summons_input(congress, numbers["summons"])),
        "congress_minutes": c.congress_minutes_context(minutes),
        "resolution": c.resolution_context(c.ResolutionInput(
            facts, minutes.present_full, minutes.present_probationary, elections=outcomes, chair=chair,
            number=numbers["resolution"].number, presidium_size=len(minutes.presidium))),
        "approval_request": c.approval_request_context(c.ApprovalRequestInput(
            facts, result.denominator if result else None, outcomes, elected_name(outcomes, "Bí thư"),
            issued_on=request.issued_on, number=request.number)),
        "approval_decision": c.approval_decision_context(c.ApprovalDecisionInput(
            facts, outcomes, signer.name if signer else "", signer.title if signer else "BÍ THƯ",
            decided_on=decision.issued_on, number=decision.number)),
    }

    def entry(kind: str, stem: str, label: str, context: c.Context, key: str) -> DocumentEntry:
        n = numbers[key]
        return DocumentEntry(kind, stem, label, context, n.number, n.issued_on, n.proposed,
                             editable=key in EDITABLE or KINDS[kind].per_round)

    entries = [entry(kind, KINDS[kind].filename.removesuffix(".docx"), KINDS[kind].label, context, kind)
               for kind, context in contexts.items()]
    counted = [entry("counting_minutes", stem, label, c.counting_minutes_context(c.CountingMinutesInput(
        facts=facts, election=data["election"], round_number=data["round_number"], electorate=data["electorate"],
        present=data["present"], committee=c.CountingCommittee(*data["committee"]), result=data["result"],
        completed_at=data["completed_at"], number=numbers[stem].number, fingerprint=data["fingerprint"])), stem)
        for stem, label, data in rounds]
    return entries[:1] + counted + entries[1:]


def decision_number(congress: Congress) -> str | None:
    """"123-QĐ/ĐU" as recorded at approval → "123"."""
    return decision_number_of(congress.approval_decision_number)


def decision_number_of(text: str) -> str | None:
    return text.split("-", 1)[0].strip() or None


def season_report_input(plan: Plan) -> c.SeasonReportInput:
    """From the plans app's season report (the same figures as its Excel report and the news)."""
    report = plans.season_report(plan)
    committee = plan.party_committee
    rows = tuple(
        c.SeasonRow(row["branch"], _day(row["date"]) if row["summoned"] is not None else None, row["summoned"] or 0,
                    row["present"] or 0, (row["secretary"] or {}).get("name", ""), (row["deputy"] or {}).get("name", ""),
                    len(row["committee"]))
        for row in report["branches"])
    after = report["after"]
    numbered = season_number(plan)
    signer = ward_signer(committee)
    return c.SeasonReportInput(
        ward_name=committee.name, ward_upper_body=committee.upper_body, place_name=committee.place,
        plan_number=plan.number, plan_issued_on=plan.issued_on, term=plan.term, window_start=plan.window_start,
        window_end=plan.window_end, rows=rows, branches_total=len(rows),
        signer=signer.name if signer else "", signer_title=signer.title if signer else "BÍ THƯ",
        issued_on=numbered.issued_on, number=numbered.number, ward_short_name=committee.short_name,
        after_summary=after_summary(after),
        after=tuple(follow_up_sentence(item["title"], item["done"], item["applies"]) for item in after["items"]),
    )


def after_summary(after: dict[str, Any]) -> str:
    """"20/23 chi bộ đã hoàn thành các việc sau đại hội, còn 4 việc quá hạn. 21/23 chi bộ bầu
    đảm bảo đúng dự kiến về cơ cấu, độ tuổi." (issue 12)"""
    late = after["overdue_count"]
    planned = f" {planned_sentence(after['as_planned'], after['compared'])}." if after["compared"] else ""
    return (f"{after['complete']}/{after['branches']} chi bộ đã hoàn thành các việc sau đại hội"
            + (f", còn {late} việc quá hạn." if late else ".") + planned)


def ward_signer(party_committee: PartyCommittee) -> WardSigner | None:
    return WardSigner.objects.filter(party_committee=party_committee).first()


def season_number_record(plan: Plan) -> DocumentNumber | None:
    """What the ward office entered for the season report, if anything."""
    return DocumentNumber.objects.filter(plan=plan, key="season_report").first()


def season_number(plan: Plan) -> Numbered:
    """The season report's number and date: as the ward office gave them, else no number (the
    ward's register of reports is kept outside the system and is far past 01) and today's date,
    the day the report is printed."""
    record = season_number_record(plan)
    return Numbered(record.number or None if record else None,
                    (record.issued_on if record else None) or timezone.localdate())


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


