"""Photo uploads: check that the file really is a picture of an accepted kind and size, then
re-encode it without any metadata (EXIF, GPS position, camera serial) and no wider than the page
ever shows it. Re-encoding from pixels is what strips metadata: nothing of the original file but
its picture survives."""
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel camera; beyond that a file is a decompression bomb
MAX_WIDTH = 1600
THUMBNAIL_WIDTH = 480  # the lists' pictures: a phone should not fetch 1600 px for a 120 px box
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
JPEG_QUALITY = 85


@dataclass(frozen=True)
class ProcessedPhoto:
    content: bytes
    thumbnail: bytes
    width: int
    height: int


def check_photo(upload: UploadedFile) -> Image.Image:
    """The upload as an opened picture, or a Vietnamese message saying why it is refused. The type
    is read from the file's content, never from its name or the browser's word."""
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(f"Ảnh quá lớn: tối đa {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    try:
        image = Image.open(upload)
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError("Chỉ nhận ảnh JPEG, PNG hoặc WebP.")
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError("Ảnh có quá nhiều điểm ảnh; hãy thu nhỏ trước khi tải lên.")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError("Tệp này không phải là ảnh hoặc đã bị hỏng.") from None
    return image


def process_photo(image: Image.Image) -> ProcessedPhoto:
    """Turn upright by its EXIF orientation, flatten transparency onto white, and encode the page's
    picture (at most MAX_WIDTH) and the lists' thumbnail as plain JPEGs (no EXIF, ICC, comments)."""
    image = _plain_rgb(ImageOps.exif_transpose(image))
    page = _narrowed(image, MAX_WIDTH)
    return ProcessedPhoto(_jpeg(page), _jpeg(_narrowed(image, THUMBNAIL_WIDTH)), page.width, page.height)


def _narrowed(image: Image.Image, width: int) -> Image.Image:
    if image.width <= width:
        return image
    return image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)


def _plain_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flattened = Image.new("RGB", image.size, "white")
        flattened.paste(image, mask=image.getchannel("A"))
        image = flattened
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
