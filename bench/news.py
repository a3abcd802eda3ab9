"""Article page throughput and the view counter under load (issue 8).

Builds a fresh data folder (SQLite, DEBUG off), publishes an article with a photo and a few
related ones, serves it with gunicorn and loads it with wrk over loopback (a browser user agent,
so every request goes through the view counter's de-duplication). Then N readers open it at
once for the first time and the view count must rise by exactly N.

    apt-get install wrk
    .venv/bin/python bench/news.py [--workers 3] [--seconds 15] [--readers 200]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DATA_DIR = Path(tempfile.mkdtemp(prefix="daihoi-bench-news-"))
os.environ.update(DAIHOI_DATA_DIR=str(DATA_DIR), DJANGO_SETTINGS_MODULE="daihoi.settings", DEBUG="false")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
PORT = 8719


def build() -> str:
    """The article's path, after creating the ward, an editor and six published articles."""
    import django

    django.setup()
    from django.core.management import call_command

    from daihoi.accounts.models import User
    from daihoi.news import demo, services
    from daihoi.news.models import Category
    from daihoi.organizations.models import PartyCommittee

    call_command("migrate", verbosity=0)
    PartyCommittee.objects.create(name="Đảng bộ phường Thử Tải")
    editor = User.objects.create_user("vanphong", role="ward_office")
    category = Category.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
    for n in range(6):
        article = services.article_save(article=None, editor=editor, title=f"Tin số {n}: đại hội chi bộ thành công",
                                        summary="Tóm tắt.", body="\n\n".join(["Một đoạn văn của bài tin. " * 20] * 8),
                                        category=category)
        services.photo_add(article=article, editor=editor, upload=demo._placeholder_photo("Ảnh đại hội"), caption="Ảnh đại hội")
        services.article_publish(article=article, publisher=editor, publish_at=None)
    return article.get_absolute_url()


def wrk(url: str, seconds: int) -> tuple[float, float, str]:
    """(requests per second, p99 in ms, wrk's report)."""
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-H", f"User-Agent: {BROWSER}", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    return rps, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], out


def first_visits(url: str, readers: int) -> None:
    """``readers`` different browsers open the article at the same moment."""
    def visit(n: int) -> int:
        request = urllib.request.Request(url, headers={"User-Agent": f"{BROWSER} reader/{n}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(max_workers=min(readers, 64)) as pool:
        assert set(pool.map(visit, range(readers))) == {200}


def views(path: str) -> int:
    from django.db import connection

    from daihoi.news.models import Article

    connection.close()
    return Article.objects.get(pk=int(path.split("/")[2])).view_count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--readers", type=int, default=200)
    args = parser.parse_args()
    path = build()
    url = f"http://127.0.0.1:{PORT}{path}"
    gunicorn = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "daihoi.wsgi", "-w", str(args.workers),
                                 "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"], env=os.environ)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        wrk(url, 2)  # warm up every worker
        rps, p99, report = wrk(url, args.seconds)
        print(report)
        before = views(path)
        first_visits(url, args.readers)
        after = views(path)
    finally:
        gunicorn.terminate()
        gunicorn.wait()
        shutil.rmtree(DATA_DIR, ignore_errors=True)
    print(f"article page: {rps:.0f} requests/s, p99 {p99:.1f} ms ({args.workers} gunicorn workers, wrk -t2 -c16, "
          f"{os.cpu_count()} CPUs)  [target ≥ 500 requests/s, p99 ≤ 50 ms]")
    print(f"{args.readers} concurrent first visits: view count {before} → {after} (+{after - before}) "
          f"[{'exact' if after - before == args.readers else 'WRONG'}]")


if __name__ == "__main__":
    main()
