"""What the benchmarks that drive the real site over loopback share: Django set-up against the
bench's own data folder, logged-in sessions made without a password hash each, a keep-alive HTTP
client, a gunicorn server, the CPU time its workers used, and percentiles. bench/checkin.py,
bench/counting.py, bench/load.py and bench/news.py import it (a script's own folder is on sys.path, so ``import harness`` finds it)."""
import asyncio
import http.client
import os
import re
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


class AsyncClient:
    """One browser on a keep-alive connection, as ``Client``, driven by asyncio: fifty of these
    in one thread cost the machine a fraction of what fifty http.client threads cost, so a
    bench's own load takes less CPU from the server it measures, and its timings include no
    wait for the client's own GIL. Enough HTTP/1.1 for gunicorn's answers: a Content-Length
    body or a chunked one."""

    def __init__(self, port: int, cookie: str, csrf: str, extra: dict[str, str] | None = None) -> None:
        self.port = port
        self.headers = "".join(f"{name}: {value}\r\n" for name, value in {
            "Host": f"127.0.0.1:{port}", "Cookie": cookie, "X-CSRFToken": csrf, "Referer": f"http://127.0.0.1:{port}/",
            **(extra or {})}.items())
        self.stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, body: str = "") -> tuple[int, dict[str, str], str, float]:
        """Status, headers (lower-case names), text and milliseconds of one request; a
        connection the server closed is opened again once."""
        data = body.encode()
        head = f"{method} {path} HTTP/1.1\r\n{self.headers}"
        if data:
            head += f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(data)}\r\n"
        message = (head + "\r\n").encode() + data
        started = time.perf_counter()
        try:
            answer = await self._exchange(message)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            answer = await self._exchange(message)
        return (*answer, (time.perf_counter() - started) * 1000)

    async def _exchange(self, message: bytes) -> tuple[int, dict[str, str], str]:
        if self.stream is None:
            self.stream = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.stream
        writer.write(message)
        lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:] if line)}
        if headers.get("transfer-encoding") == "chunked":
            body = b""
            while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                body += (await reader.readexactly(size + 2))[:-2]
            await reader.readuntil(b"\r\n")
        else:
            body = await reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection") == "close":
            self.close()
        return status, headers, body.decode()

    def close(self) -> None:
        if self.stream is not None:
            self.stream[1].close()
            self.stream = None


def wrk(url: str, seconds: int, connections: int, *extra: str, master: int = 0) -> dict[str, float]:
    """requests/s, p50, p90 and p99 in ms, the count of errors (socket errors, non-2xx answers)
    and the workers' CPU milliseconds per request, from wrk (C, so its own load is small) with
    ``connections`` keep-alive connections, each sending its next request once answered."""
    cpu_before = server_cpu_seconds(master) if master else 0.0
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *extra, url],
                         capture_output=True, text=True, check=True).stdout

    def millis(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    errors += int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    cpu = (server_cpu_seconds(master) - cpu_before) * 1000 / requests if master else 0.0
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": millis("50%"),
            "p90": millis("90%"), "p99": millis("99%"), "errors": errors, "cpu": cpu}


def gunicorn(port: int, workers: int, threads: int, env: dict[str, str] | None = None,
             app: str = "daihoi.wsgi:application") -> subprocess.Popen[bytes]:
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
        [str(Path(sys.executable).parent / "gunicorn"), app, "-b", f"127.0.0.1:{port}",
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
