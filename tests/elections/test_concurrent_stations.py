"""Two counting stations entering at the same moment lose nothing: each entry locks the round row
for a few milliseconds, so writes queue instead of overwriting each other."""
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from daihoi.elections import selectors, services

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite serializes every writer on one file lock, so it cannot show a lost write; "
                              "CI runs this on PostgreSQL"),
]
BALLOTS = 30


@pytest.fixture
def congress(seated_congress: Callable[..., Any]) -> Any:
    return seated_congress(full=BALLOTS)


def test_two_stations_entering_at_once_lose_no_ballot(adopted_election: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 5, ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường",
                                                 "Phạm Ngọc Dũng", "Đỗ Thị Giang", "Hoàng Minh Hải"])
    round_ = services.round_open(election=election, user=chair)
    services.round_counts_set(round_=round_, issued=BALLOTS, collected=BALLOTS, method="stations", station_count=2, user=chair)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def station(number: int) -> None:
        try:
            start.wait()
            for ballot in range(1, BALLOTS + 1):
                services.entry_save(round_=round_, station=number, number=ballot, struck=[1 + ballot % 6],
                                    marks=[], flags=[], user=chair)
        except BaseException as error:  # noqa: BLE001 - reported to the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=station, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    round_.refresh_from_db()
    assert round_.entries.count() == 2 * BALLOTS
    assert round_.audit.filter(action="entry_save").count() == 2 * BALLOTS
    assert selectors.round_outcome(round_).problems == []
