from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "daihoi.plans"
    label = "plans"
    verbose_name = "Kế hoạch đại hội"
