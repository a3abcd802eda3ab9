"""Context builders: the data of each document (plain dataclasses in) → the plain dict of strings
and lists its .docx template is rendered with (out). Pure: no Django, no database, so that each
document can be built from the models, from an election's RoundResult or from sample data alike,
and tested without either. Figures (D, threshold, votes, percentages, who is elected) always come
from the rules core; nothing here decides an outcome."""
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from daihoi.documents.formatting import (
    BLANK, clock, long_date, number_symbol, place_date, short_date, upper,
)
from daihoi.rules.counting import RoundResult
from daihoi.rules.electorate import Electorate, exclusions
from daihoi.rules.percent import percent

Context = dict[str, Any]

LEGAL_BASIS = (
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "Căn cứ Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024 "
    "của Bộ Chính trị;",
    "Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;",
)

# Labels of the counts taken out of D (190-QĐ/TW Art 30.2), keyed like rules.electorate.exclusions.
EXCLUSION_LABELS = {
    "attached_elsewhere": "Sinh hoạt tạm thời ở tổ chức đảng khác",
    "excused_absent": "Miễn công tác và sinh hoạt đảng, vắng mặt",
    "suspended": "Đang bị đình chỉ sinh hoạt đảng",
    "prosecuted_or_detained": "Đang bị khởi tố, truy tố, tạm giam",
    "absent_with_accepted_reason": "Vắng mặt cả buổi có lý do được Chi ủy chấp nhận",
    "committee_absent": "Ủy viên ban chấp hành vắng mặt suốt thời gian đại hội",
    "delegates_absent_unreplaced": "Đại biểu vắng mặt suốt thời gian đại hội, không có dự khuyết thay",
}

# Labels of the reasons a ballot is invalid, keyed like rules.ballots.INVALID_REASONS.
INVALID_REASON_LABELS = {
    "not_issued": "Phiếu không do Ban kiểm phiếu phát ra",
    "too_many_names": "Phiếu bầu nhiều hơn số lượng cần bầu",
    "all_struck": "Phiếu gạch tên tất cả",
    "write_in": "Phiếu ghi thêm tên người ngoài danh sách",
    "extra_content": "Phiếu có ghi thêm nội dung khác",
    "signed": "Phiếu có ký tên",
    "both_or_neither": "Phiếu đánh dấu cả hai ô hoặc không đánh dấu ô nào",
}


@dataclass(frozen=True)
class CongressFacts:
    """What every document of one branch congress says about it (from Plan, Congress, Branch,
    PartyCommittee)."""

    ward_name: str
    ward_upper_body: str
    place_name: str
    branch_name: str
    ordinal: int | None
    term: str
    held_on: date | None
    starts_at: time | None = None
    venue: str = ""
    plan_number: str = ""
    plan_issued_on: date | None = None
    ward_short_name: str = "ĐU"  # the ward committee's symbol on its documents (PartyCommittee.short_name)


@dataclass(frozen=True)
class Elected:
    name: str
    votes: int
    percent: str


@dataclass(frozen=True)
class ElectionOutcome:
    """One election of the congress (the committee, the secretary, the deputy) and who it
    elected, highest first: from the RoundResult of its last round (``outcome_of``)."""

    election: str
    post: str
    elected: tuple[Elected, ...]


@dataclass(frozen=True)
class CountingCommittee:
    head: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class CountingMinutesInput:
    facts: CongressFacts
    election: str
    round_number: int
    electorate: Electorate
    present: int
    committee: CountingCommittee
    result: RoundResult
    completed_at: datetime | None = None
    number: str | None = None
    # SHA-256 of the sealed round file (daihoi.rules.integrity): printed so that anyone can check
    # the announced result with ``daihoi verify`` against the round file.
    fingerprint: str = ""


@dataclass(frozen=True)
class Absentee:
    name: str
    full: bool
    reason: str = ""


@dataclass(frozen=True)
class MotionLine:
    title: str
    agree: int
    disagree: int
    abstain: int = 0
    passed: bool | None = None


