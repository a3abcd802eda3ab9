"""Writes of the hall. Each runs in one transaction and first locks the congress's Proceedings row
(``_lock``), so that two staff members acting at once never half-write the same congress; check-in
locks only the attendance rows it touches, so that 50 doors can check in at once."""
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from daihoi.audit.tracking import record_created
from daihoi.congresses import selectors
from daihoi.congresses.checks import check_counting_committee, check_head, check_motion_counts
from daihoi.congresses.models import (
    AgendaItem, Attendance, Body, BodySeat, CongressDocument, DocumentKind, ElectorateSnapshot, Motion, MotionKind, Proceedings,
    Speaker)
from daihoi.lib.i18n import vietnamese
from daihoi.organizations.models import Member
from daihoi.plans.models import Congress
from daihoi.rules.electorate import motion_passes

# election-rules.md §6 "Typical agenda": the usual order of a branch congress of one session.
DEFAULT_AGENDA = [
    "Khai mạc đại hội",
    "Thông qua chương trình và quy chế làm việc của đại hội",
    "Bầu đoàn chủ tịch, đoàn thư ký",
    "Báo cáo chính trị: kết quả nhiệm kỳ qua, mục tiêu nhiệm kỳ tới",
    "Báo cáo kiểm điểm của chi ủy",
    "Thảo luận",
    "Phát biểu chỉ đạo của Đảng ủy cấp trên",
    "Bầu ban kiểm phiếu",
    "Thông qua số lượng và danh sách bầu cử",
    "Bầu cử: chi ủy, bí thư, phó bí thư; đại biểu dự đại hội cấp trên (nếu có)",
    "Thông qua nghị quyết đại hội",
    "Bế mạc",
]
# Alphanumeric QR mode and USB scanners both handle upper case and digits best; no 0/O, 1/I.
TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TOKEN_LENGTH = 10
MINUTES_FIELDS = ("guests", "political_report_summary", "self_review_summary", "discussion_summary", "upper_committee_speech")


def _lock(congress: Congress) -> Proceedings:
    """The congress's Proceedings row, created if missing, locked until the transaction ends."""
    Proceedings.objects.get_or_create(congress=congress)
    return Proceedings.objects.select_for_update().get(congress=congress)


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def normalize_token(text: str) -> str:
    """What a scanner or a person typed, tolerant of case and stray spaces; a code is letters and
    digits only, so anything else (a NUL byte PostgreSQL refuses, say) is dropped."""
    return "".join(ch for ch in text if ch.isalnum()).upper()


# ---- summons -------------------------------------------------------------------------------

def summons_build(*, congress: Congress) -> int:
    """Summon every member of the branch (full and probationary) and copy each one's situation
    (attachment, excused, suspended, prosecuted), which decides D (190-QĐ/TW Art 30.2). Run again,
    it refreshes the situations and adds newcomers, keeping tokens and presence. Returns how many
    members were newly summoned."""
    with transaction.atomic():
        _lock(congress)
        known = {row.member_id: row for row in congress.attendances.select_for_update()}
        added = 0
        for member in congress.branch.members.all():
            row = known.get(member.pk) or Attendance(congress=congress, member=member, token=new_token())
            added += row.pk is None
            _copy_situation(row, member)
            row.save()
        return added


def _copy_situation(row: Attendance, member: Member) -> None:
    row.status = member.status
    row.attachment = member.attachment
    row.is_excused = member.is_excused
    row.is_suspended = member.is_suspended
    row.is_prosecuted_or_detained = member.is_prosecuted_or_detained


