"""Permission-checked fetches (Zulip's ``access_*``): every view gets its objects through here, so
object scope is decided in one place. An object outside the user's scope is a 404, so that its
existence is not revealed; an object the user may read but not change is a 403 on writes."""
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from daihoi.accounts.models import Role, User
from daihoi.organizations.models import Branch


def branches_visible_to(user: User) -> QuerySet[Branch]:
    """Ward staff see every branch; a supervisor the branches they supervise; a branch secretary
    only their own; other roles none."""
    branches = Branch.objects.all()
    if user.is_ward_staff:
        return branches
    if user.role == Role.SUPERVISOR:
        return branches.filter(supervisors=user)
    if user.role == Role.BRANCH_SECRETARY and user.branch_id:
        return branches.filter(pk=user.branch_id)
    return branches.none()


def can_edit_branch(user: User, branch: Branch) -> bool:
    return user.is_ward_staff or (user.role == Role.BRANCH_SECRETARY and user.branch_id == branch.pk)


def access_branch(user: User, branch_id: int, *, write: bool = False) -> Branch:
    try:
        branch = branches_visible_to(user).get(pk=branch_id)
    except Branch.DoesNotExist:
        raise Http404("Không tìm thấy chi bộ.") from None
    if write and not can_edit_branch(user, branch):
        raise PermissionDenied("Bạn không có quyền sửa chi bộ này.")
    return branch


def ward_staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Screens that act on the whole ward: ward office and administrators only."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_ward_staff:  # type: ignore[union-attr]
            raise PermissionDenied("Chỉ Văn phòng Đảng ủy được làm việc này.")
        return view(request, *args, **kwargs)

    return wrapped


def ward_readers_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Ward-level overviews: ward office and the committee members who supervise branches."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user: User = request.user  # type: ignore[assignment]
        if not (user.is_ward_staff or user.role == Role.SUPERVISOR):
            raise PermissionDenied("Trang này dành cho Văn phòng và Đảng ủy viên.")
        return view(request, *args, **kwargs)

    return wrapped