@dataclass(frozen=True)
class CongressMinutesInput:
    facts: CongressFacts
    summoned_full: int
    summoned_probationary: int
    present_full: int
    present_probationary: int
    absentees: tuple[Absentee, ...] = ()
    guests: tuple[str, ...] = ()
    presidium: tuple[str, ...] = ()
    secretariat: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()
    political_report: str = ""
    self_review: str = ""
    discussion: str = ""
    upper_speech: str = ""
    motions: tuple[MotionLine, ...] = ()
    elections: tuple[ElectionOutcome, ...] = ()
    resolution_vote: MotionLine | None = None
    opened_at: time | None = None
    closed_at: time | None = None
    number: str | None = None


@dataclass(frozen=True)
class ResolutionInput:
    facts: CongressFacts
    present_full: int
    present_probationary: int
    review: str = ""
    targets: tuple[str, ...] = ()
    elections: tuple[ElectionOutcome, ...] = ()
    chair: str = ""
    number: str | None = None
    presidium_size: int = 1


@dataclass(frozen=True)
class ApprovalRequestInput:
    facts: CongressFacts
    denominator: int | None
    elections: tuple[ElectionOutcome, ...]
    secretary: str
    issued_on: date | None = None
    number: str | None = None


@dataclass(frozen=True)
class ApprovalDecisionInput:
    facts: CongressFacts
    elections: tuple[ElectionOutcome, ...]
    signer: str
    signer_title: str = "BÍ THƯ"
    decided_on: date | None = None
    number: str | None = None


@dataclass(frozen=True)
class Summoned:
    name: str
    checkin_code: str


@dataclass(frozen=True)
class SummonsInput:
    facts: CongressFacts
    summoned: tuple[Summoned, ...]
    secretary: str
    issued_on: date | None = None
    number: str | None = None


@dataclass(frozen=True)
class SeasonRow:
    branch: str
    held_on: date | None
    summoned: int
    present: int
    secretary: str = ""
    deputy: str = ""
    committee_size: int = 0


@dataclass(frozen=True)
class SeasonReportInput:
    ward_name: str
    ward_upper_body: str
    place_name: str
    plan_number: str
    plan_issued_on: date | None
    term: str
    window_start: date | None
    window_end: date | None
    rows: tuple[SeasonRow, ...]
    branches_total: int
    assessment: tuple[str, ...] = ()
    signer: str = ""
    issued_on: date | None = None
    number: str | None = None
    signer_title: str = "BÍ THƯ"
    ward_short_name: str = "ĐU"
    after: tuple[str, ...] = ()  # the post-congress work, one sentence per item (issue 12)
    after_summary: str = ""


def outcome_of(election: str, post: str, result: RoundResult) -> ElectionOutcome:
    """Who a round elected, highest first, with votes and % of D exactly as the rules core gives
    them (190-QĐ/TW Art 30)."""
    by_id = {candidate.id: candidate for candidate in result.candidates}
    elected = tuple(Elected(by_id[cid].name, by_id[cid].votes, by_id[cid].percent) for cid in result.elected)
    return ElectionOutcome(election, post, elected)


def committee_of(ward_name: str) -> str:
    """The ward's executive committee ("Đảng ủy phường …") from the organization's name
    ("Đảng bộ phường …"): the committee, not the organization, issues decisions and reports."""
    if ward_name.lower().startswith("đảng bộ"):
        return "Đảng ủy" + ward_name[len("Đảng bộ"):]
    return ward_name


def heading(upper_body: str, issuer_lines: list[str], number: str, place: str, day: date | None) -> Context:
    """The header blocks every document shares (36-HD/VPTW): upper body, issuing body, number and
    symbol at left; place and date at right."""
    return {
        "upper_body": upper(upper_body),
        "issuer_lines": [upper(line) for line in issuer_lines],
        "number": number,
        "place_date": place_date(place, day),
    }


