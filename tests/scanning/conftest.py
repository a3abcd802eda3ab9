"""Fixtures of ballot scanning without a database: ballot specs. The round being counted, the
simulated scans and zips are shared fixtures (tests/conftest.py, issue 9 section)."""
from collections.abc import Callable

import pytest

from daihoi.elections.ballot_pdf import BallotSpec

NAMES = ("Lê Thị Ánh", "Nguyễn Văn Ân", "Phạm Quốc Ấn", "Đỗ Đức Đạt", "Hồ Thị Ỷ", "Trần Thị Ước")


def _spec(form: str = "strike", count: int = len(NAMES), code: str = "BC7-L1-DS2") -> BallotSpec:
    names = NAMES[:count]
    seats = len(names) - 1 if form == "strike" else len(names)
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1", "Bầu Chi ủy Chi bộ Tổ dân phố số 1",
                      "2025–2030", seats, names, form, code)


@pytest.fixture
def spec_for() -> Callable[..., BallotSpec]:
    """A ballot spec without a database: form, how many names, code."""
    return _spec
