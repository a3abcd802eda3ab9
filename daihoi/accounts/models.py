"""Users and their roles.

A role says what kind of work a person does; the object scope (which branch, which congress) is
checked in ``daihoi.accounts.access``, never in views.
"""
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WARD_OFFICE = "ward_office", _("Văn phòng Đảng ủy")
    SUPERVISOR = "supervisor", _("Đảng ủy viên phụ trách")
    BRANCH_SECRETARY = "branch_secretary", _("Bí thư chi bộ")
    COUNTING_COMMITTEE = "counting_committee", _("Thành viên Ban kiểm phiếu")
    MEMBER = "member", _("Đảng viên")


class User(AbstractUser):
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, default=Role.MEMBER)
    branch = models.ForeignKey(
        "organizations.Branch",
        verbose_name="chi bộ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
        help_text="Chi bộ của bí thư, thành viên ban kiểm phiếu hoặc đảng viên.",
    )
    member = models.OneToOneField(
        "organizations.Member",
        verbose_name="đảng viên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    @property
    def is_ward_staff(self) -> bool:
        """Ward office staff and administrators see and edit every branch."""
        return self.is_superuser or self.role == Role.WARD_OFFICE
