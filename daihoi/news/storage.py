"""Where news photos are kept and served. The files live under MEDIA_ROOT like every upload, but
the public must see them on an install running with DEBUG off (the project serves /media/ only in
DEBUG), so the news app serves its own photos at /tin-tuc/anh/ (views.photo_file)."""
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils.deconstruct import deconstructible

PHOTO_DIR = "news/"


@deconstructible
class PhotoStorage(FileSystemStorage):
    @property
    def base_url(self) -> str:  # type: ignore[override]
        return reverse("news:photo_file", args=["x"]).removesuffix("x")


photo_storage = PhotoStorage()