def attendance_set_absence(*, attendance: Attendance, reason: str, accepted: bool) -> None:
    """Record why a member is absent and whether the convening committee accepts the reason: an
    accepted reason takes a full member absent all congress out of D (190-QĐ/TW Art 30.2)."""
    reason = " ".join(reason.split())
    if accepted and not reason:
        raise ValidationError("Cần ghi lý do vắng mặt trước khi chấp nhận lý do.")
    with transaction.atomic():
        row = Attendance.objects.select_for_update().get(pk=attendance.pk)
        if row.is_present and reason:
            raise ValidationError(f"Đồng chí {row.member.full_name} đang có mặt, không ghi lý do vắng mặt.")
        row.absence_reason, row.reason_accepted = reason, accepted
        row.save(update_fields=["absence_reason", "reason_accepted"])


# ---- check-in ------------------------------------------------------------------------------

class Arrival(NamedTuple):
    """A member at the door, as much as the check-in answer shows: name, full or probationary
    (a ``MemberStatus``), and when they arrived."""

    full_name: str
    status: str
    checked_in_at: datetime | None


@dataclass(frozen=True)
class CheckIn:
    """What a check-in did: who was newly checked in and who was already present."""

    checked_in: list[Arrival]
    already_present: list[Arrival]


def attendance_check_in(*, congress: Congress, attendance_ids: Collection[int]) -> CheckIn:
    """Mark members present. Idempotent: a member already present is reported, not counted
    again. An absence reason recorded before the member arrived no longer applies."""
    if not attendance_ids:
        raise ValidationError("Chưa chọn đồng chí nào để điểm danh.")
    with transaction.atomic():
        locked = congress.attendances.select_for_update(of=("self",)).filter(pk__in=attendance_ids)
        rows = list(locked.select_related("member").order_by("pk"))
        if len(rows) != len(set(attendance_ids)):
            raise ValidationError("Có đồng chí không thuộc danh sách triệu tập của đại hội này.")
        already = [Arrival(row.member.full_name, row.status, row.checked_in_at) for row in rows if row.is_present]
        fresh_ids = [row.pk for row in rows if not row.is_present]
        # The rows are locked and absent, so the statement marks exactly these.
        fresh = _mark_present(congress.pk, "id IN (" + ", ".join(["%s"] * len(fresh_ids)) + ")", fresh_ids) if fresh_ids else []
        return CheckIn(fresh, already)


def attendance_check_in_token(*, congress_id: int, token: str) -> CheckIn:
    """Check in by the code on the summons, as a USB scanner or the camera reads it. This runs once
    per member arriving, at up to 50 doors at once (issue 5), so a member arriving costs one
    statement: the UPDATE that marks them present only if absent and returns their name. It is a
    transaction of its own and holds the row's lock while it writes, so a second scan of the same
    code, even at the same instant, waits for it, then finds the member present and changes
    nothing: counted once. Only a repeated or unknown code costs a second read."""
    code = normalize_token(token)
    fresh = _mark_present(congress_id, "token = %s", [code]) if code else []
    if fresh:
        return CheckIn(fresh, [])
    already = _arrival_by_token(congress_id, code) if code else None
    if already is None:
        raise ValidationError(f"Mã “{code or token.strip()}” không có trong danh sách triệu tập của đại hội này.")
    return CheckIn([], [already])


# The one write of a check-in, for the absent rows of a congress: present now, present at some
# point (``was_present``, which decides D, 190-QĐ/TW Art 30.2), the first arrival's time kept, and
# an absence reason recorded before the member arrived dropped. It returns each member marked, for
# the answer; the name comes from a subquery, since SQLite's RETURNING may not name a joined table.
# Plain SQL: the ORM spends more time composing this statement than the database spends running
# it. Check-ins leave no audit entry by design (daihoi/audit/tracking.py): the row keeps its time.
_MARK_PRESENT = (f"UPDATE {Attendance._meta.db_table} SET is_present = %s, was_present = %s, "
                 f"checked_in_at = COALESCE(checked_in_at, %s), absence_reason = '', reason_accepted = %s "
                 f"WHERE congress_id = %s AND NOT is_present AND {{which}} RETURNING "
                 f"(SELECT full_name FROM {Member._meta.db_table} WHERE id = member_id), status, checked_in_at")


