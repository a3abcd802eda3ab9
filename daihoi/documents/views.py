"""Documents of a congress (branch secretary, its supervisors, ward office), the season report and
the ward's own templates (ward office). Views fetch through access_*, call selectors/services and
render."""
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from daihoi.accounts.access import ward_readers_required, ward_staff_required
from daihoi.documents import selectors, services
from daihoi.documents.bundle import file_zip, render_entry
from daihoi.documents.contexts import season_report_context
from daihoi.documents.forms import NumberForm, SignerForm, TemplateUploadForm
from daihoi.documents.kinds import KINDS
from daihoi.documents.pdf import PdfUnavailable, docx_to_pdf
from daihoi.documents.render import render_docx
from daihoi.plans.access import access_congress, access_plan, can_edit_congress
from daihoi.organizations.selectors import installation_ward_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPES = {"docx": DOCX, "pdf": "application/pdf", "zip": "application/zip"}


def download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def as_format(docx: bytes, stem: str, fmt: str) -> HttpResponse:
    """The .docx, or its PDF; without LibreOffice a clear 503 pointing to the .docx."""
    if fmt == "docx":
        return download(docx, f"{stem}.docx")
    try:
        return download(docx_to_pdf(docx), f"{stem}.pdf")
    except PdfUnavailable as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")


@login_required
def congress_documents(request: HttpRequest, congress_id: int, form: NumberForm | None = None) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    return render(request, "documents/congress_documents.html", {
        "congress": congress, "entries": selectors.congress_documents(congress), "form": form,
        "can_edit": can_edit_congress(request.user, congress)}, status=400 if form else 200)


@require_POST
@login_required
def congress_number(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The branch gives a document of its congress the number from its own register."""
    congress = access_congress(request.user, congress_id, write=True)
    keys = tuple(entry.key for entry in selectors.congress_documents(congress) if entry.editable)
    form = NumberForm(request.POST)
    if _number_saved(request, form, lambda data: services.document_number_set(congress=congress, keys=keys, by=request.user, **data)):
        return redirect("documents:congress_documents", congress_id=congress.pk)
    return congress_documents(request, congress_id, form)


def _number_saved(request: HttpRequest, form: NumberForm, call: Callable[[dict[str, Any]], object]) -> bool:
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, _("Đã lưu số và ngày văn bản."))
    return True


@ward_staff_required
def season_documents(request: HttpRequest, plan_id: int, form: NumberForm | None = None) -> HttpResponse:
    """The season report: its number and date, who signs, the downloads."""
    plan = access_plan(request.user, plan_id)
    numbered = selectors.season_number(plan)
    return render(request, "documents/season_report.html", {
        "plan": plan, "numbered": numbered, "form": form, "record": selectors.season_number_record(plan),
        "signer": selectors.ward_signer(plan.party_committee),
        "symbol": f"BC/{plan.party_committee.short_name}"}, status=400 if form else 200)


@require_POST
@ward_staff_required
def season_number(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    form = NumberForm(request.POST)
    if _number_saved(request, form, lambda data: services.document_number_set(plan=plan, keys=("season_report",), by=request.user, **data)):
        return redirect("documents:season_documents", plan_id=plan.pk)
    return season_documents(request, plan_id, form)


@require_POST
@ward_staff_required
def ward_signer(request: HttpRequest) -> HttpResponse:
    """Who signs the ward's approval decisions and season report (T/M BAN THƯỜNG VỤ / T/M ĐẢNG ỦY)."""
    form = SignerForm(request.POST)
    if form.is_valid():
        try:
            services.ward_signer_set(party_committee=installation_ward_or_404(), by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu người ký văn bản của Đảng ủy."))
    else:
        messages.error(request, _("Chức danh người ký không hợp lệ."))
    return redirect("documents:templates")


@login_required
@require_safe  # a download: a POST would render (and convert through LibreOffice) for nothing
def congress_document(request: HttpRequest, congress_id: int, key: str, fmt: str) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    entry = next((e for e in selectors.congress_documents(congress) if e.key == key), None)
    if entry is None:
        raise Http404(_("Không có văn bản này."))
    docx = render_entry(entry, congress.branch.party_committee)
    return as_format(docx, f"{entry.stem}-{congress.pk}", fmt)


@login_required
@require_safe  # a download: a POST would render (and convert through LibreOffice) for nothing
def congress_file(request: HttpRequest, congress_id: int) -> HttpResponse:
    congress = access_congress(request.user, congress_id)
    content = file_zip(selectors.congress_documents(congress), congress.branch.party_committee)
    return download(content, f"ho-so-dai-hoi-{congress.pk}.zip")


@ward_readers_required
@require_safe  # a download: a POST would render (and convert through LibreOffice) for nothing
def season_report(request: HttpRequest, plan_id: int, fmt: str) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    context = season_report_context(selectors.season_report_input(plan))
    docx = render_docx("season_report", context, selectors.template_for(plan.party_committee, "season_report"))
    return as_format(docx, f"bao-cao-ket-qua-dai-hoi-{plan.pk}", fmt)


@ward_staff_required
def templates(request: HttpRequest) -> HttpResponse:
    committee = installation_ward_or_404()
    own = selectors.ward_templates(committee)
    rows = [(kind, own.get(kind.slug)) for kind in KINDS.values()]
    return render(request, "documents/templates.html", {"rows": rows, "form": TemplateUploadForm(),
                                                        "signer": selectors.ward_signer(committee)})


@ward_staff_required
def template_download(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404(_("Không có mẫu này."))
    content = selectors.template_for(installation_ward_or_404(), kind)
    return download(content, KINDS[kind].filename)


@require_POST
@ward_staff_required
def template_upload(request: HttpRequest, kind: str) -> HttpResponse:
    form = TemplateUploadForm(request.POST, request.FILES)
    if kind not in KINDS:
        raise Http404(_("Không có mẫu này."))
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.template_upload(party_committee=installation_ward_or_404(), kind=kind,
                                     filename=upload.name, content=upload.read(), user=request.user)
        except ValidationError as error:
            messages.error(request, _("%(kind)s: %(reason)s") % {"kind": KINDS[kind].label, "reason": " ".join(error.messages)})
        else:
            messages.success(request, _("Đã dùng mẫu mới cho %(kind)s.") % {"kind": KINDS[kind].label})
    else:
        messages.error(request, _("Hãy chọn một tệp .docx."))
    return redirect("documents:templates")


@require_POST
@ward_staff_required
def template_reset(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404(_("Không có mẫu này."))
    services.template_reset(party_committee=installation_ward_or_404(), kind=kind)
    messages.success(request, _("Đã trở về mẫu gốc cho %(kind)s.") % {"kind": KINDS[kind].label})
    return redirect("documents:templates")
