"""Logging in, with throttling: after LOGIN_MAX_FAILURES wrong passwords for one user name from
one address within LOGIN_FAILURE_WINDOW seconds, that pair is refused until the window has
passed, so a password cannot be guessed by trying; others keep logging in. Counts live in the
"shared" cache (files in the data folder), which every gunicorn worker reads, so several workers
do not multiply the allowed tries; the default cache is each process's own memory."""
import hashlib
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
            cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
            cache.incr(key)
            raise
        cache.delete(key)
        return cleaned


class ThrottledAuthenticationForm(Throttled, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(Throttled, AdminAuthenticationForm):
    """The admin's login page (/quan-tri/login/), throttled alike."""


login_view = LoginView.as_view(authentication_form=ThrottledAuthenticationForm)
