"""The header of a rendered document has the layout of Hướng dẫn 36-HD/VPTW: a borderless table
of two columns, upper and issuing bodies with the asterisk and the number at left, the motto with
its rule and the place and date in italics at right; A4 with the ward's margins."""
import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from daihoi.documents.render import render_docx
from daihoi.documents.samples import sample_context


def rendered() -> Document:
    return Document(io.BytesIO(render_docx("approval_request", sample_context("approval_request"))))


def test_page_is_a4_with_margins_20_20_30_15_and_times_new_roman_14() -> None:
    document = rendered()
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)


def test_header_is_a_borderless_two_column_table_with_bodies_left_and_motto_right() -> None:
    table = rendered().tables[0]
    assert len(table.rows) == 1 and len(table.columns) == 2
    assert table.style is None or "Grid" not in table.style.name
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["ĐẢNG BỘ PHƯỜNG VIỆT HƯNG", "CHI BỘ TỔ DÂN PHỐ SỐ 5", "*", "Số 05-TTr/CB"]
    assert [bool(p.runs[0].bold) for p in left.paragraphs[:2]] == [False, True]
    motto, date_line = right.paragraphs
    assert motto.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and motto.runs[0].bold and motto.runs[0].font.size == Pt(15)
    assert motto._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    assert date_line.text == "Việt Hưng, ngày 06 tháng 3 năm 2025" and date_line.runs[0].italic
    assert table.columns[0].width < table.columns[1].width + Mm(5)


def test_title_follows_the_header_in_bold_upper_case() -> None:
    paragraphs = [p for p in rendered().paragraphs if p.text.strip()]
    assert paragraphs[0].text == "TỜ TRÌNH" and paragraphs[0].runs[0].bold and paragraphs[0].runs[0].font.size == Pt(16)
