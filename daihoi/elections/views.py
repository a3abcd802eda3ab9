"""Screens of the elections. Each view fetches through ``access_*``, calls one service or
selector, and renders; services raise ValidationError with the Vietnamese message to show."""
import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from daihoi.congresses.access import access_congress, congresses_visible_to, may
from daihoi.elections import pages, selectors, services
from daihoi.elections.access import access_candidate, access_election, access_round, check_counting_head, is_counting_head
from daihoi.elections.ballot_pdf import ballots_pdf


def _int(request: HttpRequest, name: str, default: int | None = None) -> int:
    value = request.POST.get(name, "").strip()
    if not value and default is not None:
        return default
    if not value.isdigit():
        raise ValidationError(_("“%(value)s” không phải một số (trường %(field)s).") % {"value": value, "field": name})
    return int(value)


def _hands(request: HttpRequest) -> tuple[int, int, int]:
    return _int(request, "agree"), _int(request, "disagree", 0), _int(request, "abstain", 0)


def _act(request: HttpRequest, action: Callable[[], str], back: str) -> HttpResponse:
    """Run a service; show its success sentence or the Vietnamese reason it refused."""
    try:
        messages.success(request, action())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)


def _say(_done: object, message: str) -> str:
    """The success sentence of a service that returns nothing worth showing."""
    return message


def _passed(motion: Any, yes: str) -> str:
    return yes if motion.passed else _("Không thông qua: %(title)s (%(agree)s/%(denominator)s tán thành).") % {
        "title": motion.title, "agree": motion.agree, "denominator": motion.snapshot.denominator}


def _runoff(seats: int) -> str:
    return ngettext("Đã lập danh sách bầu lại (%(seats)s chỗ) giữa những người bằng phiếu.",
                    "Đã lập danh sách bầu lại (%(seats)s chỗ) giữa những người bằng phiếu.", seats) % {"seats": seats}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    congresses = congresses_visible_to(request.user).order_by("-plan__window_start", "scheduled_on", "branch__position", "branch__name")
    return render(request, "elections/index.html", {"congresses": congresses})


