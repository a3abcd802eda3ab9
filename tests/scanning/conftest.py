"""Fixtures of ballot scanning: ballot specs (no database) and a real Redis for the RQ queue.
The round being counted, the simulated scans and zips are shared fixtures (tests/conftest.py,
issue 9 section)."""
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
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


# The delegates' ballot of bench/scan_corpus.py: 30 names on a whole A4 page, where most reading
# failures of the 2,000-ballot corpus were seen.
DELEGATES = tuple(sorted(f"{family} {middle} {given}" for family, middle, given in zip(
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"] * 3,
    ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thu", "Quốc", "Đức", "Thanh", "Xuân"] * 3,
    ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long", "Mai", "Nam", "Oanh", "Phúc",
     "Quân", "Sơn", "Tâm", "Uyên", "Việt", "Yến", "Ánh", "Bảo", "Châu", "Đạt", "Hiền", "Khánh", "Linh", "Mỹ",
     "Ngân", "Phương"])))


@pytest.fixture
def delegates_spec() -> BallotSpec:
    """30 names, strike form, a whole A4 page (read from a half-size decode at 300 dpi)."""
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1", "Bầu đại biểu dự Đại hội Đảng bộ phường Việt Hưng",
                      "2025–2030", 25, DELEGATES, "strike", "BC14-L1-DS1")


@pytest.fixture
def redis_queue(settings: Any) -> Iterator[Any]:
    """A real redis-server of this test only (on a unix socket, nothing saved), with scanning
    switched to RQ; yields the scan queue. Skipped, with the reason, where redis-server is not
    installed (scripts/test.sh installs it)."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    from redis import Redis

    from daihoi.elections.scanning import worker

    folder = Path(tempfile.mkdtemp(prefix="daihoi-redis-"))  # short: a socket path has ~100 characters
    socket = folder / "redis.sock"
    process = subprocess.Popen([server, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no",
                                "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"unix://{socket}"
        for _ in range(100):
            if socket.exists() and Redis.from_url(url).ping():
                break
            time.sleep(0.05)
        settings.DAIHOI_REDIS_URL, settings.DAIHOI_SCAN_WORKER = url, "rq"
        yield worker.scan_queue()
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
