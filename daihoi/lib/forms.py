"""Form fields shared by the apps."""
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

# The largest id a database integer column holds; SQLite raises OverflowError beyond it.
MAX_ID = 2**63 - 1


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Several records chosen by id. A posted value that is not an id a database can hold is a
    form error, not a server error: Django passes it to the query as it is, and SQLite overflows."""

    def _check_values(self, value: Any) -> QuerySet[Any]:
        for item in value:
            text = str(item).strip()
            if not text.isdigit() or int(text) > MAX_ID:
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                      params={"pk": item})
        return super()._check_values(value)
