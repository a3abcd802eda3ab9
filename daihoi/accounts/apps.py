from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "daihoi.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from django.contrib import admin

        from daihoi.accounts.login import ThrottledAdminAuthenticationForm

        # The admin's own login page is throttled like the site's (SECURITY.md §5).
        admin.site.login_form = ThrottledAdminAuthenticationForm
