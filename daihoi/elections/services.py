"""Writes of the elections. Each runs in one transaction that first locks the election's row (or
the round's), so that the presidium, the counting stations and the head never half-write the same
election; every write leaves an AuditEntry (who, which station, when, what). Validity, margins and
winners are decided by the rules core only."""
from collections.abc import Mapping, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from daihoi.accounts.models import User
from daihoi.audit.services import round_seal
from daihoi.congresses import services as hall
from daihoi.congresses.models import ElectorateSnapshot, Motion, MotionKind
from daihoi.congresses.selectors import hall_counts
from daihoi.elections import selectors
from daihoi.elections.checks import check_candidate, check_election
from daihoi.elections.models import (
    AuditEntry, BallotEntry, BallotResolution, Candidate, CandidateSource, CandidateStatus, CountMethod, Election,
    ElectionList, Office, Recount, Round, RoundStatus)
from daihoi.lib.i18n import vietnamese
from daihoi.organizations.models import Member
from daihoi.plans import services as plans
from daihoi.plans.models import Congress, CongressResult
from daihoi.rules.lists import max_list_size, nominees_to_keep, poll_votes_needed
from daihoi.rules.structure import may_hold_secretary_round

MAX_STATIONS = 3


def _audit(*, election: Election, user: User, action: str, round_: Round | None = None,
           station: int | None = None, **detail: object) -> None:
    AuditEntry.objects.create(election=election, round=round_, station=station, user=user, action=action, detail=detail)


def _locked_election(election: Election) -> Election:
    return Election.objects.select_for_update().select_related("congress__branch").get(pk=election.pk)


def _locked_round(round_: Round) -> Round:
    return Round.objects.select_for_update().select_related("election__congress", "election_list", "snapshot").get(pk=round_.pk)


def _show_of_hands(*, congress: Congress, kind: MotionKind, title: str, hands: Sequence[int]) -> Motion:
    """Record a show of hands the presidium just counted, through the hall's votes (frozen
    electorate, more than half of D: rules core ``motion_passes``)."""
    agree, disagree, abstain = hands
    motion = hall.motion_open(congress=congress, kind=kind, title=title)
    return hall.motion_record(motion=motion, agree=agree, disagree=disagree, abstain=abstain)


def _freeze_electorate(congress: Congress) -> ElectorateSnapshot:
    """The hall's snapshot of who is present and entitled, D and quorum, saved for this round.
    The hall app builds it (``snapshot_take``); a round opens
    only with a quorum (rules core ``quorum_met``)."""
    snapshot = hall.snapshot_take(congress=congress)
    if not snapshot.quorum_met:
        raise ValidationError(snapshot.quorum_reason)
    snapshot.save()
    return snapshot


# ---- the election and its list -------------------------------------------------------------

def election_create(*, congress: Congress, office: str, seats: int, user: User) -> Election:
    """Start an election with the number to elect proposed; its first list version starts from
    the approved personnel plan (slate, proposed secretary or deputy) where there is one."""
    full_members = selectors.full_member_count(congress)
    if problems := check_election(congress, office, seats, full_members):
        raise ValidationError(problems)
    with transaction.atomic():
        if Election.objects.filter(congress=congress, office=office).exists():
            raise ValidationError(f"Đại hội đã có cuộc bầu {vietnamese(Office(office).label).lower()}.")
        election = Election.objects.create(congress=congress, office=office, seats=seats)
        draft = ElectionList.objects.create(election=election, version=1, seats=seats)
        elected = selectors.committee_elected_ids(congress) if office in selectors.FROM_COMMITTEE else None
        for member in selectors.plan_candidates(congress, office):
            if not check_candidate(member, congress, (), elected):
                _add(draft, member, CandidateSource.SLATE)
        _audit(election=election, user=user, action="election_create", office=office, seats=seats)
    return election


def _add(election_list: ElectionList, member: Member, source: str) -> Candidate:
    status = CandidateStatus.ON_LIST if source == CandidateSource.SLATE else CandidateStatus.PROPOSED
    return Candidate.objects.create(
        election_list=election_list, member=member, full_name=member.full_name, name_sort_key=member.name_sort_key,
        source=source, status=status)


def _draft(election: Election) -> ElectionList:
    draft = selectors.current_list(election)
    if draft is None or draft.adopted_at is not None:
        raise ValidationError("Danh sách đã được đại hội thông qua, không sửa được nữa.")
    return draft


