"""Generate the repository's .docx templates (daihoi/documents/docx/) in the layout of
Hướng dẫn 36-HD/VPTW (2018): A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman; header as a borderless two-column table (upper body regular 14, issuing body bold 14, an
asterisk, number and symbol at left; "ĐẢNG CỘNG SẢN VIỆT NAM" bold 15 with a solid rule of its
length under it, place and date italic 14 at right); title bold 16 upper; subject bold 14; body
14; signature block "T/M …"; recipients "Nơi nhận:".

The templates are committed; run this once after changing the layout or the wording:
``.venv/bin/python -m daihoi.documents.build_templates``. Placeholders are docxtpl's (Jinja):
``{{ name }}`` inside a run, ``{%p … %}`` / ``{%tr … %}`` alone in a paragraph / table row."""
from collections.abc import Callable, Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from daihoi.documents.kinds import KINDS

FONT = "Times New Roman"
TEXT_WIDTH_MM = 165  # 210 − 30 − 15
LEFT_MM, RIGHT_MM = 82, 83  # header columns, no cell margins: "ĐẢNG ỦY PHƯỜNG …" fits on one line
# "ĐẢNG CỘNG SẢN VIỆT NAM" in bold 15 pt is about 79 mm wide: the rule under it is as long.
MOTTO_RULE_MM = 79
CENTER, LEFT, JUSTIFY, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.RIGHT)
Run = tuple[str, str]  # (text, style letters: b bold, i italic, u upper-size 15, s small 12, x 11)
Container = object  # a Document or a table cell: both have add_paragraph


def new_document() -> Document:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    document.core_properties.language = "vi-VN"
    return document


def paragraph(container: Container, runs: Sequence[Run] | str, *, align: int = JUSTIFY, indent: bool = False,
              after: float = 6, before: float = 0, spacing: float = 1.15) -> Paragraph:
    """One paragraph of runs; each placeholder stays whole inside one run, as docxtpl needs."""
    para = container.add_paragraph()  # type: ignore[attr-defined]
    fmt = para.paragraph_format
    fmt.alignment, fmt.space_after, fmt.space_before, fmt.line_spacing = align, Pt(after), Pt(before), spacing
    if indent:
        fmt.first_line_indent = Mm(10)
    for text, style in ([(runs, "")] if isinstance(runs, str) else runs):
        run = para.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
        size = 15 if "u" in style else 16 if "t" in style else 12 if "s" in style else 11 if "x" in style else None
        if size:
            run.font.size = Pt(size)
    return para


def tag(container: Container, text: str) -> None:
    """A docxtpl block tag ({%p … %}), alone in its paragraph, which docxtpl removes."""
    paragraph(container, text, after=0, spacing=1)


def line(container: Container, runs: Sequence[Run] | str, align: int = CENTER) -> Paragraph:
    """A header or signature line: single spacing, no space after."""
    return paragraph(container, runs, align=align, after=0, spacing=1)


def columns(document: Document, widths: Sequence[int], rows: int = 1, grid: bool = False) -> Table:
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if grid:
        table.style = document.styles["Table Grid"]
    for index, width in enumerate(widths):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    for cell in table._cells:
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    if not grid:
        no_cell_margins(table)
    return table


def no_cell_margins(table: Table) -> None:
    """Layout tables (header, signatures) use the full column width for their lines."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)


def bottom_rule(para: Paragraph, width_mm: float, column_mm: float) -> None:
    """The solid rule under "ĐẢNG CỘNG SẢN VIỆT NAM", as long as the line: a bottom border on a
    paragraph indented to the line's width."""
    side = Mm((column_mm - width_mm) / 2)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    para._p.get_or_add_pPr().append(borders)


def header(document: Document) -> Table:
    """The header blocks (36-HD/VPTW): a borderless table of two columns."""
    table = columns(document, (LEFT_MM, RIGHT_MM))
    left, right = table.rows[0].cells
    line(left, "{{ upper_body }}")
    tag(left, "{%p for issuer in issuer_lines %}")
    line(left, [("{{ issuer }}", "b")])
    tag(left, "{%p endfor %}")
    line(left, "*")
    line(left, "{{ number }}")
    motto = line(right, [("ĐẢNG CỘNG SẢN VIỆT NAM", "bu")])
    bottom_rule(motto, MOTTO_RULE_MM, RIGHT_MM)
    paragraph(right, [("{{ place_date }}", "i")], align=CENTER, before=8, after=0, spacing=1)
    return table


