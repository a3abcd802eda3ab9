"""Screens of a congress season. Views fetch through access_*, call one service or selector and
render; every rule lives in services, selectors or the rules core."""
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.accounts.access import ward_readers_required, ward_staff_required
from daihoi.accounts.models import Role, User
from daihoi.organizations.selectors import installation_ward_or_404
from daihoi.plans import forms, selectors, services
from daihoi.plans.access import access_congress, access_plan, access_plan_document, can_edit_congress, congresses_visible_to, plans_visible_to
from daihoi.plans.models import Congress, CongressResult, DocumentKind, Office, PersonnelPlan, Plan, Step
from daihoi.plans.report import season_workbook
from daihoi.rules.structure import branch_structure


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plans_with_progress(plans_visible_to(request.user))
    return render(request, "plans/plan_list.html", {"plans": plans})


@ward_staff_required
def plan_create(request: HttpRequest) -> HttpResponse:
    form = forms.PlanForm(request.POST or None, request.FILES or None)
    committee = installation_ward_or_404()
    if request.method == "POST" and form.is_valid():
        plan = forms.run_service(form, lambda: services.plan_create(
            party_committee=committee, data=form.plan_input(), file=form.cleaned_data["file"], by=request.user))
        if plan:
            messages.success(request, _("Đã ban hành kế hoạch %(number)s: %(count)d đại hội chi bộ.") % {
                "number": plan.number, "count": plan.congresses.count()})
            return redirect("plans:plan_detail", plan_id=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form})


@require_POST
@ward_staff_required
def plan_document(request: HttpRequest, plan_id: int) -> HttpResponse:
    """A new version of the plan's own file (e.g. the signed scan after a draft)."""
    plan = access_plan(request.user, plan_id)
    form = forms.PlanFileForm(request.POST, request.FILES)
    if form.is_valid() and forms.run_service(form, lambda: services.document_upload(
            plan=plan, congress=None, kind=DocumentKind.PLAN, file=form.cleaned_data["file"], by=request.user)):
        messages.success(request, _("Đã tải lên bản mới của kế hoạch."))
    else:
        messages.error(request, _("Chưa chọn tệp kế hoạch."))
    return redirect("plans:plan_detail", plan_id=plan.pk)


def _filters(request: HttpRequest) -> selectors.Filters:
    supervisor = request.GET.get("supervisor", "")
    page = request.GET.get("page", "")
    return selectors.Filters(status=request.GET.get("status", ""), supervisor=int(supervisor) if supervisor.isdigit() else None,
                             query=request.GET.get("q", ""), page=int(page) if page.isdigit() else 1)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The season dashboard of one plan, for the congresses the user may see."""
    plan = access_plan(request.user, plan_id)
    congresses = congresses_visible_to(request.user).filter(plan=plan)
    filters = _filters(request)
    progress = selectors.follow_up_progress(plan, congresses, timezone.localdate())
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "filters": filters, "today": timezone.localdate(),
        "after": progress, "season": selectors.season_state(plan, progress),
        "documents": plan.documents.filter(congress=None).select_related("uploaded_by"),
        **selectors.dashboard(plan, congresses, filters, timezone.localdate()),
    })


@login_required
def plan_calendar(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    weeks = selectors.calendar(plan, congresses_visible_to(request.user).filter(plan=plan))
    return render(request, "plans/plan_calendar.html", {"plan": plan, "weeks": weeks})


def _visible_report(request: HttpRequest, plan: Plan) -> dict[str, object]:
    """A supervisor's report covers the congresses they supervise; the ward office's, all."""
    return selectors.season_report(plan, congresses_visible_to(request.user))


@ward_readers_required
def plan_report_xlsx(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    response = HttpResponse(season_workbook(_visible_report(request, plan)),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="ket-qua-dai-hoi-{plan.term_start_year}-{plan.term_end_year}.xlsx"'
    return response


@ward_readers_required
def plan_report_json(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    return HttpResponse(json.dumps(_visible_report(request, plan), ensure_ascii=False), content_type="application/json")


@login_required
def my_congress(request: HttpRequest) -> HttpResponse:
    """A branch secretary's way in: the congress of their branch under the latest plan."""
    latest = congresses_visible_to(request.user).order_by("-plan__window_start").first()
    if latest is None:
        return render(request, "plans/no_congress.html")
    return redirect("plans:congress_detail", congress_id=latest.pk)


