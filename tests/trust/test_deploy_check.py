"""``daihoi check --deploy`` is clean (not even a warning) with production settings: DEBUG off,
a long secret key, HTTPS cookies with HSTS, as a deployment sets them in the environment."""
import os
import subprocess
import sys
from pathlib import Path


def test_deploy_check_is_clean_with_production_settings(tmp_path: Path) -> None:
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set for Playwright
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "daihoi.settings", "DAIHOI_DATA_DIR": str(tmp_path),
           "DEBUG": "false", "SECRET_KEY": "x" * 20 + "-production-secret-key-that-is-long-and-random-5b1f0e",
           "SECURE_COOKIES": "true", "SECURE_HSTS_PRELOAD": "true", "ALLOWED_HOSTS": "daihoi.example.vn"}
    run = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
