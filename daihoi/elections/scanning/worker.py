"""The background reader of the embedded default: one thread per process works through the
queue kept in the database (``ScanPage`` rows). Nothing lives only in memory, so after a restart
the pending pages, and pages a dead worker had claimed, are read when the next scanning page is
opened or the next upload arrives. ``DAIHOI_SCAN_WORKER = "inline"`` reads within the request
(tests, tiny batches). Redis/RQ is not wired yet (see issue 9 notes)."""
import logging
import threading

from django.conf import settings
from django.db import close_old_connections

from daihoi.elections.scanning import services

log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None


def _run() -> None:
    try:
        services.pending_process()
    except Exception:  # a broken page must not kill the server; it is logged and retried later
        log.exception("Ballot scanning worker stopped")
    finally:
        close_old_connections()


def ensure_worker() -> None:
    """Start the reader if there is work and no reader is running in this process."""
    global _thread
    if getattr(settings, "DAIHOI_SCAN_WORKER", "thread") == "inline":
        services.pending_process()
        return
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="daihoi-scan-worker", daemon=True)
            _thread.start()
