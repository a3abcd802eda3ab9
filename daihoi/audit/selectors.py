"""Reads of the audit app: the ward office's filtered list of changes (the general trail and the
elections' own trail side by side), and the round file of an announced round."""
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet

from daihoi.audit.models import AuditEntry, RoundSeal
from daihoi.elections.models import AuditEntry as ElectionAudit
from daihoi.elections.models import Round

PAGE = 200


@dataclass
class Row:
    at: datetime
    user: str
    what: str
    action: str
    detail: Any


@dataclass
class Filters:
    model: str = ""
    user: str = ""
    day: date | None = None


def _filtered(entries: QuerySet[Any], filters: Filters, user_field: str) -> QuerySet[Any]:
    if filters.user:
        entries = entries.filter(**{f"{user_field}__username__icontains": filters.user})
    if filters.day:
        entries = entries.filter(at__date=filters.day)
    return entries


def trail(filters: Filters) -> list[Row]:
    """The newest PAGE changes matching the filters, both trails merged by time."""
    rows = []
    if filters.model in ("", "elections"):
        for e in _filtered(ElectionAudit.objects.select_related("user", "election__congress__branch"), filters, "user").order_by("-at")[:PAGE]:
            rows.append(Row(e.at, e.user.username, f"{e.election} · {e.election.congress.branch}", e.action,
                            {"máy": e.station, **e.detail} if e.station else e.detail))
    if filters.model != "elections":
        entries = _filtered(AuditEntry.objects.select_related("user"), filters, "user")
        if filters.model:
            entries = entries.filter(model=filters.model)
        for a in entries[:PAGE]:
            rows.append(Row(a.at, a.user.username if a.user else "—", f"{a.model} #{a.object_id} · {a.object_repr}", a.action,
                            {"trước": a.before, "sau": a.after}))
    return sorted(rows, key=lambda row: row.at, reverse=True)[:PAGE]


def models_in_trail() -> list[str]:
    return list(AuditEntry.objects.order_by("model").values_list("model", flat=True).distinct())


def latest_seal(round_: Round) -> RoundSeal | None:
    return round_.seals.order_by("-sealed_at", "-id").first()
