"""A posted id no database integer can hold is a form error with Django's own message, not a
server error (SQLite raised OverflowError; found by the hostile form property test)."""
from typing import Any

from daihoi.accounts.models import User
from daihoi.lib.forms import IdsChoiceField


def test_an_id_beyond_the_database_range_is_a_form_error(db: Any) -> None:
    field = IdsChoiceField(queryset=User.objects.all(), required=False)
    for value in (["99999999999999999999"], ["-1"], ["abc"]):
        assert not _is_valid(field, value)


def test_a_real_id_is_accepted(db: Any) -> None:
    user = User.objects.create_user(username="u", password="mat-khau-thu-2025")
    field = IdsChoiceField(queryset=User.objects.all())
    assert list(field.clean([str(user.pk)])) == [user]


def _is_valid(field: IdsChoiceField, value: list[str]) -> bool:
    from django.core.exceptions import ValidationError

    try:
        field.clean(value)
    except ValidationError:
        return False
    return True
