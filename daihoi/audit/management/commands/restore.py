"""``daihoi restore FILE [--yes]``: replace the database and uploads with a backup's."""
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser

from daihoi.audit.backup import backup_restore


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và các tệp tải lên từ một bản sao lưu (thay toàn bộ dữ liệu hiện có)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp .tar.gz do daihoi backup tạo")
        parser.add_argument("--yes", action="store_true", help="không hỏi lại")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"] and input("Toàn bộ dữ liệu hiện có sẽ bị thay thế. Gõ 'co' để tiếp tục: ").strip().lower() != "co":
            self.stdout.write("Đã hủy.")
            return
        try:
            manifest = backup_restore(archive=Path(options["file"]))
        except ValidationError as error:
            self.stderr.write(" ".join(error.messages))
            sys.exit(2)
        self.stdout.write(f"Đã khôi phục bản sao lưu lúc {manifest['created']}.")
