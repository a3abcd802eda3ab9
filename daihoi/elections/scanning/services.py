"""Writes of ballot scanning (issue 9). An upload becomes a batch of pages (the persisted queue);
reading a page numbers each ballot found in scan order and enters every confident reading at the
batch's counting station through the elections' own ``entry_save``, so reconciliation against a
keyboard station works ballot by ballot. Uncertain ballots wait for a person, whose decision is
entered the same way and recorded (who, when)."""
import io
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import PurePath

import cv2
import numpy as np
import pypdfium2
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from daihoi.accounts.models import User
from daihoi.lib.archives import unpacks_too_large
from daihoi.elections import pages as election_pages
from daihoi.elections import services as elections
from daihoi.elections.ballot_pdf import layout_for
from daihoi.elections.models import CountMethod, Round, RoundStatus
from daihoi.elections.scanning.layout import BallotCode
from daihoi.elections.scanning.models import (
    BatchStatus, PageStatus, ScanBatch, ScannedBallot, ScanPage, ScanStatus)
from daihoi.elections.scanning.reader import BallotReading, Resolver, read_image, read_page

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
MAX_PAGES = 3000
MAX_MEMBER_BYTES = 40 * 1024 * 1024
# A zip of scans unpacks to about its own size (JPEG and PNG hardly compress); this bounds a
# zip bomb: at most MAX_PAGES images of this much in all, none packed more than 20 times.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
# One upload is read whole into memory before anything is stored (so a bad file stores nothing):
# about 3,000 scans at 300 dpi, a whole season's worth for one round; larger is split by the user.
MAX_UPLOAD_BYTES = 1024 * 1024 * 1024
PDF_DPI = 200
ABANDONED_AFTER = timedelta(minutes=5)


def check_upload(round_: Round, station: int) -> None:
    """Scans count as one station of a round counted ballot by ballot (issue 6's stations), and
    only ballots printed on one page: a list too long for one A4 side (issue 11) is counted at
    the keyboard stations."""
    if round_.status == RoundStatus.LOCKED:
        raise ValidationError("Lần bầu đã công bố kết quả; không tải thêm ảnh phiếu được.")
    if round_.status != RoundStatus.COUNTING or round_.method != CountMethod.STATIONS:
        raise ValidationError("Cần nhập số phiếu phát ra, thu vào và chọn “nhập từng phiếu tại các máy” trước khi quét.")
    if not 1 <= station <= round_.station_count:
        raise ValidationError(f"Lần bầu này có {round_.station_count} máy nhập phiếu; chọn máy từ 1 đến {round_.station_count}.")
    pages = layout_for(election_pages.ballot_spec(round_)).pages
    if pages > 1:  # the reader cannot join the pages of one ballot (reader.MULTI_PAGE)
        raise ValidationError(f"Phiếu của lần bầu này in trên {pages} trang (danh sách dài); máy quét chỉ đọc phiếu một trang. "
                              "Hãy nhập phiếu tại các máy nhập phiếu.")


