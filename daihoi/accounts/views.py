from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.accounts.models import Role
from daihoi.plans.access import plans_visible_to


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the screen their work starts from; the public to the ward's news."""
    user = request.user
    if not user.is_authenticated:
        return redirect("news:home")
    if user.is_ward_staff or user.role == Role.SUPERVISOR:  # type: ignore[union-attr]
        plan = plans_visible_to(user).order_by("-window_start").first()  # type: ignore[arg-type]
        # During a season the ward's day starts on its dashboard.
        return redirect("plans:plan_detail", plan_id=plan.pk) if plan else redirect("organizations:overview")
    if user.role == Role.BRANCH_SECRETARY and user.branch_id:  # type: ignore[union-attr]
        return redirect("organizations:branch_detail", branch_id=user.branch_id)  # type: ignore[union-attr]
    return render(request, "accounts/home.html")
