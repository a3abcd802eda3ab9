"""Authentication against the user table: Django's ModelBackend, with the logged-in user read by
one plain query. AuthenticationMiddleware asks for that user on every request of a logged-in
user (at the hall's doors, once per member scanned: issue 5), and the ORM, even its raw(),
spends longer composing and mapping ``User.objects.get(pk=…)`` than the database spends
answering it."""
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Col

from daihoi.accounts.models import User
from daihoi.lib.forms import MAX_ID

_FIELDS = User._meta.concrete_fields
_ATTNAMES = [field.attname for field in _FIELDS]
_BY_ID = (f"SELECT {', '.join(field.column for field in _FIELDS)} FROM {User._meta.db_table} "
          f"WHERE {User._meta.pk.column} = %s")
Converters = list[tuple[int, Col, list[Callable[..., Any]]]]
_converters_of: "WeakKeyDictionary[BaseDatabaseWrapper, Converters]" = WeakKeyDictionary()


def _converters(connection: BaseDatabaseWrapper) -> Converters:
    """What the ORM does to each column it reads (SQLite's 0/1 into booleans, its naive times
    into aware ones), worked out once per connection, where the ORM does it on every query."""
    if connection not in _converters_of:
        found = []
        for n, field in enumerate(_FIELDS):
            col = field.get_col(User._meta.db_table)
            convert = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if convert:
                found.append((n, col, convert))
        _converters_of[connection] = found
    return _converters_of[connection]


def _user_of(row: tuple[Any, ...], database: str) -> User:
    connection = connections[database]
    values = list(row)
    for n, col, converters in _converters(connection):
        for convert in converters:
            values[n] = convert(values[n], col, connection)
    return User.from_db(database, _ATTNAMES, values)


class ModelBackend(DjangoModelBackend):
    """Passwords, permissions and the "inactive users may not log in" rule are Django's own."""

    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        if not 0 < pk <= MAX_ID:
            return None
        database = router.db_for_read(User)
        with connections[database].cursor() as cursor:
            cursor.execute(_BY_ID, [pk])
            row = cursor.fetchone()
        user = None if row is None else _user_of(row, database)
        return user if user is not None and self.user_can_authenticate(user) else None
