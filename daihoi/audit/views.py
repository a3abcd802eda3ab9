"""The ward office's audit trail screen and the download of an announced round's file."""
import json
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from daihoi.accounts.access import ward_staff_required
from daihoi.audit import selectors
from daihoi.elections.access import access_round
from daihoi.elections.models import RoundStatus


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@ward_staff_required
def trail(request: HttpRequest) -> HttpResponse:
    filters = selectors.Filters(model=request.GET.get("loai", "")[:80], user=request.GET.get("nguoi", "").strip()[:150],
                                day=_day(request.GET.get("ngay", "")))
    return render(request, "audit/trail.html", {"rows": selectors.trail(filters), "filters": filters,
                                                "models": selectors.models_in_trail(), "page": selectors.PAGE})


@login_required
def round_file(request: HttpRequest, round_id: int) -> HttpResponse:
    """The sealed round file, for ``daihoi verify`` (anyone who may read the round's result)."""
    round_ = access_round(request.user, round_id)
    seal = selectors.latest_seal(round_)
    if round_.status != RoundStatus.LOCKED or seal is None:
        raise Http404(_("Lần bầu này chưa công bố kết quả."))
    response = HttpResponse(json.dumps(seal.document, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lan-bau-{round_.election_id}-{round_.number}.json"'
    return response
