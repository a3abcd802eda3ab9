"""Writes of a congress season: each one transaction with row locks; validation in ``check_*``
raises ValidationError with a Vietnamese message, so nothing is ever half-written."""
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from daihoi.accounts.models import Role, User
from daihoi.audit.tracking import record_created
from daihoi.organizations.models import BranchKind, Member, MemberStatus, PartyCommittee
from daihoi.plans.models import (
    DEFAULT_FOLLOW_UPS, HELD_STATUSES, CommitteeDuty, Congress, CongressResult, CongressStatus, CongressStep,
    DocumentKind, ElectedPerson, FollowUpItem, FollowUpRecord, Office, PersonnelPlan, Plan, PlanDocument,
    ResultSource, SeasonClosure, Step,
)
from daihoi.plans.selectors import follow_up_progress
from daihoi.rules.electorate import is_more_than_half, quorum_met
from daihoi.rules.structure import branch_structure

# Steps the ward decides; the branch may not tick them itself.
WARD_STEPS = {Step.PERSONNEL_APPROVED, Step.RESULTS_APPROVED}
# Steps only their own service records, because they change the congress's status.
SERVICE_STEPS = {Step.RESULTS_SUBMITTED, Step.RESULTS_APPROVED}


@dataclass(frozen=True)
class PlanInput:
    number: str
    issued_on: date
    term_start_year: int
    term_end_year: int
    window_start: date
    window_end: date
    title: str = ""
    min_women_percent: int | None = None
    min_under_40_percent: int | None = None
    reelection_age_limit: int | None = None


def check_plan(*, party_committee: PartyCommittee, data: PlanInput) -> None:
    """A plan's term runs forward (2.5- and 5-year terms both occur, 294-QĐ/TW, so any length is
    accepted), its window is not empty, its number is new, and targets are percentages."""
    errors = {}
    if data.term_end_year <= data.term_start_year:
        errors["term_end_year"] = "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."
    if data.window_end < data.window_start:
        errors["window_end"] = "Ngày kết thúc đợt đại hội phải từ ngày bắt đầu trở đi."
    for field in ("min_women_percent", "min_under_40_percent"):
        value = getattr(data, field)
        if value is not None and not 0 <= value <= 100:
            errors[field] = "Tỷ lệ phải từ 0 đến 100%."
    if Plan.objects.filter(party_committee=party_committee, number=data.number.strip()).exists():
        errors["number"] = f"Đã có kế hoạch số {data.number.strip()}."
    if not party_committee.branches.filter(is_active=True).exists():
        errors["__all__"] = "Đảng bộ chưa có chi bộ nào đang hoạt động."
    if errors:
        raise ValidationError(errors)


def plan_create(*, party_committee: PartyCommittee, data: PlanInput, file: UploadedFile | None, by: User) -> Plan:
    """Issue a plan and open one congress per active branch, each supervised by the committee
    members who supervise the branch; all or nothing."""
    check_plan(party_committee=party_committee, data=data)
    with transaction.atomic():
        PartyCommittee.objects.select_for_update().get(pk=party_committee.pk)
        fields = {**data.__dict__, "number": data.number.strip()}
        plan = Plan.objects.create(party_committee=party_committee, **fields)
        branches = list(party_committee.branches.filter(is_active=True).order_by("pk"))
        congresses = Congress.objects.bulk_create(Congress(plan=plan, branch=branch) for branch in branches)
        record_created(congresses)
        by_branch = {congress.branch_id: congress.pk for congress in congresses}
        links = Congress.supervisors.through.objects
        branch_links = party_committee.branches.model.supervisors.through.objects.filter(branch__in=branches)
        links.bulk_create(links.model(congress_id=by_branch[link.branch_id], user_id=link.user_id) for link in branch_links)
        _default_follow_ups(plan)
        if file is not None:
            _add_document(plan=plan, congress=None, kind=DocumentKind.PLAN, file=file, by=by)
    return plan


