"""Every change to the records an election season is judged by (members, plans, congresses,
lists, rounds and their results, documents, articles) leaves an audit entry: who, when, which
record, and the values before and after (issue 10). Recorded from Django's model signals, so a
change made by any service, the admin or a future screen is recorded without each remembering
to; "who" is the user of the request being served (``AuditUserMiddleware``), or the one named by
``acting_as`` for work done outside a request (commands, tests).

The entry is written by the same database connection inside the same transaction as the change,
so a change that rolls back leaves no entry and an entry never describes a change that did not
happen. Not recorded here, on purpose:

- bulk writes (``QuerySet.update``, ``bulk_create``/``bulk_update``) send no signal: the services
  that use them record their changes themselves (``record_created``; the member import);
- check-in and check-out (``Attendance``): each is thousands of writes in minutes at the door, and
  the attendance row itself keeps the time; the elections' ballot records (entries, resolutions,
  scans), which the elections' own trail records with the operator who typed them. Neither trail
  ever links a voter to a ballot (SECURITY.md §1).
"""
import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse


# The records of the trail, by model label; each with the fields that are state rather than data
# (timers, view counters, derived search keys) and so not worth an entry when only they change.
TRACKED: dict[str, frozenset[str]] = {
    "organizations.PartyCommittee": frozenset(),
    "organizations.Branch": frozenset(),
    "organizations.Member": frozenset({"name_sort_key", "name_folded"}),
    "plans.Plan": frozenset(),
    "plans.Congress": frozenset(),
    "plans.CongressStep": frozenset(),
    "plans.PlanDocument": frozenset(),
    "plans.PersonnelPlan": frozenset(),
    "plans.CongressResult": frozenset(),
    "plans.ElectedPerson": frozenset(),
    "plans.FollowUpItem": frozenset(),
    "plans.FollowUpRecord": frozenset(),
    "plans.CommitteeDuty": frozenset(),
    "plans.SeasonClosure": frozenset(),
    "congresses.Proceedings": frozenset({"current_item", "timer_started_at", "timer_elapsed", "timer_speaker"}),
    "congresses.AgendaItem": frozenset(),
    "congresses.BodySeat": frozenset(),
    "congresses.Motion": frozenset(),
    "congresses.CongressDocument": frozenset(),
    "congresses.ElectorateSnapshot": frozenset(),
    "elections.Election": frozenset(),
    "elections.ElectionList": frozenset(),
    "elections.Candidate": frozenset(),
    "elections.Round": frozenset(),
    "elections.Recount": frozenset(),
    "documents.WardTemplate": frozenset(),
    "news.Category": frozenset(),
    "news.Article": frozenset({"search_text", "view_count", "updated_at"}),
    "news.Photo": frozenset(),
}
TEXT_LIMIT = 2000  # longer text (an article's body) is kept to this many characters, marked cut

_user: ContextVar[Any] = ContextVar("audit_user", default=None)


def current_user() -> Any:
    """The authenticated user whose request (or ``acting_as`` block) is making the change."""
    user = _user.get()
    if isinstance(user, HttpRequest):
        user = getattr(user, "user", None)
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Changes made inside the block are recorded as ``user``'s."""
    token = _user.set(user)
    try:
        yield
    finally:
        _user.reset(token)


class AuditUserMiddleware:
    """Remembers the request being served so that the trail can name its user. The request, not
    the user: authentication resolves the user lazily, and only if a change is recorded."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _user.set(request)
        try:
            return self.get_response(request)
        finally:
            _user.reset(token)


def plain(value: Any) -> Any:
    """A field's value as JSON: dates as ISO text, files by name, bytes by size."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return f"<{len(value)} bytes>"
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or None
    if isinstance(value, str) and len(value) > TEXT_LIMIT:
        return value[:TEXT_LIMIT] + "…"
    return value


