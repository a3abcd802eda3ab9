"""Who may do what with an election: the hall's rules (``daihoi.congresses.access``) decide the
congress scope and the role; deciding disagreements, announcing and recounting belong to the head
of the counting committee (190-QĐ/TW Art 8) — or the ward office staff running the laptop."""
from django.core.exceptions import PermissionDenied
from django.http import Http404

from daihoi.accounts.models import User
from daihoi.congresses.access import Need, access_congress
from daihoi.elections import selectors
from daihoi.elections.models import Candidate, Election, Round
from daihoi.plans.models import Congress


def access_election(user: User, election_id: int, *, need: Need = "read") -> Election:
    election = Election.objects.select_related("congress__branch__party_committee", "congress__plan").filter(pk=election_id).first()
    if election is None:
        raise Http404("Không tìm thấy cuộc bầu cử.")
    access_congress(user, election.congress_id, need=need)
    return election


def access_round(user: User, round_id: int, *, need: Need = "read") -> Round:
    try:
        round_ = Round.objects.select_related(
            "election__congress__branch__party_committee", "election__congress__plan", "election_list", "snapshot",
        ).get(pk=round_id)
    except Round.DoesNotExist:
        raise Http404("Không tìm thấy lần bầu.") from None
    access_congress(user, round_.election.congress_id, need=need)
    return round_


def access_candidate(user: User, candidate_id: int) -> Candidate:
    candidate = Candidate.objects.select_related("election_list__election").filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404("Không tìm thấy người trong danh sách.")
    access_election(user, candidate.election_list.election_id, need="run")
    return candidate


def is_counting_head(user: User, congress: Congress) -> bool:
    head = selectors.counting_head_member_id(congress)
    return user.is_ward_staff or (head is not None and user.member_id == head)


def check_counting_head(user: User, congress: Congress) -> None:
    if not is_counting_head(user, congress):
        raise PermissionDenied("Chỉ Trưởng ban kiểm phiếu được quyết định việc này.")