def title(document: Document, kind: str, *subject: Sequence[Run] | str) -> None:
    paragraph(document, [(kind, "bt")], align=CENTER, before=18, after=2, spacing=1)
    for text in subject:
        paragraph(document, [(text, "b")] if isinstance(text, str) else text, align=CENTER, after=2, spacing=1)
    paragraph(document, "", after=6, spacing=1)


def body(document: Document, runs: Sequence[Run] | str, indent: bool = True) -> None:
    paragraph(document, runs, indent=indent)


def each(document: Document, loop: str, *runs: Sequence[Run] | str, indent: bool = True) -> None:
    """A paragraph per item: ``{%p for … %}`` paragraph(s) ``{%p endfor %}``."""
    tag(document, f"{{%p for {loop} %}}")
    for item in runs:
        paragraph(document, item, indent=indent, after=2)
    tag(document, "{%p endfor %}")


def heading(document: Document, text: str) -> None:
    paragraph(document, [(text, "b")], before=6)


def grid(document: Document, loop: str, headings: Sequence[str], cells: Sequence[str], widths: Sequence[int]) -> None:
    """A bordered table: a heading row, then one row per item (docxtpl ``{%tr for %}`` rows)."""
    table = columns(document, widths, rows=4, grid=True)
    for cell, text in zip(table.rows[0].cells, headings):
        line(cell, [(text, "bs")])
    loop_row, data_row, end_row = table.rows[1:]
    for index, (cell, text) in enumerate(zip(data_row.cells, cells)):
        line(cell, [(text, "s")], align=LEFT if index == 1 else CENTER)
    line(loop_row.cells[0], f"{{%tr for {loop} %}}")
    line(end_row.cells[0], "{%tr endfor %}")
    for row in (loop_row, end_row):
        for cell in row.cells[1:]:
            line(cell, "")
    paragraph(document, "", after=6)


def signature(document: Document, left: Callable[[_Cell], None], right: Callable[[_Cell], None]) -> None:
    """The signature block as one table row that never splits across pages: a title on one page
    and the name alone on the next (seen in the resolution's PDF) is not a signed document."""
    paragraph(document, "", after=6).paragraph_format.keep_with_next = True
    table = columns(document, (LEFT_MM, RIGHT_MM))
    left(table.rows[0].cells[0])
    right(table.rows[0].cells[1])
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def recipients(*names: str) -> Callable[[_Cell], None]:
    def fill(cell: _Cell) -> None:
        line(cell, [("Nơi nhận:", "bis")], align=LEFT)
        for name in names:
            line(cell, [(f"- {name}", "x")], align=LEFT)
    return fill


def signer(on_behalf: str, title_line: str, name: str) -> Callable[[_Cell], None]:
    def fill(cell: _Cell) -> None:
        if on_behalf:
            line(cell, [(on_behalf, "b")])
        line(cell, [(title_line, "b")])
        for _ in range(4):
            line(cell, "")
        line(cell, [(name, "b")])
    return fill


def counting_minutes() -> Document:
    document = new_document()
    header(document)
    title(document, "BIÊN BẢN KIỂM PHIẾU", "{{ subject }}")
    each(document, "basis in legal_basis", [("{{ basis }}", "i")])
    body(document, "Hôm nay, {{ congress }} bầu {{ election }} (lần bầu thứ {{ round_number }}). "
                   "Số lượng bầu: {{ seats }} đồng chí. Danh sách bầu cử gồm {{ candidate_count }} đồng chí, "
                   "theo thứ tự trên phiếu bầu:")
    each(document, "c in candidates", "{{ c.n }}. Đồng chí {{ c.name }}")
    body(document, [("Ban kiểm phiếu gồm: ", ""), ("đồng chí {{ committee_head }}", "b"), (", Trưởng ban", "")])
    each(document, "member in committee_members", "- Đồng chí {{ member }}, thành viên")
    heading(document, "I. SỐ ĐẢNG VIÊN VÀ SỐ PHIẾU")
    body(document, "Tổng số đảng viên chính thức được triệu tập: {{ summoned }}; có mặt: {{ present }}; vắng mặt: {{ absent }}.")
    body(document, "Không tính vào số đảng viên để xác định kết quả bầu cử (Điều 30 Quy chế bầu cử):")
    each(document, "x in exclusions", "- {{ x.label }}: {{ x.count }}")
    body(document, [("Số đảng viên chính thức được triệu tập để tính kết quả (D): ", ""), ("{{ denominator }}", "b"),
                    ("; người trúng cử phải được quá một nửa, tức ít nhất ", ""), ("{{ threshold }}", "b"), (" phiếu.", "")])
    body(document, "Số phiếu phát ra: {{ issued }}; số phiếu thu vào: {{ collected }}; "
                   "số phiếu hợp lệ: {{ valid }}; số phiếu không hợp lệ: {{ invalid }}.")
    each(document, "r in invalid_reasons", "- {{ r.label }}: {{ r.count }}")
    heading(document, "II. KẾT QUẢ KIỂM PHIẾU (theo thứ tự trên phiếu bầu)")
    grid(document, "c in candidates", ("STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ % so với D"),
         ("{{ c.n }}", "{{ c.name }}", "{{ c.votes }}", "{{ c.percent }}%"), (14, 81, 32, 38))
    heading(document, "III. NGƯỜI TRÚNG CỬ (theo thứ tự số phiếu từ cao xuống thấp)")
    each(document, "e in elected", [("{{ e.n }}. Đồng chí ", ""), ("{{ e.name }}", "b"),
                                     (": {{ e.votes }} phiếu, đạt {{ e.percent }}%", "")])
    each(document, "sentence in outcome", "{{ sentence }}")
    body(document, [("{{ completed }}", "i")])
    tag(document, "{%p if fingerprint %}")
    body(document, [("Dấu vân tay SHA-256 của lần bầu (đối chiếu tệp lần bầu bằng lệnh daihoi verify): ", "s"),
                    ("{{ fingerprint }}", "s")])
    tag(document, "{%p endif %}")

    def members(cell: _Cell) -> None:
        line(cell, [("THÀNH VIÊN BAN KIỂM PHIẾU", "b")])
        tag(cell, "{%p for member in committee_members %}")
        for _ in range(3):
            line(cell, "")
        line(cell, "{{ member }}")
        tag(cell, "{%p endfor %}")

    signature(document, members, signer("", "TRƯỞNG BAN KIỂM PHIẾU", "{{ committee_head }}"))
    return document


