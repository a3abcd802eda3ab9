"""What the benchmarks that drive the real site over loopback share: Django set-up against the
bench's own data folder, logged-in sessions made without a password hash each, a keep-alive HTTP
client, a gunicorn server, the CPU time its workers used, and percentiles. bench/checkin.py,
bench/counting.py, bench/load.py and bench/news.py import it (a script's own folder is on sys.path, so ``import harness`` finds it)."""
import http.client
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def require_postgres() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Đặt DATABASE_URL=postgres://… (bench này đo trên PostgreSQL).")


def setup_django(data_dir: str) -> None:
    """Django with the bench's data folder (gunicorn must sign and read sessions with the same
    secret key, kept there) and the database migrated."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
    os.environ["DAIHOI_DATA_DIR"] = data_dir
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def session_cookie(username: str) -> tuple[str, str]:
    """A logged-in session made the way django.contrib.auth.login makes one, plus a CSRF cookie,
    so that each client is a separate logged-in browser without paying for a password hash each.
    Returns the Cookie header and the CSRF token to send beside it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from daihoi.accounts.models import User

    user = User.objects.get(username=username)
    session = import_module(settings.SESSION_ENGINE).SessionStore()  # the site's own session store
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = secrets.token_hex(16)
    return f"sessionid={session.session_key}; csrftoken={csrf}", csrf


class Client:
    """One browser: a keep-alive connection and its own session. A connection the server closed
    (gunicorn's keep-alive timeout) is opened again once."""

    def __init__(self, port: int, cookie: str, csrf: str, timeout: float = 30) -> None:
        self.port, self.cookie, self.csrf, self.timeout = port, cookie, csrf, timeout
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method: str, path: str, body: str = "", content_type: str = "application/x-www-form-urlencoded",
                extra: dict[str, str] | None = None) -> tuple[int, dict[str, str], str, float]:
        """Status, headers, text and milliseconds of one request."""
        headers = {"Cookie": self.cookie, "X-CSRFToken": self.csrf, "Referer": f"http://127.0.0.1:{self.port}/", **(extra or {})}
        if body:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body or None, headers=headers)
            response = self.connection.getresponse()
        except (ConnectionError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.connection.request(method, path, body=body or None, headers=headers)
            response = self.connection.getresponse()
        text = response.read().decode()
        return response.status, dict(response.getheaders()), text, (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.connection.close()


def gunicorn(port: int, workers: int, threads: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """The real site served as scripts/serve.sh serves it (gthread workers), on loopback, once it
    answers. A port something else already listens on stops the bench: its answers would be
    measured instead."""
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
    except OSError:
        pass
    else:
        sys.exit(f"Cổng {port} đang có chương trình khác dùng; chọn cổng khác (--port).")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "daihoi.wsgi:application", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--threads", str(threads), "-k", "gthread", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **(env or {})})
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/dang-nhap/")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn không khởi động được.")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait()


def server_cpu_seconds(master: int) -> float:
    """CPU time used so far by gunicorn's workers (user + system, from /proc): divided by the
    requests served, it is the cost of a request whatever else shares the machine."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    ticks = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
