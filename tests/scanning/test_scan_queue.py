"""The queue lives in the database: pages a dead worker had claimed are read again, uploads are
checked whole before anything is stored, and a page without a ballot is never skipped."""
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from daihoi.elections import pages
from daihoi.elections.scanning import services as scanning
from daihoi.elections.scanning.models import PageStatus, ScanBatch, ScannedBallot, ScanPage, ScanStatus


def test_a_page_abandoned_by_a_dead_worker_is_read_after_a_restart(
        counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any]) -> None:
    round_ = counting_round(1)
    images, _ = scanned_ballots(pages.ballot_spec(round_), 1)
    scanning.batch_create(round_=round_, station=2, upload=SimpleUploadedFile("a.jpg", images[0]), user=round_.chair)
    ScanPage.objects.update(status=PageStatus.WORKING, claimed_at=timezone.now() - timedelta(minutes=30))
    assert scanning.pending_process() == 1
    assert ScanPage.objects.get().status == PageStatus.DONE


def test_an_upload_with_one_bad_member_stores_nothing(
        counting_round: Callable[[int], Any], zip_of: Callable[[list[bytes]], bytes]) -> None:
    import io
    import zipfile

    round_ = counting_round(2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("1.jpg", b"x")
        archive.writestr("ghi-chu.txt", b"x")
    with pytest.raises(ValidationError, match="ghi-chu.txt"):
        scanning.batch_create(round_=round_, station=2, upload=SimpleUploadedFile("b.zip", buffer.getvalue()), user=round_.chair)
    assert not ScanBatch.objects.exists()


def test_an_image_without_a_ballot_becomes_one_ballot_to_review(counting_round: Callable[[int], Any]) -> None:
    import cv2
    import numpy as np

    round_ = counting_round(1)
    ok, blank = cv2.imencode(".png", np.full((400, 300), 255, np.uint8))
    scanning.batch_create(round_=round_, station=2, upload=SimpleUploadedFile("trang.png", blank.tobytes()), user=round_.chair)
    scanning.pending_process()
    ballot = ScannedBallot.objects.get()
    assert ballot.status == ScanStatus.REVIEW and "Không tìm thấy phiếu" in ballot.reasons[0]


def test_scans_are_refused_before_the_counts_and_the_station_method_are_set(counting_round: Callable[[int], Any]) -> None:
    round_ = counting_round(1)
    with pytest.raises(ValidationError, match="có 2 máy"):
        scanning.check_upload(round_, 3)
