"""What answering 50 back-to-back clients costs on this machine, whatever the answer (issue 5):
`DATABASE_URL=postgres://… python bench/checkin_floor.py [--seconds 10] [--connections 50]`.

bench/checkin.py measures the door's scanner with 50 clients that each scan again the moment
they are answered. In such a closed loop the latency is the number of clients divided by the
server's throughput (Little's law), so p95 ≤ 100 ms needs some 550 answers a second. This script
serves the site as bench/checkin.py does (gunicorn on loopback, PostgreSQL) with wrk, whose own
load is small, and measures three answers side by side:

1. ``hello``: a bare WSGI answer, no Django (gunicorn's own ceiling);
2. ``noop``: a logged-in POST through the site's whole middleware that does nothing else;
3. ``scan``: the real scanner endpoint (a code already checked in: a write that finds the member
   present, then the read of the arrival time, so the same answer every time).

If ``noop`` alone cannot keep p90 under 100 ms, no check-in can on this machine.
"""
import argparse
import os
import tempfile
from pathlib import Path

import checkin
import harness

POST = """wrk.method = "POST"
wrk.body = "token=%s"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "%s"
wrk.headers["X-CSRFToken"] = "%s"
wrk.headers["Referer"] = "http://127.0.0.1:%d/"
wrk.headers["HX-Request"] = "true"
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8732)
    args = parser.parse_args()
    harness.require_postgres()
    harness.setup_django(os.environ.get("DAIHOI_DATA_DIR", "/tmp/daihoi-bench-checkin"))
    congress_id, tokens, username = checkin.build(10)
    cookie, csrf = harness.session_cookie(username)
    script = Path(tempfile.mkdtemp(prefix="daihoi-floor-")) / "post.lua"
    script.write_text(POST % (tokens[0], cookie, csrf, args.port))
    server = harness.gunicorn(args.port, args.workers, args.threads, {
        "DB_CONN_MAX_AGE": "60", "PYTHONPATH": str(Path(__file__).parent)}, app="floor_site:application")
    base = f"http://127.0.0.1:{args.port}"
    paths = {"hello": "/bench/hello/", "noop": "/bench/noop/", "scan": f"/hoi-truong/{congress_id}/diem-danh/ma/"}
    try:
        harness.wrk(base + paths["scan"], 2, args.connections, "-s", str(script))  # the member is present from now on
        figures = {}
        for name, path in paths.items():
            harness.wrk(base + path, 2, args.connections, "-s", str(script))  # every worker thread warm
            figures[name] = harness.wrk(base + path, args.seconds, args.connections, "-s", str(script), master=server.pid)
    finally:
        harness.stop(server)
    print(f"wrk -t2 -c{args.connections} -d{args.seconds}s, POST, gunicorn gthread {args.workers}×{args.threads}, "
          f"PostgreSQL, loopback, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for name, result in figures.items():
        print(f"  {name:6} {result['rps']:6.0f} requests/s   p50 {result['p50']:6.1f} ms   p90 {result['p90']:6.1f} ms   "
              f"p99 {result['p99']:6.1f} ms   errors {result['errors']:.0f}   server CPU {result['cpu']:.2f} ms/request")


if __name__ == "__main__":
    main()
