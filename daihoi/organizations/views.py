"""Screens of the ward, its branches and members. Views only fetch through access_* and
selectors, and render."""
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.accounts.access import access_branch, branches_visible_to, can_edit_branch, ward_readers_required
from daihoi.organizations import selectors


@ward_readers_required
def overview(request: HttpRequest) -> HttpResponse:
    branches = branches_visible_to(request.user)
    return render(request, "organizations/overview.html", {
        "totals": selectors.ward_totals(branches),
        "branches": selectors.branch_counts(branches),
    })


@login_required
def branch_list(request: HttpRequest) -> HttpResponse:
    branches = selectors.branch_counts(branches_visible_to(request.user))
    return render(request, "organizations/branch_list.html", {"branches": branches})


@login_required
def branch_detail(request: HttpRequest, branch_id: int) -> HttpResponse:
    branch = access_branch(request.user, branch_id)
    return render(request, "organizations/branch_detail.html", {
        "branch": branch,
        "members": selectors.branch_members(branch),
        "can_edit": can_edit_branch(request.user, branch),
    })


@login_required
def member_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    members = selectors.member_search(branches=branches_visible_to(request.user), query=query)
    template = "organizations/_member_rows.html" if request.headers.get("HX-Request") else "organizations/member_search.html"
    return render(request, template, {"query": query, "members": members})