def _congress_page(request: HttpRequest, congress: Congress, **extra: object) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    personnel = PersonnelPlan.objects.filter(congress=congress).select_related("secretary", "deputy", "congress__plan").first()
    steps = {s.step: s for s in congress.steps.select_related("done_by")}
    full = selectors.full_members(congress.branch).count()
    context = {
        "congress": congress, "plan": congress.plan, "can_edit": can_edit_congress(user, congress),
        "is_ward": user.is_ward_staff, "structure": branch_structure(full),
        "warnings": selectors.schedule_warnings(congress),
        "checklist": [(value, label, steps.get(value)) for value, label in Step.choices],
        "documents": congress.plan_documents.select_related("uploaded_by"),
        "personnel": personnel, "personnel_warnings": selectors.personnel_warnings(personnel) if personnel else [],
        "report_row": selectors.report_row(congress),
        "schedule_form": forms.ScheduleForm(initial={
            "scheduled_on": congress.scheduled_on, "starts_at": congress.starts_at, "ends_at": congress.ends_at,
            "place": congress.place, "supervisors": congress.supervisors.all()}),
        "step_form": forms.StepForm(), "document_form": forms.DocumentForm(),
        "approve_form": forms.ApproveForm(), "return_form": forms.ReturnForm(),
        "follow_up": selectors.congress_follow_up(congress, timezone.localdate()),
        "elected": selectors.committee_duties(Congress.objects.filter(pk=congress.pk)),
        "follow_up_form": forms.FollowUpForm(), "duty_form": forms.DutyForm(),
        "season_closed": selectors.season_closed_by_ward(congress.plan),
        **extra,
    }
    return render(request, "plans/congress_detail.html", context, status=400 if extra else 200)


