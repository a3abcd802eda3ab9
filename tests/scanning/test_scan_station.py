"""Scanned ballots enter the count as one station: numbered in scan order, confident readings
entered at once, the rest decided by a person (recorded), then reconciled ballot by ballot
against a keyboard station and announced."""
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.elections import pages, selectors, services
from daihoi.elections.models import AuditEntry, BallotEntry, RoundStatus
from daihoi.elections.scanning import services as scanning
from daihoi.elections.scanning.models import ScannedBallot, ScanStatus


def _struck(truth: Any) -> list[int]:
    return [index for index, value in enumerate(truth.rows, start=1) if value == "struck"]


def test_a_zip_of_scans_is_read_decided_reconciled_with_a_keyboard_station_and_locked(
        counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any], zip_of: Callable[[list[bytes]], bytes]) -> None:
    round_ = counting_round(6)
    images, truths = scanned_ballots(pages.ballot_spec(round_), 6, with_writing=1)
    upload = SimpleUploadedFile("quet.zip", zip_of(images), content_type="application/zip")
    batch = scanning.batch_create(round_=round_, station=2, upload=upload, user=round_.chair)
    assert batch.pages.count() == 6
    assert scanning.pending_process() == 6

    ballots = list(ScannedBallot.objects.filter(round=round_).order_by("number"))
    assert [b.number for b in ballots] == [1, 2, 3, 4, 5, 6]
    assert ballots[-1].status == ScanStatus.REVIEW and "ngoài các dòng" in " ".join(ballots[-1].reasons)
    for ballot, truth in zip(ballots, truths):
        if ballot.status == ScanStatus.READ:
            assert BallotEntry.objects.get(round=round_, station=2, number=ballot.number).struck == _struck(truth)
        else:
            scanning.ballot_decide(ballot=ballot, rows=" ".join(map(str, _struck(truth))),
                                   flags="v" if truth.extra == "write_in" else "k" if truth.extra else "", user=round_.chair)
    decided = ScannedBallot.objects.get(pk=ballots[-1].pk)
    assert decided.status == ScanStatus.DECIDED and decided.decided_by == round_.chair and decided.decided_at
    assert AuditEntry.objects.filter(round=round_, station=2, action="entry_save", detail__number=6).exists()

    for number, truth in enumerate(truths, start=1):
        flags = ["write_in"] if truth.extra == "write_in" else ["signed"] if truth.extra else []
        services.entry_save(round_=round_, station=1, number=number, struck=_struck(truth), marks=[], flags=flags, user=round_.chair)
    assert selectors.reconcile(round_).open == []
    assert services.round_lock(round_=round_, user=round_.chair).status == RoundStatus.LOCKED


def test_a_misread_shows_up_as_a_disagreement_with_the_keyboard_station(
        counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any]) -> None:
    round_ = counting_round(1)
    images, truths = scanned_ballots(pages.ballot_spec(round_), 1)
    scanning.batch_create(round_=round_, station=2, upload=SimpleUploadedFile("1.jpg", images[0]), user=round_.chair)
    scanning.pending_process()
    services.entry_save(round_=round_, station=1, number=1, struck=[1, 2, 3, 4], marks=[], flags=[], user=round_.chair)
    assert [d.number for d in selectors.reconcile(round_).open] == [1]