def check_schedule(*, congress: Congress, starts_at: time | None, ends_at: time | None, supervisors: list[User]) -> None:
    if congress.status in HELD_STATUSES:
        raise ValidationError("Đại hội đã tổ chức, không thay đổi lịch được.")
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": "Giờ kết thúc phải sau giờ bắt đầu."})
    wrong = [user for user in supervisors if user.role != Role.SUPERVISOR]
    if wrong:
        raise ValidationError({"supervisors": f"{wrong[0]} không phải đảng ủy viên phụ trách."})


def congress_schedule(*, congress: Congress, scheduled_on: date | None, starts_at: time | None,
                      ends_at: time | None, place: str, supervisors: list[User]) -> Congress:
    """Set date, time, place and supervisors. Clashes and dates outside the window are warnings
    (selectors.schedule_warnings), not errors: the ward may knowingly accept them."""
    with transaction.atomic():
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        check_schedule(congress=congress, starts_at=starts_at, ends_at=ends_at, supervisors=supervisors)
        congress.scheduled_on, congress.starts_at, congress.ends_at = scheduled_on, starts_at, ends_at
        congress.place = place.strip()
        congress.status = CongressStatus.SCHEDULED if scheduled_on else CongressStatus.PLANNED
        congress.save(update_fields=["scheduled_on", "starts_at", "ends_at", "place", "status"])
        congress.supervisors.set(supervisors)
    return congress


def check_step(*, congress: Congress, step: str, by: User) -> None:
    if step not in Step.values:
        raise ValidationError("Bước không hợp lệ.")
    if step in SERVICE_STEPS:
        raise ValidationError("Bước này được ghi khi trình hoặc chuẩn y kết quả.")
    if step in WARD_STEPS and not by.is_ward_staff:
        raise ValidationError("Chỉ Văn phòng Đảng ủy được ghi bước này.")
    if step == Step.CONGRESS_HELD and congress.status == CongressStatus.PLANNED:
        raise ValidationError("Đại hội chưa được xếp lịch.")


def congress_step_mark(*, congress: Congress, step: str, done_on: date, by: User, note: str = "") -> CongressStep:
    """Record a checklist step (again: the latest date and person win). Marking the congress held
    moves its status on, so the dashboard counts it."""
    with transaction.atomic():
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        check_step(congress=congress, step=step, by=by)
        record = _record_step(congress, step, done_on, by, note)
        if step == Step.CONGRESS_HELD and congress.status not in HELD_STATUSES:
            congress.status, congress.held_on = CongressStatus.HELD, done_on
            congress.save(update_fields=["status", "held_on"])
    return record


def _record_step(congress: Congress, step: str, done_on: date, by: User, note: str = "") -> CongressStep:
    record, _ = CongressStep.objects.update_or_create(
        congress=congress, step=step, defaults={"done_on": done_on, "done_by": by, "note": note.strip()})
    return record


def document_upload(*, plan: Plan, congress: Congress | None, kind: str, file: UploadedFile, by: User) -> PlanDocument:
    """Upload a document; the same kind uploaded again becomes the next version."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": "Loại văn bản không hợp lệ."})
    with transaction.atomic():
        Plan.objects.select_for_update().get(pk=plan.pk)
        return _add_document(plan=plan, congress=congress, kind=kind, file=file, by=by)


# What a plan's or a congress's papers come as: scans and photos of signed paper, Word, PDF,
# spreadsheets. Nothing a browser would run (HTML, SVG, scripts), nothing over 20 MB.
DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".jpg", ".jpeg", ".png")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def check_document_file(file: UploadedFile) -> None:
    if not (file.name or "").lower().endswith(DOCUMENT_EXTENSIONS):
        raise ValidationError({"file": "Chỉ nhận tệp PDF, Word, Excel, OpenDocument hoặc ảnh chụp (JPEG, PNG)."})
    if (file.size or 0) > DOCUMENT_MAX_BYTES:
        raise ValidationError({"file": "Tệp quá lớn (tối đa 20 MB)."})


def _add_document(*, plan: Plan, congress: Congress | None, kind: str, file: UploadedFile, by: User) -> PlanDocument:
    check_document_file(file)
    latest = PlanDocument.objects.filter(plan=plan, congress=congress, kind=kind).aggregate(v=Max("version"))["v"]
    return PlanDocument.objects.create(plan=plan, congress=congress, kind=kind, version=(latest or 0) + 1, file=file, uploaded_by=by)


def check_people(*, congress: Congress, people: list[Member]) -> None:
    """Only the branch's full members elect and may stand (Charter; election-rules.md §2)."""
    for member in people:
        if member.branch_id != congress.branch_id:
            raise ValidationError(f"{member.full_name} không sinh hoạt tại {congress.branch.name}.")
        if member.status != MemberStatus.FULL:
            raise ValidationError(f"{member.full_name} là đảng viên dự bị, không được ứng cử.")