def seats_set(*, election: Election, seats: int, user: User) -> None:
    """Change the number to elect while the list is a draft (the congress adopts both together)."""
    full_members = selectors.full_member_count(election.congress)
    if problems := check_election(election.congress, election.office, seats, full_members):
        raise ValidationError(problems)
    with transaction.atomic():
        election = _locked_election(election)
        draft = _draft(election)
        if election.rounds.exists():
            raise ValidationError("Đã bỏ phiếu, không đổi số lượng cần bầu được.")
        election.seats = draft.seats = seats
        election.save(update_fields=["seats"])
        draft.save(update_fields=["seats"])
        _audit(election=election, user=user, action="seats_set", seats=seats)


def candidate_add(*, election: Election, member_id: int, source: str, user: User) -> Candidate:
    """Put a member on the draft list: the slate directly, a self-nomination or a nomination
    from the floor pending the opinion poll (190-QĐ/TW Art 14)."""
    if source not in CandidateSource.values:
        raise ValidationError("Nguồn giới thiệu không hợp lệ.")
    with transaction.atomic():
        election = _locked_election(election)
        congress = election.congress
        draft = _draft(election)
        member = Member.objects.filter(pk=member_id).first()
        if member is None:
            raise ValidationError("Không tìm thấy đảng viên.")
        on_list = set(draft.candidates.values_list("member_id", flat=True))
        elected = selectors.committee_elected_ids(congress) if election.office in selectors.FROM_COMMITTEE else None
        if problems := check_candidate(member, congress, on_list, elected):
            raise ValidationError(problems)
        candidate = _add(draft, member, source)
        _audit(election=election, user=user, action="candidate_add", member=member.pk, name=member.full_name, source=source)
    return candidate


def candidate_remove(*, candidate: Candidate, user: User) -> None:
    """Take off a name entered by mistake (a draft only; a real withdrawal is a show of hands)."""
    with transaction.atomic():
        election = _locked_election(candidate.election_list.election)
        if _draft(election).pk != candidate.election_list_id:
            raise ValidationError("Chỉ sửa được danh sách đang lập.")
        candidate.delete()
        _audit(election=election, user=user, action="candidate_remove", name=candidate.full_name)


def poll_record(*, election: Election, votes: Mapping[int, int], user: User) -> list[str]:
    """Enter the secret opinion poll's counts for the pending nominees: more than 30% of the
    members present puts a nominee on the list (190-QĐ/TW Art 14, rules core
    ``poll_votes_needed``); if that exceeds the margin cap, nominees are kept by their poll
    ranking (``nominees_to_keep``). Returns what the congress must still settle, if anything."""
    present = hall_counts(election.congress).present
    needed = poll_votes_needed(present)
    with transaction.atomic():
        election = _locked_election(election)
        draft = _draft(election)
        pending = {c.pk: c for c in draft.candidates.filter(status=CandidateStatus.PROPOSED)}
        if not pending or set(votes) != set(pending):
            raise ValidationError("Cần nhập số phiếu giới thiệu cho từng người được ứng cử, đề cử.")
        if any(count < 0 or count > present for count in votes.values()):
            raise ValidationError(f"Số phiếu giới thiệu phải từ 0 đến {present} (số đảng viên có mặt).")
        for pk, candidate in pending.items():
            candidate.poll_votes, candidate.poll_present = votes[pk], present
            candidate.status = CandidateStatus.ON_LIST if votes[pk] >= needed else CandidateStatus.POLL_FAILED
            candidate.save(update_fields=["poll_votes", "poll_present", "status"])
        notes = _keep_within_cap(election, draft)
        _audit(election=election, user=user, action="poll_record", present=present, needed=needed,
               votes={pending[pk].full_name: count for pk, count in votes.items()})
    return notes


def _keep_within_cap(election: Election, draft: ElectionList) -> list[str]:
    """Committee lists only: nominees beyond the cap are left out by poll ranking ([C]
    over_cap_choice); a tie at the cut is left for the congress to settle."""
    if election.office != Office.COMMITTEE:
        return []
    on_list = list(draft.candidates.filter(status=CandidateStatus.ON_LIST).order_by("pk"))
    nominees = [c for c in on_list if c.source != CandidateSource.SLATE]
    room = max_list_size(draft.seats) - (len(on_list) - len(nominees))
    if len(nominees) <= room:
        return []
    kept, tie = nominees_to_keep({str(c.pk): c.poll_votes or 0 for c in nominees}, room)
    if tie is not None:
        return [f"Có {len(tie.candidates)} người bằng số phiếu giới thiệu cho {tie.seats} chỗ còn lại: đại hội cần quyết định."]
    for candidate in nominees:
        if str(candidate.pk) not in kept:
            candidate.status = CandidateStatus.LEFT_OUT
            candidate.save(update_fields=["status"])
    return []


