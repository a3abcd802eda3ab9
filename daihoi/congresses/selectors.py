"""Reads for the hall: counts, D and quorum (always through the rules core), agenda, bodies,
votes and documents of one congress."""
import importlib
import importlib.util
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from daihoi.congresses.models import AgendaItem, Attendance, Body, BodySeat, CongressDocument, Motion, Proceedings
from daihoi.lib.text import fold
from daihoi.organizations.models import Attachment, MemberStatus
from daihoi.plans.models import Congress
from daihoi.rules.electorate import MembersElectorate, QuorumCheck, denominator, exclusions, quorum_met

# Full members of this branch's roll. Members temporarily attached *here* belong to another
# branch's roll (which counts them as attached elsewhere), so they attend without being summoned
# into this D; counting them here too would count them twice in the ward.
_SUMMONED = Q(status=MemberStatus.FULL) & ~Q(attachment=Attachment.HERE)
_ELSEWHERE = _SUMMONED & Q(attachment=Attachment.ELSEWHERE)
_SUSPENDED = _SUMMONED & ~Q(attachment=Attachment.ELSEWHERE) & Q(is_suspended=True)
_PROSECUTED = _SUMMONED & ~Q(attachment=Attachment.ELSEWHERE) & Q(is_suspended=False, is_prosecuted_or_detained=True)
# Entitled to vote: summoned and not taken out of D whatever they do on the day.
ENTITLED = _SUMMONED & ~Q(attachment=Attachment.ELSEWHERE) & Q(is_suspended=False, is_prosecuted_or_detained=False)
# 190-QĐ/TW Art 30.2: excused members count unless absent; other absences count unless the
# reason was accepted. "Absent" means for the whole congress, hence was_present.
_EXCUSED_ABSENT = ENTITLED & Q(is_excused=True, was_present=False)
_ACCEPTED_ABSENT = ENTITLED & Q(is_excused=False, was_present=False, reason_accepted=True)


@dataclass(frozen=True)
class HallCounts:
    """The live figures of the hall: the electorate built from the summons list, D and the
    quorum check from the rules core, and who is in the room."""

    electorate: MembersElectorate
    present: int
    probationary_summoned: int
    probationary_present: int
    denominator: int
    quorum: QuorumCheck

    @property
    def summoned(self) -> int:
        return self.electorate.summoned

    @property
    def absent(self) -> int:
        return self.electorate.summoned - self.present

    @property
    def exclusions(self) -> dict[str, int]:
        return exclusions(self.electorate)


def hall_counts(congress: Congress) -> HallCounts:
    """All the hall's figures in one aggregate query; D and quorum come from the rules core."""
    figures = Attendance.objects.filter(congress=congress).aggregate(
        summoned=Count("id", filter=_SUMMONED),
        attached_elsewhere=Count("id", filter=_ELSEWHERE),
        excused_absent=Count("id", filter=_EXCUSED_ABSENT),
        suspended=Count("id", filter=_SUSPENDED),
        prosecuted_or_detained=Count("id", filter=_PROSECUTED),
        absent_with_accepted_reason=Count("id", filter=_ACCEPTED_ABSENT),
        present=Count("id", filter=ENTITLED & Q(is_present=True)),
        probationary_summoned=Count("id", filter=Q(status=MemberStatus.PROBATIONARY)),
        probationary_present=Count("id", filter=Q(status=MemberStatus.PROBATIONARY, is_present=True)),
    )
    present = figures.pop("present")
    probationary = figures.pop("probationary_summoned"), figures.pop("probationary_present")
    electorate = MembersElectorate(**figures)
    d = denominator(electorate)
    return HallCounts(electorate, present, *probationary, d, quorum_of(present, d))


def quorum_of(present: int, d: int) -> QuorumCheck:
    """The rules core's quorum check; a D below 1 is rejected here as the core asks its callers."""
    if d < 1:
        return QuorumCheck(False, "Chưa có đảng viên chính thức nào có quyền biểu quyết trong danh sách triệu tập.")
    return quorum_met(present, d)


def present_entitled_member_ids(congress: Congress) -> list[int]:
    """Who is in the room and may vote right now: what a vote's snapshot freezes."""
    rows = Attendance.objects.filter(ENTITLED, congress=congress, is_present=True)
    return list(rows.order_by("member_id").values_list("member_id", flat=True))


def attendance_list(congress: Congress) -> QuerySet[Attendance]:
    return congress.attendances.select_related("member").order_by("member__name_sort_key", "member_id")


def attendance_search(congress: Congress, query: str, limit: int = 20) -> QuerySet[Attendance]:
    """Summoned members by any part of the name, with or without diacritics."""
    query = query.strip()
    if not query:
        return Attendance.objects.none()
    return attendance_list(congress).filter(member__name_folded__contains=fold(query))[:limit]


def proceedings_of(congress: Congress) -> Proceedings:
    """The congress's running state; a congress nobody has touched yet reads as empty."""
    return Proceedings.objects.select_related("current_item").filter(congress=congress).first() or Proceedings(congress=congress)


def agenda(congress: Congress) -> QuerySet[AgendaItem]:
    return congress.agenda_items.order_by("position", "id")


@dataclass(frozen=True)
class BodyPanel:
    """One body of the congress as the screens and the minutes show it."""

    body: Body
    seats: list[BodySeat]

    @property
    def member_ids(self) -> set[int]:
        return {seat.member_id for seat in self.seats}

    @property
    def head(self) -> BodySeat | None:
        return next((seat for seat in self.seats if seat.is_head), None)


def body_panels(congress: Congress) -> list[BodyPanel]:
    """Each body with its seats, head first."""
    seats = list(BodySeat.objects.filter(congress=congress).select_related("member"))
    return [BodyPanel(body, [seat for seat in seats if seat.body == body]) for body in Body]


def motions(congress: Congress) -> QuerySet[Motion]:
    return congress.motions.select_related("snapshot").order_by("opened_at", "id")


def open_motion(congress: Congress) -> Motion | None:
    return motions(congress).filter(closed_at__isnull=True).first()


def last_closed_motion(congress: Congress) -> Motion | None:
    return motions(congress).filter(closed_at__isnull=False).order_by("-closed_at", "-id").first()


def documents(congress: Congress) -> QuerySet[CongressDocument]:
    return congress.documents.order_by("kind", "-uploaded_at")


def election_results_html(congress: Congress) -> str:
    """The projector's slot for election results: filled by ``daihoi.elections.projector.
    projector_results_html(congress) -> str`` once the elections app provides it."""
    module_name = "daihoi.elections.projector"
    if importlib.util.find_spec(module_name) is None:
        return ""
    return str(importlib.import_module(module_name).projector_results_html(congress))
