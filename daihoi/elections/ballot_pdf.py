"""Printable ballots (phiếu bầu) in the official layout, as PDF (190-QĐ/TW Art 15).

Pure layout: a ``BallotSpec`` in, PDF bytes out, so the scanning work (issue 9) can reuse the
geometry (``layout_for`` gives every row's rectangle). Secrecy by design: a ballot carries the
header, the list and a code for election, round and list version — never anything that tells one
printed ballot from another. Text is NFC and set in a serif TTF registered at run time, so
Vietnamese diacritics come out exactly (checked with pdftotext in the tests)."""
import io
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from daihoi.elections.scanning.layout import draw_machine_marks

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FILES = {"DejaVuSerif.ttf": "DejaVuSerif-Bold.ttf", "LiberationSerif-Regular.ttf": "LiberationSerif-Bold.ttf"}
SERIF, SERIF_BOLD = "BallotSerif", "BallotSerif-Bold"

PAGE_W, PAGE_H = A4
# Sheet splits tried from the most ballots per A4 sheet down: (columns, rows) of cells.
SHEET_SPLITS = ((2, 2), (1, 2), (1, 1))
PAD = 6 * mm
HEADER_H = 40 * mm
FOOTER_H = 13 * mm
TABLE_HEAD_H = 6 * mm
ROW_HEIGHTS = [h * mm for h in (7.0, 6.5, 6.0, 5.5, 5.0, 4.5, 4.2)]
NAME_COLUMNS = (1, 2, 3)
NUMBER_W = 9 * mm
MARK_W = 16 * mm
MIN_NAME_PT = 6.0

INSTRUCTIONS = {
    "strike": "Đồng ý bầu đồng chí nào thì để nguyên họ tên; không đồng ý thì gạch ngang cả họ và tên đồng chí đó.",
    "approve": "Đánh dấu X vào một ô “Đồng ý” hoặc “Không đồng ý” ở mỗi dòng.",
}


class FontMissing(RuntimeError):
    """No serif TTF with Vietnamese glyphs is installed (Debian: fonts-dejavu-core)."""


@dataclass(frozen=True)
class BallotSpec:
    """What one ballot says. ``names`` are already in A-B-C order (rules core ``sort_key``)."""

    party_committee: str
    branch: str
    title: str
    term: str
    seats: int
    names: tuple[str, ...]
    form: str
    code: str
    round_number: int = 1


@dataclass(frozen=True)
class Layout:
    """Where things go on a ballot cell: the cell size, rows per name column, the row height and
    each row's rectangle (x, y, width, height) in points from the cell's bottom left."""

    cell_w: float
    cell_h: float
    columns: int
    row_h: float
    rows: tuple[tuple[float, float, float, float], ...]

    @property
    def font_pt(self) -> float:
        return min(12.0, self.row_h / mm * 1.6)


@cache
def register_fonts() -> None:
    """Register the first serif TTF pair found; raise FontMissing with the Debian package to
    install otherwise."""
    for regular, bold in FONT_FILES.items():
        for folder in FONT_DIRS:
            if (folder / regular).exists() and (folder / bold).exists():
                pdfmetrics.registerFont(TTFont(SERIF, str(folder / regular)))
                pdfmetrics.registerFont(TTFont(SERIF_BOLD, str(folder / bold)))
                return
    raise FontMissing("Không tìm thấy phông chữ DejaVu Serif hoặc Liberation Serif (cài gói fonts-dejavu-core).")


def sheet_split(spec: BallotSpec) -> tuple[int, int, Layout]:
    """The split of the A4 sheet with the most ballots whose list fits at a readable size: small
    cells only with one name column and generous rows; a full page may use smaller rows and up to
    three name columns, so lists of any length print on one sheet."""
    register_fonts()
    for across, down in SHEET_SPLITS:
        full_page = (across, down) == (1, 1)
        for columns in NAME_COLUMNS if full_page else (1,):
            for row_h in ROW_HEIGHTS if full_page else ROW_HEIGHTS[:3]:
                layout = _layout(spec, PAGE_W / across, PAGE_H / down, columns, row_h)
                if layout is not None:
                    return across, down, layout
    raise ValueError(f"Danh sách {len(spec.names)} người không vừa một trang A4.")


def layout_for(spec: BallotSpec) -> Layout:
    return sheet_split(spec)[2]


