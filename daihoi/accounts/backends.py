"""Authentication against the user table: Django's ModelBackend, with the logged-in user read by
one plain query. AuthenticationMiddleware asks for that user on every request of a logged-in
user (at the hall's doors, once per member scanned: issue 5), and the ORM spends longer
composing ``User.objects.get(pk=…)`` than the database spends answering it."""
from typing import Any

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from daihoi.accounts.models import User


class ModelBackend(DjangoModelBackend):
    """Passwords, permissions and the "inactive users may not log in" rule are Django's own."""

    def get_user(self, user_id: Any) -> User | None:
        found = list(User.objects.raw(f"SELECT * FROM {User._meta.db_table} WHERE id = %s", [user_id]))
        return found[0] if found and self.user_can_authenticate(found[0]) else None
