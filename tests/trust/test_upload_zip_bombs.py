"""Uploads that are zip archives (a zip of ballot scans, a ward's .docx template, a member list in
.xlsx) are judged from the archive's directory before anything is unpacked: one that would
unpack to far more than it weighs, or into too many files, is refused with a message and
nothing is stored (issue 10, upload checks). The member list's own bomb tests are in
tests/organizations/test_member_import_bad_files.py; photos: tests/news/test_photo_checks.py."""
import io
import random
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.documents.services import check_template
from daihoi.elections.scanning.models import ScanBatch
from daihoi.elections.scanning.services import MAX_PAGES, batch_create
from daihoi.lib.archives import unpacks_too_large

ZEROS = b"\0" * (8 * 1024 * 1024)  # 8 MB that deflate to about 8 KB


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_of_scans_that_unpacks_a_thousand_times_its_size_is_refused_and_nothing_stored(
        counting_round: Callable[[int], Any]) -> None:
    round_ = counting_round(3)
    bomb = zip_of({"phieu-1.png": ZEROS})
    assert len(bomb) < 100_000
    with pytest.raises(ValidationError, match="bất thường"):
        batch_create(round_=round_, station=1, upload=SimpleUploadedFile("phieu.zip", bomb), user=round_.chair)
    assert not ScanBatch.objects.exists()


def test_a_zip_of_scans_with_more_files_than_a_batch_may_hold_is_refused_before_unpacking(
        counting_round: Callable[[int], Any]) -> None:
    round_ = counting_round(3)
    crowded = zip_of({f"phieu-{n}.png": b"x" for n in range(MAX_PAGES + 101)})
    with pytest.raises(ValidationError, match="bất thường"):
        batch_create(round_=round_, station=1, upload=SimpleUploadedFile("phieu.zip", crowded), user=round_.chair)
    assert not ScanBatch.objects.exists()


def test_an_upload_beyond_the_batch_size_limit_is_refused_and_nothing_stored(
        counting_round: Callable[[int], Any], monkeypatch: pytest.MonkeyPatch) -> None:
    round_ = counting_round(3)
    monkeypatch.setattr("daihoi.elections.scanning.services.MAX_UPLOAD_BYTES", 3 * 2**20)
    upload = SimpleUploadedFile("phieu.zip", zip_of({"phieu-1.jpg": random.Random(1).randbytes(4 * 2**20)}))
    with pytest.raises(ValidationError, match=r"phieu.zip quá lớn \(4 MB; tối đa 3 MB mỗi lần tải\)"):
        batch_create(round_=round_, station=1, upload=upload, user=round_.chair)
    assert not ScanBatch.objects.exists()


def test_a_docx_template_that_unpacks_far_beyond_its_size_is_refused() -> None:
    bomb = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": ZEROS * 30})
    with pytest.raises(ValidationError, match="bất thường"):
        check_template("summons", bomb)


def test_a_damaged_docx_template_is_refused_with_a_message() -> None:
    damaged = zip_of({"word/document.xml": b"<w:document/>"})[:-30] + b"PK\x05\x06" + b"\0" * 18
    with pytest.raises(ValidationError):
        check_template("summons", damaged)


def test_ordinary_archives_pass_the_zip_bomb_check() -> None:
    # Photos hardly compress: random bytes stand for JPEG data, 2 MB each (above the 1 MB under
    # which the ratio is not judged).
    photos = zipfile.ZipFile(io.BytesIO(zip_of({f"anh-{n}.jpg": random.Random(n).randbytes(2 * 1024 * 1024) for n in range(5)})))
    assert not unpacks_too_large(photos, max_entries=100, max_total_bytes=50 * 1024 * 1024, max_ratio=20)
