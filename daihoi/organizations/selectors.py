"""Reads of organizations and members: one place for the queries the screens use."""
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from daihoi.organizations.models import Attachment, Branch, Member, MemberStatus, PartyCommittee
from daihoi.lib.text import fold

_ON_ROLL = ~Q(members__attachment=Attachment.ELSEWHERE)


def installation_ward() -> PartyCommittee | None:
    """The ward party committee this installation serves: one laptop runs one ward (the brief's
    scenario); where a test or a bench loaded several, the first one created."""
    return PartyCommittee.objects.order_by("pk").first()


def installation_ward_or_404() -> PartyCommittee:
    """For the ward office's pages, which have nothing to show before the ward is set up."""
    committee = installation_ward()
    if committee is None:
        raise Http404(_("Chưa có đảng bộ."))
    return committee


def branch_counts(branches: QuerySet[Branch]) -> QuerySet[Branch]:
    """Each branch annotated with its full, probationary and excused members, in one query."""
    return branches.annotate(
        full_count=Count("members", filter=Q(members__status=MemberStatus.FULL)),
        probationary_count=Count("members", filter=Q(members__status=MemberStatus.PROBATIONARY)),
        excused_count=Count("members", filter=Q(members__is_excused=True)),
        member_count=Count("members"),
    ).order_by("position", "name")


def ward_totals(branches: QuerySet[Branch]) -> dict[str, int]:
    members = Member.objects.filter(branch__in=branches)
    totals = members.aggregate(
        members=Count("id"),
        full=Count("id", filter=Q(status=MemberStatus.FULL)),
        probationary=Count("id", filter=Q(status=MemberStatus.PROBATIONARY)),
        excused=Count("id", filter=Q(is_excused=True)),
        attached_elsewhere=Count("id", filter=Q(attachment=Attachment.ELSEWHERE)),
        women=Count("id", filter=Q(gender="female")),
    )
    totals["branches"] = branches.filter(is_active=True).count()
    return totals


def branch_members(branch: Branch) -> QuerySet[Member]:
    return branch.members.order_by("name_sort_key", "id")


def member_search(*, branches: QuerySet[Branch], query: str, limit: int = 200) -> QuerySet[Member]:
    """Search by name (any part, with or without diacritics in the query's own letters), party card
    number or citizen ID, inside the branches the user may see."""
    members = Member.objects.filter(branch__in=branches).select_related("branch")
    query = query.strip()
    if not query:
        return members.none()
    if query.isdigit():
        found = members.filter(Q(party_card_number__startswith=query) | Q(citizen_id__startswith=query))
    else:
        found = members.filter(name_folded__contains=fold(query))
    return found.order_by("name_sort_key", "id")[:limit]
