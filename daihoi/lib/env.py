"""Strict parsing of settings from the environment.

A typo in a deployment's environment must stop the start-up with a message naming the variable,
never fall back silently to a default (Healthchecks habit).
"""
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of {sorted(_TRUE | _FALSE)}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of a few words (case-insensitive); anything else stops start-up."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected one of {list(choices)}")
    return value


def env_url(name: str, schemes: tuple[str, ...]) -> str | None:
    """A URL with one of ``schemes`` and a host (or, for ``unix``, a socket path); unset or empty
    is None (the feature is off)."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    value = raw.strip()
    parts = urlsplit(value)
    if parts.scheme not in schemes or not (parts.path if parts.scheme == "unix" else parts.hostname):
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a URL like {schemes[0]}://host:port/0")
    try:
        _ = parts.port  # a port that is not a number raises here
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: the port is not a number") from None
    return value