def check_personnel_plan(*, seats: int, slate: list[Member], full_members: int) -> None:
    """The seats the branch proposes must fit what its structure allows (294-QĐ/TW): a committee
    of at most 7 with 9 or more full members, none below 9."""
    structure = branch_structure(full_members)
    if not structure.valid:
        raise ValidationError(structure.description + ".")
    if structure.committee and not 1 <= seats <= structure.committee_max_seats:
        raise ValidationError({"seats": structure.description + "."})
    if not structure.committee and (seats or slate):
        raise ValidationError({"seats": structure.description + "."})


def personnel_plan_save(*, congress: Congress, seats: int, slate: list[Member], secretary: Member | None,
                        deputy: Member | None, by: User, on: date) -> PersonnelPlan:
    """Save the branch's personnel plan and tick "personnel plan submitted". Margin and target
    problems are warnings (selectors.personnel_warnings) for the ward to weigh when it approves."""
    people = [*slate, *(m for m in (secretary, deputy) if m)]
    with transaction.atomic():
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        if congress.status in HELD_STATUSES:
            raise ValidationError("Đại hội đã tổ chức, không sửa phương án nhân sự được.")
        check_people(congress=congress, people=people)
        full = congress.branch.members.filter(status=MemberStatus.FULL).count()
        check_personnel_plan(seats=seats, slate=slate, full_members=full)
        plan, _ = PersonnelPlan.objects.update_or_create(
            congress=congress, defaults={"seats": seats, "secretary": secretary, "deputy": deputy})
        plan.slate.set(slate)
        _record_step(congress, Step.PERSONNEL_SUBMITTED, on, by)
    return plan


@dataclass(frozen=True)
class ResultInput:
    """What the branch reports from its minutes: attendance, D, and each person elected with the
    votes of the deciding round."""

    summoned: int
    present: int
    denominator: int
    committee_seats: int
    committee: list[tuple[Member, int]]
    secretary: tuple[Member, int]
    deputy: tuple[Member, int] | None = None
    source: str = ResultSource.PAPER


def check_result(*, congress: Congress, data: ResultInput) -> None:
    """Counts that fit together, a valid congress (quorum), the structure's seats (294-QĐ/TW),
    everyone elected by more than half of D (Charter Art 12.3) and the secretary and deputy
    taken from the committee."""
    if data.present > data.summoned:
        raise ValidationError({"present": "Số có mặt không được lớn hơn số được triệu tập."})
    if not 1 <= data.denominator <= data.summoned:
        raise ValidationError({"denominator": "Số tính kết quả (D) phải từ 1 đến số được triệu tập."})
    quorum = quorum_met(data.present, data.denominator)
    if not quorum.met:
        raise ValidationError({"present": quorum.reason + "."})
    check_people(congress=congress, people=[m for m, _ in _elected(data)])
    structure = branch_structure(data.summoned)
    if structure.committee and not 1 <= data.committee_seats <= structure.committee_max_seats:
        raise ValidationError({"committee_seats": structure.description + "."})
    if not structure.committee and (data.committee_seats or data.committee):
        raise ValidationError({"committee_seats": structure.description + "."})
    if len(data.committee) > data.committee_seats:
        raise ValidationError(f"Có {len(data.committee)} chi ủy viên trúng cử cho {data.committee_seats} chỉ tiêu.")
    if len({m.pk for m, _ in data.committee}) != len(data.committee):
        raise ValidationError("Một người được ghi hai lần trong danh sách chi ủy.")
    _check_votes(data)
    committee = {m.pk for m, _ in data.committee}
    for member, _ in [data.secretary, *([data.deputy] if data.deputy else [])]:
        if structure.committee and member.pk not in committee:
            raise ValidationError(f"{member.full_name} không có trong chi ủy mới, không thể là bí thư hoặc phó bí thư.")
    if data.deputy and data.deputy[0].pk == data.secretary[0].pk:
        raise ValidationError("Bí thư và phó bí thư phải là hai người khác nhau.")