@login_required
def congress_detail(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _congress_page(request, access_congress(request.user, congress_id))


def _post_form(request: HttpRequest, congress_id: int, form_class: type, name: str, call: object,
               done: str, *, ward_only: bool = False) -> HttpResponse:
    """The shared shape of a POST on a congress: check access, validate, call the service, say
    what happened and go back to the congress; on error show the page with the message."""
    congress = access_congress(request.user, congress_id, write=True)
    if ward_only and not request.user.is_ward_staff:
        raise PermissionDenied(_("Chỉ Văn phòng Đảng ủy được làm việc này."))
    form = form_class(request.POST, request.FILES or None)
    back = redirect("plans:congress_detail", congress_id=congress.pk)
    return _saved(request, form, lambda data: call(congress, data), done, back) or _congress_page(request, congress, **{name: form})


def _saved(request: HttpRequest, form: object, call: object, done: str, back: HttpResponse) -> HttpResponse | None:
    """Validate, call the service and say what happened, then go ``back``; None when the form or
    the service refused (the caller shows the page with the message)."""
    if form.is_valid() and forms.run_service(form, lambda: call(form.cleaned_data)) is not None:
        messages.success(request, done)
        return back
    return None


@require_POST
@login_required
def congress_schedule(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.ScheduleForm, "schedule_form",
                      lambda congress, data: services.congress_schedule(congress=congress, **data),
                      _("Đã lưu lịch đại hội."), ward_only=True)


@require_POST
@login_required
def congress_step(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.StepForm, "step_form",
                      lambda congress, data: services.congress_step_mark(congress=congress, by=request.user, **data),
                      _("Đã ghi bước chuẩn bị."))


@require_POST
@login_required
def congress_document(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.DocumentForm, "document_form",
                      lambda congress, data: services.document_upload(plan=congress.plan, congress=congress, by=request.user, **data),
                      _("Đã tải văn bản lên."))


@require_POST
@login_required
def congress_approve(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.ApproveForm, "approve_form",
                      lambda congress, data: services.result_approve(congress=congress, by=request.user, **data),
                      _("Đã chuẩn y kết quả đại hội."), ward_only=True)


@require_POST
@login_required
def congress_return(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.ReturnForm, "return_form",
                      lambda congress, data: services.result_return(congress=congress, by=request.user, **data),
                      _("Đã trả lại kết quả cho chi bộ."), ward_only=True)


@require_POST
@login_required
def congress_follow_up(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.FollowUpForm, "follow_up_form",
                      lambda congress, data: services.follow_up_mark(congress=congress, by=request.user,
                                                                     today=timezone.localdate(), **data),
                      _("Đã ghi việc sau đại hội."))


@require_POST
@login_required
def congress_follow_up_undo(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.FollowUpUndoForm, "undo_form",
                      lambda congress, data: services.follow_up_unmark(congress=congress, by=request.user, **data),
                      _("Đã bỏ đánh dấu việc sau đại hội."))


@login_required
def after_latest(request: HttpRequest) -> HttpResponse:
    """The navigation's "Sau đại hội": the ward and supervisors go to the latest season's
    post-congress page, a branch secretary to their congress's checklist."""
    user: User = request.user  # type: ignore[assignment]
    if user.is_ward_staff or user.role == Role.SUPERVISOR:
        plan = plans_visible_to(user).order_by("-window_start").first()
        if plan is not None:
            return redirect("plans:plan_after", plan_id=plan.pk)
        return redirect("plans:plan_list")
    response = my_congress(request)
    if response.status_code == 302:
        response["Location"] += "#after-h"
    return response


@require_POST
@login_required
def congress_duty(request: HttpRequest, congress_id: int) -> HttpResponse:
    return _post_form(request, congress_id, forms.DutyForm, "duty_form",
                      lambda congress, data: services.committee_duty_set(congress=congress, by=request.user, **data),
                      _("Đã lưu phân công nhiệm vụ."))


@ward_readers_required
def plan_after(request: HttpRequest, plan_id: int, **forms_with_errors: object) -> HttpResponse:
    """After the congresses: each branch's follow-up work, who leads what, planned vs elected,
    the plan's follow-up list and closing the season."""
    plan = access_plan(request.user, plan_id)
    congresses = congresses_visible_to(request.user).filter(plan=plan)
    progress = selectors.follow_up_progress(plan, congresses, timezone.localdate())
    return render(request, "plans/plan_after.html", {
        "plan": plan, "progress": progress, "season": selectors.season_state(plan, progress),
        "duties": selectors.committee_duties(congresses), "compared": selectors.planned_vs_elected(plan, congresses),
        "item_form": forms.FollowUpItemForm(), "close_form": forms.CloseForm(), **forms_with_errors,
    }, status=400 if forms_with_errors else 200)


def _plan_post(request: HttpRequest, plan_id: int, form_class: type, name: str, call: object, done: str) -> HttpResponse:
    """A ward POST on a plan's post-congress page: validate, call the service, go back."""
    plan = access_plan(request.user, plan_id)
    form = form_class(request.POST)
    back = redirect("plans:plan_after", plan_id=plan.pk)
    return _saved(request, form, lambda data: call(plan, data), done, back) or plan_after(request, plan_id, **{name: form})


@require_POST
@ward_staff_required
def plan_follow_up_item(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_post(request, plan_id, forms.FollowUpItemForm, "item_form",
                      lambda plan, data: services.follow_up_item_save(plan=plan, **data), _("Đã lưu việc sau đại hội."))


@require_POST
@ward_staff_required
def plan_close(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_post(request, plan_id, forms.CloseForm, "close_form",
                      lambda plan, data: services.season_close(plan=plan, by=request.user, on=timezone.localdate(), **data),
                      _("Đã khép lại đợt đại hội."))


@login_required
def congress_personnel(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, write=True)
    members = selectors.full_members(congress.branch)
    current = PersonnelPlan.objects.filter(congress=congress).first()
    initial = {"seats": current.seats, "slate": current.slate.all(), "secretary": current.secretary, "deputy": current.deputy} if current else {}
    form = forms.PersonnelForm(request.POST or None, initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        saved = forms.run_service(form, lambda: services.personnel_plan_save(
            congress=congress, by=request.user, on=timezone.localdate(),
            **{**form.cleaned_data, "slate": list(form.cleaned_data["slate"])}))
        if saved:
            messages.success(request, _("Đã trình phương án nhân sự."))
            return redirect("plans:congress_detail", congress_id=congress.pk)
    structure = branch_structure(len(members))
    return render(request, "plans/personnel_form.html", {"congress": congress, "form": form, "structure": structure})


@login_required
def congress_results(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, write=True)
    members = list(selectors.full_members(congress.branch))
    form = forms.ResultForm(request.POST or None, members=members, initial=_result_initial(congress, len(members)))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        deputy = (data["deputy"], data["deputy_votes"]) if data["deputy"] else None
        result = forms.run_service(form, lambda: services.result_submit(
            congress=congress, by=request.user, on=timezone.localdate(), data=services.ResultInput(
                summoned=data["summoned"], present=data["present"], denominator=data["denominator"],
                committee_seats=data["committee_seats"], committee=form.committee(),
                secretary=(data["secretary"], data["secretary_votes"]), deputy=deputy)))
        if result:
            messages.success(request, _("Đã trình kết quả đại hội để Đảng ủy chuẩn y."))
            return redirect("plans:congress_detail", congress_id=congress.pk)
    return render(request, "plans/result_form.html", {"congress": congress, "form": form, "structure": branch_structure(len(members))})


def _result_initial(congress: Congress, full_members: int) -> dict[str, object]:
    """What the branch submitted before (to correct returned results), else the personnel plan's
    seats and the branch's full members as those summoned."""
    result = CongressResult.objects.filter(congress=congress).first()
    if result is None:
        personnel = PersonnelPlan.objects.filter(congress=congress).first()
        return {"summoned": full_members, "committee_seats": personnel.seats if personnel else 0}
    initial: dict[str, object] = {name: getattr(result, name) for name in ("summoned", "present", "denominator", "committee_seats")}
    for person in result.elected.all():
        if person.office == Office.COMMITTEE:
            initial[f"votes_{person.member_id}"] = person.votes
        else:
            prefix = "secretary" if person.office == Office.SECRETARY else "deputy"
            initial.update({prefix: person.member_id, f"{prefix}_votes": person.votes})
    return initial


@login_required
def plan_document_file(request: HttpRequest, plan_document_id: int) -> FileResponse:
    """Uploaded papers are served through a permission check, never as a public /media/ address."""
    document = access_plan_document(request.user, plan_document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
