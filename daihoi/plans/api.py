"""Read-only JSON API of the season (plans, congresses, results) for other systems; same access
rules as the screens, session login required. The schema is served at /dai-hoi/api/openapi.json."""
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from daihoi.plans.access import access_congress, access_plan, congresses_visible_to, plans_visible_to
from daihoi.plans.models import Congress, Plan
from daihoi.plans.selectors import plans_with_progress
from daihoi.rules.percent import percent


def api_view(view: Callable[..., dict[str, Any]]) -> Callable[..., HttpResponse]:
    """GET only, 401 as JSON (not a login redirect) for anonymous callers, UTF-8 Vietnamese.
    Exempt from the CSRF check, which guards only writes: every other method is refused with the
    405 that HTTP (and the OpenAPI contract, checked by schemathesis) expects, not a 403 from the
    CSRF middleware before the view could say the method is not allowed."""

    @csrf_exempt
    @require_GET
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"error": "Cần đăng nhập."}, status=401)
        return JsonResponse(view(request, *args, **kwargs), json_dumps_params={"ensure_ascii": False})

    return wrapped


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def plan_json(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk, "number": plan.number, "issued_on": _iso(plan.issued_on), "title": plan.title,
        "term_start_year": plan.term_start_year, "term_end_year": plan.term_end_year,
        "window_start": _iso(plan.window_start), "window_end": _iso(plan.window_end),
        "targets": {"min_women_percent": plan.min_women_percent, "min_under_40_percent": plan.min_under_40_percent,
                    "reelection_age_limit": plan.reelection_age_limit},
        "congresses": plan.total, "held": plan.held, "approved": plan.approved,
    }


def congress_json(congress: Congress) -> dict[str, Any]:
    return {
        "id": congress.pk, "plan_id": congress.plan_id,
        "branch": {"id": congress.branch_id, "name": congress.branch.name},
        "status": congress.status, "scheduled_on": _iso(congress.scheduled_on),
        "starts_at": _iso(congress.starts_at), "ends_at": _iso(congress.ends_at), "place": congress.place,
        "supervisors": [u.get_full_name() or u.username for u in congress.supervisors.all()],
        "held_on": _iso(congress.held_on), "approval_decision_number": congress.approval_decision_number,
        "approved_on": _iso(congress.approved_on),
    }


def result_json(congress: Congress) -> dict[str, Any] | None:
    result = getattr(congress, "result", None)
    if result is None:
        return None
    return {
        "source": result.source, "summoned": result.summoned, "present": result.present,
        "denominator": result.denominator, "committee_seats": result.committee_seats,
        "elected": [{"office": p.office, "name": p.full_name, "votes": p.votes, "percent": percent(p.votes, result.denominator)}
                    for p in result.elected.all()],
    }


def _congresses(request: HttpRequest) -> Any:
    return congresses_visible_to(request.user).select_related("branch").prefetch_related("supervisors")


@api_view
def plans(request: HttpRequest) -> dict[str, Any]:
    return {"plans": [plan_json(p) for p in plans_with_progress(plans_visible_to(request.user))]}


@api_view
def plan(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    access_plan(request.user, plan_id)
    return plan_json(plans_with_progress(Plan.objects.filter(pk=plan_id)).get())


@api_view
def plan_congresses(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    access_plan(request.user, plan_id)
    congresses = _congresses(request).filter(plan_id=plan_id).order_by("branch__position", "branch__name")
    return {"congresses": [congress_json(c) for c in congresses]}


@api_view
def congress(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    access_congress(request.user, congress_id)
    found = _congresses(request).select_related("result").prefetch_related("result__elected").get(pk=congress_id)
    return {**congress_json(found), "result": result_json(found)}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_DATE = {"type": "string", "format": "date", "nullable": True}
_INT = {"type": "integer", "nullable": True}
_PERSON = {"type": "object", "properties": {
    "office": {"type": "string", "enum": ["committee", "secretary", "deputy_secretary"]},
    "name": {"type": "string"}, "votes": {"type": "integer"},
    "percent": {"type": "string", "description": "votes / D, two decimals, half-up"}}}


def _get(summary: str, schema: dict[str, Any], param: str | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary, "responses": {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "401": {"description": "Chưa đăng nhập"}, "404": {"description": "Không có hoặc không được xem"}}}
    if param:
        operation["parameters"] = [{"name": param, "in": "path", "required": True, "schema": {"type": "integer"}}]
    return {"get": operation}


OPENAPI: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "daihoi — đợt đại hội chi bộ", "version": "1",
             "description": "Read-only. Session login; each user sees the congresses their role allows."},
    "paths": {
        "/dai-hoi/api/plans/": _get("Plans", {"type": "object", "properties": {"plans": {"type": "array", "items": _ref("Plan")}}}),
        "/dai-hoi/api/plans/{plan_id}/": _get("One plan", _ref("Plan"), "plan_id"),
        "/dai-hoi/api/plans/{plan_id}/congresses/": _get(
            "Congresses of a plan", {"type": "object", "properties": {"congresses": {"type": "array", "items": _ref("Congress")}}}, "plan_id"),
        "/dai-hoi/api/congresses/{congress_id}/": _get("One congress with its results", _ref("CongressWithResult"), "congress_id"),
    },
    "components": {"schemas": {
        "Plan": {"type": "object", "properties": {
            "id": {"type": "integer"}, "number": {"type": "string"}, "issued_on": _DATE, "title": {"type": "string"},
            "term_start_year": {"type": "integer"}, "term_end_year": {"type": "integer"},
            "window_start": _DATE, "window_end": _DATE,
            "targets": {"type": "object", "properties": {"min_women_percent": _INT, "min_under_40_percent": _INT, "reelection_age_limit": _INT}},
            "congresses": {"type": "integer"}, "held": {"type": "integer"}, "approved": {"type": "integer"}}},
        "Congress": {"type": "object", "properties": {
            "id": {"type": "integer"}, "plan_id": {"type": "integer"},
            "branch": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
            "status": {"type": "string", "enum": [s for s, _ in Congress._meta.get_field("status").choices]},
            "scheduled_on": _DATE, "starts_at": {"type": "string", "nullable": True}, "ends_at": {"type": "string", "nullable": True},
            "place": {"type": "string"}, "supervisors": {"type": "array", "items": {"type": "string"}},
            "held_on": _DATE, "approval_decision_number": {"type": "string"}, "approved_on": _DATE}},
        "Result": {"type": "object", "nullable": True, "properties": {
            "source": {"type": "string", "enum": ["paper", "elections"]}, "summoned": {"type": "integer"},
            "present": {"type": "integer"}, "denominator": {"type": "integer"}, "committee_seats": {"type": "integer"},
            "elected": {"type": "array", "items": _PERSON}}},
        "CongressWithResult": {"allOf": [_ref("Congress"), {"type": "object", "properties": {"result": _ref("Result")}}]},
    }},
}


@api_view
def openapi(request: HttpRequest) -> dict[str, Any]:
    return OPENAPI