def congress_minutes() -> Document:
    document = new_document()
    header(document)
    title(document, "BIÊN BẢN ĐẠI HỘI", "{{ congress }}")
    body(document, "Hồi {{ opened_at }}, {{ held_on }}, tại {{ venue }}, {{ congress }} khai mạc.")
    heading(document, "I. THÀNH PHẦN")
    body(document, "Tổng số đảng viên được triệu tập: {{ summoned }} (chính thức {{ summoned_full }}, "
                   "dự bị {{ summoned_probationary }}); có mặt: {{ present }} (chính thức {{ present_full }}, "
                   "dự bị {{ present_probationary }}); vắng mặt: {{ absent }}.")
    each(document, "a in absentees", "- Đồng chí {{ a.name }} (đảng viên {{ a.kind }}): {{ a.reason }}")
    body(document, "Đại biểu khách mời:")
    each(document, "guest in guests", "- {{ guest }}")
    body(document, "Đoàn chủ tịch: {% for p in presidium %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}; "
                   "chủ trì: đồng chí {{ chair }}.")
    body(document, "Thư ký đại hội: {% for p in secretariat %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}.")
    heading(document, "II. CHƯƠNG TRÌNH ĐẠI HỘI")
    each(document, "item in agenda", "- {{ item }}")
    heading(document, "III. DIỄN BIẾN ĐẠI HỘI")
    for label, key in (("Báo cáo chính trị", "political_report"), ("Báo cáo kiểm điểm của chi ủy", "self_review"),
                       ("Thảo luận", "discussion"), ("Phát biểu chỉ đạo của cấp trên", "upper_speech")):
        body(document, [(f"{label}:", "bi")])
        each(document, f"text in {key}", "{{ text }}")
    heading(document, "IV. BIỂU QUYẾT")
    each(document, "m in motions", "- {{ m.title }}: tán thành {{ m.agree }}, không tán thành {{ m.disagree }}, "
                                    "không biểu quyết {{ m.abstain }}; {{ m.outcome }}.")
    heading(document, "V. KẾT QUẢ BẦU CỬ (chi tiết tại các biên bản kiểm phiếu)")
    tag(document, "{%p for el in elections %}")
    body(document, [("Bầu {{ el.election }}: {{ el.count }} đồng chí trúng cử", "b")])
    each(document, "e in el.elected", "{{ e.n }}. Đồng chí {{ e.name }}: {{ e.votes }} phiếu, đạt {{ e.percent }}%")
    tag(document, "{%p endfor %}")
    heading(document, "VI. THÔNG QUA NGHỊ QUYẾT")
    body(document, "Đại hội biểu quyết thông qua Nghị quyết: tán thành {{ resolution_vote.agree }}, không tán thành "
                   "{{ resolution_vote.disagree }}, tổng số {{ resolution_vote.total }}.")
    body(document, "Đại hội bế mạc hồi {{ closed_at }} cùng ngày.")
    signature(document, signer("", "THƯ KÝ ĐẠI HỘI", "{{ secretary }}"), signer("", "{{ chair_signs }}", "{{ chair }}"))
    return document


