"""Printable ballots (phiếu bầu) in the official layout, as PDF (190-QĐ/TW Art 15).

Pure layout: a ``BallotSpec`` in, PDF bytes out, so the scanning work (issue 9) can reuse the
geometry (``layout_for`` gives every row's rectangle). Secrecy by design: a ballot carries the
header, the list and a code for election, round and list version — never anything that tells one
printed ballot from another. Text is NFC and set in a serif TTF registered at run time, so
Vietnamese diacritics come out exactly (checked with pdftotext in the tests).

Ballots never break (issue 11): every list prints, whatever its length and however long the
names. All names of a ballot share one size, never below ``MIN_NAME_PT``; a name too long for its
row goes onto a second (or third) line inside the same, taller row; long lists use two or three
name columns; and only a list that cannot fit one A4 side even then is printed as one ballot on
both sides of the sheet (or more pages), numbered “Trang 1/2”, with “(tiếp theo)” on the
continuation — the same on every ballot, so the page numbers identify no voter."""
import io
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
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
# Sheet splits with several ballots per A4 sheet, tried first: (columns, rows) of cells.
SMALL_SPLITS = ((2, 2), (1, 2))
PAD = 6 * mm
HEADER_H = 40 * mm
CONTINUATION_HEADER_H = 16 * mm  # "PHIẾU BẦU CỬ (tiếp theo)" and the election, on pages 2, 3, …
FOOTER_H = 13 * mm
PAGE_LABEL_H = 5 * mm  # "Trang 1/2 · xem tiếp trang sau", above the instruction, on multi-page ballots
TABLE_HEAD_H = 6 * mm
APPROVE_HEAD_H = 8 * mm  # room for “Không / đồng ý” on two lines over its box
HEAD_LEADING = 9.4
# Name sizes in points, largest first. The single-line row is size / 1.6 mm tall (11.2 pt in a
# 7 mm row, 8 pt in a 5 mm row); each further line of a wrapped name adds LEADING × size.
NAME_SIZES = (11.2, 10.4, 9.6, 8.8, 8.0)
SMALL_CELL_SIZES = NAME_SIZES[:3]  # several ballots on a sheet only at a generous size
# Never smaller: the ballot is read by members of every age, many of them retired and elderly.
# At 8 pt DejaVu Serif's lower-case letters are about 1.5 mm high (x-height 0.52 em), what 9.5
# pt Times New Roman gives; the earlier 6 pt minimum (1.1 mm) was too small to read without glasses.
MIN_NAME_PT = NAME_SIZES[-1]
LEADING = 1.1
MAX_LINES = 2  # a third line makes a row that reads like two names; the last resort allows more
NAME_COLUMNS = (1, 2, 3)
NUMBER_W = 9 * mm
MARK_W = 16 * mm
NAME_INSET = 1.5 * mm  # between the name and its box, each side
MIN_NAME_ROOM = 40 * mm  # narrower name columns (three beside the mark boxes) read as a word list

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
    """Where things go on a ballot cell: the cell size, the number of name columns, the names'
    size, each row's rectangle (x, y, width, height) in points from the cell's bottom left on its
    own page (``row_pages``), and each name's printed lines. ``pages`` is 1 unless the list
    cannot fit one A4 side; then one ballot takes ``pages`` pages (both sides of a sheet)."""

    cell_w: float
    cell_h: float
    columns: int
    font_pt: float
    rows: tuple[tuple[float, float, float, float], ...]
    lines: tuple[tuple[str, ...], ...]
    row_pages: tuple[int, ...]
    pages: int = 1

    @property
    def leading(self) -> float:
        return LEADING * self.font_pt


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


