"""Rendering a document: its .docx template (the ward's own, else the repository's) filled with a
context through docxtpl; check-in codes become QR images (segno)."""
import io
from pathlib import Path

import segno
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from daihoi.documents.contexts import Context
from daihoi.documents.formatting import nfc_deep
from daihoi.documents.kinds import KINDS

TEMPLATE_DIR = Path(__file__).parent / "docx"


def default_template(kind: str) -> bytes:
    return (TEMPLATE_DIR / KINDS[kind].filename).read_bytes()


def render_docx(kind: str, context: Context, template: bytes | None = None) -> bytes:
    """The filled .docx as bytes. Text is NFC; &, < and > are escaped (autoescape), so a name
    never breaks the document's XML."""
    document = DocxTemplate(io.BytesIO(template or default_template(kind)))
    values = nfc_deep(context)
    for person in values.get("summoned", []) if kind == "summons" else []:
        person["qr"] = InlineImage(document, io.BytesIO(qr_png(person["checkin_code"])), width=Mm(32))
    document.render(values, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def qr_png(payload: str) -> bytes:
    """A QR code for the check-in desk's scanner (error correction M, quiet zone kept)."""
    out = io.BytesIO()
    segno.make(payload, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()
