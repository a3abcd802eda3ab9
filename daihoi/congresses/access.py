"""Who may do what with a congress in the hall. A congress outside the user's scope is a 404; one
the user may see but not act on is a 403 (the convention of daihoi.accounts.access).

- documents: the branch's members (and everyone below) read the congress documents;
- read: ward office, supervisors, the branch secretary and the branch's counting committee see
  the hall screens and the projector;
- check_in: ward office, the branch secretary and the counting committee check members in;
- run: ward office and the branch secretary run the congress (summons, bodies, agenda, votes,
  documents, minutes)."""
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from daihoi.accounts.models import Role, User
from daihoi.lib.forms import MAX_ID
from daihoi.plans.models import Congress

Need = Literal["documents", "read", "check_in", "run"]

_ROLES_FOR: dict[Need, set[str]] = {
    "documents": {Role.SUPERVISOR, Role.BRANCH_SECRETARY, Role.COUNTING_COMMITTEE, Role.MEMBER},
    "read": {Role.SUPERVISOR, Role.BRANCH_SECRETARY, Role.COUNTING_COMMITTEE},
    "check_in": {Role.BRANCH_SECRETARY, Role.COUNTING_COMMITTEE},
    "run": {Role.BRANCH_SECRETARY},
}
_MESSAGES: dict[Need, str] = {
    "documents": "Bạn không có quyền xem tài liệu đại hội này.",
    "read": "Trang này dành cho người điều hành đại hội.",
    "check_in": "Bạn không có quyền điểm danh tại đại hội này.",
    "run": "Chỉ Bí thư chi bộ và Văn phòng Đảng ủy được điều hành đại hội.",
}
_NOT_FOUND = "Không tìm thấy đại hội."


def congresses_visible_to(user: User) -> QuerySet[Congress]:
    """Ward staff see every congress; a supervisor those of the branches they supervise or the
    congresses they attend; everyone else the congresses of their own branch."""
    congresses = Congress.objects.select_related("branch", "plan")
    if user.is_ward_staff:
        return congresses
    if user.role == Role.SUPERVISOR:
        return congresses.filter(Q(branch__supervisors=user) | Q(supervisors=user)).distinct()
    if user.branch_id:
        return congresses.filter(branch_id=user.branch_id)
    return congresses.none()


def may(user: User, need: Need) -> bool:
    """Whether the user's role allows ``need`` on a congress already in their scope."""
    return user.is_ward_staff or user.role in _ROLES_FOR[need]


def access_congress(user: User, congress_id: int, *, need: Need = "read") -> Congress:
    try:
        congress = congresses_visible_to(user).get(pk=congress_id)
    except Congress.DoesNotExist:
        raise Http404(_NOT_FOUND) from None
    if not may(user, need):
        raise PermissionDenied(_MESSAGES[need])
    return congress


def access_congress_id(user: User, congress_id: int, *, need: Need) -> int:
    """``access_congress``'s decision (404 outside the user's scope, then 403 without the role)
    for the door's scanner, which needs only the congress's id and is asked once per member
    arriving, at 50 doors at once (issue 5): one indexed read of the congress's branch instead
    of loading the congress with its branch and plan. The scope is ``congresses_visible_to``'s:
    ward staff see every congress, a branch's users their branch's; a supervisor's scope (many
    to many) is left to ``access_congress`` itself."""
    if user.role == Role.SUPERVISOR and not user.is_ward_staff:
        return access_congress(user, congress_id, need=need).pk
    found = None
    if 0 < congress_id <= MAX_ID:  # a bigger id from the address exists nowhere (and overflows SQLite)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT branch_id FROM {Congress._meta.db_table} WHERE id = %s", [congress_id])
            found = cursor.fetchone()
    if found is None or not (user.is_ward_staff or (user.branch_id is not None and found[0] == user.branch_id)):
        raise Http404(_NOT_FOUND)
    if not may(user, need):
        raise PermissionDenied(_MESSAGES[need])
    return congress_id
