"""Fixtures of ballot scanning: a round being counted ballot by ballot at two stations (1 the
keyboard, 2 the scanner), and simulated ballots of it as JPEG bytes with their truth."""
import io
import zipfile
from collections.abc import Callable
from typing import Any

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


@pytest.fixture
def counting_round(seated_congress: Callable[..., Any], make_user: Callable[..., Any], branch: Any) -> Callable[[int], Any]:
    """A committee election (3 seats, 4 names: the strike form) whose first round counts
    ``collected`` ballots at two stations."""
    from daihoi.elections import services

    def make(collected: int) -> Any:
        congress = seated_congress(full=12)
        chair = make_user("bithu-quet", "branch_secretary", branch=branch)
        election = services.election_create(congress=congress, office="committee", seats=3, user=chair)
        for member in congress.branch.members.order_by("pk")[:4]:
            services.candidate_add(election=election, member_id=member.pk, source="slate", user=chair)
        assert services.list_adopt(election=election, hands=(12, 0, 0), user=chair).passed
        round_ = services.round_open(election=election, user=chair)
        services.round_counts_set(round_=round_, issued=collected, collected=collected, method="stations",
                                  station_count=2, user=chair)
        round_.refresh_from_db()
        round_.chair = chair
        return round_

    return make


@pytest.fixture
def zip_of() -> Callable[[list[bytes]], bytes]:
    return _zip


def _zip(images: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, data in enumerate(images, start=1):
            archive.writestr(f"quet-{index:03}.jpg", data)
    return buffer.getvalue()


@pytest.fixture
def scanned_ballots() -> Callable[..., tuple[list[bytes], list[Any]]]:
    """``count`` ballots of a spec marked and scanned (JPEG bytes) with their truths; the last
    ``with_writing`` carry a name written in."""
    import numpy as np

    from daihoi.elections.scanning import simulate

    def make(spec: BallotSpec, count: int, with_writing: int = 0, seed: int = 9) -> tuple[list[bytes], list[Any]]:
        rng = np.random.default_rng(seed)
        images, truths = [], []
        for index in range(count):
            paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=float(index >= count - with_writing))
            images.append(simulate.scan(rng, paper))
            truths.append(truth)
        return images, truths

    return make
