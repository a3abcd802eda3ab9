"""Wrong passwords are counted exactly, whichever worker receives them, and the lock lasts the
whole LOGIN_FAILURE_WINDOW (SECURITY.md §5)."""
import threading
from types import SimpleNamespace
from typing import Any

from daihoi.accounts.login import _count_failure, _key

PASSWORD = "mat-khau-thu-nghiem-2025"  # tests/conftest.py's


def test_wrong_passwords_at_the_same_instant_are_each_counted() -> None:
    from django.core.cache import caches

    key = _key("dangvien1", "10.0.0.7")
    start = threading.Barrier(16)

    def fail() -> None:
        start.wait()
        _count_failure(key)

    threads = [threading.Thread(target=fail) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert caches["shared"].get(key) == 16


def test_the_lock_lasts_the_whole_window_not_the_caches_default_timeout(
        client: Any, member_user: Any, settings: Any, monkeypatch: Any) -> None:
    now = [1_000_000.0]
    clock = SimpleNamespace(time=lambda: now[0])
    monkeypatch.setattr("django.core.cache.backends.base.time", clock)
    monkeypatch.setattr("django.core.cache.backends.filebased.time", clock)
    settings.LOGIN_MAX_FAILURES, settings.LOGIN_FAILURE_WINDOW = 2, 15 * 60
    for _ in range(2):
        client.post("/dang-nhap/", {"username": "dangvien1", "password": "sai-mat-khau"})
    now[0] += 10 * 60  # past the cache's default timeout (5 min), within the window
    refused = client.post("/dang-nhap/", {"username": "dangvien1", "password": PASSWORD})
    assert "Đăng nhập sai quá nhiều lần" in refused.content.decode()
    now[0] += 16 * 60
    assert client.post("/dang-nhap/", {"username": "dangvien1", "password": PASSWORD}).status_code == 302
