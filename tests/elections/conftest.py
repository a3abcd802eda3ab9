"""Fixtures of the elections: a congress in session (the shared ``chair``, ``adopted_election``
and ``counted_by_hand`` of tests/conftest.py run the elections on it)."""
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def congress(seated_congress: Callable[..., Any]) -> Any:
    return seated_congress(full=12)