def resolution() -> Document:
    document = new_document()
    header(document)
    # "NGHỊ QUYẾT / ĐẠI HỘI CHI BỘ … LẦN THỨ …, / NHIỆM KỲ …": the subject in two lines, so the
    # term is never cut at its dash ("2025–" / "2030").
    paragraph(document, [("NGHỊ QUYẾT", "bt")], align=CENTER, before=18, after=2, spacing=1)
    tag(document, "{%p for line in subject_lines %}")
    paragraph(document, [("{{ line }}", "b")], align=CENTER, after=2, spacing=1)
    tag(document, "{%p endfor %}")
    paragraph(document, "", after=6, spacing=1)
    body(document, "{{ congress }} họp {{ held_on }}, tại {{ venue }}, với {{ present }} đồng chí đảng viên dự "
                   "(chính thức {{ present_full }}, dự bị {{ present_probationary }}),")
    paragraph(document, [("QUYẾT NGHỊ:", "b")], align=CENTER, before=6)
    body(document, [("1. ", "b"), ("Tán thành nội dung đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua:", "")])
    each(document, "text in review", "{{ text }}")
    body(document, [("2. ", "b"), ("Mục tiêu, nhiệm vụ, giải pháp nhiệm kỳ {{ term }}:", "")])
    each(document, "target in targets", "- {{ target }}")
    body(document, [("3. ", "b"), ("Nhất trí với kết quả bầu cử:", "")])
    tag(document, "{%p for el in elections %}")
    body(document, "{{ el.election }} ({{ el.count }} đồng chí):")
    each(document, "e in el.elected", "{{ e.n }}. Đồng chí {{ e.name }}")
    tag(document, "{%p endfor %}")
    body(document, [("4. ", "b"), ("Giao Chi ủy chi bộ xây dựng chương trình hành động, tổ chức thực hiện thắng lợi "
                                   "Nghị quyết; đảng viên trong chi bộ có trách nhiệm thực hiện Nghị quyết.", "")])
    body(document, "Nghị quyết được Đại hội thông qua toàn văn.")
    signature(document, recipients("Đảng ủy phường (để b/c);", "Đảng viên trong chi bộ;", "Lưu chi bộ."),
              signer("T/M ĐẠI HỘI", "{{ chair_title }}", "{{ chair }}"))
    return document


def approval_request() -> Document:
    document = new_document()
    header(document)
    title(document, "TỜ TRÌNH", "{{ subject }}")
    paragraph(document, [("Kính gửi: ", ""), ("{{ addressee }}", "b")], align=CENTER, after=8)
    each(document, "basis in legal_basis", [("{{ basis }}", "i")])
    body(document, "{{ held_on|capitalize }}, {{ congress }} đã tiến hành đại hội. Số đảng viên chính thức được "
                   "triệu tập để tính kết quả bầu cử (D): {{ denominator }}. Đại hội đã bầu:")
    tag(document, "{%p for el in elections %}")
    body(document, "- {{ el.election }}: {{ el.count }} đồng chí;")
    tag(document, "{%p endfor %}")
    body(document, "Kết quả cụ thể như sau:")
    grid(document, "r in rows", ("STT", "Họ và tên", "Chức danh", "Số phiếu", "Tỷ lệ % so với D"),
         ("{{ r.n }}", "{{ r.name }}", "{{ r.post }}", "{{ r.votes }}", "{{ r.percent }}%"), (12, 62, 35, 24, 32))
    body(document, "{{ branch }} kính đề nghị Ban Thường vụ {{ ward_committee }} xem xét, chuẩn y kết quả bầu cử nêu trên.")
    body(document, "Hồ sơ kèm theo: biên bản đại hội, nghị quyết đại hội, các biên bản kiểm phiếu.")
    signature(document, recipients("Như kính gửi;", "Lưu chi bộ."), signer("T/M CHI BỘ", "BÍ THƯ", "{{ secretary }}"))
    return document


