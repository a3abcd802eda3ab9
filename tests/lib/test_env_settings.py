"""Settings come strictly from the environment: a wrong value stops start-up, naming the variable."""
import pytest
from django.core.exceptions import ImproperlyConfigured

from daihoi.lib.env import env_bool, env_choice, env_int, env_list, env_url


def test_boolean_accepts_common_spellings(monkeypatch):
    for raw, expected in [("1", True), ("TRUE", True), ("yes", True), ("off", False), ("0", False)]:
        monkeypatch.setenv("DEBUG", raw)
        assert env_bool("DEBUG", not expected) is expected


def test_boolean_typo_is_refused_with_the_variable_name(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG", False)


def test_integer_typo_is_refused_with_the_variable_name(monkeypatch):
    monkeypatch.setenv("DB_CONN_MAX_AGE", "sixty")
    with pytest.raises(ImproperlyConfigured, match="DB_CONN_MAX_AGE"):
        env_int("DB_CONN_MAX_AGE", 0)


def test_unset_values_take_the_default(monkeypatch):
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    assert env_list("ALLOWED_HOSTS", ["localhost"]) == ["localhost"]
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example , b.example ,")
    assert env_list("ALLOWED_HOSTS", []) == ["a.example", "b.example"]


def test_a_choice_outside_its_words_is_refused_with_the_variable_name(monkeypatch):
    monkeypatch.setenv("DAIHOI_SCAN_WORKER", "celery")
    with pytest.raises(ImproperlyConfigured, match="DAIHOI_SCAN_WORKER"):
        env_choice("DAIHOI_SCAN_WORKER", "thread", ("thread", "rq", "inline"))
    monkeypatch.setenv("DAIHOI_SCAN_WORKER", " RQ ")
    assert env_choice("DAIHOI_SCAN_WORKER", "thread", ("thread", "rq", "inline")) == "rq"


def test_a_redis_url_needs_its_scheme_and_a_host_or_socket(monkeypatch):
    schemes = ("redis", "rediss", "unix")
    monkeypatch.delenv("DAIHOI_REDIS_URL", raising=False)
    assert env_url("DAIHOI_REDIS_URL", schemes) is None
    for good in ("redis://127.0.0.1:6379/0", "rediss://:secret@cache.example:6380/1", "unix:///run/redis/redis.sock"):
        monkeypatch.setenv("DAIHOI_REDIS_URL", good)
        assert env_url("DAIHOI_REDIS_URL", schemes) == good
    for bad in ("127.0.0.1:6379", "http://127.0.0.1:6379", "redis://", "redis://host:port/0", "unix://"):
        monkeypatch.setenv("DAIHOI_REDIS_URL", bad)
        with pytest.raises(ImproperlyConfigured, match="DAIHOI_REDIS_URL"):
            env_url("DAIHOI_REDIS_URL", schemes)


def test_the_rq_scan_worker_without_a_redis_url_stops_start_up():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "daihoi.settings", "DAIHOI_SCAN_WORKER": "rq", "DAIHOI_REDIS_URL": ""}
    run = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True)
    assert run.returncode != 0 and "DAIHOI_REDIS_URL" in run.stderr
