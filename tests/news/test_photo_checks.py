"""Photos are checked (real type, size), stripped of metadata and resized; captions per photo."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from daihoi.news import photos, services


def _upload(image: Image.Image, fmt: str = "JPEG", name: str = "anh.jpg", **save: object) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Hãng máy ảnh"  # Make
    exif[0x0110] = "Máy 123"  # Model
    exif[0x8825] = {1: "N", 2: (21.0, 2.0, 3.0), 3: "E", 4: (105.0, 52.0, 1.0)}  # GPSInfo
    return exif


def test_a_text_file_named_like_a_photo_is_refused() -> None:
    with pytest.raises(ValidationError, match="không phải là ảnh"):
        photos.check_photo(SimpleUploadedFile("anh.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"))


def test_a_gif_is_refused_whatever_its_name() -> None:
    with pytest.raises(ValidationError, match="JPEG, PNG hoặc WebP"):
        photos.check_photo(_upload(Image.new("P", (10, 10)), "GIF", name="anh.jpg"))


def test_a_file_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValidationError, match="quá lớn"):
        photos.check_photo(SimpleUploadedFile("anh.jpg", b"x" * 1001))


def test_a_picture_with_too_many_pixels_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "MAX_PIXELS", 100)
    with pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
        photos.check_photo(_upload(Image.new("RGB", (20, 20))))


def test_exif_and_gps_are_stripped_and_a_wide_photo_is_resized_to_1600() -> None:
    upload = _upload(Image.new("RGB", (3200, 2000), "red"), exif=_exif_with_gps())
    assert Image.open(upload).getexif()  # the original carries camera and position
    upload.seek(0)
    processed = photos.process_photo(photos.check_photo(upload))
    result = Image.open(io.BytesIO(processed.content))
    assert (result.width, result.height) == (1600, 1000) == (processed.width, processed.height)
    assert not result.getexif()
    assert "exif" not in result.info and "icc_profile" not in result.info
    assert Image.open(io.BytesIO(processed.thumbnail)).width == photos.THUMBNAIL_WIDTH


def test_a_transparent_png_is_flattened_onto_white_jpeg() -> None:
    processed = photos.process_photo(photos.check_photo(_upload(Image.new("RGBA", (40, 30), (0, 0, 0, 0)), "PNG", "a.png")))
    result = Image.open(io.BytesIO(processed.content))
    assert result.format == "JPEG" and result.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=2)


def test_photos_keep_their_captions_and_order_and_a_deleted_photo_renumbers_the_rest(make_article, ward_office_user) -> None:
    article = make_article(publish=False)
    first, second, third = (services.photo_add(article=article, editor=ward_office_user, caption=f"Ảnh số {n}",
                                               upload=_upload(Image.new("RGB", (64, 48)))) for n in (1, 2, 3))
    services.photo_update(photo=second, editor=ward_office_user, caption="Chú thích mới")
    services.photo_delete(photo=first, editor=ward_office_user)
    rows = list(article.photos.values_list("caption", "position"))
    assert rows == [("Chú thích mới", 0), ("Ảnh số 3", 1)]
    assert not first.image.storage.exists(first.image.name)