def _items(name: str, data: bytes) -> Iterator[tuple[str, bytes | None, int | None]]:
    """(source, image bytes or None for a PDF page, PDF page index) of everything readable in
    the upload; anything else is refused with its name."""
    suffix = PurePath(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        yield name, data, None
    elif suffix == ".pdf":
        try:
            count = len(pypdfium2.PdfDocument(data))
        except pypdfium2.PdfiumError:
            raise ValidationError(f"Tệp {name} không phải PDF đọc được.") from None
        for index in range(count):
            yield f"{name} · trang {index + 1}", None, index
    elif suffix == ".zip":
        yield from _zip_items(name, data)
    else:
        raise ValidationError(f"Tệp {name}: chỉ nhận ảnh JPEG, PNG, PDF nhiều trang hoặc tệp ZIP của chúng.")


def _zip_items(name: str, data: bytes) -> Iterator[tuple[str, bytes | None, int | None]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValidationError(f"Tệp {name} không phải ZIP đọc được.") from None
    if unpacks_too_large(archive, max_entries=MAX_PAGES + 100, max_total_bytes=MAX_UNPACKED_BYTES, max_ratio=20):
        raise ValidationError(f"Tệp {name} bất thường (giải nén ra quá lớn hoặc quá nhiều tệp), không thể đọc an toàn.")
    members = sorted((m for m in archive.infolist() if not m.is_dir() and not PurePath(m.filename).name.startswith(".")),
                     key=lambda m: m.filename)
    for member in members:
        if member.file_size > MAX_MEMBER_BYTES:
            raise ValidationError(f"{member.filename} trong {name} quá lớn (tối đa 40 MB một ảnh).")
        if PurePath(member.filename).suffix.lower() not in (*IMAGE_SUFFIXES, ".pdf"):
            raise ValidationError(f"{member.filename} trong {name}: chỉ nhận ảnh JPEG, PNG hoặc PDF.")
        if PurePath(member.filename).suffix.lower() == ".pdf":
            raise ValidationError(f"{member.filename}: PDF trong ZIP chưa được hỗ trợ, hãy tải PDF riêng.")
        yield member.filename, archive.read(member), None


def batch_create(*, round_: Round, station: int, upload: UploadedFile, user: User) -> ScanBatch:
    """Accept an upload: check it whole first (nothing half-written), then store the file and one
    queue item per image or PDF page in one transaction. Reading happens in the background."""
    check_upload(round_, station)
    name = PurePath(upload.name or "anh").name
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(f"Tệp {name} quá lớn ({round(upload.size / 2**20)} MB; tối đa {MAX_UPLOAD_BYTES // 2**20} MB "
                              "mỗi lần tải). Hãy chia ảnh phiếu thành nhiều tệp ZIP nhỏ hơn.")
    data = upload.read()
    items = list(_items(name, data))
    if not items:
        raise ValidationError(f"Tệp {name} không có ảnh phiếu nào.")
    if len(items) > MAX_PAGES:
        raise ValidationError(f"Tối đa {MAX_PAGES} ảnh mỗi lần tải ({name} có {len(items)}).")
    with transaction.atomic():
        batch = ScanBatch.objects.create(round=round_, station=station, name=name[:200], uploaded_by=user)
        batch.upload.save(name, ContentFile(data), save=True)
        for seq, (source, image, pdf_page) in enumerate(items, start=1):
            page = ScanPage(batch=batch, seq=seq, source=source[:300], pdf_page=pdf_page)
            if image is not None:
                page.image.save(PurePath(source).name, ContentFile(image), save=False)
            page.save()
    return batch


def page_claim(page_id: int | None = None) -> ScanPage | None:
    """The oldest pending page (or one abandoned by a worker that died), marked as taken; with
    ``page_id``, that page if it still waits (an RQ job for a page already read does nothing)."""
    stale = timezone.now() - ABANDONED_AFTER
    with transaction.atomic():
        ScanPage.objects.filter(status=PageStatus.WORKING, claimed_at__lt=stale).update(status=PageStatus.PENDING)
        waiting = ScanPage.objects.select_for_update().filter(status=PageStatus.PENDING)
        if page_id is not None:
            waiting = waiting.filter(pk=page_id)
        page = waiting.order_by("batch_id", "seq").first()
        if page is None:
            return None
        page.status, page.claimed_at = PageStatus.WORKING, timezone.now()
        page.save(update_fields=["status", "claimed_at"])
    return page


def pages_waiting() -> list[tuple[int, bool]]:
    """(id, abandoned) of the pages not read yet, pending or abandoned (claimed by a worker that
    died), in queue order: what a new RQ queue must be given after Redis lost its own."""
    stale = timezone.now() - ABANDONED_AFTER
    pages = (ScanPage.objects.filter(Q(status=PageStatus.PENDING) | Q(status=PageStatus.WORKING, claimed_at__lt=stale))
             .order_by("batch_id", "seq").values_list("pk", "status"))
    return [(pk, status == PageStatus.WORKING) for pk, status in pages]


def _page_read(page: ScanPage, resolve: Resolver) -> tuple[np.ndarray, list[BallotReading]]:
    """The page in grey and the ballots on it; a PDF page is rendered now and its image kept
    with the round."""
    if page.pdf_page is None:
        with page.image.open("rb") as handle:
            return read_image(handle.read(), resolve)
    with page.batch.upload.open("rb") as handle:
        pdf = pypdfium2.PdfDocument(handle.read())
    gray = pdf[page.pdf_page].render(scale=PDF_DPI / 72, grayscale=True).to_numpy()
    gray = np.ascontiguousarray(gray if gray.ndim == 2 else gray[..., 0])
    page.image.save(f"trang-{page.pdf_page + 1}.png", ContentFile(_encode(gray, ".png")), save=False)
    return gray, read_page(gray, resolve)


def _encode(gray: np.ndarray, suffix: str) -> bytes:
    ok, data = cv2.imencode(suffix, gray, [cv2.IMWRITE_JPEG_QUALITY, 85] if suffix == ".jpg" else [])
    if not ok:
        raise ValueError("Không lưu được ảnh.")
    return data.tobytes()


def page_process(page: ScanPage) -> list[ScannedBallot]:
    """Read one page: every ballot found gets the next number of the round; confident readings
    go straight into the station, the rest wait for review. A page where no ballot is found
    becomes one ballot to review from the whole image (it is never silently skipped)."""
    batch = page.batch
    round_ = batch.round
    spec = election_pages.ballot_spec(round_)
    expected = BallotCode.parse(spec.code)
    try:
        gray, readings = _page_read(page, lambda code: spec if code == expected else None)
    except (ValueError, OSError, pypdfium2.PdfiumError) as error:
        gray, readings = None, []
        page.error = str(error)[:300]
    if not readings:
        readings = [BallotReading(corners=[], reasons=["Không tìm thấy phiếu trên ảnh (thiếu góc đánh dấu hoặc ảnh mờ)."],
                                  image=None if gray is None else gray)]
    ballots = [_ballot_save(page, position, reading) for position, reading in enumerate(readings, start=1)]
    page.status = PageStatus.DONE if gray is not None else PageStatus.FAILED
    page.save(update_fields=["status", "error", "image"])
    for ballot in ballots:
        if ballot.status == ScanStatus.READ:
            _enter(ballot, batch.uploaded_by)
    _batch_finish(batch)
    return ballots


def _ballot_save(page: ScanPage, position: int, reading: BallotReading) -> ScannedBallot:
    """Number the ballot (next in the round, under the round's row lock) and keep its image."""
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=page.batch.round_id)
        number = (ScannedBallot.objects.filter(round=round_).aggregate(n=Max("number"))["n"] or 0) + 1
        ballot = ScannedBallot(
            round=round_, page=page, number=number, position=position,
            code=reading.code.text if reading.code else "",
            rows=[{"value": r.value, "score": round(r.score, 4), "confidence": round(r.confidence, 3)} for r in reading.rows],
            struck=reading.struck, marks=reading.marks, reasons=reading.reasons,
            status=ScanStatus.REVIEW if reading.needs_review else ScanStatus.READ)
        if reading.image is not None:
            ballot.image.save(f"phieu-{round_.pk}-{number}.jpg", ContentFile(_encode(reading.image, ".jpg")), save=False)
        ballot.save()
    return ballot


def _enter(ballot: ScannedBallot, user: User) -> None:
    """Enter a reading at the scan station; if the elections refuse it (e.g. more ballots than
    collected), the ballot goes to review with their reason."""
    try:
        elections.entry_save(round_=ballot.round, station=ballot.page.batch.station, number=ballot.number,
                             struck=ballot.struck, marks=ballot.marks, flags=ballot.flags, user=user)
    except ValidationError as error:
        ballot.status, ballot.reasons = ScanStatus.REVIEW, [*ballot.reasons, *error.messages]
        ballot.save(update_fields=["status", "reasons"])


def _batch_finish(batch: ScanBatch) -> None:
    if not batch.pages.exclude(status__in=(PageStatus.DONE, PageStatus.FAILED)).exists():
        ScanBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.DONE)


