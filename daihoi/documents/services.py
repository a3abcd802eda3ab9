"""Writes of the documents app: a ward office uploads or removes its own template version."""
import io
import zipfile

from django.core.exceptions import ValidationError
from django.db import transaction
from docxtpl import DocxTemplate

from daihoi.accounts.models import User
from daihoi.audit.services import audit_record
from daihoi.documents.kinds import KINDS
from daihoi.lib.archives import unpacks_too_large
from daihoi.documents.models import WardTemplate
from daihoi.documents.samples import sample_context
from daihoi.organizations.models import PartyCommittee

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
# A .docx is a zip: a template's text and pictures unpack to far less than this (zip bombs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def check_template(kind: str, content: bytes) -> None:
    """A ward's template must be a .docx whose placeholders docxtpl can read, that uses only the
    document's known data (an unknown name would print nothing, silently) and keeps the ones the
    document cannot do without (the number, the date, the results …). Each problem is named."""
    if kind not in KINDS:
        raise ValidationError("Loại văn bản không có trong hệ thống.")
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError("Tệp mẫu lớn quá 5 MB.")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise ValidationError("Tệp không phải văn bản Word .docx (hãy lưu lại bằng Word dưới dạng .docx).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError("Tệp .docx bị hỏng, không đọc được.") from None
    if unpacks_too_large(archive, max_entries=1000, max_total_bytes=MAX_UNPACKED_BYTES, max_ratio=200):
        raise ValidationError("Tệp mẫu bất thường (giải nén ra quá lớn), không thể đọc an toàn.")
    try:
        used = DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables()
    except Exception as error:  # docx or Jinja syntax errors of every kind
        raise ValidationError(f"Không đọc được các trường trong mẫu: {error}") from None
    unknown = sorted(used - set(sample_context(kind)))
    if unknown:
        raise ValidationError(f"Mẫu có trường không xác định: {', '.join('{{ ' + name + ' }}' for name in unknown)}.")
    missing = [name for name in KINDS[kind].required if name not in used]
    if missing:
        raise ValidationError(f"Mẫu thiếu trường bắt buộc: {', '.join('{{ ' + name + ' }}' for name in missing)}.")


def template_upload(*, party_committee: PartyCommittee, kind: str, filename: str, content: bytes, user: User) -> WardTemplate:
    """Replace the ward's version of one template, after ``check_template``."""
    check_template(kind, content)
    with transaction.atomic():
        template, _ = WardTemplate.objects.select_for_update().get_or_create(
            party_committee=party_committee, kind=kind,
            defaults={"filename": filename, "content": content, "uploaded_by": user})
        template.filename, template.content, template.uploaded_by = filename, content, user
        template.save()
        audit_record(user=user, instance=template, action="template_upload",
                     after={"kind": kind, "filename": filename, "bytes": len(content)})
    return template


def template_reset(*, party_committee: PartyCommittee, kind: str) -> None:
    """Go back to the repository's template."""
    with transaction.atomic():
        WardTemplate.objects.filter(party_committee=party_committee, kind=kind).delete()