def _fields(model: type[models.Model]) -> list[Any]:
    ignored = TRACKED[model._meta.label]
    return [f for f in model._meta.concrete_fields
            if not f.primary_key and f.name not in ignored and not getattr(f, "auto_now", False)]


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The record's tracked fields as JSON values (foreign keys by id)."""
    return {f.attname: plain(f.value_from_object(instance)) for f in _fields(type(instance))}


def _stored(instance: models.Model) -> dict[str, Any] | None:
    fields = _fields(type(instance))
    row = type(instance)._base_manager.filter(pk=instance.pk).values(*(f.attname for f in fields)).first()
    return None if row is None else {name: plain(value) for name, value in row.items()}


def _tracked(sender: Any) -> bool:
    return getattr(getattr(sender, "_meta", None), "label", None) in TRACKED


def _remember_before(sender: Any, instance: models.Model, raw: bool = False, **_: Any) -> None:
    if raw or not _tracked(sender) or instance._state.adding or instance.pk is None:
        return
    instance._audit_before = _stored(instance)  # type: ignore[attr-defined]


def _write(instance: models.Model, action: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
    from daihoi.audit.models import AuditEntry

    entry = AuditEntry.about(instance, action=action, user=current_user(), before=before, after=after)
    entry.save(using=instance._state.db or "default")
    # A service that names the change (``audit_record``) labels this entry instead of adding one.
    instance._audit_entry = entry  # type: ignore[attr-defined]


def _record_save(sender: Any, instance: models.Model, created: bool, raw: bool = False, **_: Any) -> None:
    if raw or not _tracked(sender):
        return
    after = snapshot(instance)
    before = instance.__dict__.pop("_audit_before", None)
    if created or before is None:
        _write(instance, "create", None, after)
        return
    changed = [name for name in after if before.get(name) != after[name]]
    if changed:
        _write(instance, "change", {name: before.get(name) for name in changed}, {name: after[name] for name in changed})


def _record_delete(sender: Any, instance: models.Model, **_: Any) -> None:
    if _tracked(sender):
        _write(instance, "delete", snapshot(instance), None)


def _record_links(sender: Any, instance: models.Model, action: str, reverse: bool, model: Any,
                  pk_set: set[Any] | None, **_: Any) -> None:
    """A many-to-many change (a congress's supervisors, a personnel plan's slate) as the list of
    ids before and after, on the tracked record that owns the field."""
    if reverse or not _tracked(type(instance)) or action not in ("pre_add", "pre_remove", "pre_clear", "post_add",
                                                                  "post_remove", "post_clear"):
        return
    field = next((f for f in type(instance)._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    ids = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if action.startswith("pre_"):
        instance.__dict__.setdefault("_audit_links", {})[field.name] = ids
        return
    before = instance.__dict__.get("_audit_links", {}).pop(field.name, None)
    if before != ids:
        _write(instance, "change", {field.name: before}, {field.name: ids})


def record_created(instances: Iterable[models.Model]) -> None:
    """Record records written by ``bulk_create``, which sends no signal (a congress per branch
    when a plan is issued, the people elected, the seats of a body)."""
    from daihoi.audit.models import AuditEntry

    user = current_user()
    AuditEntry.objects.bulk_create(
        AuditEntry.about(i, action="create", user=user, before=None, after=snapshot(i))
        for i in instances if _tracked(type(i)))


def connect() -> None:
    """Called once by the audit app's ``ready``: receivers for the tracked models only, so that
    deleting other records keeps Django's fast path (no per-row signal)."""
    for label in TRACKED:
        model = apps.get_model(label)
        pre_save.connect(_remember_before, sender=model, dispatch_uid=f"audit_pre_save_{label}")
        post_save.connect(_record_save, sender=model, dispatch_uid=f"audit_post_save_{label}")
        post_delete.connect(_record_delete, sender=model, dispatch_uid=f"audit_post_delete_{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(_record_links, sender=field.remote_field.through, dispatch_uid=f"audit_m2m_{label}_{field.name}")
