"""Logging in, with throttling: after LOGIN_MAX_FAILURES wrong passwords for one user name from
one address within LOGIN_FAILURE_WINDOW seconds, that pair is refused until the window has
passed, so a password cannot be guessed by trying; others keep logging in. Counts live in the
"shared" cache (files in the data folder), which every gunicorn worker reads, so several workers
do not multiply the allowed tries; the default cache is each process's own memory."""
import fcntl
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.cache import caches
from django.core.exceptions import ValidationError

TOO_MANY = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút hoặc liên hệ Văn phòng Đảng ủy."


def _key(username: str, address: str) -> str:
    """A digest, since the typed name may hold anything (spaces, control characters)."""
    pair = f"{username.strip().lower()}\n{address}".encode()
    return f"login-failures:{hashlib.sha256(pair).hexdigest()}"


@contextmanager
def _counting() -> Iterator[None]:
    """One failure counted at a time across every worker: the file cache has no atomic increment,
    so two wrong passwords at the same instant would otherwise both read 3 and both write 4."""
    with open(settings.DATA_DIR / "login-failures.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _count_failure(key: str) -> None:
    """The window restarts at each failure (cache.incr would have reset it to the cache's
    default timeout instead, shorter than LOGIN_FAILURE_WINDOW)."""
    cache = caches["shared"]
    with _counting():
        cache.set(key, cache.get(key, 0) + 1, settings.LOGIN_FAILURE_WINDOW)


class Throttled:
    """The throttling of a Django login form (the site's and the admin's)."""

    def clean(self) -> dict[str, Any]:
        cache = caches["shared"]
        request = self.request
        key = _key(self.data.get("username", ""), request.META.get("REMOTE_ADDR", "") if request else "")
        if cache.get(key, 0) >= settings.LOGIN_MAX_FAILURES:
            raise ValidationError(TOO_MANY.format(minutes=max(1, settings.LOGIN_FAILURE_WINDOW // 60)), code="throttled")
        try:
            cleaned: dict[str, Any] = super().clean()
        except ValidationError:
            _count_failure(key)
            raise
        cache.delete(key)
        return cleaned


class ThrottledAuthenticationForm(Throttled, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(Throttled, AdminAuthenticationForm):
    """The admin's login page (/quan-tri/login/), throttled alike."""


login_view = LoginView.as_view(authentication_form=ThrottledAuthenticationForm)