def _elected(data: ResultInput) -> list[tuple[Member, int]]:
    return [*data.committee, data.secretary, *([data.deputy] if data.deputy else [])]


def _check_votes(data: ResultInput) -> None:
    for member, votes in _elected(data):
        if votes > data.present:
            raise ValidationError(f"{member.full_name}: {votes} phiếu, nhiều hơn {data.present} người có mặt.")
        if not is_more_than_half(votes, data.denominator):
            raise ValidationError(
                f"{member.full_name}: {votes}/{data.denominator} phiếu, không quá một nửa nên không trúng cử.")


def result_submit(*, congress: Congress, data: ResultInput, by: User, on: date) -> CongressResult:
    """The branch submits its results for approval (tờ trình); submitting again replaces them
    until the ward approves. The congress counts as held from then on."""
    with transaction.atomic():
        congress = Congress.objects.select_for_update().select_related("branch").get(pk=congress.pk)
        if congress.status == CongressStatus.APPROVED:
            raise ValidationError("Kết quả đã được chuẩn y, không trình lại được.")
        if congress.status == CongressStatus.PLANNED:
            raise ValidationError("Đại hội chưa được xếp lịch.")
        check_result(congress=congress, data=data)
        result, _ = CongressResult.objects.update_or_create(congress=congress, defaults={
            "source": data.source, "summoned": data.summoned, "present": data.present,
            "denominator": data.denominator, "committee_seats": data.committee_seats, "submitted_by": by})
        result.elected.all().delete()
        record_created(ElectedPerson.objects.bulk_create(_elected_rows(result, data)))
        held_on = congress.held_on or congress.scheduled_on or on
        if not congress.steps.filter(step=Step.CONGRESS_HELD).exists():
            _record_step(congress, Step.CONGRESS_HELD, held_on, by)
        _record_step(congress, Step.RESULTS_SUBMITTED, on, by)
        congress.status, congress.held_on, congress.returned_reason = CongressStatus.RESULTS_SUBMITTED, held_on, ""
        congress.save(update_fields=["status", "held_on", "returned_reason"])
    return result


def _elected_rows(result: CongressResult, data: ResultInput) -> list[ElectedPerson]:
    rows = [(Office.COMMITTEE, person) for person in data.committee]
    rows.append((Office.SECRETARY, data.secretary))
    if data.deputy:
        rows.append((Office.DEPUTY_SECRETARY, data.deputy))
    return [ElectedPerson(result=result, office=office, member=member, full_name=member.full_name, votes=votes)
            for office, (member, votes) in rows]


def _submitted_for_review(congress: Congress) -> Congress:
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    if congress.status != CongressStatus.RESULTS_SUBMITTED:
        raise ValidationError("Chi bộ chưa trình kết quả hoặc kết quả đã được xử lý.")
    return congress


def result_approve(*, congress: Congress, decision_number: str, decided_on: date, by: User) -> Congress:
    """The ward's standing committee approves (chuẩn y) by a numbered decision (…-QĐ/ĐU)."""
    if not decision_number.strip():
        raise ValidationError({"decision_number": "Cần ghi số quyết định chuẩn y."})
    with transaction.atomic():
        congress = _submitted_for_review(congress)
        congress.status, congress.approved_on = CongressStatus.APPROVED, decided_on
        congress.approval_decision_number = decision_number.strip()
        congress.save(update_fields=["status", "approved_on", "approval_decision_number"])
        _record_step(congress, Step.RESULTS_APPROVED, decided_on, by, f"Quyết định số {congress.approval_decision_number}")
    return congress


