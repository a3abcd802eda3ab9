"""Writes of the audit app: one audit entry per change, one seal per announcement."""
from typing import Any

from django.db import models

from daihoi.accounts.models import User
from daihoi.audit.models import AuditEntry, RoundSeal
from daihoi.audit.rounds import round_tally_input
from daihoi.audit.tracking import current_user
from daihoi.elections.models import Round
from daihoi.rules.integrity import round_file


def audit_record(*, user: User | None, instance: models.Model, action: str,
                 before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> AuditEntry:
    """Record one change. Call it inside the service's transaction, so the change and its entry
    are written together or not at all. ``before``/``after`` hold plain JSON values (never a
    ballot's content next to a person: see SECURITY.md). If saving ``instance`` has just been
    recorded (``daihoi.audit.tracking``), that entry is given this name and these values instead
    of a second entry describing the same change."""
    user = user if user is not None and user.is_authenticated else current_user()
    entry = instance.__dict__.pop("_audit_entry", None)
    if entry is not None:
        entry.action, entry.user = action, user or entry.user
        entry.before, entry.after = _merged(entry.before, before), _merged(entry.after, after)
        entry.save(update_fields=["action", "user", "before", "after"])
        return entry
    entry = AuditEntry.about(instance, action=action, user=user, before=before, after=after)
    entry.save()
    return entry


def _merged(recorded: dict[str, Any] | None, named: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if recorded is None and named is None else {**(recorded or {}), **(named or {})}


def round_seal(*, round_: Round) -> RoundSeal:
    """Seal an announced round: its round file (tally input, announced result) and fingerprint.
    Called by the elections' ``round_lock`` inside its transaction."""
    document = round_file(round_tally_input(round_), round_.result)
    return RoundSeal.objects.create(round=round_, fingerprint=document["fingerprint"], document=document)
