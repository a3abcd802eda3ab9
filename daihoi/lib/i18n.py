"""Official text stays Vietnamese whatever language the reader chose.

The interface follows the reader (LocaleMiddleware), but what the system stores, prints or
exports — a motion's title, the audit trail, the documents, the season report — is the Party's
record and is always written in Vietnamese, the language of the message ids.
"""
from typing import Any

from django.utils import translation


def vietnamese(value: Any) -> str:
    """``str(value)`` in Vietnamese: a model choice's label (a lazy translation) or an object whose
    ``__str__`` shows one, for a text that is stored, printed or exported."""
    with translation.override("vi"):
        return str(value)
