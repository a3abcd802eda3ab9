"""Fixtures of the hall: a scheduled congress of ``branch`` and a way to summon members to it."""
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def congress(make_season: Callable[..., Any], branch: Any) -> Any:
    return make_season(held=0).congresses.get(branch=branch)


@pytest.fixture
def summon(congress: Any, make_member: Callable[..., Any], branch: Any) -> Callable[..., Any]:
    """Create members of the branch with the given situations, build the summons list and return
    the attendance rows in the order given."""
    from daihoi.congresses import services

    def make(*situations: dict[str, Any]) -> list[Any]:
        members = [make_member(branch, f"Đảng Viên Số {n}", **fields) for n, fields in enumerate(situations, start=1)]
        services.summons_build(congress=congress)
        return [congress.attendances.get(member=member) for member in members]

    return make


@pytest.fixture
def check_in() -> Callable[..., None]:
    """Check these attendance rows in through the service."""
    from daihoi.congresses import services

    def run(*rows: Any) -> None:
        services.attendance_check_in(congress=rows[0].congress, attendance_ids=[row.pk for row in rows])

    return run
