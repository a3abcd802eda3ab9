from django.contrib import admin

from daihoi.news.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Categories change rarely; the ward office manages them in the admin site."""

    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}
