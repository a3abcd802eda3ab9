"""``daihoi tally FILE.json``: count one round with the rules engine (JSON in, JSON out)."""
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from daihoi.rules.tally_json import main as tally_main


class Command(BaseCommand):
    help = "Đếm phiếu một lần bầu theo Quy chế bầu cử (đầu vào và kết quả là JSON; '-' đọc từ stdin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp JSON của lần bầu, hoặc - để đọc từ stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        status = tally_main([options["file"]], sys.stdin, sys.stdout, sys.stderr)
        if status:
            sys.exit(status)
