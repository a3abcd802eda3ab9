"""``daihoi backup [--output FILE]``: the database and uploaded files in one .tar.gz."""
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from daihoi.audit.backup import backup_create


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="tệp đích (mặc định: thư mục dữ liệu/backups/daihoi-<thời điểm>.tar.gz)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        output = Path(options["output"] or Path(settings.DATA_DIR) / "backups" / f"daihoi-{stamp}.tar.gz")
        backup_create(output=output)
        self.stdout.write(f"Đã sao lưu vào {output} ({output.stat().st_size:,} byte).")