def _layout(spec: BallotSpec, cell_w: float, cell_h: float, columns: int, row_h: float) -> Layout | None:
    per_column = math.ceil(len(spec.names) / columns)
    table_top = cell_h - PAD - HEADER_H - TABLE_HEAD_H
    if table_top - per_column * row_h < PAD + FOOTER_H:
        return None
    column_w = (cell_w - 2 * PAD) / columns
    rows = []
    for index in range(len(spec.names)):
        column, line = divmod(index, per_column)
        rows.append((PAD + column * column_w, table_top - (line + 1) * row_h, column_w, row_h))
    layout = Layout(cell_w, cell_h, columns, row_h, tuple(rows))
    if any(_name_pt(name, layout, spec.form) < MIN_NAME_PT for name in spec.names):
        return None
    return layout


def _name_width(layout: Layout, form: str) -> float:
    column_w = layout.rows[0][2]
    return column_w - NUMBER_W - (2 * MARK_W if form == "approve" else 0) - 3 * mm


def _name_pt(name: str, layout: Layout, form: str) -> float:
    """The largest size up to the row's that fits the whole name in its column: nothing clipped."""
    size = layout.font_pt
    width = pdfmetrics.stringWidth(name, SERIF, size)
    room = _name_width(layout, form)
    return size if width <= room else size * room / width


def ballots_pdf(spec: BallotSpec, copies: int) -> bytes:
    """``copies`` identical ballots, as many per A4 sheet as fit, with cut marks between them."""
    spec = _nfc_spec(spec)
    across, down, layout = sheet_split(spec)
    per_sheet = across * down
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Phiếu bầu {spec.code}")
    canvas.setAuthor("daihoi")
    canvas.setCreator("daihoi")
    sheets = math.ceil(max(1, copies) / per_sheet)
    for sheet in range(sheets):
        on_sheet = min(per_sheet, max(1, copies) - sheet * per_sheet)
        for index in range(on_sheet):
            column, row = index % across, index // across
            canvas.saveState()
            canvas.translate(column * layout.cell_w, PAGE_H - (row + 1) * layout.cell_h)
            _draw_ballot(canvas, spec, layout)
            canvas.restoreState()
        _cut_marks(canvas, across, down)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _nfc_spec(spec: BallotSpec) -> BallotSpec:
    def nfc(text: str) -> str:
        return unicodedata.normalize("NFC", text)

    return BallotSpec(
        nfc(spec.party_committee), nfc(spec.branch), nfc(spec.title), nfc(spec.term), spec.seats,
        tuple(nfc(name) for name in spec.names), spec.form, spec.code, spec.round_number)


def _draw_ballot(canvas: Canvas, spec: BallotSpec, layout: Layout) -> None:
    _draw_header(canvas, spec, layout)
    _draw_table(canvas, spec, layout)
    _draw_footer(canvas, spec, layout)
    draw_machine_marks(canvas, layout.cell_w, layout.cell_h, spec.code)


def _draw_header(canvas: Canvas, spec: BallotSpec, layout: Layout) -> None:
    """Top left the convening body (the ward party committee) and the branch, with the stamp
    area; top right "ĐẢNG CỘNG SẢN VIỆT NAM" (36-HD/VPTW); then the title and the election."""
    w, top = layout.cell_w, layout.cell_h - PAD
    left_w = (w - 2 * PAD) * 0.48
    left_x = PAD + left_w / 2
    _fit_centered(canvas, spec.party_committee.upper(), SERIF, 9, left_x, top - 9, left_w)
    _fit_centered(canvas, spec.branch.upper(), SERIF_BOLD, 9, left_x, top - 19, left_w)
    canvas.setDash(2, 2)
    canvas.circle(left_x, top - 33, 3.6 * mm, stroke=1, fill=0)
    canvas.setDash()
    right_x = w - PAD - left_w / 2
    _fit_centered(canvas, "ĐẢNG CỘNG SẢN VIỆT NAM", SERIF_BOLD, 10, right_x, top - 9, left_w)
    canvas.line(right_x - 20 * mm, top - 12, right_x + 20 * mm, top - 12)
    title_y = top - 56
    _fit_centered(canvas, "PHIẾU BẦU CỬ", SERIF_BOLD, 15, w / 2, title_y, w - 2 * PAD)
    round_text = f" (lần {spec.round_number})" if spec.round_number > 1 else ""
    _fit_centered(canvas, f"{spec.title}{round_text}", SERIF_BOLD, 10, w / 2, title_y - 15, w - 2 * PAD)
    _fit_centered(canvas, f"Nhiệm kỳ {spec.term} · Số lượng cần bầu: {spec.seats}", SERIF, 10, w / 2, title_y - 27, w - 2 * PAD)


