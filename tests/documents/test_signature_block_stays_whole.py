"""The signature block ("T/M …", title, space to sign, name) is never split across two pages: in
the resolution's PDF the name once stood alone at the top of page 2. Every document's block is a
table row marked cantSplit, and the blank line before it keeps with it."""
import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from daihoi.documents.kinds import KINDS
from daihoi.documents.render import render_docx
from daihoi.documents.samples import sample_context


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_signature_row_cannot_split_across_pages(kind: str) -> None:
    document = Document(io.BytesIO(render_docx(kind, sample_context(kind))))
    signature = document.tables[-1]
    assert signature.rows[0]._tr.trPr is not None
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    before = signature._tbl.getprevious()
    assert before.tag == qn("w:p") and before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_the_resolution_subject_keeps_the_term_whole_on_its_own_line() -> None:
    text = [p.text for p in Document(io.BytesIO(render_docx("resolution", sample_context("resolution")))).paragraphs]
    assert text[text.index("NGHỊ QUYẾT") + 1: text.index("NGHỊ QUYẾT") + 3] == [
        "ĐẠI HỘI CHI BỘ TỔ DÂN PHỐ SỐ 5 LẦN THỨ 3,", "NHIỆM KỲ 2025–2030"]
