"""Logging in, with throttling: after LOGIN_MAX_FAILURES wrong passwords for one user name from
one address within LOGIN_FAILURE_WINDOW seconds, that pair is refused until the window has
passed, so a password cannot be guessed by trying; others keep logging in. Counts live in the
cache (per process with the default local-memory cache; see SECURITY.md)."""
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.core.exceptions import ValidationError

TOO_MANY = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút hoặc liên hệ Văn phòng Đảng ủy."


def _key(username: str, address: str) -> str:
    return f"login-failures:{username.strip().lower()}:{address}"


class ThrottledAuthenticationForm(AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        key = _key(self.data.get("username", ""), self.request.META.get("REMOTE_ADDR", "") if self.request else "")
        if cache.get(key, 0) >= settings.LOGIN_MAX_FAILURES:
            raise ValidationError(TOO_MANY.format(minutes=max(1, settings.LOGIN_FAILURE_WINDOW // 60)), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
            cache.incr(key)
            raise
        cache.delete(key)
        return cleaned


login_view = LoginView.as_view(authentication_form=ThrottledAuthenticationForm)