@login_required
def congress_elections(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    if request.method == "POST":
        access_congress(request.user, congress_id, need="run")
        if request.POST.get("action") == "submit_results":
            return _act(request, lambda: _say(services.congress_results_submit(congress=congress, user=request.user, on=timezone.localdate()),
                                              _("Đã trình kết quả bầu cử lên Đảng ủy để chuẩn y.")), request.path)
        return _act(request, lambda: _("Đã tạo cuộc bầu %(office)s.") % {"office": services.election_create(
            congress=congress, office=request.POST.get('office', ''), seats=_int(request, 'seats'), user=request.user).get_office_display().lower()},
                    request.path)
    return render(request, "elections/congress.html", pages.congress_page(congress, may(request.user, "run")))


@login_required
def election_detail(request: HttpRequest, election_id: int) -> HttpResponse:
    election = access_election(request.user, election_id)
    return render(request, "elections/election.html", pages.election_page(election, may(request.user, "run")))


@require_POST
@login_required
def election_action(request: HttpRequest, election_id: int, action: str) -> HttpResponse:
    """The presidium's steps on the list and the rounds, each one service call."""
    election = access_election(request.user, election_id, need="run")
    user = request.user
    steps: dict[str, Callable[[], str]] = {
        "seats": lambda: _say(services.seats_set(election=election, seats=_int(request, "seats"), user=user), _("Đã đổi số lượng cần bầu.")),
        "add": lambda: _("Đã thêm đồng chí %(name)s.") % {"name": services.candidate_add(
            election=election, member_id=_int(request, 'member'), source=request.POST.get('source', ''), user=user).full_name},
        "poll": lambda: " ".join(services.poll_record(election=election, user=user, votes={
            int(key[5:]): _int(request, key) for key in request.POST if key.startswith("poll-")})) or _("Đã ghi kết quả lấy phiếu giới thiệu."),
        "adopt": lambda: _passed(services.list_adopt(election=election, hands=_hands(request), user=user), _("Đại hội đã thông qua số lượng và danh sách bầu cử.")),
        "new_list": lambda: _("Đã lập danh sách phiên bản %(version)s cho lần bầu tiếp theo.") % {"version": services.list_new_version(
            election=election, seats=selectors.remaining_seats(election), candidate_ids=None, user=user).version},
        "open_round": lambda: _("Đã mở lần bầu %(number)s.") % {"number": services.round_open(election=election, user=user).number},
    }
    if action not in steps:
        raise Http404(_("Thao tác không hợp lệ."))
    return _act(request, steps[action], reverse("elections:election", args=[election.pk]))


@require_POST
@login_required
def candidate_action(request: HttpRequest, candidate_id: int, action: str) -> HttpResponse:
    candidate = access_candidate(request.user, candidate_id)
    back = reverse("elections:election", args=[candidate.election_list.election_id])
    if action == "withdraw":
        return _act(request, lambda: _passed(services.candidate_withdraw(candidate=candidate, hands=_hands(request), user=request.user),
                                             _("Đại hội đồng ý cho đồng chí %(name)s rút khỏi danh sách.") % {"name": candidate.full_name}), back)
    if action != "remove":
        raise Http404(_("Thao tác không hợp lệ."))
    return _act(request, lambda: _say(services.candidate_remove(candidate=candidate, user=request.user), _("Đã bỏ tên %(name)s.") % {"name": candidate.full_name}), back)


@login_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = access_round(request.user, round_id)
    congress = round_.election.congress
    return render(request, "elections/round.html", pages.round_page(
        round_, may(request.user, "run"), may(request.user, "check_in"), is_counting_head(request.user, congress)))


@require_POST
@login_required
def round_action(request: HttpRequest, round_id: int, action: str) -> HttpResponse:
    """Counting steps: counts and method, hand totals, the head's decisions, lock and recount."""
    round_ = access_round(request.user, round_id, need="check_in")
    user = request.user
    if action in ("resolve", "lock", "recount", "runoff"):
        check_counting_head(user, round_.election.congress)
    steps: dict[str, Callable[[], str]] = {
        "counts": lambda: _say(services.round_counts_set(
            round_=round_, issued=_int(request, "issued"), collected=_int(request, "collected"),
            method=request.POST.get("method", ""), station_count=_int(request, "stations", 1), user=user), _("Đã ghi số phiếu phát ra, thu vào.")),
        "totals": lambda: _say(services.totals_set(round_=round_, user=user, **pages.totals_from_post(request.POST, round_)), _("Đã ghi kết quả kiểm đếm.")),
        "resolve": lambda: _say(services.resolution_decide(round_=round_, number=_int(request, "number"), user=user,
                                                       **pages.reading_from_post(request.POST, round_)), _("Đã ghi quyết định của Trưởng ban kiểm phiếu.")),
        "lock": lambda: _say(services.round_lock(round_=round_, user=user), _("Đã công bố kết quả lần bầu.")),
        "recount": lambda: _say(services.round_recount(round_=round_, reason=request.POST.get("reason", ""), user=user), _("Lần bầu mở lại để kiểm phiếu lại; kết quả đã công bố được lưu.")),
        "runoff": lambda: _runoff(services.runoff_prepare(round_=round_, user=user).seats),
    }
    if action not in steps:
        raise Http404(_("Thao tác không hợp lệ."))
    return _act(request, steps[action], reverse("elections:round", args=[round_.pk]))


@login_required
def ballots(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = access_round(request.user, round_id, need="run")
    copies = request.GET.get("so", "")
    count = int(copies) if copies.isdigit() and 0 < int(copies) <= 2000 else round_.snapshot.present
    try:
        pdf = ballots_pdf(pages.ballot_spec(round_), count)
    except ValueError as error:  # a code the ballot's code row cannot carry (scanning.layout.encode)
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="phieu-bau-{round_.election_id}-{round_.number}.pdf"'
    return response


@login_required
def station(request: HttpRequest, round_id: int, station: int) -> HttpResponse:
    round_ = access_round(request.user, round_id, need="check_in")
    return render(request, "elections/station.html", pages.station_page(round_, station))


@require_POST
@login_required
def entry(request: HttpRequest, round_id: int, station: int) -> JsonResponse:
    """One ballot from the station page's queue (JSON in, JSON out, never a redirect)."""
    round_ = access_round(request.user, round_id, need="check_in")
    try:
        data = json.loads(request.body or b"{}")
        if not isinstance(data, dict):
            raise ValidationError(_("Dữ liệu gửi lên không phải một phiếu."))
        reading = pages.reading_from_text(round_, str(data.get("rows", "")), str(data.get("flags", "")))
        number = data.get("number")
        if not isinstance(number, int):
            raise ValidationError(_("Thiếu số phiếu."))
        services.entry_save(round_=round_, station=station, number=number, user=request.user, **reading)
    except (ValueError, ValidationError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        return JsonResponse({"ok": False, "error": text}, status=400)
    return JsonResponse({"ok": True, "number": number})


@login_required
def results(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = access_round(request.user, round_id)
    return render(request, "elections/results.html", {"round": round_, "card": pages.result_card(round_)})

