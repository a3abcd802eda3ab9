"""Reads of ballot scanning: the batches of a round with their progress, the ballots waiting for
a person, and where each uncertain row sits on the straightened image (for the review screen)."""
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from daihoi.elections import pages as election_pages
from daihoi.elections.models import Round
from daihoi.elections.scanning.geometry import geometry_for
from daihoi.elections.scanning.models import PageStatus, ScanBatch, ScannedBallot, ScanStatus


@dataclass
class Progress:
    batch: ScanBatch
    total: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def batches_of(round_: Round) -> list[Progress]:
    batches = round_.scan_batches.select_related("uploaded_by").annotate(
        total=Count("pages"), done=Count("pages", filter=Q(pages__status__in=(PageStatus.DONE, PageStatus.FAILED))))
    return [Progress(b, b.total, b.done) for b in batches.order_by("-id")]


def ballot_counts(round_: Round) -> dict[str, int]:
    counts = dict(round_.scanned_ballots.values_list("status").annotate(n=Count("id")))
    return {status: counts.get(status, 0) for status in ScanStatus.values}


def to_review(round_: Round) -> QuerySet[ScannedBallot]:
    return round_.scanned_ballots.filter(status=ScanStatus.REVIEW).order_by("number")


def row_boxes(ballot: ScannedBallot) -> list[dict[str, Any]]:
    """Each row's place on the straightened image in % (for highlight boxes over the picture),
    with what the machine read there."""
    if not ballot.code or not ballot.rows:
        return []
    geometry = geometry_for(election_pages.ballot_spec(ballot.round))
    boxes = []
    for index, (row, read) in enumerate(zip(geometry.rows, ballot.rows), start=1):
        x, y, w, h = row.row
        boxes.append({"row": index, "left": 100 * x / geometry.cell_w, "top": 100 * y / geometry.cell_h,
                      "width": 100 * w / geometry.cell_w, "height": 100 * h / geometry.cell_h,
                      "value": read["value"], "confidence": read["confidence"], "uncertain": read["value"] == "?"})
    return boxes


def suggested_text(ballot: ScannedBallot) -> str:
    """What the machine read, typed the way a keyboard station types it, as the reviewer's start."""
    if ballot.marks or any(r["value"] in ("agree", "disagree", "both", "none") for r in ballot.rows):
        keys = {"agree": "1", "disagree": "2", "both": "3", "none": "0"}
        return "".join(keys.get(r["value"], "") for r in ballot.rows)
    return " ".join(str(i) for i, r in enumerate(ballot.rows, start=1) if r["value"] == "struck")