@lru_cache(maxsize=64)
def sheet_split(spec: BallotSpec) -> tuple[int, int, Layout]:
    """The layout for this list, in order of preference: several ballots per A4 sheet (one name
    column, generous size); one ballot per side, at the largest size that fits with one, two or
    three name columns; and, only when no size fits one side, one ballot over the fewest pages,
    at the largest size that keeps that many. Never refuses a list. Measured on the NFC text,
    as printed, so the scanner's geometry is the printed one whatever form the names came in."""
    register_fonts()
    spec = _nfc_spec(spec)
    for across, down in SMALL_SPLITS:
        for size in SMALL_CELL_SIZES:
            layout = _paginate(spec, PAGE_W / across, PAGE_H / down, 1, size, max_pages=1)
            if layout is not None:
                return across, down, layout
    for size in NAME_SIZES:
        for columns in NAME_COLUMNS:
            layout = _paginate(spec, PAGE_W, PAGE_H, columns, size, max_pages=1)
            if layout is not None:
                return 1, 1, layout
    # One column at the smallest size, breaking even a word wider than the column between
    # letters, always fits; a word is broken like that only when nothing else can print it.
    last_resort = _paginate(spec, PAGE_W, PAGE_H, 1, MIN_NAME_PT, None, break_words=True)
    assert last_resort is not None
    fewest = min(layout.pages for layout in (last_resort, *_layouts(spec, MIN_NAME_PT, None)))
    for size in NAME_SIZES:
        for layout in _layouts(spec, size, fewest):
            return 1, 1, layout
    return 1, 1, last_resort


def layout_for(spec: BallotSpec) -> Layout:
    return sheet_split(spec)[2]


def _layouts(spec: BallotSpec, size: float, max_pages: int | None) -> Iterator[Layout]:
    """Full-page layouts at this size with one, two, then three name columns."""
    for columns in NAME_COLUMNS:
        layout = _paginate(spec, PAGE_W, PAGE_H, columns, size, max_pages)
        if layout is not None:
            yield layout


def _head_h(form: str) -> float:
    return APPROVE_HEAD_H if form == "approve" else TABLE_HEAD_H


def _table_top(cell_h: float, form: str, page: int) -> float:
    return cell_h - PAD - (HEADER_H if page == 0 else CONTINUATION_HEADER_H) - _head_h(form)


def _table_bottom(pages: int) -> float:
    return PAD + FOOTER_H + (PAGE_LABEL_H if pages > 1 else 0)


def _paginate(spec: BallotSpec, cell_w: float, cell_h: float, columns: int, size: float,
              max_pages: int | None, break_words: bool = False) -> Layout | None:
    """Rows for every name at this size and number of columns, or None when a name does not
    fit (more than ``MAX_LINES`` lines, a word wider than its column) or the list needs more than
    ``max_pages`` pages. Rows run down each column, the columns of a page balanced."""
    column_w = (cell_w - 2 * PAD) / columns
    room = _name_room(column_w, spec.form)
    if room < MIN_NAME_ROOM and columns > 1:
        return None
    lines = []
    for name in spec.names:
        wrapped = _wrap_name(name, size, room, break_words)
        if wrapped is None or (len(wrapped) > MAX_LINES and not break_words):
            return None
        lines.append(wrapped)
    single = size / 1.6 * mm
    heights = [single + (len(name_lines) - 1) * LEADING * size for name_lines in lines]
    # The page count decides the footer, which decides how much a page holds: settle it first.
    pages = 1
    while True:
        room_of_page = [_table_top(cell_h, spec.form, page) - _table_bottom(pages) for page in range(len(heights) + 1)]
        chunks = _page_chunks(heights, columns, room_of_page)
        if chunks is None or (max_pages is not None and len(chunks) > max_pages):
            return None  # more pages only shrink each page's room: it would not fit then either
        if len(chunks) <= pages:
            break
        pages = len(chunks)
    rows: list[tuple[float, float, float, float]] = []
    row_pages: list[int] = []
    index = 0
    for page, chunk in enumerate(chunks):
        limit = _balanced_limit(heights[index:index + chunk], columns)
        column, y = 0, _table_top(cell_h, spec.form, page)
        for height in heights[index:index + chunk]:
            if _table_top(cell_h, spec.form, page) - (y - height) > limit + 0.01:
                column, y = column + 1, _table_top(cell_h, spec.form, page)
            y -= height
            rows.append((PAD + column * column_w, y, column_w, height))
            row_pages.append(page)
        index += chunk
    return Layout(cell_w, cell_h, columns, size, tuple(rows), tuple(lines), tuple(row_pages), len(chunks))


