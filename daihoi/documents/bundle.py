"""Rendering a congress's documents and packing its whole file (hồ sơ) into one zip: each
document as .docx and, when LibreOffice is installed, as PDF."""
import io
import zipfile
from collections.abc import Iterable

from daihoi.documents.pdf import PdfUnavailable, docx_batch_to_pdf
from daihoi.documents.render import render_docx
from daihoi.documents.selectors import DocumentEntry, template_for
from daihoi.organizations.models import PartyCommittee


def render_entry(entry: DocumentEntry, party_committee: PartyCommittee) -> bytes:
    return render_docx(entry.kind, entry.context, template_for(party_committee, entry.kind))


def file_zip(entries: Iterable[DocumentEntry], party_committee: PartyCommittee, *, with_pdf: bool = True) -> bytes:
    """All documents numbered in order ("01-giay-trieu-tap.docx", …)."""
    docs = {f"{index:02d}-{entry.stem}": render_entry(entry, party_committee)
            for index, entry in enumerate(entries, start=1)}
    return zip_documents(docs, with_pdf=with_pdf)


def zip_documents(docs: dict[str, bytes], *, with_pdf: bool = True) -> bytes:
    """{stem: .docx} → a zip of each .docx and its PDF, converted in one LibreOffice run. Without
    LibreOffice the zip still holds every .docx and says why the PDFs are missing."""
    pdfs: dict[str, bytes] = {}
    note = ""
    if with_pdf:
        try:
            pdfs = docx_batch_to_pdf(docs)
        except PdfUnavailable as error:
            note = str(error)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for stem, content in docs.items():
            archive.writestr(f"{stem}.docx", content)
        for stem, content in pdfs.items():
            archive.writestr(f"{stem}.pdf", content)
        if note:
            archive.writestr("CHUA-CO-PDF.txt", note + "\n")
    return out.getvalue()