def branch_heading(facts: CongressFacts, number: str | None, symbol: str, day: date | None) -> Context:
    return heading(facts.ward_name, [facts.branch_name], number_symbol(number, symbol), facts.place_name, day)


def congress_heading(facts: CongressFacts, number: str | None, symbol: str) -> Context:
    """Documents of the congress name the congress as issuer (members-and-documents.md)."""
    return heading(facts.ward_name, [facts.branch_name, *congress_lines(facts)], number_symbol(number, symbol),
                   facts.place_name, facts.held_on)


def congress_lines(facts: CongressFacts) -> list[str]:
    """"Đại hội lần thứ 3" / "Nhiệm kỳ 2025–2030": two lines, as one does not fit the column."""
    return [f"Đại hội lần thứ {facts.ordinal}" if facts.ordinal else "Đại hội", f"Nhiệm kỳ {facts.term}"]


def ward_heading(ward_name: str, upper_body: str, place: str, number: str | None, symbol: str, day: date | None) -> Context:
    return heading(upper_body, [committee_of(ward_name)], number_symbol(number, symbol), place, day)


def congress_name(facts: CongressFacts) -> str:
    """"Đại hội Chi bộ Tổ dân phố số 5 lần thứ 3, nhiệm kỳ 2025–2030"."""
    return f"{congress_without_term(facts)}, nhiệm kỳ {facts.term}"


def congress_without_term(facts: CongressFacts) -> str:
    """"Đại hội Chi bộ Tổ dân phố số 5 lần thứ 3"."""
    ordinal = f" lần thứ {facts.ordinal}" if facts.ordinal else ""
    return f"Đại hội {facts.branch_name}{ordinal}"


