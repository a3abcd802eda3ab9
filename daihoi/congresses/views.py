"""Screens of the hall. Each view fetches through ``access_congress``, calls one service or
selector, and renders; services raise ValidationError with the Vietnamese message to show."""
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext as _, ngettext
from django.views.decorators.http import require_POST

from daihoi.congresses import selectors, services
from daihoi.congresses.access import access_congress, access_congress_id, congresses_visible_to, may
from daihoi.congresses.forms import (
    AbsenceForm, AgendaForm, DocumentForm, MinutesForm, MotionOpenForm, MotionRecordForm, SpeakerForm, TimerForm, first_error)
from daihoi.congresses.models import Body, MotionKind
from daihoi.congresses.qr import qr_svg
from daihoi.organizations.models import MemberStatus
from daihoi.plans.models import Congress


COUNTS_FRESH_SECONDS = 1


def _ids(values: list[str]) -> list[int]:
    try:
        return [int(value) for value in values if value]
    except ValueError:
        raise ValidationError(_("Dữ liệu chọn không hợp lệ.")) from None


def _act(request: HttpRequest, congress: Congress, action: Callable[[], str], back: str = "congresses:hall",
         form: Form | None = None) -> HttpResponse:
    """Check the form if there is one, run a service; show its success sentence or the
    Vietnamese reason the form or the service refused."""
    if form is not None and not form.is_valid():
        messages.error(request, first_error(form))
        return redirect(back, congress_id=congress.pk)
    try:
        messages.success(request, action())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back, congress_id=congress.pk)


def _page(request: HttpRequest, congress: Congress, template: str, **context: Any) -> HttpResponse:
    """A hall page: every one shows the current agenda item and the live counts."""
    return render(request, f"congresses/{template}", {
        "congress": congress, "proceedings": selectors.proceedings_of(congress),
        "counts": selectors.hall_counts(congress), "can_run": may(request.user, "run"),
        "can_check_in": may(request.user, "check_in"), **context})


@login_required
def congress_list(request: HttpRequest) -> HttpResponse:
    return render(request, "congresses/congress_list.html", {
        "congresses": congresses_visible_to(request.user).order_by("scheduled_on", "branch__position", "branch__name"),
        "staff": may(request.user, "read")})


@login_required
def hall(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "hall.html", agenda=selectors.agenda(congress),
                 open_motion=selectors.open_motion(congress), last_motion=selectors.last_closed_motion(congress))


# ---- summons -------------------------------------------------------------------------------

@login_required
def summons(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "summons.html", attendances=selectors.attendance_list(congress))


