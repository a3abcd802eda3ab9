"""The logged-in user, read by one plain query on every request (daihoi/accounts/backends.py),
is the same user the ORM would give: every field, booleans as booleans, times aware (SQLite
keeps 0/1 and zone-less text); a session holding a bad or unknown id has no user."""
from django.utils import timezone

from daihoi.accounts.backends import ModelBackend
from daihoi.accounts.models import User
from daihoi.lib.forms import MAX_ID


def test_the_user_read_by_the_backend_equals_the_orms_in_every_field(secretary_user):
    User.objects.filter(pk=secretary_user.pk).update(last_login=timezone.now())
    expected = User.objects.get(pk=secretary_user.pk)
    read = ModelBackend().get_user(secretary_user.pk)
    for field in User._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(expected, field.attname), field.name
    assert read.is_active is True and read.is_superuser is False
    assert timezone.is_aware(read.last_login) and timezone.is_aware(read.date_joined)
    assert read._state.adding is False and read._state.db == "default"


def test_a_session_with_a_bad_or_unknown_id_has_no_user(secretary_user):
    backend = ModelBackend()
    for bad in ("abc", None, "", 0, -1, MAX_ID + 1, str(MAX_ID), secretary_user.pk + 1000):
        assert backend.get_user(bad) is None, bad


def test_an_inactive_user_is_not_read_back(secretary_user):
    secretary_user.is_active = False
    secretary_user.save(update_fields=["is_active"])
    assert ModelBackend().get_user(secretary_user.pk) is None