def numbered(names: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    return [{"n": str(index), "name": name} for index, name in enumerate(names, start=1)]


def elected_rows(elections: tuple[ElectionOutcome, ...]) -> list[dict[str, str]]:
    """One row per person elected, election by election, numbered throughout."""
    rows = [(outcome, person) for outcome in elections for person in outcome.elected]
    return [
        {"n": str(index), "name": person.name, "post": outcome.post, "votes": str(person.votes),
         "percent": person.percent}
        for index, (outcome, person) in enumerate(rows, start=1)
    ]


def elections_context(elections: tuple[ElectionOutcome, ...]) -> list[dict[str, Any]]:
    return [
        {"election": outcome.election, "post": outcome.post, "count": str(len(outcome.elected)),
         "elected": people(outcome.elected)}
        for outcome in elections
    ]


def people(elected: tuple[Elected, ...]) -> list[dict[str, str]]:
    return [{"n": str(i), "name": p.name, "votes": str(p.votes), "percent": p.percent}
            for i, p in enumerate(elected, start=1)]


def counting_minutes_context(data: CountingMinutesInput) -> Context:
    """Everything election-rules.md §7 lists, in its order: header, legal basis, number to elect,
    the list in ballot order, the counting committee, members and the exclusions giving D,
    ballots with invalid reasons, votes and % of D in ballot order, those elected highest first,
    the time the minutes were completed, the committee's signatures."""
    facts, result = data.facts, data.result
    summoned = data.electorate.summoned
    return {
        # The header the reference gives counting minutes (CHI BỘ … / ĐẠI HỘI LẦN THỨ … / Nhiệm kỳ …);
        # the symbol is the congress's, whose documents share one numbering (36-HD/VPTW 1.3.1).
        **heading(facts.branch_name, congress_lines(facts), number_symbol(data.number, "BB/ĐH"), facts.place_name,
                  facts.held_on),
        "subject": f"Bầu {data.election}, nhiệm kỳ {facts.term} – lần bầu thứ {data.round_number}",
        "congress": congress_name(facts),
        "legal_basis": list(LEGAL_BASIS),
        "election": data.election,
        "round_number": str(data.round_number),
        "seats": str(result.seats),
        "candidate_count": str(len(result.candidates)),
        "candidates": [
            {"n": str(index), "name": c.name, "votes": str(c.votes), "percent": c.percent}
            for index, c in enumerate(result.candidates, start=1)
        ],
        "committee_head": data.committee.head or BLANK,
        "committee_members": list(data.committee.members),
        "summoned": str(summoned),
        "present": str(data.present),
        "absent": str(summoned - data.present),
        "exclusions": [{"label": EXCLUSION_LABELS[name], "count": str(count)}
                       for name, count in exclusions(data.electorate).items()],
        "denominator": str(result.denominator),
        "threshold": str(result.threshold),
        "issued": str(result.ballots.issued),
        "collected": str(result.ballots.collected),
        "valid": str(result.ballots.valid),
        "invalid": str(result.ballots.invalid),
        "invalid_reasons": [{"label": INVALID_REASON_LABELS[reason], "count": str(count)}
                            for reason, count in result.ballots.invalid_reasons.items() if count],
        "elected": people(outcome_of(data.election, "", result).elected),
        "outcome": outcome_sentences(result),
        "completed": f"Biên bản lập xong hồi {clock(data.completed_at)}, "
                     f"{long_date(data.completed_at.date() if data.completed_at else facts.held_on)}.",
        "fingerprint": data.fingerprint,
    }


def outcome_sentences(result: RoundResult) -> list[str]:
    """What the minutes state besides the list of those elected: a void round, a tie for the
    last seat(s), seats left unfilled (190-QĐ/TW Art 30; election-rules.md §3)."""
    if result.status == "void":
        return [f"Số phiếu thu vào ({result.ballots.collected}) nhiều hơn số phiếu phát ra "
                f"({result.ballots.issued}): lần bầu này không có giá trị, phải bầu lại."]
    sentences = []
    if result.tie is not None:
        names = ", ".join(c.name for c in result.candidates if c.id in result.tie.candidates)
        sentences.append(f"Các đồng chí {names} có số phiếu bằng nhau cho {result.tie.seats} chỗ cuối cùng: "
                         "đại hội bầu lại giữa các đồng chí này.")
    if result.unfilled and result.tie is None:
        sentences.append(f"Còn {result.unfilled} chỗ chưa bầu đủ vì không có người đạt số phiếu quá một nửa.")
    if not result.elected:
        sentences.append("Không có đồng chí nào trúng cử trong lần bầu này.")
    return sentences


def congress_minutes_context(data: CongressMinutesInput) -> Context:
    """Biên bản đại hội (members-and-documents.md): time and place, attendance with absentees and
    reasons, guests, bodies, agenda, summaries, the upper committee's speech, show-of-hands votes,
    the election results, the resolution's adoption, closing time, signatures."""
    facts = data.facts
    vote = data.resolution_vote
    return {
        # The header the reference gives counting minutes (CHI BỘ … / ĐẠI HỘI LẦN THỨ … / Nhiệm kỳ …);
        # the symbol is the congress's, whose documents share one numbering (36-HD/VPTW 1.3.1).
        **heading(facts.branch_name, congress_lines(facts), number_symbol(data.number, "BB/ĐH"), facts.place_name,
                  facts.held_on),
        "congress": congress_name(facts),
        "held_on": long_date(facts.held_on),
        "opened_at": clock(data.opened_at),
        "closed_at": clock(data.closed_at),
        "venue": facts.venue or BLANK,
        "summoned": str(data.summoned_full + data.summoned_probationary),
        "summoned_full": str(data.summoned_full),
        "summoned_probationary": str(data.summoned_probationary),
        "present": str(data.present_full + data.present_probationary),
        "present_full": str(data.present_full),
        "present_probationary": str(data.present_probationary),
        "absent": str(data.summoned_full + data.summoned_probationary - data.present_full - data.present_probationary),
        "absentees": [{"name": a.name, "kind": "chính thức" if a.full else "dự bị", "reason": a.reason or "không có lý do"}
                      for a in data.absentees],
        "guests": list(data.guests),
        "chair": data.presidium[0] if data.presidium else BLANK,
        # One chair signs as such; the head of a presidium of several signs on its behalf.
        "chair_signs": "T/M ĐOÀN CHỦ TỊCH" if len(data.presidium) > 1 else "CHỦ TỊCH ĐẠI HỘI",
        "presidium": list(data.presidium),
        "secretary": data.secretariat[0] if data.secretariat else BLANK,
        "secretariat": list(data.secretariat),
        "agenda": list(data.agenda),
        "political_report": paragraphs(data.political_report),
        "self_review": paragraphs(data.self_review),
        "discussion": paragraphs(data.discussion),
        "upper_speech": paragraphs(data.upper_speech),
        "motions": [motion_context(m) for m in data.motions],
        "elections": elections_context(data.elections),
        "resolution_vote": motion_context(vote) if vote else {"agree": BLANK, "disagree": BLANK, "total": BLANK},
    }


def motion_context(motion: MotionLine) -> dict[str, str]:
    outcome = {True: "thông qua", False: "không thông qua", None: ""}[motion.passed]
    return {"title": motion.title, "agree": str(motion.agree), "disagree": str(motion.disagree),
            "abstain": str(motion.abstain), "total": str(motion.agree + motion.disagree + motion.abstain),
            "outcome": outcome}


def paragraphs(text: str) -> list[str]:
    """A summary typed with blank lines → its paragraphs; nothing typed → one blank line to fill."""
    parts = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n")]
    return [part for part in parts if part] or [BLANK]


def resolution_context(data: ResolutionInput) -> Context:
    """Nghị quyết đại hội: attendance, agreement with the past term's review, targets, approval of
    the election results; signed T/M ĐẠI HỘI / CHỦ TỊCH."""
    facts = data.facts
    return {
        **congress_heading(facts, data.number, "NQ/ĐH"),
        "subject": upper(congress_name(facts)),
        "subject_lines": [upper(f"{congress_without_term(facts)},"), upper(f"nhiệm kỳ {facts.term}")],
        "congress": congress_name(facts),
        "held_on": long_date(facts.held_on),
        "venue": facts.venue or BLANK,
        "present": str(data.present_full + data.present_probationary),
        "present_full": str(data.present_full),
        "present_probationary": str(data.present_probationary),
        "review": paragraphs(data.review),
        "targets": list(data.targets) or [BLANK],
        "term": facts.term,
        "elections": elections_context(data.elections),
        "chair": data.chair or BLANK,
        # "T/M ĐẠI HỘI / CHỦ TỊCH (ĐOÀN CHỦ TỊCH)" (members-and-documents.md): which of the two.
        "chair_title": "ĐOÀN CHỦ TỊCH" if data.presidium_size > 1 else "CHỦ TỊCH",
    }


def approval_request_context(data: ApprovalRequestInput) -> Context:
    """Tờ trình đề nghị chuẩn y (…-TTr/CB): legal basis including the ward's plan, the number
    elected, results with votes and % of D, the request, attachments; T/M CHI BỘ / BÍ THƯ."""
    facts = data.facts
    plan = f"Căn cứ Kế hoạch số {facts.plan_number or BLANK} ngày {short_date(facts.plan_issued_on)} của " \
           f"{committee_of(facts.ward_name)} về tổ chức đại hội chi bộ trực thuộc nhiệm kỳ {facts.term};"
    return {
        **branch_heading(facts, data.number, "TTr/CB", data.issued_on),
        "subject": f"Đề nghị chuẩn y kết quả bầu cử chi ủy, bí thư, phó bí thư {facts.branch_name}, nhiệm kỳ {facts.term}",
        "addressee": f"Ban Thường vụ {committee_of(facts.ward_name)}",
        "legal_basis": [*LEGAL_BASIS, plan],
        "congress": congress_name(facts),
        "held_on": long_date(facts.held_on),
        "denominator": str(data.denominator) if data.denominator else BLANK,
        "elections": elections_context(data.elections),
        "rows": elected_rows(data.elections),
        "branch": facts.branch_name,
        "ward_committee": committee_of(facts.ward_name),
        "secretary": data.secretary or BLANK,
    }


def approval_decision_context(data: ApprovalDecisionInput) -> Context:
    """Quyết định chuẩn y (…-QĐ/ĐU) by the ward's standing committee, with the list of names;
    effective on signature; T/M BAN THƯỜNG VỤ / BÍ THƯ (PHÓ BÍ THƯ)."""
    facts = data.facts
    committee = committee_of(facts.ward_name)
    return {
        **ward_heading(facts.ward_name, facts.ward_upper_body, facts.place_name, data.number,
                       f"QĐ/{facts.ward_short_name}", data.decided_on),
        "subject": f"Chuẩn y kết quả bầu cử chi ủy, bí thư, phó bí thư {facts.branch_name}, nhiệm kỳ {facts.term}",
        "standing_committee": upper(f"Ban Thường vụ {committee}"),
        "legal_basis": [LEGAL_BASIS[0], f"Căn cứ Quy chế làm việc của {committee};", LEGAL_BASIS[1]],
        "congress": congress_name(facts),
        "branch": facts.branch_name,
        "term": facts.term,
        "rows": elected_rows(data.elections),
        "elections": elections_context(data.elections),
        "signer": data.signer or BLANK,
        "signer_title": data.signer_title,
    }


def summons_context(data: SummonsInput) -> Context:
    """Giấy triệu tập, one page per member summoned, each with its own check-in code (shown as a
    QR image by the renderer and in words beneath it)."""
    facts = data.facts
    return {
        **branch_heading(facts, data.number, "GTT/CB", data.issued_on),
        "congress": congress_name(facts),
        "when": f"{clock(facts.starts_at)}, {long_date(facts.held_on)}",
        "venue": facts.venue or BLANK,
        "branch": facts.branch_name,
        "summoned": [{"name": s.name, "checkin_code": s.checkin_code} for s in data.summoned],
        "secretary": data.secretary or BLANK,
    }


def season_report_context(data: SeasonReportInput) -> Context:
    """Báo cáo kết quả đại hội các chi bộ: the plan, the window, how many branches held their
    congress, attendance, a row per branch, the assessment."""
    held = [row for row in data.rows if row.held_on]
    summoned = sum(row.summoned for row in held)
    present = sum(row.present for row in held)
    return {
        **ward_heading(data.ward_name, data.ward_upper_body, data.place_name, data.number, f"BC/{data.ward_short_name}",
                       data.issued_on),
        "subject": f"Kết quả đại hội các chi bộ trực thuộc, nhiệm kỳ {data.term}",
        "plan": f"Thực hiện Kế hoạch số {data.plan_number} ngày {short_date(data.plan_issued_on)} của "
                f"{committee_of(data.ward_name)} về tổ chức đại hội chi bộ trực thuộc nhiệm kỳ {data.term}",
        "window": f"từ ngày {short_date(data.window_start)} đến hết ngày {short_date(data.window_end)}",
        "held": f"{len(held)}/{data.branches_total}",
        "summoned": str(summoned),
        "present": str(present),
        "present_percent": percent(present, summoned) if summoned else BLANK,
        "rows": [
            {"n": str(index), "branch": row.branch, "held_on": short_date(row.held_on), "summoned": str(row.summoned),
             "present": str(row.present), "secretary": row.secretary or BLANK, "deputy": row.deputy or "—",
             "committee_size": str(row.committee_size) if row.committee_size else "—"}
            for index, row in enumerate(data.rows, start=1)
        ],
        "assessment": list(data.assessment) or [BLANK],
        "ward_committee": committee_of(data.ward_name),
        "signer": data.signer or BLANK,
        "signer_title": data.signer_title,
        "term": data.term,
        "after_summary": data.after_summary,
        "after": list(data.after),
    }

