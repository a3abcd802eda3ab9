"""Permission-checked fetches of plans and congresses (see daihoi.accounts.access): ward staff see
every congress; a supervisor the congresses they supervise; a branch secretary their branch's.
Out of scope is a 404; readable but not writable is a 403."""
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from daihoi.accounts.models import Role, User
from daihoi.plans.models import Congress, Plan, PlanDocument


def congresses_visible_to(user: User) -> QuerySet[Congress]:
    congresses = Congress.objects.all()
    if user.is_ward_staff:
        return congresses
    if user.role == Role.SUPERVISOR:
        return congresses.filter(supervisors=user)
    if user.role == Role.BRANCH_SECRETARY and user.branch_id:
        return congresses.filter(branch_id=user.branch_id)
    return congresses.none()


def plans_visible_to(user: User) -> QuerySet[Plan]:
    """Ward staff see every plan; others the plans holding a congress they may see."""
    if user.is_ward_staff:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=congresses_visible_to(user).values("plan_id"))


def can_edit_congress(user: User, congress: Congress) -> bool:
    """The branch prepares its own congress (checklist, documents, personnel plan, results);
    the ward office may do everything."""
    return user.is_ward_staff or (user.role == Role.BRANCH_SECRETARY and user.branch_id == congress.branch_id)


def access_plan(user: User, plan_id: int) -> Plan:
    try:
        return plans_visible_to(user).select_related("party_committee").get(pk=plan_id)
    except Plan.DoesNotExist:
        raise Http404("Không tìm thấy kế hoạch.") from None


def access_congress(user: User, congress_id: int, *, write: bool = False) -> Congress:
    try:
        congress = congresses_visible_to(user).select_related("plan", "branch").get(pk=congress_id)
    except Congress.DoesNotExist:
        raise Http404("Không tìm thấy đại hội.") from None
    if write and not can_edit_congress(user, congress):
        raise PermissionDenied("Bạn không có quyền sửa đại hội này.")
    return congress


def access_plan_document(user: User, document_id: int) -> PlanDocument:
    """A plan's paper is read by whoever may read its plan; a congress's paper by whoever may
    read that congress (a secretary never reads another branch's papers)."""
    document = PlanDocument.objects.filter(pk=document_id).first()
    if document is None:
        raise Http404("Không tìm thấy văn bản.")
    if document.congress_id is None:
        access_plan(user, document.plan_id)
    else:
        access_congress(user, document.congress_id)
    return document
