"""The restore drill: back up, change things (rows and files), restore, and find exactly the
data of the backup again; a file that is not a backup changes nothing."""
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from daihoi.organizations.models import Member

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def _snapshot(media: Path) -> tuple[Any, dict[str, bytes]]:
    out = io.StringIO()
    call_command("dumpdata", exclude=EXCLUDE, stdout=out)
    files = {str(p.relative_to(media)): p.read_bytes() for p in sorted(media.rglob("*")) if p.is_file()}
    return sorted(json.loads(out.getvalue()), key=lambda o: (o["model"], str(o["pk"]))), files


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_gives_back_the_data_and_files(branch: Any, make_member: Any, make_article: Any,
                                                          settings: Any, tmp_path: Path) -> None:
    make_member(branch, "Nguyễn Thị Sao Lưu")
    article = make_article("Tin có ảnh")
    media = Path(settings.MEDIA_ROOT)
    (media / "news").mkdir(parents=True, exist_ok=True)
    (media / "news" / "anh.jpg").write_bytes(b"\xff\xd8 photo")
    before = _snapshot(media)
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    Member.objects.all().delete()
    make_member(branch, "Người Thêm Sau")
    article.title = "Đã sửa"
    article.save()
    (media / "news" / "anh.jpg").unlink()
    (media / "news" / "moi.jpg").write_bytes(b"new")
    assert _snapshot(media) != before

    call_command("restore", str(archive), yes=True, stdout=io.StringIO())
    assert _snapshot(media) == before


@pytest.mark.django_db(transaction=True)
def test_a_file_that_is_not_a_backup_changes_nothing(branch: Any, make_member: Any, tmp_path: Path) -> None:
    make_member(branch, "Nguyễn Văn Giữ")
    (tmp_path / "x.tar.gz").write_bytes(b"not a tar")
    with pytest.raises(SystemExit) as exit_:
        call_command("restore", str(tmp_path / "x.tar.gz"), yes=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert exit_.value.code == 2 and Member.objects.filter(full_name="Nguyễn Văn Giữ").exists()
