"""The scanning screens: upload (read inline here), the review queue, one ballot with its
picture, the decision, and no access from another branch."""
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from daihoi.elections import pages
from daihoi.elections.scanning.models import ScannedBallot, ScanStatus


def test_upload_review_and_decide_through_the_screens(
        settings: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        client_for: Callable[[Any], Any]) -> None:
    settings.DAIHOI_SCAN_WORKER = "inline"
    round_ = counting_round(2)
    images, _ = scanned_ballots(pages.ballot_spec(round_), 2, with_writing=1)
    client = client_for(round_.chair)
    base = reverse("elections:scanning:round", args=[round_.pk])
    files = [SimpleUploadedFile(f"{i}.jpg", data, content_type="image/jpeg") for i, data in enumerate(images, start=1)]
    response = client.post(base + "tai-len/", {"files": files, "station": "2"}, follow=True)
    assert "máy đang đọc phiếu" in response.content.decode()
    flagged = ScannedBallot.objects.get(round=round_, number=2)
    assert flagged.status == ScanStatus.REVIEW
    page = client.get(reverse("elections:scanning:review", args=[round_.pk, flagged.pk])).content.decode()
    assert "Ban kiểm phiếu quyết định" in page and "anh.jpg" in page
    assert client.get(reverse("elections:scanning:image", args=[round_.pk, flagged.pk]))["Content-Type"] == "image/jpeg"
    client.post(reverse("elections:scanning:review", args=[round_.pk, flagged.pk]), {"rows": "1", "flags": "v"})
    flagged.refresh_from_db()
    assert flagged.status == ScanStatus.DECIDED and flagged.flags == ["write_in"]


def test_a_bad_decision_is_refused_with_a_vietnamese_reason(
        settings: Any, counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any],
        client_for: Callable[[Any], Any]) -> None:
    settings.DAIHOI_SCAN_WORKER = "inline"
    round_ = counting_round(1)
    images, _ = scanned_ballots(pages.ballot_spec(round_), 1, with_writing=1)
    client = client_for(round_.chair)
    client.post(reverse("elections:scanning:upload", args=[round_.pk]), {"files": [SimpleUploadedFile("1.jpg", images[0])], "station": "2"})
    ballot = ScannedBallot.objects.get()
    response = client.post(reverse("elections:scanning:review", args=[round_.pk, ballot.pk]), {"rows": "9", "flags": ""}, follow=True)
    assert "không phải số thứ tự" in response.content.decode()
    ballot.refresh_from_db()
    assert ballot.status == ScanStatus.REVIEW


def test_another_branch_cannot_see_the_scans(
        counting_round: Callable[[int], Any], make_user: Callable[..., Any], other_branch: Any,
        client_for: Callable[[Any], Any]) -> None:
    round_ = counting_round(1)
    stranger = make_user("bithu-khac", "branch_secretary", branch=other_branch)
    response = client_for(stranger).get(reverse("elections:scanning:round", args=[round_.pk]))
    assert response.status_code in (403, 404)