def _mark_present(congress_id: int, which: str, params: list[object]) -> list[Arrival]:
    """Mark present the absent rows of the congress matching ``which`` (SQL with its
    parameters); returns the members it marked."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(_MARK_PRESENT.format(which=which), [True, True, now, False, congress_id, *params])
        return [_arrival(*row) for row in cursor.fetchall()]


def _arrival_by_token(congress_id: int, code: str) -> Arrival | None:
    """The member summoned with this code to this congress."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.full_name, a.status, a.checked_in_at "
            f"FROM {Attendance._meta.db_table} a JOIN {Member._meta.db_table} m ON m.id = a.member_id "
            f"WHERE a.congress_id = %s AND a.token = %s", [congress_id, code])
        found = cursor.fetchone()
    return None if found is None else _arrival(*found)


def _arrival(full_name: str, status: str, checked_in_at: object) -> Arrival:
    """An arrival from its columns, its time aware whatever the database handed back."""
    if isinstance(checked_in_at, str):  # SQLite's RETURNING gives the stored text
        checked_in_at = parse_datetime(checked_in_at)
    if isinstance(checked_in_at, datetime) and timezone.is_naive(checked_in_at):  # SQLite keeps no zone
        checked_in_at = timezone.make_aware(checked_in_at, connection.timezone)
    return Arrival(full_name, status, checked_in_at if isinstance(checked_in_at, datetime) else None)


def attendance_check_out(*, attendance: Attendance) -> None:
    """A member leaves the hall: the next vote no longer counts them; ``was_present`` stays, since
    D only drops members absent for the whole congress."""
    with transaction.atomic():
        row = Attendance.objects.select_for_update().get(pk=attendance.pk)
        row.is_present = False
        row.save(update_fields=["is_present"])


# ---- proceedings, minutes, agenda ----------------------------------------------------------

