"""Article page throughput and the view counter under load (issue 8).

Builds a fresh data folder (SQLite, DEBUG off), publishes an article with a photo and a few
related ones, serves it with gunicorn exactly as scripts/serve.sh does (the same config module,
daihoi/gunicorn_conf.py, access log included) and loads it with wrk over loopback as anonymous
browsers:

1. the article page alone (the acceptance figure: ≥ 500 requests/s, p99 ≤ 50 ms);
2. the view counter's beacon alone (what each reader's browser asks once the page is shown), for
   a reader reloading with their cookie;
3. page and beacon in turn, i.e. what a reader really costs (readers/s = requests/s ÷ 2);
4. N different readers at once, each opening the page and then its beacon as their browser would
   (half through the script's JSON beacon, half through the <noscript> image) and reloading once:
   the view count must rise by exactly N.

    apt-get install wrk
    .venv/bin/python bench/news.py [--seconds 15] [--connections 8] [--readers 200] [--gunicorn "--workers 3"]
"""
import argparse
import http.cookiejar
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

import harness

DATA_DIR = Path(tempfile.mkdtemp(prefix="daihoi-bench-news-"))
os.environ.update(DAIHOI_DATA_DIR=str(DATA_DIR), DJANGO_SETTINGS_MODULE="daihoi.settings", DEBUG="false")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
PORT = 8719
ALTERNATE = """-- page, then beacon, then page…: what readers' browsers ask
local paths = {"%s", "%s"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[n %% 2 + 1])
end
"""


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


def read_as_a_browser(base: str, path: str, n: int) -> None:
    """Reader n opens the article, their browser asks the beacon the page names (odd readers have
    no JavaScript: the <noscript> image), then they reload: cookies kept, as a browser does."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.addheaders = [("User-Agent", f"{BROWSER} reader/{n}")]
    for _ in range(2):
        page = opener.open(base + path, timeout=60).read().decode()
        pattern = r'<noscript><img class="view-beacon" src="([^"]+)"' if n % 2 else r'data-view-beacon="([^"]+)"'
        with opener.open(base + re.search(pattern, page).group(1), timeout=60) as beacon:
            assert beacon.status == 200


def views(path: str) -> int:
    from django.db import connection

    from daihoi.news.models import Article

    connection.close()
    return Article.objects.get(pk=int(path.split("/")[2])).view_count


def beacon_cookie(base: str, beacon: str) -> str:
    """The Cookie header of a reader already counted (their browser sends it on a reload)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", f"{BROWSER} wrk")]
    opener.open(base + beacon, timeout=10).read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    # 8 keep-alive connections already saturate the server's two CPUs (~880 pages/s); more only
    # lengthen the queue each request waits in, not the throughput (16 gave the same 855/s).
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--gunicorn", default="", help="extra gunicorn arguments to compare with the config, "
                        "e.g. \"--workers 3\" or \"--worker-class sync --workers 3\"")
    args = parser.parse_args()
    path = build()
    base = f"http://127.0.0.1:{PORT}"
    beacon = path.rsplit("/", 2)[0] + "/luot-xem.json"
    log = open(DATA_DIR / "gunicorn.log", "w")
    gunicorn = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "daihoi.wsgi", "-c", "python:daihoi.gunicorn_conf",
                                 "-b", f"127.0.0.1:{PORT}", *args.gunicorn.split()], env=os.environ, stdout=log, stderr=log)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + path, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        load_before = os.getloadavg()
        harness.wrk(base + path, 2, args.connections, "-H", f"User-Agent: {BROWSER}")  # warm up every worker
        page = harness.wrk(base + path, args.seconds, args.connections, "-H", f"User-Agent: {BROWSER}", master=gunicorn.pid)
        cookie = beacon_cookie(base, beacon)
        counter = harness.wrk(base + beacon, args.seconds, args.connections, "-H", f"User-Agent: {BROWSER}", "-H", f"Cookie: {cookie}",
                              master=gunicorn.pid)
        script = DATA_DIR / "alternate.lua"
        script.write_text(ALTERNATE % (path, beacon))
        both = harness.wrk(base + path, args.seconds, args.connections, "-H", f"User-Agent: {BROWSER}", "-H", f"Cookie: {cookie}",
                           "-s", str(script), master=gunicorn.pid)
        before = views(path)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=min(args.readers, 64)) as pool:
            list(pool.map(lambda n: read_as_a_browser(base, path, n), range(args.readers)))
        readers_seconds = time.perf_counter() - started
        after = views(path)
        load_after = os.getloadavg()
    finally:
        gunicorn.terminate()
        gunicorn.wait()
        log.close()
        shutil.rmtree(DATA_DIR, ignore_errors=True)
    from daihoi import gunicorn_conf

    print(f"gunicorn: {gunicorn_conf.worker_class}, {gunicorn_conf.workers} workers × {gunicorn_conf.threads} threads "
          f"(daihoi/gunicorn_conf.py){' with ' + args.gunicorn if args.gunicorn else ''}; wrk -t2 -c{args.connections} -d{args.seconds}s; {os.cpu_count()} CPUs; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    for name, figures in [("article page", page), ("view beacon (reload)", counter), ("page + beacon in turn", both)]:
        print(f"{name:22} {figures['rps']:7.0f} requests/s   p50 {figures['p50']:6.1f} ms   p99 {figures['p99']:6.1f} ms"
              f"   errors {figures['errors']:.0f}   server CPU {figures['cpu']:.2f} ms/request")
    print(f"ceiling from the server's CPU alone: {os.cpu_count() * 1000 / page['cpu']:.0f} requests/s for the page "
          f"on {os.cpu_count()} idle CPUs (wrk's own share not counted)")
    verdict = "MET" if page["rps"] >= 500 and page["p99"] <= 50 and not page["errors"] else "NOT MET"
    print(f"target for the article page (≥ 500 requests/s, p99 ≤ 50 ms): {verdict}")
    print(f"{args.readers} readers at once (page, beacon, reload; half without JavaScript) in {readers_seconds:.1f} s: "
          f"view count {before} → {after} (+{after - before}) [{'exact' if after - before == args.readers else 'WRONG'}]")


if __name__ == "__main__":
    main()