def pending_process(limit: int | None = None) -> int:
    """Read queued pages until none is left (or ``limit``); returns how many were read."""
    done = 0
    while limit is None or done < limit:
        page = page_claim()
        if page is None:
            break
        page_process(page)
        done += 1
    return done


def ballot_decide(*, ballot: ScannedBallot, rows: str, flags: str, user: User) -> ScannedBallot:
    """A counting-committee member looked at the ballot and typed what it says (as at a keyboard
    station: struck rows, or one mark per row, and the validity flags); it is entered at the scan
    station and the decision recorded with who and when."""
    round_ = ballot.round
    try:
        reading = election_pages.reading_from_text(round_, rows, flags)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    with transaction.atomic():
        ballot = ScannedBallot.objects.select_for_update().select_related("page__batch", "round").get(pk=ballot.pk)
        elections.entry_save(round_=round_, station=ballot.page.batch.station, number=ballot.number, user=user, **reading)
        ballot.struck, ballot.marks, ballot.flags = reading["struck"], reading["marks"], reading["flags"]
        ballot.status, ballot.decided_by, ballot.decided_at = ScanStatus.DECIDED, user, timezone.now()
        ballot.save(update_fields=["struck", "marks", "flags", "status", "decided_by", "decided_at"])
    return ballot
