"""Helpers for the rules tests: build a round in one line, run ``daihoi tally`` in-process."""
import io
import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from daihoi.rules.counting import Candidate, Round
from daihoi.rules.tally_json import main


def make_round(seats: int, ids: str | list[str], denominator: int, **fields: Any) -> Round:
    """A round whose candidates are named after their ids: make_round(3, "abcd", 20)."""
    return Round(seats, tuple(Candidate(cid, cid.upper()) for cid in ids), denominator, **fields)


def run_tally(document: Any) -> tuple[int, Any, str]:
    """(exit status, parsed standard output or None, standard error) of ``daihoi tally -``."""
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(["-"], io.StringIO(text), stdout, stderr)
    return status, json.loads(stdout.getvalue()) if stdout.getvalue() else None, stderr.getvalue()


@pytest.fixture(scope="session")
def round_of() -> Callable[..., Round]:
    return make_round


@pytest.fixture(scope="session")
def tally() -> Callable[[Any], tuple[int, Any, str]]:
    return run_tally


# The suite-wide tests/conftest.py has autouse fixtures for Django (MEDIA_ROOT, cache). The rules
# tests need no Django: these stand-ins replace them here, so that the rules tests also run with
# ``-p no:django`` and without any settings.
@pytest.fixture
def settings() -> SimpleNamespace:
    return SimpleNamespace()


@pytest.fixture
def _fresh_cache() -> None:
    return None
