"""``daihoi demo``: build the demo ward and its seasons (idempotent) and print the logins."""
import importlib
import importlib.util
from typing import Any

from django.core.management.base import BaseCommand

from daihoi.organizations.demo import DEMO_PASSWORD

# Each app that adds demo data has a ``demo`` module with ``demo_build() -> dict[str, str]``
# (extra logins to print); they run in this order because later ones use earlier data.
DEMO_APPS = ["organizations", "plans", "congresses", "elections", "documents", "news"]


class Command(BaseCommand):
    help = "Tạo phường mẫu (23 chi bộ, khoảng 1.000 đảng viên giả lập) và các đợt đại hội; chạy lại không tạo trùng."

    def handle(self, *args: Any, **options: Any) -> None:
        logins: dict[str, str] = {}
        for app in DEMO_APPS:
            module_name = f"daihoi.{app}.demo"
            if importlib.util.find_spec(module_name) is not None:
                logins.update(importlib.import_module(module_name).demo_build())
        self.stdout.write("Phường mẫu đã sẵn sàng. Tài khoản (mật khẩu chung: %s):" % DEMO_PASSWORD)
        for username, role in logins.items():
            self.stdout.write(f"  {username:<12} {role}")