def _page_chunks(heights: list[float], columns: int, room: list[float]) -> list[int] | None:
    """How many rows go on each page, filling the columns of every page in turn."""
    chunks: list[int] = []
    index = 0
    while index < len(heights):
        page = len(chunks)
        start = index
        for _ in range(columns):
            used = 0.0
            while index < len(heights) and used + heights[index] <= room[page] + 0.01:
                used += heights[index]
                index += 1
        if index == start:
            return None
        chunks.append(index - start)
    return chunks or [0]


def _balanced_limit(heights: list[float], columns: int) -> float:
    """The shortest column height that still puts these rows into ``columns`` columns (so a
    page's columns come out about even, not one full and one nearly empty)."""
    def fits(limit: float) -> bool:
        used, column = 0.0, 1
        for height in heights:
            if used + height > limit + 0.01:
                column, used = column + 1, 0.0
            used += height
        return column <= columns

    low, high = max(heights, default=0.0), sum(heights)
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (low, middle) if fits(middle) else (middle, high)
    return high


def _name_room(column_w: float, form: str) -> float:
    return column_w - NUMBER_W - (2 * MARK_W if form == "approve" else 0) - 2 * NAME_INSET


@lru_cache(maxsize=8192)
def _wrap_name(name: str, size: float, room: float, break_words: bool) -> tuple[str, ...] | None:
    """The name's lines at ``size`` within ``room`` points, broken between words; a word wider
    than the room is broken between letters only when ``break_words`` (the last resort)."""
    lines: list[str] = []
    for word in name.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and pdfmetrics.stringWidth(candidate, SERIF, size) <= room:
            lines[-1] = candidate
            continue
        if pdfmetrics.stringWidth(word, SERIF, size) <= room:
            lines.append(word)
            continue
        if not break_words:
            return None
        piece = ""
        for letter in word:
            if piece and pdfmetrics.stringWidth(piece + letter, SERIF, size) > room:
                lines.append(piece)
                piece = ""
            piece += letter
        lines.append(piece)
    return tuple(lines) or ("",)


def ballots_pdf(spec: BallotSpec, copies: int) -> bytes:
    """``copies`` identical ballots, as many per A4 sheet as fit, with cut marks between them. A
    ballot of several pages takes whole sheets printed on both sides: an odd page count gets a
    blank back, so the next ballot starts on a sheet of its own."""
    spec = _nfc_spec(spec)
    across, down, layout = sheet_split(spec)
    per_sheet = across * down
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Phiếu bầu {spec.code}")
    canvas.setAuthor("daihoi")
    canvas.setCreator("daihoi")
    copies = max(1, copies)
    if layout.pages > 1:
        for _ in range(copies):
            for page in range(layout.pages):
                _draw_ballot(canvas, spec, layout, page)
                canvas.showPage()
            if layout.pages % 2:
                canvas.showPage()
        canvas.save()
        return buffer.getvalue()
    for sheet in range(math.ceil(copies / per_sheet)):
        on_sheet = min(per_sheet, copies - sheet * per_sheet)
        for index in range(on_sheet):
            column, row = index % across, index // across
            canvas.saveState()
            canvas.translate(column * layout.cell_w, PAGE_H - (row + 1) * layout.cell_h)
            _draw_ballot(canvas, spec, layout, 0)
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


def _draw_ballot(canvas: Canvas, spec: BallotSpec, layout: Layout, page: int) -> None:
    if page == 0:
        _draw_header(canvas, spec, layout)
    else:
        _draw_continuation_header(canvas, spec, layout)
    _draw_table(canvas, spec, layout, page)
    _draw_footer(canvas, spec, layout, page)
    draw_machine_marks(canvas, layout.cell_w, layout.cell_h, spec.code)


def _election_line(spec: BallotSpec) -> str:
    return f"{spec.title} (lần {spec.round_number})" if spec.round_number > 1 else spec.title


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
    _fit_centered(canvas, _election_line(spec), SERIF_BOLD, 10, w / 2, title_y - 15, w - 2 * PAD)
    _fit_centered(canvas, f"Nhiệm kỳ {spec.term} · Số lượng cần bầu: {spec.seats}", SERIF, 10, w / 2, title_y - 27, w - 2 * PAD)