@require_POST
@login_required
def summons_build(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    def build() -> str:
        added = services.summons_build(congress=congress)
        return ngettext("Đã lập danh sách triệu tập; thêm mới %(count)d đồng chí.",
                        "Đã lập danh sách triệu tập; thêm mới %(count)d đồng chí.", added) % {"count": added}

    return _act(request, congress, build, "congresses:summons")


@login_required
def summons_print(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    attendances = selectors.attendance_list(congress)
    if request.GET.get("attendance"):
        attendances = attendances.filter(pk__in=_ids(request.GET.getlist("attendance")))
    return render(request, "congresses/summons_print.html", {
        "congress": congress, "sheets": [(row, qr_svg(row.token)) for row in attendances]})


@require_POST
@login_required
def absence(request: HttpRequest, congress_id: int, attendance_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    row = get_object_or_404(congress.attendances, pk=attendance_id)
    form = AbsenceForm(request.POST)
    return _act(request, congress, lambda: (services.attendance_set_absence(attendance=row, **form.cleaned_data)
                                            or _("Đã ghi lý do vắng mặt của đồng chí %(name)s.") % {"name": row.member.full_name}),
                "congresses:summons", form)


# ---- check-in ------------------------------------------------------------------------------

@login_required
def checkin(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="check_in")
    return _page(request, congress, "checkin.html", attendances=selectors.attendance_list(congress))


@require_POST
@login_required
def checkin_token(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The door's scanner: one request per member arriving, 50 doors at once (issue 5), so it
    reads only the congress's id, not the congress with its branch and plan, and answers without
    the counts, which the door's page polls every 2 s anyway: grouping every summons row on each
    scan was half of a scan's cost."""
    congress_id = access_congress_id(request.user, congress_id, need="check_in")
    return _checkin_result(request, congress_id, lambda: services.attendance_check_in_token(
        congress_id=congress_id, token=request.POST.get("token", "")), with_counts=False)


@require_POST
@login_required
def checkin_members(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="check_in")
    return _checkin_result(request, congress.pk, lambda: services.attendance_check_in(
        congress=congress, attendance_ids=_ids(request.POST.getlist("attendance"))))


def _checkin_result(request: HttpRequest, congress_id: int, action: Callable[[], services.CheckIn],
                    with_counts: bool = True) -> HttpResponse:
    """The check-in answer as a fragment (htmx), with fresh counts unless the caller is the
    scanner, or a page reload otherwise. The X-Checkin header (new / already / error) lets
    scripts and the bench read the outcome."""
    try:
        result, error = action(), ""
    except ValidationError as problem:
        result, error = None, " ".join(problem.messages)
    outcome = "error" if result is None else "new" if result.checked_in else "already"
    if not request.headers.get("HX-Request"):
        messages.add_message(request, messages.ERROR if error else messages.SUCCESS, error or _("Đã điểm danh."))
        return redirect("congresses:checkin", congress_id=congress_id)
    answer = _checkin_notices(result, error)
    if with_counts:
        answer += render_to_string("congresses/_counts.html", {"counts": selectors.hall_counts_of(congress_id), "oob": True})
    response = HttpResponse(answer)
    response["X-Checkin"] = outcome
    return response


def _checkin_notices(result: services.CheckIn | None, error: str) -> SafeString:
    """One line per member: checked in now, or already present since when. Built in Python, not
    by a template: it is the whole answer to every scan at the door (issue 5)."""
    if result is None:
        return format_html('<p class="notice notice-error" role="alert">{}</p>', error)
    fresh = ((_("Đã điểm danh:"), arrival.full_name, MemberStatus(arrival.status).label.lower())
             for arrival in result.checked_in)
    already = ((_("Đồng chí %(name)s đã điểm danh lúc %(time)s; không tính lại.") % {
        "name": arrival.full_name, "time": _arrival_time(arrival)},) for arrival in result.already_present)
    return (format_html_join("", '<p class="notice notice-ok">{} <strong>{}</strong> ({})</p>', fresh)
            + format_html_join("", '<p class="notice notice-warn">{}</p>', already))


def _arrival_time(arrival: services.Arrival) -> str:
    return date_format(localtime(arrival.checked_in_at), "H:i") if arrival.checked_in_at else "—"


@login_required
def checkin_search(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="check_in")
    return render(request, "congresses/_checkin_rows.html", {
        "congress": congress, "attendances": selectors.attendance_search(congress, request.GET.get("q", ""))})


@require_POST
@login_required
def checkout(request: HttpRequest, congress_id: int, attendance_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="check_in")
    row = get_object_or_404(congress.attendances.select_related("member"), pk=attendance_id)
    return _act(request, congress, lambda: services.attendance_check_out(attendance=row)
                or _("Đồng chí %(name)s đã rời hội trường.") % {"name": row.member.full_name}, "congresses:checkin")


@login_required
def counts(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Polled every 2 s by every open hall page (50 doors: 25 requests/s), so, like the scanner,
    it reads only the congress's id, and each server process counts and renders at most once per
    ``COUNTS_FRESH_SECONDS`` for all the pages that ask (issue 5): a door sees a scan within 3 s;
    the projector, which must follow within 1 s, polls its own state."""
    congress_id = access_congress_id(request.user, congress_id, need="read")
    return HttpResponse(cache.get_or_set(f"hall-counts:{congress_id}:{get_language()}", lambda: render_to_string(
        "congresses/_counts.html", {"counts": selectors.hall_counts_of(congress_id)}), COUNTS_FRESH_SECONDS))


# ---- bodies, agenda, minutes ---------------------------------------------------------------

@login_required
def bodies(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "bodies.html", panels=selectors.body_panels(congress),
                 members=congress.branch.members.order_by("name_sort_key", "id"))


@require_POST
@login_required
def bodies_set(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    body = request.POST.get("body", "")

    def seat() -> str:
        if body not in Body.values:
            raise ValidationError(_("Cơ quan không hợp lệ."))
        head = _ids([request.POST.get("head", "")])
        services.bodies_set(congress=congress, body=Body(body), member_ids=_ids(request.POST.getlist("member")),
                            head_id=head[0] if head else None)
        return _("Đã lưu %(body)s.") % {"body": Body(body).label.lower()}

    return _act(request, congress, seat, "congresses:bodies")


@login_required
def agenda(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    items = selectors.agenda(congress)
    form = AgendaForm(initial={"items": "\n".join(item.title for item in items)})
    return _page(request, congress, "agenda.html", agenda=items, form=form)


@require_POST
@login_required
def agenda_edit(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    if "template" in request.POST:
        return _act(request, congress, lambda: services.agenda_apply_template(congress=congress)
                    or _("Đã dùng chương trình mẫu."), "congresses:agenda")
    titles = request.POST.get("items", "").splitlines()
    return _act(request, congress, lambda: services.agenda_set(congress=congress, titles=titles)
                or _("Đã lưu chương trình đại hội."), "congresses:agenda")


@require_POST
@login_required
def agenda_current(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    return _act(request, congress, lambda: services.agenda_set_current(
        congress=congress, item_id=(_ids([request.POST.get("item", "")]) or [None])[0]) or _("Đã chuyển mục chương trình."),
        "congresses:hall" if request.POST.get("back") == "hall" else "congresses:agenda")


@login_required
def minutes(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "minutes.html", form=MinutesForm(instance=selectors.proceedings_of(congress)),
                 motions=selectors.motions(congress), panels=selectors.body_panels(congress),
                 votes=selectors.frozen_electorates(congress),
                 spoke=selectors.speakers_spoken(congress))


@require_POST
@login_required
def minutes_save(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    form = MinutesForm(request.POST)
    return _act(request, congress, lambda: services.proceedings_update(congress=congress, **form.cleaned_data)
                or _("Đã lưu nội dung biên bản."), "congresses:minutes", form)


@require_POST
@login_required
def proceedings_mark(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    moment = request.POST.get("moment", "")
    return _act(request, congress, lambda: services.proceedings_mark(congress=congress, moment=moment)
                or (_("Đã ghi giờ khai mạc.") if moment == "opened_at" else _("Đã ghi giờ bế mạc.")))


# ---- show-of-hands votes -------------------------------------------------------------------

@login_required
def motions(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "motions.html", motions=selectors.motions(congress),
                 open_motion=selectors.open_motion(congress), open_form=MotionOpenForm(), record_form=MotionRecordForm(),
                 in_progress=selectors.vote_in_progress(congress), show_of_hands=selectors.SHOW_OF_HANDS)


@require_POST
@login_required
def motion_open(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    form = MotionOpenForm(request.POST)
    return _act(request, congress, lambda: services.motion_open(
        congress=congress, kind=MotionKind(form.cleaned_data["kind"]), title=form.cleaned_data["title"])
        and _("Đã mở biểu quyết."), "congresses:motions", form)


@require_POST
@login_required
def motion_record(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    motion = get_object_or_404(congress.motions, pk=motion_id)
    form = MotionRecordForm(request.POST)
    return _act(request, congress, lambda: (
        _("Đã ghi kết quả: thông qua.") if services.motion_record(motion=motion, **form.cleaned_data).passed
        else _("Đã ghi kết quả: không thông qua.")), "congresses:motions", form)


@require_POST
@login_required
def motion_cancel(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    motion = get_object_or_404(congress.motions, pk=motion_id)
    return _act(request, congress, lambda: services.motion_cancel(motion=motion) or _("Đã huỷ biểu quyết."), "congresses:motions")


# ---- discussion ----------------------------------------------------------------------------

@login_required
def discussion(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return _page(request, congress, "discussion.html", speakers=selectors.speakers(congress),
                 timer=selectors.timer_state(selectors.proceedings_of(congress)),
                 summoned=selectors.attendance_list(congress), form=SpeakerForm())


@require_POST
@login_required
def speaker_add(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    form = SpeakerForm(request.POST)
    return _act(request, congress, lambda: _("Đã ghi tên vào danh sách phát biểu: %(name)s.") % {"name": services.speaker_add(
        congress=congress, **form.cleaned_data).member.full_name}, "congresses:discussion", form)


@require_POST
@login_required
def speaker_change(request: HttpRequest, congress_id: int, speaker_id: int) -> HttpResponse:
    """Move a speaker up or down, or take them off the list (the button pressed says which)."""
    congress = access_congress(request.user, congress_id, need="run")
    speaker = get_object_or_404(congress.speakers.select_related("member"), pk=speaker_id)
    change = request.POST.get("change", "")
    if change == "remove":
        return _act(request, congress, lambda: services.speaker_remove(speaker=speaker)
                    or _("Đã bỏ tên đồng chí %(name)s khỏi danh sách.") % {"name": speaker.member.full_name}, "congresses:discussion")
    return _act(request, congress, lambda: services.speaker_move(speaker=speaker, up=change == "up")
                or _("Đã đổi thứ tự phát biểu."), "congresses:discussion")


@require_POST
@login_required
def speakers_close(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    closed = request.POST.get("closed") == "1"
    return _act(request, congress, lambda: services.speakers_close(congress=congress, closed=closed)
                or (_("Đã khóa danh sách phát biểu.") if closed else _("Đã mở lại danh sách phát biểu.")), "congresses:discussion")


@require_POST
@login_required
def timer(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    form = TimerForm(request.POST)

    def run() -> str:
        data = form.cleaned_data
        if data["action"] == "start":
            services.timer_start(congress=congress, minutes=data["minutes"], speaker_id=data["speaker"])
            return _("Đồng hồ đang chạy.")
        getattr(services, f"timer_{data['action']}")(congress=congress)
        return _("Đã tạm dừng đồng hồ.") if data["action"] == "pause" else _("Đã kết thúc lượt phát biểu.")

    return _act(request, congress, run, "congresses:discussion", form)


# ---- documents -----------------------------------------------------------------------------

@login_required
def documents(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="documents")
    return render(request, "congresses/documents.html", {
        "congress": congress, "documents": selectors.documents(congress), "can_run": may(request.user, "run"),
        "form": DocumentForm()})


@require_POST
@login_required
def document_upload(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    form = DocumentForm(request.POST, request.FILES)
    return _act(request, congress, lambda: services.document_upload(congress=congress, **form.cleaned_data)
                and _("Đã đăng tài liệu cho đảng viên chi bộ."), "congresses:documents", form)


@require_POST
@login_required
def document_delete(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id, need="run")
    document = get_object_or_404(congress.documents, pk=document_id)
    return _act(request, congress, lambda: services.document_delete(document=document) or _("Đã gỡ tài liệu."),
                "congresses:documents")


@login_required
def document_download(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    congress = access_congress(request.user, congress_id, need="documents")
    document = get_object_or_404(congress.documents, pk=document_id)
    return FileResponse(document.file.open("rb"), filename=document.file.name.rsplit("/", 1)[-1])


# ---- projector -----------------------------------------------------------------------------

@login_required
def projector(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return render(request, "congresses/projector.html", _projector_context(congress))


@login_required
def projector_state(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return render(request, "congresses/_projector_state.html", _projector_context(congress))


def _projector_context(congress: Congress) -> dict[str, Any]:
    proceedings = selectors.proceedings_of(congress)
    return {"congress": congress, "proceedings": proceedings, "vote": selectors.vote_in_progress(congress),
            "timer": selectors.timer_state(proceedings), "waiting": selectors.speakers_waiting(congress).exclude(pk=proceedings.timer_speaker_id)[:3],
            "counts": selectors.hall_counts(congress), "last_motion": selectors.last_closed_motion(congress),
            "election_results": selectors.election_results_html(congress)}
