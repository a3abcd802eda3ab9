"""Screens of ballot scanning: upload with progress, the review queue, one ballot's review, and
its image. Each view fetches through ``access_round`` (counting needs the station right, as at
the keyboard stations), calls one service or selector and renders."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from daihoi.elections.access import access_round
from daihoi.elections.selectors import ballot_form
from daihoi.elections.scanning import selectors, services
from daihoi.elections.scanning.models import ScannedBallot
from daihoi.elections.scanning.worker import ensure_worker


def _page(request: HttpRequest, round_id: int, template: str) -> HttpResponse:
    round_ = access_round(request.user, round_id, need="check_in")
    ensure_worker()  # resumes a queue left by a restart
    batches = selectors.batches_of(round_)
    return render(request, template, {
        "round": round_, "election": round_.election, "batches": batches,
        "busy": any(p.done < p.total for p in batches), "counts": selectors.ballot_counts(round_),
        "review": selectors.to_review(round_)[:200], "stations": range(1, round_.station_count + 1)})


@login_required
def scan_round(request: HttpRequest, round_id: int) -> HttpResponse:
    return _page(request, round_id, "elections/scanning/round.html")


@login_required
def progress(request: HttpRequest, round_id: int) -> HttpResponse:
    """The batches and counts fragment the page polls (htmx) while reading goes on."""
    return _page(request, round_id, "elections/scanning/_progress.html")


@require_POST
@login_required
def upload(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = access_round(request.user, round_id, need="check_in")
    files = request.FILES.getlist("files")
    station = request.POST.get("station", "")
    try:
        if not files:
            raise ValidationError(_("Chọn ít nhất một tệp ảnh, PDF hoặc ZIP."))
        if not station.isdigit():
            raise ValidationError(_("Chọn máy (trạm) mà ảnh quét được tính là."))
        batches = [services.batch_create(round_=round_, station=int(station), upload=f, user=request.user) for f in files]
        messages.success(request, ngettext("Đã nhận %(count)d tệp; máy đang đọc phiếu.", "Đã nhận %(count)d tệp; máy đang đọc phiếu.",
                                           len(batches)) % {"count": len(batches)})
        ensure_worker(resume_every=0)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("elections:scanning:round", round_id=round_.pk)


def _ballot(request: HttpRequest, round_id: int, ballot_id: int) -> ScannedBallot:
    round_ = access_round(request.user, round_id, need="check_in")
    return get_object_or_404(ScannedBallot.objects.select_related("round__election", "page__batch", "decided_by"),
                             pk=ballot_id, round=round_)


@login_required
def review(request: HttpRequest, round_id: int, ballot_id: int) -> HttpResponse:
    """One ballot: its picture with the rows the machine was unsure of outlined, and the form."""
    ballot = _ballot(request, round_id, ballot_id)
    if request.method == "POST":
        try:
            services.ballot_decide(ballot=ballot, rows=request.POST.get("rows", ""), flags=request.POST.get("flags", ""),
                                   user=request.user)
            messages.success(request, _("Đã ghi phiếu số %(number)s.") % {"number": ballot.number})
            following = selectors.to_review(ballot.round).filter(number__gt=ballot.number).first()
            if following is not None:
                return redirect("elections:scanning:review", round_id=round_id, ballot_id=following.pk)
            return redirect("elections:scanning:round", round_id=round_id)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(request, "elections/scanning/review.html", {
        "ballot": ballot, "round": ballot.round, "boxes": selectors.row_boxes(ballot),
        "suggested": selectors.suggested_text(ballot), "form": ballot_form(ballot.round),
        "remaining": selectors.to_review(ballot.round).count()})


@login_required
def image(request: HttpRequest, round_id: int, ballot_id: int) -> FileResponse:
    ballot = _ballot(request, round_id, ballot_id)
    if not ballot.image:
        raise Http404(_("Phiếu này không có ảnh."))
    return FileResponse(ballot.image.open("rb"), content_type="image/jpeg")