def proceedings_update(*, congress: Congress, **minutes: str) -> None:
    """Store the minutes' texts (guests, summaries, the upper committee's speech)."""
    unknown = set(minutes) - set(MINUTES_FIELDS)
    if unknown:
        raise ValidationError(f"Trường không hợp lệ: {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        proceedings = _lock(congress)
        for name, text in minutes.items():
            setattr(proceedings, name, text.strip())
        proceedings.save(update_fields=list(minutes))


def proceedings_mark(*, congress: Congress, moment: str) -> None:
    """Record the opening (``opened_at``) or closing (``closed_at``) time as now; closing needs
    an opening and a closed congress has no open vote."""
    if moment not in ("opened_at", "closed_at"):
        raise ValidationError("Thời điểm không hợp lệ.")
    with transaction.atomic():
        proceedings = _lock(congress)
        if moment == "closed_at" and proceedings.opened_at is None:
            raise ValidationError("Đại hội chưa khai mạc nên chưa thể bế mạc.")
        if moment == "closed_at" and selectors.open_motion(congress):
            raise ValidationError("Còn biểu quyết chưa kết thúc; hãy ghi kết quả trước khi bế mạc.")
        setattr(proceedings, moment, timezone.now())
        proceedings.save(update_fields=[moment])


def agenda_set(*, congress: Congress, titles: Sequence[str]) -> None:
    """Replace the agenda with these items, in order; the current item stays current if its text
    is still on the agenda."""
    titles = [" ".join(title.split()) for title in titles]
    titles = [title for title in titles if title]
    if not titles:
        raise ValidationError("Chương trình đại hội phải có ít nhất một mục.")
    if too_long := [title for title in titles if len(title) > 300]:
        raise ValidationError(f"Mục quá dài (tối đa 300 ký tự): “{too_long[0][:60]}…”.")
    with transaction.atomic():
        proceedings = _lock(congress)
        current = proceedings.current_item.title if proceedings.current_item else None
        congress.agenda_items.all().delete()
        items = AgendaItem.objects.bulk_create(
            AgendaItem(congress=congress, position=n, title=title) for n, title in enumerate(titles, start=1))
        proceedings.current_item = next((item for item in items if item.title == current), None)
        proceedings.save(update_fields=["current_item"])


def agenda_apply_template(*, congress: Congress) -> None:
    """Start from the usual branch agenda (election-rules.md §6)."""
    agenda_set(congress=congress, titles=DEFAULT_AGENDA)


def agenda_set_current(*, congress: Congress, item_id: int | None) -> None:
    """The secretariat moves the congress to an item; every screen shows it."""
    with transaction.atomic():
        proceedings = _lock(congress)
        item = congress.agenda_items.filter(pk=item_id).first() if item_id else None
        if item_id and item is None:
            raise ValidationError("Mục này không có trong chương trình đại hội.")
        proceedings.current_item = item
        proceedings.save(update_fields=["current_item"])


# ---- bodies --------------------------------------------------------------------------------

def bodies_set(*, congress: Congress, body: Body, member_ids: Collection[int], head_id: int | None,
               candidate_ids: Collection[int] = frozenset()) -> None:
    """Seat the members of one body (presidium, secretariat, counting committee). The counting
    committee is checked against the rules (full members, not on an election list: the elections
    app passes ``candidate_ids``) and needs a head; the presidium needs a chair."""
    members = list(congress.branch.members.filter(pk__in=member_ids))
    if len(members) != len(set(member_ids)):
        raise ValidationError("Có đồng chí không thuộc chi bộ này.")
    head_optional = body == Body.SECRETARIAT and head_id is None
    problems = [] if head_optional else check_head(members, head_id, vietnamese(Body(body).label))
    if body == Body.COUNTING_COMMITTEE:
        problems = check_counting_committee(members, candidate_ids) + problems
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        _lock(congress)
        BodySeat.objects.filter(congress=congress, body=body).delete()
        record_created(BodySeat.objects.bulk_create(
            BodySeat(congress=congress, body=body, member=member, is_head=member.pk == head_id) for member in members))


# ---- show-of-hands votes -------------------------------------------------------------------

def motion_open(*, congress: Congress, kind: MotionKind, title: str) -> Motion:
    """Open a show-of-hands vote and freeze the electorate at this moment (issue 11): who is
    present and entitled, D and the quorum. One vote at a time, and only with a quorum."""
    title = " ".join(title.split()) or vietnamese(MotionKind(kind).label)
    with transaction.atomic():
        _lock(congress)
        if current := selectors.open_motion(congress):
            raise ValidationError(f"Đang có biểu quyết chưa kết thúc: “{current.title}”.")
        snapshot = snapshot_take(congress=congress)
        if not snapshot.quorum_met:
            raise ValidationError(f"Không mở được biểu quyết. {snapshot.quorum_reason}.")
        snapshot.save()
        return Motion.objects.create(congress=congress, kind=kind, title=title[:300], snapshot=snapshot, opened_at=snapshot.taken_at)


def snapshot_take(*, congress: Congress) -> ElectorateSnapshot:
    """Freeze the electorate of this moment (issue 11), unsaved: who is present and entitled, D,
    the exclusions and the quorum check (rules core, through ``hall_counts``). A show-of-hands vote
    and a ballot round each save one when they open, so later arrivals change the next vote only."""
    counts = selectors.hall_counts(congress)
    return ElectorateSnapshot(
        congress=congress, taken_at=timezone.now(), summoned=counts.summoned, present=counts.present,
        denominator=counts.denominator, exclusions=counts.exclusions, quorum_met=counts.quorum.met,
        quorum_reason=counts.quorum.reason, present_member_ids=selectors.present_entitled_member_ids(congress))


def motion_record(*, motion: Motion, agree: int, disagree: int, abstain: int) -> Motion:
    """Record the show of hands and close the vote. The outcome is "more than half of D" with
    the D frozen when the vote opened (Charter Art 12.3, 190-QĐ/TW Art 30.2: rules core
    ``motion_passes``)."""
    with transaction.atomic():
        _lock(motion.congress)
        motion = Motion.objects.select_for_update().select_related("snapshot").get(pk=motion.pk)
        if motion.closed_at is not None:
            raise ValidationError("Biểu quyết này đã kết thúc.")
        if problems := check_motion_counts(agree, disagree, abstain, motion.snapshot.present):
            raise ValidationError(problems)
        motion.agree, motion.disagree, motion.abstain = agree, disagree, abstain
        motion.passed = motion_passes(agree, motion.snapshot.denominator)
        motion.closed_at = timezone.now()
        motion.save()
        return motion


def motion_cancel(*, motion: Motion) -> None:
    """Withdraw a vote opened by mistake (nothing recorded yet)."""
    with transaction.atomic():
        _lock(motion.congress)
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        if motion.closed_at is not None:
            raise ValidationError("Biểu quyết đã có kết quả, không huỷ được.")
        snapshot = motion.snapshot
        motion.delete()
        snapshot.delete()


# ---- documents -----------------------------------------------------------------------------

DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".txt")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def document_upload(*, congress: Congress, kind: str, title: str, file: UploadedFile) -> CongressDocument:
    """Publish a document to the branch's members. PDF, Word, OpenDocument or text, ≤ 20 MB."""
    name = (file.name or "").lower()
    if not name.endswith(DOCUMENT_EXTENSIONS):
        raise ValidationError("Chỉ nhận tệp PDF, Word (.docx, .doc), OpenDocument (.odt) hoặc văn bản (.txt).")
    if (file.size or 0) > DOCUMENT_MAX_BYTES:
        raise ValidationError("Tệp quá lớn (tối đa 20 MB).")
    title = " ".join(title.split())
    if not title:
        raise ValidationError("Cần nhập tên tài liệu.")
    if kind not in DocumentKind.values:
        raise ValidationError("Loại tài liệu không hợp lệ.")
    with transaction.atomic():
        return CongressDocument.objects.create(congress=congress, kind=kind, title=title[:200], file=file)