def result_return(*, congress: Congress, reason: str, by: User) -> Congress:
    """The ward returns the results to the branch, always with a reason."""
    if not reason.strip():
        raise ValidationError({"reason": "Cần ghi lý do trả lại."})
    with transaction.atomic():
        congress = _submitted_for_review(congress)
        congress.status, congress.returned_reason = CongressStatus.RESULTS_RETURNED, reason.strip()
        congress.save(update_fields=["status", "returned_reason"])
    return congress


# --- after the congress (issue 12) -------------------------------------------------------------

def _default_follow_ups(plan: Plan) -> None:
    FollowUpItem.objects.bulk_create(
        FollowUpItem(plan=plan, title=title, due_days=days, residential_only=residential, document_kind=kind, position=n)
        for n, (title, days, residential, kind) in enumerate(DEFAULT_FOLLOW_UPS))


def _open_season(plan_id: int) -> Plan:
    """Lock the plan; a closed season takes no more changes to its follow-up work."""
    plan = Plan.objects.select_for_update().get(pk=plan_id)
    if SeasonClosure.objects.filter(plan=plan).exists():
        raise ValidationError("Đợt đại hội đã khép lại, không sửa được nữa.")
    return plan


def follow_up_item_save(*, plan: Plan, item: FollowUpItem | None, title: str, due_days: int,
                        residential_only: bool, document_kind: str) -> FollowUpItem:
    """The ward edits or adds an item of the plan's post-congress list (days after the congress)."""
    if not title.strip():
        raise ValidationError({"title": "Cần ghi tên việc."})
    if not 1 <= due_days <= 365:
        raise ValidationError({"due_days": "Hạn phải từ 1 đến 365 ngày sau đại hội."})
    if document_kind and document_kind not in DocumentKind.values:
        raise ValidationError({"document_kind": "Loại văn bản không hợp lệ."})
    with transaction.atomic():
        plan = _open_season(plan.pk)
        if item is None:
            item = FollowUpItem(plan=plan, position=plan.follow_up_items.count())
        elif item.plan_id != plan.pk:
            raise ValidationError("Việc này không thuộc kế hoạch.")
        item.title, item.due_days, item.residential_only = title.strip(), due_days, residential_only
        item.document_kind = document_kind
        item.save()
    return item


def check_follow_up(*, congress: Congress, item: FollowUpItem, done_on: date, today: date) -> None:
    """Follow-up work starts once the congress is held, belongs to the congress's plan, and for a
    residential-group item only to residential-group branches."""
    if item.plan_id != congress.plan_id:
        raise ValidationError("Việc này không thuộc kế hoạch của đại hội.")
    if congress.status not in HELD_STATUSES or congress.held_on is None:
        raise ValidationError("Đại hội chưa tổ chức, chưa ghi được việc sau đại hội.")
    if item.residential_only and congress.branch.kind != BranchKind.RESIDENTIAL_GROUP:
        raise ValidationError("Việc này chỉ dành cho chi bộ tổ dân phố.")
    if done_on < congress.held_on:
        raise ValidationError({"done_on": f"Ngày hoàn thành phải từ ngày đại hội ({congress.held_on:%d/%m/%Y}) trở đi."})
    if done_on > today:
        raise ValidationError({"done_on": "Ngày hoàn thành không được sau hôm nay."})


def follow_up_mark(*, congress: Congress, item: FollowUpItem, done_on: date, by: User, today: date,
                   file: UploadedFile | None = None, note: str = "") -> FollowUpRecord:
    """Mark one post-congress item done (again: the latest date and person win), with the file
    attached as the next version of the item's document kind."""
    with transaction.atomic():
        _open_season(congress.plan_id)
        congress = Congress.objects.select_for_update().select_related("branch", "plan").get(pk=congress.pk)
        check_follow_up(congress=congress, item=item, done_on=done_on, today=today)
        previous = FollowUpRecord.objects.filter(congress=congress, item=item).first()
        document = previous.document if previous else None
        if file is not None:
            document = _add_document(plan=congress.plan, congress=congress, kind=item.document_kind or DocumentKind.OTHER,
                                     file=file, by=by)
        record, _ = FollowUpRecord.objects.update_or_create(congress=congress, item=item, defaults={
            "done_on": done_on, "done_by": by, "document": document, "note": note.strip()})
    return record


