"""Screens of the ward, its branches and members. Views only fetch through access_* and
selectors, and render."""
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from daihoi.accounts.access import (
    access_branch, branches_visible_to, can_edit_branch, ward_readers_required, ward_staff_required,
)
from daihoi.organizations import exporting, importing, selectors
from daihoi.organizations.models import Member


@ward_readers_required
def overview(request: HttpRequest) -> HttpResponse:
    branches = branches_visible_to(request.user)
    counted = list(selectors.branch_counts(branches))
    return render(request, "organizations/overview.html", {
        "totals": selectors.ward_totals(branches),
        "branches": counted,
        "largest": max((b.full_count for b in counted), default=0),
    })


@login_required
def branch_list(request: HttpRequest) -> HttpResponse:
    branches = selectors.branch_counts(branches_visible_to(request.user))
    return render(request, "organizations/branch_list.html", {"branches": branches})


@login_required
def branch_detail(request: HttpRequest, branch_id: int) -> HttpResponse:
    branch = access_branch(request.user, branch_id)
    return render(request, "organizations/branch_detail.html", {
        "branch": branch,
        "members": selectors.branch_members(branch),
        "can_edit": can_edit_branch(request.user, branch),
    })


@login_required
def member_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    members = selectors.member_search(branches=branches_visible_to(request.user), query=query)
    template = "organizations/_member_rows.html" if request.headers.get("HX-Request") else "organizations/member_search.html"
    return render(request, template, {"query": query, "members": members})


# --- Member import and export (issue 2, part 4) -----------------------------------------------------
# The upload waits under MEDIA_ROOT/imports/<random token> between preview and confirm; the session
# holds only the token and the original file name, and the file is validated again on confirm.

_IMPORT_SESSION_KEY = "member_import"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_STALE_UPLOAD_SECONDS = 24 * 3600
_ERRORS_SHOWN = 500


def _uploads_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _store_upload(request: HttpRequest, file_name: str, data: bytes) -> None:
    """Keep the file for the confirm step; forget this user's previous upload and stale ones."""
    _discard_upload(request)
    folder = _uploads_dir()
    for old in folder.iterdir():
        if time.time() - old.stat().st_mtime > _STALE_UPLOAD_SECONDS:
            old.unlink(missing_ok=True)
    token = secrets.token_hex(16)
    (folder / token).write_bytes(data)
    request.session[_IMPORT_SESSION_KEY] = {"token": token, "name": Path(file_name).name[:200]}


def _load_upload(request: HttpRequest) -> tuple[str, bytes] | None:
    pending = request.session.get(_IMPORT_SESSION_KEY) or {}
    token = str(pending.get("token", ""))
    path = _uploads_dir() / token
    if not _TOKEN.match(token) or not path.is_file():
        return None
    return str(pending.get("name", "")), path.read_bytes()


def _discard_upload(request: HttpRequest) -> None:
    pending = request.session.pop(_IMPORT_SESSION_KEY, None) or {}
    token = str(pending.get("token", ""))
    if _TOKEN.match(token):
        (_uploads_dir() / token).unlink(missing_ok=True)


@ward_staff_required
def member_import(request: HttpRequest) -> HttpResponse:
    """Upload form; a posted file is kept and the user is sent to its preview."""
    if request.method == "POST":
        upload = request.FILES.get("file")
        limit_mb = settings.MEMBER_IMPORT_MAX_BYTES // (1024 * 1024)
        if upload is None:
            messages.error(request, _("Hãy chọn một tệp .xlsx hoặc .csv."))
        elif upload.size > settings.MEMBER_IMPORT_MAX_BYTES:
            messages.error(request, _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": limit_mb})
        else:
            _store_upload(request, upload.name or "", upload.read())
            return redirect("organizations:member_import_preview")
    return render(request, "organizations/member_import.html", {
        "max_mb": settings.MEMBER_IMPORT_MAX_BYTES // (1024 * 1024),
    })


@ward_staff_required
def member_import_preview_page(request: HttpRequest) -> HttpResponse:
    """What the kept file would do: counts, notices and every error; confirm only if no errors."""
    upload = _load_upload(request)
    if upload is None:
        return redirect("organizations:member_import")
    file_name, data = upload
    report = importing.member_import_preview(committee=selectors.installation_ward_or_404(), file_name=file_name, data=data)
    return render(request, "organizations/member_import_preview.html", {
        "report": report,
        "errors_shown": report.errors[:_ERRORS_SHOWN],
        "errors_hidden": max(len(report.errors) - _ERRORS_SHOWN, 0),
        "max_mb": settings.MEMBER_IMPORT_MAX_BYTES // (1024 * 1024),
    })


@ward_staff_required
@require_POST
def member_import_confirm(request: HttpRequest) -> HttpResponse:
    """Validate the kept file again and write it in one transaction, or show why not."""
    upload = _load_upload(request)
    if upload is None:
        messages.error(request, _("Không còn tệp đang chờ nhập; hãy tải lên lại."))
        return redirect("organizations:member_import")
    file_name, data = upload
    report = importing.member_import_apply(committee=selectors.installation_ward_or_404(), file_name=file_name, data=data)
    if not report.written:
        messages.error(request, _("Chưa ghi gì: tệp có lỗi."))
        return redirect("organizations:member_import_preview")
    _discard_upload(request)
    messages.success(request, _("Đã nhập %(rows)s đảng viên: %(new)s thêm mới, %(updated)s cập nhật, "
                                "%(unchanged)s không đổi.") % {
        "rows": report.rows, "new": report.new, "updated": report.updated, "unchanged": report.unchanged})
    return redirect("organizations:branch_list")


@ward_staff_required
def member_import_template(request: HttpRequest) -> HttpResponse:
    first = selectors.installation_ward_or_404().branches.first()
    data = exporting.member_template_xlsx(branch_name=first.name if first else "Chi bộ Tổ dân phố số 1")
    return _xlsx_response(data, "mau-nhap-dang-vien.xlsx")


@ward_staff_required
def member_export(request: HttpRequest) -> HttpResponse:
    """Every member of the ward, in the import layout."""
    members = Member.objects.filter(branch__party_committee=selectors.installation_ward_or_404())
    return _xlsx_response(exporting.member_export_xlsx(members=members), "dang-vien.xlsx")


@login_required
def branch_member_export(request: HttpRequest, branch_id: int) -> HttpResponse:
    """One branch's members, for whoever may see that branch."""
    branch = access_branch(request.user, branch_id)
    data = exporting.member_export_xlsx(members=branch.members.all())
    return _xlsx_response(data, f"dang-vien-chi-bo-{branch.pk}.xlsx")


def _xlsx_response(data: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