def document_delete(*, document: CongressDocument) -> None:
    """Remove a document; the file goes after the row, outside the transaction."""
    file = document.file
    with transaction.atomic():
        document.delete()
    file.delete(save=False)


# ---- discussion: speakers and the speaking timer -------------------------------------------

TIMER_MAX_MINUTES = 60


def speaker_add(*, congress: Congress, member_id: int, topic: str) -> Speaker:
    """A summoned member asks to speak (the secretariat adds them from the hall screen); they go to
    the end of the list. Refused once the chair closed the list, or while already waiting."""
    topic = " ".join(topic.split())
    if len(topic) > 300:
        raise ValidationError("Nội dung phát biểu quá dài (tối đa 300 ký tự).")
    with transaction.atomic():
        proceedings = _lock(congress)
        if proceedings.speakers_closed_at is not None:
            raise ValidationError("Chủ tọa đã khóa danh sách phát biểu.")
        row = congress.attendances.select_related("member").filter(member_id=member_id).first()
        if row is None:
            raise ValidationError("Đồng chí này không có trong danh sách triệu tập của đại hội.")
        if selectors.speakers_waiting(congress).filter(member_id=member_id).exists():
            raise ValidationError(f"Đồng chí {row.member.full_name} đã có trong danh sách chờ phát biểu.")
        last = congress.speakers.order_by("-position").values_list("position", flat=True).first() or 0
        return Speaker.objects.create(congress=congress, member=row.member, topic=topic, position=last + 1)


