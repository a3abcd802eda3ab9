"""Writes of the documents app: a ward office uploads or removes its own template version, gives
a document its number and date, names who signs the ward's documents."""
import io
import zipfile
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from docxtpl import DocxTemplate

from daihoi.accounts.models import User
from daihoi.audit.services import audit_record
from daihoi.documents.kinds import KINDS
from daihoi.lib.archives import unpacks_too_large
from daihoi.documents.formatting import valid_number
from daihoi.documents.models import DocumentNumber, WardSigner, WardTemplate
from daihoi.documents.samples import sample_context
from daihoi.organizations.models import PartyCommittee
from daihoi.plans.models import Congress, Plan

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


def document_number_set(*, congress: Congress | None = None, plan: Plan | None = None, key: str, keys: tuple[str, ...],
                        number: str, issued_on: date | None, by: User) -> DocumentNumber | None:
    """The office gives one document (``key``, one of the ``keys`` it may number) of a congress or
    of a season the number from its own register, and optionally its date; both empty go back to
    what the system proposes. The number is digits only (36-HD/VPTW: the register's order);
    the symbol after it is the document's own and not typed."""
    number = number.strip()
    if key not in keys:
        raise ValidationError({"key": "Văn bản này không đánh số ở đây."})
    if number and not valid_number(number):
        raise ValidationError({"number": "Số văn bản chỉ gồm chữ số, ví dụ 01 hoặc 124 (ký hiệu sau dấu gạch đã có sẵn)."})
    if (congress is None) == (plan is None):
        raise ValidationError("Cần chỉ rõ đại hội hoặc kế hoạch.")
    with transaction.atomic():
        owner = {"congress": congress} if congress is not None else {"plan": plan}
        record = DocumentNumber.objects.select_for_update().filter(**owner, key=key).first()
        before = {"number": record.number, "issued_on": record.issued_on and record.issued_on.isoformat()} if record else None
        if not number and issued_on is None:
            if record is not None:
                record.delete()
            audit_record(user=by, instance=congress or plan, action="document_number_reset",  # type: ignore[arg-type]
                         before=before, after={"key": key})
            return None
        record, _ = DocumentNumber.objects.update_or_create(**owner, key=key, defaults={
            "number": number, "issued_on": issued_on, "set_by": by})
        audit_record(user=by, instance=record, action="document_number_set", before=before,
                     after={"key": key, "number": number, "issued_on": issued_on and issued_on.isoformat()})
    return record


def ward_signer_set(*, party_committee: PartyCommittee, name: str, title: str, by: User) -> WardSigner | None:
    """Who signs the ward's approval decisions and season report; an empty name removes it (the
    name is then written by hand on the printed copy)."""
    name = " ".join(name.split())
    if title not in {choice for choice, _ in WardSigner._meta.get_field("title").choices}:
        raise ValidationError({"title": "Chức danh người ký không hợp lệ."})
    with transaction.atomic():
        if not name:
            WardSigner.objects.filter(party_committee=party_committee).delete()
            return None
        signer, _ = WardSigner.objects.update_or_create(party_committee=party_committee, defaults={
            "name": name, "title": title, "set_by": by})
        audit_record(user=by, instance=signer, action="ward_signer_set", after={"name": name, "title": title})
    return signer
