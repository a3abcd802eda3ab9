"""Reads for the hall: counts, D and quorum (always through the rules core), agenda, bodies,
votes and documents of one congress."""
import importlib
import importlib.util
from collections import Counter
from dataclasses import dataclass, fields
from datetime import datetime

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone, translation

from daihoi.congresses.models import (
    AgendaItem, Attendance, Body, BodySeat, CongressDocument, ElectorateSnapshot, Motion, Proceedings, Speaker)
from daihoi.lib.text import fold
from daihoi.organizations.models import Attachment, MemberStatus
from daihoi.plans.models import Congress
from daihoi.rules.electorate import MembersElectorate, QuorumCheck, denominator, exclusions, quorum_met

# What decides where a summoned member stands: one GROUP BY over these gives every figure.
SITUATION = ("status", "attachment", "is_excused", "is_suspended", "is_prosecuted_or_detained",
             "is_present", "was_present", "reason_accepted")
ENTITLED = "entitled"


def standing(status: str, attachment: str, is_excused: bool, is_suspended: bool, is_prosecuted_or_detained: bool,
             is_present: bool, was_present: bool, reason_accepted: bool) -> str:
    """Which MembersElectorate count a summoned member falls in (190-QĐ/TW Art 30.2), each member
    in exactly one: "probationary" and "attached_here" are outside D; the exclusions are named as
    in the rules core; "entitled" members make D and vote. Members temporarily attached *here*
    belong to another branch's roll (which counts them as attached elsewhere), so they attend
    without entering this D, or the ward would count them twice. Excused members and members
    with an accepted reason leave D only if absent for the whole congress (``was_present``)."""
    if status != MemberStatus.FULL:
        return "probationary"
    if attachment == Attachment.HERE:
        return "attached_here"
    exclusions_in_order = [
        (attachment == Attachment.ELSEWHERE, "attached_elsewhere"),
        (is_suspended, "suspended"),
        (is_prosecuted_or_detained, "prosecuted_or_detained"),
        (is_excused and not was_present, "excused_absent"),
        (reason_accepted and not was_present, "absent_with_accepted_reason"),
    ]
    return next((name for applies, name in exclusions_in_order if applies), ENTITLED)


_EXCLUSIONS = [field.name for field in fields(MembersElectorate) if field.name != "summoned"]


@dataclass(frozen=True)
class HallCounts:
    """The live figures of the hall: the electorate built from the summons list, D and the
    quorum check from the rules core, and who is in the room."""

    congress_id: int
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

    @property
    def vote_sentence(self) -> str:
        """The chair's sentence if a show-of-hands vote opened now (live figures)."""
        return chair_sentence(present=self.present, summoned=self.summoned, quorum_met=self.quorum.met, act=SHOW_OF_HANDS)


def hall_counts(congress: Congress) -> HallCounts:
    return hall_counts_of(congress.pk)


def hall_counts_of(congress_id: int) -> HallCounts:
    """All the hall's figures from one grouped query; D and quorum come from the rules core. The
    query is plain SQL because every check-in at the door and every projector poll asks it
    (issue 5), and the ORM spends longer composing it than the database running it."""
    tally: Counter[str] = Counter()
    with connection.cursor() as cursor:
        cursor.execute(_SITUATION_COUNTS, [congress_id])
        groups = cursor.fetchall()
    for *situation, n in groups:
        group = dict(zip(SITUATION, situation))
        where = standing(**group)
        tally[where] += n
        tally[f"{where}_present"] += n if group["is_present"] else 0
    excluded = {name: tally[name] for name in _EXCLUSIONS}
    electorate = MembersElectorate(summoned=tally[ENTITLED] + sum(excluded.values()), **excluded)
    d = denominator(electorate)
    present = tally[f"{ENTITLED}_present"]
    return HallCounts(congress_id, electorate, present, tally["probationary"], tally["probationary_present"], d, quorum_of(present, d))


_SITUATION_COUNTS = (f"SELECT {', '.join(SITUATION)}, COUNT(*) FROM {Attendance._meta.db_table} "
                     f"WHERE congress_id = %s GROUP BY {', '.join(SITUATION)}")


def quorum_of(present: int, d: int) -> QuorumCheck:
    """The rules core's quorum check; a D below 1 is rejected here as the core asks its callers."""
    if d < 1:
        # No full stop: a reason is a clause, as the rules core writes them, and the pages end it.
        return QuorumCheck(False, "Chưa có đảng viên chính thức nào có quyền biểu quyết trong danh sách triệu tập")
    return quorum_met(present, d)


def present_entitled_member_ids(congress: Congress) -> list[int]:
    """Who is in the room and may vote right now: what a vote's snapshot freezes."""
    rows = Attendance.objects.filter(congress=congress, is_present=True).order_by("member_id")
    return [member_id for member_id, *situation in rows.values_list("member_id", *SITUATION) if standing(*situation) == ENTITLED]


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


# ---- the electorate frozen at each vote (issue 11) -----------------------------------------

SHOW_OF_HANDS, BALLOT = "biểu quyết", "bầu cử"