def _draw_table(canvas: Canvas, spec: BallotSpec, layout: Layout) -> None:
    head_y = layout.rows[0][1] + layout.row_h
    for column in range(layout.columns):
        x, _, column_w, _ = layout.rows[column * math.ceil(len(spec.names) / layout.columns)]
        _table_head(canvas, spec.form, x, head_y, column_w)
    canvas.setLineWidth(0.6)
    for index, (name, (x, y, column_w, row_h)) in enumerate(zip(spec.names, layout.rows), start=1):
        canvas.rect(x, y, column_w, row_h)
        canvas.line(x + NUMBER_W, y, x + NUMBER_W, y + row_h)
        baseline = y + row_h * 0.3
        canvas.setFont(SERIF, layout.font_pt)
        canvas.drawCentredString(x + NUMBER_W / 2, baseline, str(index))
        canvas.setFont(SERIF, _name_pt(name, layout, spec.form))
        canvas.drawString(x + NUMBER_W + 1.5 * mm, baseline, name)
        if spec.form == "approve":
            canvas.line(x + column_w - 2 * MARK_W, y, x + column_w - 2 * MARK_W, y + row_h)
            canvas.line(x + column_w - MARK_W, y, x + column_w - MARK_W, y + row_h)


def _table_head(canvas: Canvas, form: str, x: float, y: float, column_w: float) -> None:
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, column_w, TABLE_HEAD_H)
    baseline = y + 1.8 * mm
    canvas.setFont(SERIF_BOLD, 8)
    canvas.drawCentredString(x + NUMBER_W / 2, baseline, "STT")
    canvas.drawString(x + NUMBER_W + 1.5 * mm, baseline, "Họ và tên")
    canvas.line(x + NUMBER_W, y, x + NUMBER_W, y + TABLE_HEAD_H)
    if form == "approve":
        for offset, label in ((2 * MARK_W, "Đồng ý"), (MARK_W, "Không đồng ý")):
            canvas.line(x + column_w - offset, y, x + column_w - offset, y + TABLE_HEAD_H)
            _fit_centered(canvas, label, SERIF_BOLD, 8, x + column_w - offset + MARK_W / 2, baseline, MARK_W - 1 * mm)


def _draw_footer(canvas: Canvas, spec: BallotSpec, layout: Layout) -> None:
    """The one-line instruction (two when narrow) and the code of election, round and list."""
    width = layout.cell_w - 2 * PAD
    y = PAD + FOOTER_H - 4 * mm
    for line in _wrap(INSTRUCTIONS[spec.form], SERIF, 8, width)[:2]:
        canvas.setFont(SERIF, 8)
        canvas.drawString(PAD, y, line)
        y -= 3.6 * mm
    canvas.setFont(SERIF, 6.5)
    canvas.drawRightString(layout.cell_w - PAD, PAD - 2 * mm, spec.code)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pdfmetrics.stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit_centered(canvas: Canvas, text: str, font: str, size: float, x: float, y: float, width: float) -> None:
    actual = pdfmetrics.stringWidth(text, font, size)
    canvas.setFont(font, size if actual <= width else size * width / actual)
    canvas.drawCentredString(x, y, text)


def _cut_marks(canvas: Canvas, across: int, down: int) -> None:
    """Short marks at the page edges and small crosses where cells meet: where to cut."""
    canvas.setLineWidth(0.3)
    length = 4 * mm
    for column in range(1, across):
        x = column * PAGE_W / across
        canvas.line(x, 0, x, length)
        canvas.line(x, PAGE_H - length, x, PAGE_H)
    for row in range(1, down):
        y = row * PAGE_H / down
        canvas.line(0, y, length, y)
        canvas.line(PAGE_W - length, y, PAGE_W, y)
        for column in range(1, across):
            x = column * PAGE_W / across
            canvas.line(x - length / 2, y, x + length / 2, y)
            canvas.line(x, y - length / 2, x, y + length / 2)