def _draw_continuation_header(canvas: Canvas, spec: BallotSpec, layout: Layout) -> None:
    """Pages after the first: the title marked “(tiếp theo)” and the election, so a loose page
    still says which ballot it continues, and a stamp area (a third page is a sheet of its own)."""
    w, top = layout.cell_w, layout.cell_h - PAD
    canvas.setDash(2, 2)
    canvas.circle(PAD + 12 * mm, top - 7 * mm, 3.6 * mm, stroke=1, fill=0)
    canvas.setDash()
    _fit_centered(canvas, "PHIẾU BẦU CỬ (tiếp theo)", SERIF_BOLD, 13, w / 2, top - 16, w - 2 * PAD)
    _fit_centered(canvas, _election_line(spec), SERIF_BOLD, 10, w / 2, top - 30, w - 2 * PAD)


def _draw_table(canvas: Canvas, spec: BallotSpec, layout: Layout, page: int) -> None:
    on_page = [index for index, row_page in enumerate(layout.row_pages) if row_page == page]
    head_y = _table_top(layout.cell_h, spec.form, page)
    for x in sorted({layout.rows[index][0] for index in on_page}):
        _table_head(canvas, spec.form, x, head_y, layout.rows[on_page[0]][2])
    canvas.setLineWidth(0.6)
    size, leading = layout.font_pt, layout.leading
    for index in on_page:
        x, y, column_w, row_h = layout.rows[index]
        lines = layout.lines[index]
        canvas.rect(x, y, column_w, row_h)
        canvas.line(x + NUMBER_W, y, x + NUMBER_W, y + row_h)
        # The lines' block sits where a single line sits in a row of the block's height.
        top_baseline = y + (row_h - (len(lines) - 1) * leading) * 0.3 + (len(lines) - 1) * leading
        canvas.setFont(SERIF, size)
        canvas.drawCentredString(x + NUMBER_W / 2, top_baseline, str(index + 1))
        for number, line in enumerate(lines):
            canvas.drawString(x + NUMBER_W + NAME_INSET, top_baseline - number * leading, line)
        if spec.form == "approve":
            canvas.line(x + column_w - 2 * MARK_W, y, x + column_w - 2 * MARK_W, y + row_h)
            canvas.line(x + column_w - MARK_W, y, x + column_w - MARK_W, y + row_h)


def _table_head(canvas: Canvas, form: str, x: float, y: float, column_w: float) -> None:
    """STT, “Họ và tên” and, on the agree/disagree form, the two box labels at 8 pt: “Không
    đồng ý” goes on two lines (a taller head) rather than shrinking below a readable size."""
    head_h = _head_h(form)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, column_w, head_h)
    baseline = y + head_h / 2 - 1.1 * mm
    canvas.setFont(SERIF_BOLD, 8)
    canvas.drawCentredString(x + NUMBER_W / 2, baseline, "STT")
    canvas.drawString(x + NUMBER_W + NAME_INSET, baseline, "Họ và tên")
    canvas.line(x + NUMBER_W, y, x + NUMBER_W, y + head_h)
    if form == "approve":
        for offset, label in ((2 * MARK_W, "Đồng ý"), (MARK_W, "Không đồng ý")):
            canvas.line(x + column_w - offset, y, x + column_w - offset, y + head_h)
            lines = _wrap(label, SERIF_BOLD, 8, MARK_W - 1 * mm)
            top = baseline + (len(lines) - 1) * HEAD_LEADING / 2
            for number, line in enumerate(lines):
                _fit_centered(canvas, line, SERIF_BOLD, 8, x + column_w - offset + MARK_W / 2, top - number * HEAD_LEADING,
                              MARK_W - 1 * mm)


def _draw_footer(canvas: Canvas, spec: BallotSpec, layout: Layout, page: int) -> None:
    """The one-line instruction (two when narrow), the code of election, round and list, and on
    a ballot of several pages the page number (the same on every ballot: it identifies no one)."""
    width = layout.cell_w - 2 * PAD
    y = PAD + FOOTER_H - 4 * mm
    if layout.pages > 1:
        more = " · xem tiếp trang sau" if page + 1 < layout.pages else ""
        canvas.setFont(SERIF_BOLD, 10)
        canvas.drawRightString(layout.cell_w - PAD, y + PAGE_LABEL_H, f"Trang {page + 1}/{layout.pages}{more}")
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
