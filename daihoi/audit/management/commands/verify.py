"""``daihoi verify FILE.json``: count an exported round again and check its fingerprint."""
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from daihoi.rules.errors import InputError
from daihoi.rules.integrity import verify


class Command(BaseCommand):
    help = ("Kiểm tra tệp một lần bầu đã công bố: đếm lại phiếu theo Quy chế bầu cử và so dấu vân tay. "
            "Mã thoát 0: khớp; 1: có chỗ khác; 2: tệp không đọc được.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp JSON tải từ trang lần bầu")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], encoding="utf-8-sig") as file:
                problems = verify(json.load(file))
        except (OSError, ValueError, RecursionError) as error:  # InputError is a ValueError
            text = f"{error.field}: {error.message}" if isinstance(error, InputError) else str(error)
            self.stderr.write(f"daihoi verify: {text}")
            sys.exit(2)
        if problems:
            self.stdout.write("KHÁC: " + "\n".join(problems))
            sys.exit(1)
        self.stdout.write("OK: kết quả đếm lại và dấu vân tay khớp với tệp.")
