"""With DAIHOI_REDIS_URL, scanned pages are RQ jobs read by `daihoi scanworker` processes, and the
database stays the queue's source of truth: pages Redis lost in a restart are enqueued again
and read exactly once; a job for a page already read does nothing. Against a real redis-server."""
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from rq import SimpleWorker

from daihoi.elections import pages
from daihoi.elections.scanning import services as scanning
from daihoi.elections.scanning import worker
from daihoi.elections.scanning.models import PageStatus, ScannedBallot, ScanPage


def _upload(round_: Any, scanned_ballots: Callable[..., Any], zip_of: Callable[[list[bytes]], bytes], count: int) -> None:
    images, _ = scanned_ballots(pages.ballot_spec(round_), count)
    scanning.batch_create(round_=round_, station=2, upload=SimpleUploadedFile("quet.zip", zip_of(images)), user=round_.chair)


def _work(queue: Any, max_jobs: int | None = None) -> None:
    SimpleWorker([queue], connection=queue.connection).work(burst=True, max_jobs=max_jobs)


def _every_page_read_once(count: int) -> bool:
    return (set(ScanPage.objects.values_list("status", flat=True)) == {PageStatus.DONE}
            and sorted(ScannedBallot.objects.values_list("number", flat=True)) == list(range(1, count + 1)))


def test_an_upload_becomes_one_job_per_page_and_a_worker_reads_them_all(
        redis_queue: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        zip_of: Callable[[list[bytes]], bytes]) -> None:
    _upload(counting_round(3), scanned_ballots, zip_of, 3)
    worker.ensure_worker(resume_every=0)
    assert redis_queue.count == 3
    _work(redis_queue)
    assert _every_page_read_once(3)


def test_pages_redis_lost_in_a_restart_are_enqueued_again_and_each_read_once(
        redis_queue: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        zip_of: Callable[[list[bytes]], bytes]) -> None:
    _upload(counting_round(3), scanned_ballots, zip_of, 3)
    worker.ensure_worker(resume_every=0)
    _work(redis_queue, max_jobs=1)
    redis_queue.connection.flushall()  # Redis restarted with nothing
    assert worker.enqueue_waiting() == 2
    _work(redis_queue)
    assert _every_page_read_once(3)


def test_a_job_queued_twice_or_for_a_page_already_read_does_nothing(
        redis_queue: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        zip_of: Callable[[list[bytes]], bytes]) -> None:
    _upload(counting_round(1), scanned_ballots, zip_of, 1)
    assert worker.enqueue_waiting() == 1
    assert worker.enqueue_waiting() == 0  # its job is still queued
    page = ScanPage.objects.get()
    assert worker.page_job(page.pk) is True
    assert worker.page_job(page.pk) is False
    _work(redis_queue)
    assert ScannedBallot.objects.count() == 1


def test_a_page_abandoned_by_a_dead_worker_is_enqueued_again_although_its_job_looks_alive(
        redis_queue: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        zip_of: Callable[[list[bytes]], bytes]) -> None:
    _upload(counting_round(1), scanned_ballots, zip_of, 1)
    assert worker.enqueue_waiting() == 1
    ScanPage.objects.update(status=PageStatus.WORKING, claimed_at=timezone.now() - timedelta(minutes=30))
    assert worker.enqueue_waiting() == 1
    _work(redis_queue)
    assert ScanPage.objects.get().status == PageStatus.DONE and ScannedBallot.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_scanworker_command_hands_rq_the_waiting_pages_and_reads_them(
        redis_queue: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        zip_of: Callable[[list[bytes]], bytes]) -> None:
    _upload(counting_round(2), scanned_ballots, zip_of, 2)  # nothing enqueued: as after a restart
    call_command("scanworker", "--burst")
    assert _every_page_read_once(2)