def follow_up_unmark(*, congress: Congress, item: FollowUpItem, by: User, reason: str) -> FollowUpItem:
    """Undo a mark made by mistake (issue 12): the item is not done again and counts as overdue
    once its date has passed. The reason and what the mark said go into the audit trail, so an
    undo is never silent; the uploaded document stays among the congress's versions. The caller
    checked that ``by`` may edit this congress (access_congress with write)."""
    if not reason.strip():
        raise ValidationError({"reason": "Cần ghi lý do bỏ đánh dấu."})
    with transaction.atomic():
        _open_season(congress.plan_id)
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        record = FollowUpRecord.objects.filter(congress=congress, item=item).select_related("item").first()
        if record is None:
            raise ValidationError("Việc này chưa được đánh dấu hoàn thành.")
        audit_record(user=by, instance=record, action="follow_up_unmark", before=_follow_up_state(record),
                     after={"reason": reason.strip()})
        record.delete()
    return item


def audit_record(**entry: Any) -> None:
    """The audit app's recorder, imported when called: the audit app reads the elections app,
    which imports this module, so a module-level import would be circular."""
    from daihoi.audit.services import audit_record as record

    record(**entry)


def _follow_up_state(record: FollowUpRecord | None) -> dict[str, object] | None:
    """What a mark says, as plain JSON for the audit trail."""
    if record is None:
        return None
    return {"item": record.item.title, "done_on": record.done_on.isoformat(), "done_by": record.done_by.username,
            "document": record.document_id, "note": record.note}


def committee_duty_set(*, congress: Congress, person: ElectedPerson, areas: str, by: User) -> CommitteeDuty:
    """Record the areas one person elected at this congress leads (phân công nhiệm vụ trong chi
    ủy), one per line; an empty text removes the assignment."""
    lines = [line.strip() for line in areas.splitlines() if line.strip()]
    if any(len(line) > 200 for line in lines):
        raise ValidationError({"areas": "Mỗi lĩnh vực ghi trên một dòng, không quá 200 ký tự."})
    with transaction.atomic():
        _open_season(congress.plan_id)
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        if not ElectedPerson.objects.filter(pk=person.pk, result__congress=congress).exists():
            raise ValidationError("Người này không trúng cử tại đại hội này.")
        if congress.status not in HELD_STATUSES:
            raise ValidationError("Đại hội chưa tổ chức.")
        if not lines:
            CommitteeDuty.objects.filter(person=person).delete()
            return CommitteeDuty(person=person, areas="", set_by=by)
        duty, _ = CommitteeDuty.objects.update_or_create(person=person, defaults={"areas": "\n".join(lines), "set_by": by})
    return duty


def season_close(*, plan: Plan, by: User, on: date, reason: str) -> SeasonClosure:
    """The ward closes the season (issue 12): with every branch's follow-up work done no reason
    is needed; otherwise the ward must say why it closes anyway, and how many were unfinished is
    kept with the reason."""
    if not by.is_ward_staff:
        raise ValidationError("Chỉ Văn phòng Đảng ủy được khép lại đợt đại hội.")
    with transaction.atomic():
        plan = _open_season(plan.pk)
        progress = follow_up_progress(plan, plan.congresses.all(), on)
        unfinished = progress["total"] - progress["complete"]
        if unfinished and not reason.strip():
            raise ValidationError({"reason": f"Còn {unfinished} chi bộ chưa hoàn thành các việc sau đại hội: cần ghi lý do khép lại đợt."})
        return SeasonClosure.objects.create(plan=plan, closed_on=on, closed_by=by, reason=reason.strip(), unfinished=unfinished)
