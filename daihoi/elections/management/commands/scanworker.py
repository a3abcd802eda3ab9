"""``daihoi scanworker``: read queued ballot scans (issue 9) in this process. With
``DAIHOI_SCAN_WORKER=rq`` it is an RQ worker on the ``daihoi-scan`` queue (run one per core, on
this machine or others sharing the database and the uploads); it first hands RQ every page the
database says still waits, so pages Redis lost in a restart are read too. Otherwise it reads the
database queue directly."""
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from daihoi.elections.scanning import services, worker

IDLE_SECONDS = 2.0


class Command(BaseCommand):
    help = "Đọc ảnh phiếu bầu đang chờ trong hàng đợi (qua Redis/RQ nếu đã đặt DAIHOI_REDIS_URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--burst", action="store_true", help="đọc hết các trang đang chờ rồi dừng")

    def handle(self, *args: Any, **options: Any) -> None:
        burst = bool(options["burst"])
        if settings.DAIHOI_SCAN_WORKER == "rq":
            self._rq(burst)
            return
        while True:
            done = services.pending_process()
            close_old_connections()
            if done:
                self.stdout.write(f"Đã đọc {done} trang ảnh phiếu.")
            if burst:
                return
            time.sleep(IDLE_SECONDS)

    def _rq(self, burst: bool) -> None:
        from rq import SimpleWorker

        class DjangoWorker(SimpleWorker):
            """Jobs run in this process (no fork: a forked child would share the parent's
            database connection); stale connections are dropped around each job."""

            def execute_job(self, *args: Any, **kwargs: Any) -> Any:
                close_old_connections()
                try:
                    return super().execute_job(*args, **kwargs)
                finally:
                    close_old_connections()

        queued = worker.enqueue_waiting()
        self.stdout.write(f"Hàng đợi {worker.QUEUE}: thêm {queued} trang đang chờ từ cơ sở dữ liệu.")
        queue = worker.scan_queue()
        DjangoWorker([queue], connection=queue.connection).work(burst=burst)
