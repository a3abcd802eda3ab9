"""How gunicorn serves daihoi, for scripts/serve.sh and for the benchmarks that must measure what
a ward runs (bench/news.py): ``gunicorn daihoi.wsgi -c python:daihoi.gunicorn_conf --bind …``.

Threads rather than more processes: the phones, the projector and the counting stations of the
hall hold their connections open (keep-alive), and a thread waiting on SQLite's write lock or on
a slow phone must not hold a whole process. One process per CPU of the laptop (2 here): Python
runs one thread at a time per process, so more processes than CPUs would only share the same CPUs.
"""
worker_class = "gthread"
workers = 2
threads = 8
accesslog = "-"