def candidate_withdraw(*, candidate: Candidate, hands: Sequence[int], user: User) -> Motion:
    """A candidate asks to withdraw; the congress decides by show of hands (04-HD/TW)."""
    election = candidate.election_list.election
    _draft(election)
    motion = _show_of_hands(congress=election.congress, kind=MotionKind.WITHDRAWAL,
                            title=f"Cho đồng chí {candidate.full_name} rút khỏi danh sách bầu cử", hands=hands)
    with transaction.atomic():
        election = _locked_election(election)
        if motion.passed:
            candidate.status = CandidateStatus.WITHDRAWN
            candidate.withdrawal_motion = motion
            candidate.save(update_fields=["status", "withdrawal_motion"])
        _audit(election=election, user=user, action="candidate_withdraw", name=candidate.full_name, passed=motion.passed)
    return motion


def list_adopt(*, election: Election, hands: Sequence[int], user: User) -> Motion:
    """The congress adopts the number to elect and the list by show of hands, once the list
    meets the margin rules (rules core ``check_list``) and every nominee has been polled."""
    draft = _draft(election)
    if problems := selectors.list_problems(election, draft):
        raise ValidationError(problems)
    names = len(selectors.on_list(draft))
    motion = _show_of_hands(congress=election.congress, kind=MotionKind.ELECTION_LIST, hands=hands,
                            title=f"Thông qua số lượng ({draft.seats}) và danh sách ({names} người) bầu {vietnamese(Office(election.office).label).lower()}")
    with transaction.atomic():
        election = _locked_election(election)
        if motion.passed:
            draft.adopted_at, draft.adopted_motion = timezone.now(), motion
            draft.save(update_fields=["adopted_at", "adopted_motion"])  # a save, so the audit trail records it
        _audit(election=election, user=user, action="list_adopt", version=draft.version, passed=motion.passed)
    return motion


def list_new_version(*, election: Election, seats: int, candidate_ids: Sequence[int] | None, user: User,
                     adopted: bool = False, note: str = "") -> ElectionList:
    """A new list version from the current one: for another round after seats stayed unfilled
    (a draft the congress may change and adopts again), or fixed for a re-vote among the tied."""
    with transaction.atomic():
        election = _locked_election(election)
        current = selectors.current_list(election)
        if current is None or current.adopted_at is None:
            raise ValidationError("Danh sách hiện tại chưa được thông qua.")
        elected = selectors.elected_ids(election)
        kept = [c for c in selectors.on_list(current)
                if c.member_id not in elected and (candidate_ids is None or c.pk in candidate_ids)]
        version = ElectionList.objects.create(
            election=election, version=current.version + 1, seats=seats, note=note,
            adopted_at=timezone.now() if adopted else None)
        Candidate.objects.bulk_create(_copy(c, version) for c in kept)
        _audit(election=election, user=user, action="list_new_version", version=version.version, seats=seats, note=note)
    return version


def _copy(candidate: Candidate, version: ElectionList) -> Candidate:
    return Candidate(
        election_list=version, member_id=candidate.member_id, full_name=candidate.full_name,
        name_sort_key=candidate.name_sort_key, source=candidate.source, status=CandidateStatus.ON_LIST,
        poll_votes=candidate.poll_votes, poll_present=candidate.poll_present)


# ---- rounds ---------------------------------------------------------------------------------

def round_open(*, election: Election, user: User) -> Round:
    """Open the next round on the adopted list, freezing the electorate (issue 11): D and the
    quorum of this moment decide this round. The secretary gets at most three rounds
    (294-QĐ/TW, rules core ``may_hold_secretary_round``)."""
    with transaction.atomic():
        election = _locked_election(election)
        current = selectors.current_list(election)
        if current is None or current.adopted_at is None:
            raise ValidationError("Đại hội chưa thông qua danh sách bầu cử.")
        if election.rounds.exclude(status=RoundStatus.LOCKED).exists():
            raise ValidationError("Lần bầu trước chưa công bố kết quả.")
        if selectors.remaining_seats(election) < 1:
            raise ValidationError("Đã bầu đủ số lượng.")
        number = (election.rounds.aggregate(n=Max("number"))["n"] or 0) + 1
        if election.office == Office.SECRETARY and not may_hold_secretary_round(number):
            raise ValidationError(
                f"Không tổ chức bầu bí thư lần thứ {number}: đã bầu 3 lần không có người trúng cử; "
                "cấp ủy cấp trên chỉ định bí thư (Quy định 294-QĐ/TW).")
        snapshot = _freeze_electorate(election.congress)
        round_ = Round.objects.create(election=election, number=number, election_list=current, seats=current.seats, snapshot=snapshot)
        _audit(election=election, user=user, action="round_open", round_=round_, number=number,
               version=current.version, denominator=snapshot.denominator, present=snapshot.present)
    return round_