def approval_decision() -> Document:
    document = new_document()
    header(document)
    title(document, "QUYẾT ĐỊNH", "{{ subject }}")
    paragraph(document, [("-----", "")], align=CENTER, after=6)
    paragraph(document, [("{{ standing_committee }}", "b")], align=CENTER, after=6)
    each(document, "basis in legal_basis", [("{{ basis }}", "i")])
    body(document, [("Xét đề nghị của {{ branch }} và kết quả đại hội chi bộ nhiệm kỳ {{ term }},", "i")])
    paragraph(document, [("QUYẾT ĐỊNH:", "b")], align=CENTER, before=6)
    body(document, [("Điều 1. ", "b"), ("Chuẩn y kết quả bầu cử chi ủy, bí thư, phó bí thư {{ branch }}, "
                                        "nhiệm kỳ {{ term }}, gồm các đồng chí có tên sau:", "")])
    tag(document, "{%p for el in elections %}")
    body(document, [("{{ el.election }} ({{ el.count }} đồng chí):", "b")])
    each(document, "e in el.elected", "{{ e.n }}. Đồng chí {{ e.name }}")
    tag(document, "{%p endfor %}")
    body(document, [("Điều 2. ", "b"), ("Quyết định có hiệu lực kể từ ngày ký.", "")])
    body(document, [("Điều 3. ", "b"), ("Văn phòng Đảng ủy, {{ branch }} và các đồng chí có tên tại Điều 1 "
                                        "căn cứ Quyết định thi hành.", "")])
    signature(document, recipients("Như Điều 3;", "Lưu Văn phòng Đảng ủy."),
              signer("T/M BAN THƯỜNG VỤ", "{{ signer_title }}", "{{ signer }}"))
    return document


def summons() -> Document:
    document = new_document()
    tag(document, "{%p for s in summoned %}")
    header(document)
    title(document, "GIẤY TRIỆU TẬP", "{{ congress }}")
    body(document, "Chi ủy {{ branch }} trân trọng triệu tập:")
    paragraph(document, [("Đồng chí: ", ""), ("{{ s.name }}", "b")], indent=True, after=6)
    body(document, "Đến dự {{ congress }}.")
    body(document, [("Thời gian: ", "b"), ("{{ when }}.", "")])
    body(document, [("Địa điểm: ", "b"), ("{{ venue }}.", "")])
    body(document, "Khi đến dự, đồng chí đưa mã dưới đây để điểm danh. Đề nghị đồng chí đến đúng giờ.")
    paragraph(document, "{{ s.qr }}", align=CENTER, after=0)
    paragraph(document, [("Mã điểm danh: {{ s.checkin_code }}", "s")], align=CENTER)
    signature(document, recipients("Như trên;", "Lưu chi bộ."), signer("T/M CHI ỦY", "BÍ THƯ", "{{ secretary }}"))
    tag(document, "{%p if not loop.last %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    return document


def season_report() -> Document:
    document = new_document()
    header(document)
    title(document, "BÁO CÁO", "{{ subject }}")
    body(document, "{{ plan }}, đại hội các chi bộ được tổ chức {{ window }}. Đã có {{ held }} chi bộ tổ chức "
                   "đại hội; tổng số đảng viên được triệu tập {{ summoned }}, có mặt {{ present }} "
                   "(đạt {{ present_percent }}%).")
    heading(document, "I. KẾT QUẢ ĐẠI HỘI CÁC CHI BỘ")
    grid(document, "r in rows", ("STT", "Chi bộ", "Ngày đại hội", "Triệu tập", "Có mặt", "Bí thư", "Phó bí thư", "Chi ủy"),
         ("{{ r.n }}", "{{ r.branch }}", "{{ r.held_on }}", "{{ r.summoned }}", "{{ r.present }}",
          "{{ r.secretary }}", "{{ r.deputy }}", "{{ r.committee_size }}"), (13, 34, 22, 16, 14, 28, 27, 11))
    heading(document, "II. CÁC VIỆC SAU ĐẠI HỘI")
    body(document, "{{ after_summary }}")
    each(document, "text in after", "- {{ text }}.")
    heading(document, "III. ĐÁNH GIÁ CHUNG")
    each(document, "text in assessment", "{{ text }}")
    signature(document, recipients("Ban Thường vụ cấp trên (để b/c);", "Các đồng chí Đảng ủy viên;", "Lưu Văn phòng Đảng ủy."),
              signer("T/M ĐẢNG ỦY", "{{ signer_title }}", "{{ signer }}"))
    return document


BUILDERS: dict[str, Callable[[], Document]] = {
    "counting_minutes": counting_minutes,
    "congress_minutes": congress_minutes,
    "resolution": resolution,
    "approval_request": approval_request,
    "approval_decision": approval_decision,
    "summons": summons,
    "season_report": season_report,
}


def main() -> None:
    folder = Path(__file__).parent / "docx"
    folder.mkdir(exist_ok=True)
    for slug, build in BUILDERS.items():
        path = folder / KINDS[slug].filename
        build().save(str(path))
        print(path)


if __name__ == "__main__":
    main()
