from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "daihoi.news"
    label = "news"
    verbose_name = "Tin tức"