def round_counts_set(*, round_: Round, issued: int, collected: int, method: str, station_count: int, user: User) -> None:
    """Ballots issued and collected come first (190-QĐ/TW Art 30); then the counting method:
    hand-counted totals or ballot-by-ballot entry at one to three stations."""
    if method not in CountMethod.values:
        raise ValidationError("Chọn cách kiểm phiếu.")
    if not 1 <= station_count <= MAX_STATIONS:
        raise ValidationError(f"Số máy nhập phiếu từ 1 đến {MAX_STATIONS}.")
    with transaction.atomic():
        round_ = _locked_round(round_)
        _check_editable(round_)
        if issued < 0 or collected < 0:
            raise ValidationError("Số phiếu không được âm.")
        if issued > round_.snapshot.present:
            raise ValidationError(f"Số phiếu phát ra ({issued}) nhiều hơn số đảng viên có quyền bầu cử có mặt ({round_.snapshot.present}).")
        if round_.entries.exists() and method != round_.method:
            raise ValidationError("Đã có phiếu được nhập, không đổi cách kiểm phiếu được.")
        round_.issued, round_.collected, round_.method, round_.station_count = issued, collected, method, station_count
        round_.status = RoundStatus.COUNTING
        round_.save(update_fields=["issued", "collected", "method", "station_count", "status"])
        _audit(election=round_.election, user=user, action="round_counts_set", round_=round_,
               issued=issued, collected=collected, method=method, stations=station_count)


def _check_editable(round_: Round) -> None:
    if round_.status == RoundStatus.LOCKED:
        raise ValidationError("Lần bầu đã công bố kết quả; muốn sửa phải kiểm phiếu lại (có ghi nhận).")


def _check_counting(round_: Round, method: str) -> None:
    _check_editable(round_)
    if round_.status != RoundStatus.COUNTING or round_.method != method:
        raise ValidationError("Cần nhập số phiếu phát ra, thu vào và chọn cách kiểm phiếu trước.")


def totals_set(*, round_: Round, valid: int, invalid: int, votes: Mapping[int, int],
               invalid_reasons: Mapping[str, int], user: User) -> None:
    """Totals typed from a hand count; checked against the collected ballots here and by the
    rules core when counted."""
    with transaction.atomic():
        round_ = _locked_round(round_)
        _check_counting(round_, CountMethod.HAND)
        if valid + invalid != round_.collected:
            raise ValidationError(f"Hợp lệ ({valid}) + không hợp lệ ({invalid}) phải bằng số phiếu thu vào ({round_.collected}).")
        if invalid_reasons and sum(invalid_reasons.values()) != invalid:
            raise ValidationError("Tổng số phiếu không hợp lệ theo từng lý do phải bằng số phiếu không hợp lệ.")
        bad = [c.full_name for c in selectors.ballot_candidates(round_) if not 0 <= votes.get(c.pk, 0) <= valid]
        if bad:
            raise ValidationError(f"Số phiếu bầu của {', '.join(bad)} phải từ 0 đến {valid} (số phiếu hợp lệ).")
        round_.totals = {"valid": valid, "invalid": invalid, "votes": {str(pk): n for pk, n in votes.items()},
                         "invalid_reasons": dict(invalid_reasons)}
        round_.save(update_fields=["totals"])
        _audit(election=round_.election, user=user, action="totals_set", round_=round_, totals=round_.totals)


def entry_save(*, round_: Round, station: int, number: int, struck: list[int], marks: list[str],
               flags: list[str], user: User) -> BallotEntry:
    """One station's reading of one numbered ballot (typing it again corrects it). The round
    row is locked so that nothing is entered after the round is locked; stations entering at
    once queue for a few milliseconds and lose nothing."""
    with transaction.atomic():
        round_ = _locked_round(round_)
        _check_counting(round_, CountMethod.STATIONS)
        if not 1 <= station <= round_.station_count:
            raise ValidationError(f"Lần bầu này có {round_.station_count} máy nhập phiếu.")
        if not 1 <= number <= (round_.collected or 0):
            raise ValidationError(f"Số phiếu phải từ 1 đến {round_.collected} (số phiếu thu vào).")
        # The round row is locked, so no other request can write this entry meanwhile: one read
        # then a plain insert or update (no savepoints). A correction keeps what the station had
        # read before, so the trail shows both readings.
        entry = BallotEntry.objects.filter(round=round_, station=station, number=number).first()
        before = None if entry is None else {"struck": entry.struck, "marks": entry.marks, "flags": entry.flags}
        if entry is None:
            entry = BallotEntry(round=round_, station=station, number=number)
        entry.struck, entry.marks, entry.flags, entry.entered_by = struck, marks, flags, user
        entry.save()
        _audit(election=round_.election, user=user, action="entry_save" if before is None else "entry_correct",
               round_=round_, station=station, number=number, struck=struck, marks=marks, flags=flags,
               **({} if before is None else {"before": before}))
    return entry


