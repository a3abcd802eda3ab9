from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "daihoi.audit"
    label = "audit"
    verbose_name = "Nhật ký và toàn vẹn"

    def ready(self) -> None:
        from daihoi.audit import tracking

        tracking.connect()
