"""Reads: the inputs of each document from the models (plans, congresses, organizations), and the
template a ward uses. Every figure that is a rule (D, percentages) comes from the rules core or
from the selectors of the app that owns it."""
from dataclasses import dataclass, replace
from datetime import date

from django.http import Http404
from django.utils.text import slugify

from daihoi.congresses import selectors as hall
from daihoi.congresses.models import Body
from daihoi.documents import contexts as c
from daihoi.documents.kinds import KINDS
from daihoi.documents.models import WardTemplate
from daihoi.documents.render import default_template
from daihoi.elections import selectors as elections
from daihoi.lib.text import fold
from daihoi.organizations.models import PartyCommittee
from daihoi.plans import selectors as plans
from daihoi.plans.models import Congress, Office, Plan
from daihoi.rules.percent import percent

ELECTIONS = (
    (Office.COMMITTEE, "Ban Chi ủy", "Chi ủy viên"),
    (Office.SECRETARY, "Bí thư Chi bộ", "Bí thư"),
    (Office.DEPUTY_SECRETARY, "Phó Bí thư Chi bộ", "Phó Bí thư"),
)


@dataclass(frozen=True)
class DocumentEntry:
    """One document of a congress's file: its kind, a name for the download, its context."""

    kind: str
    stem: str
    label: str
    context: c.Context

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
        plan_number=plan.number, plan_issued_on=plan.issued_on,
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


def summons_input(congress: Congress) -> c.SummonsInput:
    """One page per member on the summons list, with the check-in token the hall scans."""
    summoned = tuple(c.Summoned(a.member.full_name, a.token) for a in hall.attendance_list(congress).select_related("member"))
    # The outgoing secretary signs; no record holds them yet, so the name is left to write by hand.
    return c.SummonsInput(congress_facts(congress), summoned, secretary="")


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


def counting_minutes_entries(congress: Congress, facts: c.CongressFacts) -> list[DocumentEntry]:
    """One set of counting minutes per announced round, from the figures the elections app froze
    and the RoundResult the rules core counted (``round_minutes_context``); open rounds have none."""
    entries = []
    for round_ in elections.locked_rounds(congress):
        data = elections.round_minutes_context(round_)
        head, members = data["committee"]
        minutes = c.CountingMinutesInput(
            facts=facts, election=data["election"], round_number=data["round_number"], electorate=data["electorate"],
            present=data["present"], committee=c.CountingCommittee(head, members), result=data["result"],
            completed_at=data["completed_at"])
        kind = KINDS["counting_minutes"]
        stem = f"{kind.filename.removesuffix('.docx')}-{slugify(fold(data['election']))}-lan-{data['round_number']}"
        label = f"{kind.label} bầu {data['election'].lower()}, lần {data['round_number']}"
        entries.append(DocumentEntry(kind.slug, stem, label, c.counting_minutes_context(minutes)))
    return entries


def congress_documents(congress: Congress) -> list[DocumentEntry]:
    """The documents of one branch congress, in the order the season produces them: the summons,
    the counting minutes of each announced round, then the congress's own documents."""
    facts = congress_facts(congress)
    minutes = minutes_input(congress)
    outcomes = minutes.elections
    chair = minutes.presidium[0] if minutes.presidium else ""
    result = getattr(congress, "result", None)
    inputs = {
        "summons": c.summons_context(summons_input(congress)),
        "congress_minutes": c.congress_minutes_context(minutes),
        "resolution": c.resolution_context(c.ResolutionInput(
            facts, minutes.present_full, minutes.present_probationary, elections=outcomes, chair=chair)),
        "approval_request": c.approval_request_context(c.ApprovalRequestInput(
            facts, result.denominator if result else None, outcomes, elected_name(outcomes, "Bí thư"))),
        "approval_decision": c.approval_decision_context(c.ApprovalDecisionInput(
            facts, outcomes, "", decided_on=congress.approved_on, number=decision_number(congress))),
    }
    entries = [DocumentEntry(kind, KINDS[kind].filename.removesuffix(".docx"), KINDS[kind].label, context)
               for kind, context in inputs.items()]
    return entries[:1] + counting_minutes_entries(congress, facts) + entries[1:]


def decision_number(congress: Congress) -> str | None:
    """"123-QĐ/ĐU" as recorded at approval → "123"."""
    return congress.approval_decision_number.split("-", 1)[0] or None


def season_report_input(plan: Plan) -> c.SeasonReportInput:
    """From the plans app's season report (the same figures as its Excel report and the news)."""
    report = plans.season_report(plan)
    committee = plan.party_committee
    rows = tuple(
        c.SeasonRow(row["branch"], _day(row["date"]) if row["summoned"] is not None else None, row["summoned"] or 0,
                    row["present"] or 0, (row["secretary"] or {}).get("name", ""), (row["deputy"] or {}).get("name", ""),
                    len(row["committee"]))
        for row in report["branches"])
    return c.SeasonReportInput(
        ward_name=committee.name, ward_upper_body=committee.upper_body, place_name=committee.place,
        plan_number=plan.number, plan_issued_on=plan.issued_on, term=plan.term, window_start=plan.window_start,
        window_end=plan.window_end, rows=rows, branches_total=len(rows),
    )


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def office_committee() -> PartyCommittee:
    """The ward whose templates a ward office edits: the single ward of the installation (one
    laptop runs one ward); the first one if several were loaded."""
    committee = PartyCommittee.objects.order_by("pk").first()
    if committee is None:
        raise Http404("Chưa có đảng bộ.")
    return committee