def resolution_decide(*, round_: Round, number: int, struck: list[int], marks: list[str], flags: list[str],
                      user: User) -> BallotResolution:
    """The head of the counting committee decides how a ballot the stations read differently
    counts, after looking at the paper (190-QĐ/TW Art 8: the committee rules on validity)."""
    with transaction.atomic():
        round_ = _locked_round(round_)
        _check_counting(round_, CountMethod.STATIONS)
        resolution, _ = BallotResolution.objects.update_or_create(
            round=round_, number=number, defaults={"struck": struck, "marks": marks, "flags": flags, "decided_by": user})
        _audit(election=round_.election, user=user, action="resolution_decide", round_=round_, number=number,
               struck=struck, marks=marks, flags=flags)
    return resolution


def round_lock(*, round_: Round, user: User) -> Round:
    """The head announces the result: it is counted by the rules core (``count_round``) and
    stored; from now on nothing changes without a recorded recount."""
    with transaction.atomic():
        round_ = _locked_round(round_)
        _check_editable(round_)
        outcome = selectors.round_outcome(round_)
        if outcome.problems:
            raise ValidationError(outcome.problems)
        round_.result = outcome.result_json
        round_.status, round_.locked_at = RoundStatus.LOCKED, timezone.now()
        round_.save(update_fields=["result", "status", "locked_at"])
        seal = round_seal(round_=round_)  # the round file and its fingerprint (issue 10)
        _audit(election=round_.election, user=user, action="round_lock", round_=round_, result=round_.result,
               fingerprint=seal.fingerprint)
    return round_


def round_recount(*, round_: Round, reason: str, user: User) -> Recount:
    """Reopen a locked round for a recount; the announced result is kept in the Recount record."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Cần ghi lý do kiểm phiếu lại.")
    with transaction.atomic():
        round_ = _locked_round(round_)
        if round_.status != RoundStatus.LOCKED:
            raise ValidationError("Chỉ kiểm phiếu lại một lần bầu đã công bố kết quả.")
        if round_.election.rounds.filter(number__gt=round_.number).exists():
            raise ValidationError("Đã có lần bầu sau, không kiểm phiếu lại lần này được.")
        recount = Recount.objects.create(round=round_, reason=reason[:300], previous_result=round_.result, requested_by=user)
        round_.status, round_.result, round_.locked_at = RoundStatus.COUNTING, None, None
        round_.save(update_fields=["status", "result", "locked_at"])
        _audit(election=round_.election, user=user, action="round_recount", round_=round_, reason=reason,
               previous_result=recount.previous_result)
    return recount


def runoff_prepare(*, round_: Round, user: User) -> ElectionList:
    """After a tie: the list of the re-vote is the tied candidates for the seats they tied for,
    fixed by the rules core (``runoff_round``), so it needs no new adoption."""
    if round_.status != RoundStatus.LOCKED or (round_.result or {}).get("status") != "tie":
        raise ValidationError("Chỉ bầu lại giữa những người bằng phiếu sau một lần bầu có kết quả bằng phiếu.")
    runoff = selectors.runoff_of(round_)
    ids = [int(cid) for cid in runoff.ids]
    return list_new_version(election=round_.election, seats=runoff.seats, candidate_ids=ids, user=user, adopted=True,
                            note=f"Bầu lại giữa những người bằng phiếu sau lần bầu {round_.number}")


# ---- the results for approval --------------------------------------------------------------

def congress_results_submit(*, congress: Congress, user: User, on: date) -> CongressResult:
    """The branch submits the announced results for approval (chuẩn y) through the plans app, as
    counted, never retyped. The congress's rounds stay locked meanwhile, so no recount slips in
    between reading them and submitting."""
    with transaction.atomic():
        list(Round.objects.select_for_update().filter(election__congress=congress))
        data = selectors.result_input_from_rounds(congress)
        if data is None:
            raise ValidationError("Chưa trình được: các cuộc bầu chi ủy, bí thư (và phó bí thư, nếu có) "
                                  "cần có lần bầu đã công bố đủ số lượng.")
        return plans.result_submit(congress=congress, data=data, by=user, on=on)