def speaker_move(*, speaker: Speaker, up: bool) -> None:
    """The chair moves a waiting speaker one place up or down, swapping with the neighbour."""
    with transaction.atomic():
        _lock(speaker.congress)
        waiting = list(selectors.speakers_waiting(speaker.congress).select_for_update(of=("self",)))
        index = next((n for n, row in enumerate(waiting) if row.pk == speaker.pk), None)
        if index is None:
            raise ValidationError("Đồng chí này không còn trong danh sách chờ phát biểu.")
        other = index - 1 if up else index + 1
        if not 0 <= other < len(waiting):
            return
        a, b = waiting[index], waiting[other]
        a.position, b.position = b.position, a.position
        Speaker.objects.bulk_update([a, b], ["position"])


def speaker_remove(*, speaker: Speaker) -> None:
    """Take a member off the list before their turn (they withdrew their request)."""
    with transaction.atomic():
        proceedings = _lock(speaker.congress)
        row = Speaker.objects.select_for_update().get(pk=speaker.pk)
        if row.spoke_at is not None or proceedings.timer_speaker_id == row.pk:
            raise ValidationError("Đồng chí này đã phát biểu hoặc đang phát biểu.")
        row.delete()


def speakers_close(*, congress: Congress, closed: bool) -> None:
    """The chair closes the list of speakers (nobody more may ask), or opens it again."""
    with transaction.atomic():
        proceedings = _lock(congress)
        proceedings.speakers_closed_at = timezone.now() if closed else None
        proceedings.save(update_fields=["speakers_closed_at"])


def timer_start(*, congress: Congress, minutes: int | None = None, speaker_id: int | None = None) -> None:
    """Start the speaking timer, or resume it after a pause. Starting a stopped timer gives the
    floor to ``speaker_id`` (default: the first waiting speaker) for ``minutes`` minutes."""
    if minutes is not None and not 1 <= minutes <= TIMER_MAX_MINUTES:
        raise ValidationError(f"Thời gian phát biểu từ 1 đến {TIMER_MAX_MINUTES} phút.")
    with transaction.atomic():
        proceedings = _lock(congress)
        if proceedings.timer_started_at is not None:
            raise ValidationError("Đồng hồ đang chạy.")
        if selectors.timer_state(proceedings).state == "stopped":
            waiting = selectors.speakers_waiting(congress)
            speaker = waiting.filter(pk=speaker_id).first() if speaker_id else waiting.first()
            if speaker_id and speaker is None:
                raise ValidationError("Đồng chí này không có trong danh sách chờ phát biểu.")
            proceedings.timer_speaker, proceedings.timer_elapsed = speaker, 0
            proceedings.timer_seconds = (minutes or proceedings.timer_seconds // 60) * 60
        proceedings.timer_started_at = timezone.now()
        proceedings.save(update_fields=["timer_speaker", "timer_elapsed", "timer_seconds", "timer_started_at"])


def timer_pause(*, congress: Congress) -> None:
    """Pause the timer, keeping the time already spoken."""
    with transaction.atomic():
        proceedings = _lock(congress)
        if proceedings.timer_started_at is None:
            raise ValidationError("Đồng hồ không chạy.")
        proceedings.timer_elapsed = proceedings.timer_seconds - selectors.timer_state(proceedings).remaining
        proceedings.timer_started_at = None
        proceedings.save(update_fields=["timer_elapsed", "timer_started_at"])


def timer_stop(*, congress: Congress) -> None:
    """End the turn: the speaker is recorded as having spoken (for the minutes) and the timer is
    reset for the next speaker."""
    with transaction.atomic():
        proceedings = _lock(congress)
        if proceedings.timer_speaker_id:
            Speaker.objects.filter(pk=proceedings.timer_speaker_id, spoke_at__isnull=True).update(spoke_at=timezone.now())
        proceedings.timer_speaker, proceedings.timer_started_at, proceedings.timer_elapsed = None, None, 0
        proceedings.save(update_fields=["timer_speaker", "timer_started_at", "timer_elapsed"])
