"""Who reads the queued pages (``settings.DAIHOI_SCAN_WORKER``). The queue itself is always the
database (``ScanPage`` rows): nothing lives only in memory or only in Redis, so after a restart
of the server, of a worker or of Redis, the pending pages, and pages a dead worker had claimed,
are read when the next scanning page is opened or the next upload arrives.

- ``thread`` (the embedded default): one thread per web process works through the queue.
- ``rq``: each waiting page is an RQ job (``page_job``) on the ``daihoi-scan`` queue in Redis at
  ``DAIHOI_REDIS_URL``, read by ``daihoi scanworker`` processes, as many as there are cores. A job
  only carries the page's id; it claims the page in the database, so a job run twice, or a job
  for a page another worker already read, does nothing.
- ``inline``: read within the request (tests, tiny batches)."""
import logging
import threading
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import close_old_connections

from daihoi.elections.scanning import services

if TYPE_CHECKING:
    from rq import Queue

log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None

QUEUE = "daihoi-scan"
# How often the progress page (polled every few seconds) looks for pages Redis has lost; an
# upload enqueues its own pages at once.
RESUME_EVERY = 30.0
_resumed_at = -RESUME_EVERY


def _run() -> None:
    try:
        services.pending_process()
    except Exception:  # a broken page must not kill the server; it is logged and retried later
        log.exception("Ballot scanning worker stopped")
    finally:
        close_old_connections()


def ensure_worker(resume_every: float = RESUME_EVERY) -> None:
    """Make sure the waiting pages get read: read them now (inline), hand them to RQ (at most
    every ``resume_every`` seconds, 0 = now), or start the reader thread if none is running."""
    global _thread
    if settings.DAIHOI_SCAN_WORKER == "inline":
        services.pending_process()
        return
    if settings.DAIHOI_SCAN_WORKER == "rq":
        enqueue_waiting(resume_every)
        return
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="daihoi-scan-worker", daemon=True)
            _thread.start()


def scan_queue() -> "Queue":
    from redis import Redis
    from rq import Queue

    return Queue(QUEUE, connection=Redis.from_url(settings.DAIHOI_REDIS_URL))


def job_id(page_id: int) -> str:
    return f"daihoi-scan-page-{page_id}"


def enqueue_waiting(resume_every: float = 0.0) -> int:
    """One RQ job for each waiting page that has none queued or running (Redis restarted empty,
    a worker died mid-page); returns how many were enqueued."""
    global _resumed_at
    from rq.job import Job, JobStatus

    now = time.monotonic()
    if now - _resumed_at < resume_every:
        return 0
    _resumed_at = now
    waiting = services.pages_waiting()
    if not waiting:
        return 0
    queue = scan_queue()
    jobs = Job.fetch_many([job_id(pk) for pk, _ in waiting], connection=queue.connection)
    live = (JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED)
    # An abandoned page's job may still say "started": its worker died without telling Redis.
    missing = [pk for (pk, abandoned), job in zip(waiting, jobs)
               if abandoned or job is None or job.get_status(refresh=False) not in live]
    for pk in missing:
        queue.enqueue(page_job, pk, job_id=job_id(pk), result_ttl=3600, failure_ttl=7 * 86400)
    return len(missing)


def page_job(page_id: int) -> bool:
    """An RQ job: read one page if it still waits; False if it was read already."""
    page = services.page_claim(page_id)
    if page is None:
        return False
    services.page_process(page)
    return True