def chair_sentence(*, present: int, summoned: int, quorum_met: bool, act: str) -> str:
    """What the chair reads out when a vote or a ballot round opens: the full members present out
    of those summoned, and whether the congress may proceed (the quorum, decided by the rules core
    and passed in here)."""
    enough = "đủ" if quorum_met else "không đủ"
    return f"Có mặt {present}/{summoned} đảng viên chính thức được triệu tập; {enough} điều kiện tiến hành {act}."


@dataclass(frozen=True)
class FrozenElectorate:
    """One vote or ballot round with the electorate frozen when it opened: for the screens, the
    projector and the minutes, which never use the live count for it."""

    label: str
    act: str
    is_open: bool
    snapshot: ElectorateSnapshot

    @property
    def sentence(self) -> str:
        s = self.snapshot
        return chair_sentence(present=s.present, summoned=s.summoned, quorum_met=s.quorum_met, act=self.act)

    @property
    def is_ballot(self) -> bool:
        return self.act == BALLOT

    @property
    def minutes_title(self) -> str:
        """The vote as the minutes list it, with the figures frozen when it opened."""
        s = self.snapshot
        return f"{self.label} (có mặt {s.present}/{s.summoned} đảng viên chính thức được triệu tập, D = {s.denominator})"


def frozen_of(snapshot: ElectorateSnapshot) -> FrozenElectorate:
    """Label a snapshot by what it froze: a show-of-hands motion, or a ballot round (the elections
    app's Round, reached through its reverse relation so the hall does not import elections)."""
    motion = getattr(snapshot, "motion", None)
    if motion is not None:
        return FrozenElectorate(motion.title, SHOW_OF_HANDS, motion.closed_at is None, snapshot)
    round_ = snapshot.election_round
    with translation.override("vi"):  # the minutes' wording, whatever the reader's language
        label = f"Bầu {round_.election.get_office_display().lower()}, lần {round_.number}"
    return FrozenElectorate(label, BALLOT, round_.status != "locked", snapshot)


def frozen_electorates(congress: Congress) -> list[FrozenElectorate]:
    """Every vote and ballot round of the congress in the order they opened, each with its frozen
    figures (who was present and entitled, D, the quorum): what the minutes record."""
    snapshots = ElectorateSnapshot.objects.filter(congress=congress).select_related("motion", "election_round__election")
    return [frozen_of(snapshot) for snapshot in snapshots.order_by("taken_at", "id")]


def vote_in_progress(congress: Congress) -> FrozenElectorate | None:
    """The open show-of-hands vote or the ballot round not yet announced, if any: its frozen
    figures stay on the projector while late arrivals only change the live count."""
    return next((vote for vote in reversed(frozen_electorates(congress)) if vote.is_open), None)


# ---- discussion: speakers and the speaking timer -------------------------------------------

def speakers(congress: Congress) -> QuerySet[Speaker]:
    return congress.speakers.select_related("member").order_by("position", "id")


def speakers_waiting(congress: Congress) -> QuerySet[Speaker]:
    """Who still waits for their turn, in the chair's order."""
    return speakers(congress).filter(spoke_at__isnull=True)


def speakers_spoken(congress: Congress) -> QuerySet[Speaker]:
    """Who has spoken, in the order they spoke: what the minutes carry."""
    return speakers(congress).filter(spoke_at__isnull=False).order_by("spoke_at", "id")


@dataclass(frozen=True)
class TimerState:
    """The speaking timer as the screens show it: ``state`` is running, paused or stopped;
    ``remaining`` goes below zero once the speaker runs over."""

    state: str
    limit: int
    remaining: int
    speaker: Speaker | None

    @property
    def over(self) -> bool:
        return self.remaining < 0

    @property
    def display(self) -> str:
        """m:ss, with a minus sign once over time."""
        minutes, seconds = divmod(abs(self.remaining), 60)
        return f"{'−' if self.over else ''}{minutes}:{seconds:02d}"


def timer_state(proceedings: Proceedings, now: datetime | None = None) -> TimerState:
    """Remaining time = the configured length − the seconds run before − the current run."""
    running = proceedings.timer_started_at is not None
    elapsed = proceedings.timer_elapsed
    if running:
        elapsed += int(((now or timezone.now()) - proceedings.timer_started_at).total_seconds())
    state = "running" if running else "paused" if proceedings.timer_elapsed or proceedings.timer_speaker_id else "stopped"
    speaker = proceedings.timer_speaker if proceedings.timer_speaker_id else None
    return TimerState(state, proceedings.timer_seconds, proceedings.timer_seconds - elapsed, speaker)


def discussion_minutes(congress: Congress) -> str:
    """The minutes' discussion section: the secretariat's summary, then who spoke, on what, in the
    order they spoke."""
    lines = [f"Đồng chí {s.member.full_name} phát biểu{f': {s.topic}' if s.topic else ''}." for s in speakers_spoken(congress)]
    return "\n".join([proceedings_of(congress).discussion_summary, *lines]).strip()


def documents(congress: Congress) -> QuerySet[CongressDocument]:
    return congress.documents.order_by("kind", "-uploaded_at")


def election_results_html(congress: Congress) -> str:
    """The projector's slot for election results: filled by ``daihoi.elections.projector.
    projector_results_html(congress) -> str`` once the elections app provides it."""
    module_name = "daihoi.elections.projector"
    if importlib.util.find_spec(module_name) is None:
        return ""
    return str(importlib.import_module(module_name).projector_results_html(congress))
