"""Issue 11: ballots that never break. Every list size from 1 to 120 names, both forms (strike
when there are more names than seats, agree/disagree otherwise), names up to 60 characters with
Vietnamese diacritics: the PDF has the expected number of sheets, every name is on each ballot
exactly once, and every word sits inside its own ballot cell and, in the table, inside its own
box (nothing clipped, nothing spilling into the next column or the mark boxes). Rendered in
process; pdftotext -bbox runs two at a time."""
import html
import math
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from daihoi.elections.ballot_pdf import MARK_W, NUMBER_W, PAGE_H, BallotSpec, Layout, ballots_pdf, sheet_split

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Thị", "Văn", "Hữu", "Ngọc", "Quốc", "Thượng", "Đức", "Xuân", "Khánh", "Phương", "Huyền", "Tường", "Nguyệt"]
GIVEN = ["Ánh", "Ấn", "Bích", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long", "Mai", "Nam", "Ước",
         "Ỷ", "Yến", "Khuê", "Tuyết", "Nghĩa", "Thưởng"]
WIDE = "Hoàng Thượng Nguyễn Phương Trường Quỳnh Nguyệt Hưởng Dưỡng Khuyến"
EDGES = {1, 2, 3, 60, 61, 119, 120}
STRIKE_SIZES = range(2, 121)
APPROVE_SIZES = sorted(set(range(1, 121, 7)) | EDGES)
TOLERANCE = 0.6  # points: pdftotext rounds glyph boxes


def long_names(count: int) -> tuple[str, ...]:
    """Distinct names of 40 to 60 characters (every third exactly 60), wide capitals and stacked
    diacritics: the hardest lists a ward could have. The last two syllables make each unique."""
    names = []
    for n in range(count):
        tail = f"{GIVEN[n % 20]} {GIVEN[n // 20 % 20]}"
        limit = 60 if n % 3 == 0 else 40 + n % 20
        words = [FAMILIES[n % len(FAMILIES)], MIDDLES[n % len(MIDDLES)], *WIDE.split()]
        name = f"{words[0]} {tail}"
        for word in words[1:]:
            if len(f"{name} {word}") > limit:
                break
            name = name.replace(f" {tail}", f" {word} {tail}")
        if n % 3 == 0:
            name = (name.replace(f" {tail}", " " + "Ư" * (60 - len(name) - 1) + f" {tail}") if len(name) < 59 else name)
        names.append(unicodedata.normalize("NFC", name))
    assert len(set(names)) == count and max(map(len, names)) <= 60
    return tuple(names)


def spec_for(form: str, size: int) -> BallotSpec:
    seats = size - 1 if form == "strike" else size
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Khu dân cư số 12 Trường Xuân", "Bầu Chi ủy Chi bộ Khu dân cư số 12",
                      "2025–2030", seats, long_names(size), form, "BC7-L1-DS2")


def bbox_pages(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Words (xMin, yMin, xMax, yMax, text) of each page, y from the top, as pdftotext sees them."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
        pages.append([(float(a), float(b), float(c), float(d), unicodedata.normalize("NFC", html.unescape(t)))
                      for a, b, c, d, t in words])
    return pages


def boxes(layout: Layout, form: str) -> list[tuple[float, float, float, float]]:
    """Each row's number box and name box in cell coordinates, y from the cell's top."""
    found = []
    marks = 2 * MARK_W if form == "approve" else 0
    for x, y, width, height in layout.rows:
        top = layout.cell_h - y - height
        found.append((x, top, x + NUMBER_W, top + height))
        found.append((x + NUMBER_W, top, x + width - marks, top + height))
    return found


def problems_of(form: str, size: int, path: Path) -> list[str]:
    spec = spec_for(form, size)
    across, down, layout = sheet_split(spec)
    per_sheet, copies = across * down, across * down + 1
    pages = bbox_pages(path)
    problems = [] if len(pages) == math.ceil(copies / per_sheet) == 2 else [f"{len(pages)} trang"]
    row_boxes = boxes(layout, form)
    for number, words in enumerate(pages):
        cells: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
        for word in words:
            x0, y0, x1, y1, text = word
            column, row = int((x0 + x1) / 2 // layout.cell_w), int((y0 + y1) / 2 // layout.cell_h)
            left, top = column * layout.cell_w, row * layout.cell_h
            if x0 < left - TOLERANCE or x1 > left + layout.cell_w + TOLERANCE or y0 < top - TOLERANCE \
                    or y1 > min(top + layout.cell_h, PAGE_H) + TOLERANCE:
                problems.append(f"trang {number + 1}: “{text}” ra ngoài ô phiếu")
            cells.setdefault((column, row), []).append(word)
        on_page = copies - per_sheet * number if number else per_sheet
        if len(cells) != min(on_page, per_sheet):
            problems.append(f"trang {number + 1}: {len(cells)} phiếu")
        for (column, row), cell_words in cells.items():
            problems += cell_problems(cell_words, column * layout.cell_w, row * layout.cell_h, row_boxes, spec.names)
    return problems


def cell_problems(words, left, top, row_boxes, names) -> list[str]:
    """Inside one ballot: a word in a table row stays in its box; each name reads exactly once."""
    problems = []
    for x0, y0, x1, y1, text in words:
        cx, cy = (x0 + x1) / 2 - left, (y0 + y1) / 2 - top
        for bx0, by0, bx1, by1 in row_boxes:
            if bx0 <= cx <= bx1 and by0 <= cy <= by1 and (x0 - left < bx0 - TOLERANCE or x1 - left > bx1 + TOLERANCE):
                problems.append(f"“{text}” tràn khỏi ô của dòng")
    lines: dict[tuple[float, float], list[tuple[float, str]]] = {}
    for x0, y0, _, y1, text in words:
        lines.setdefault((round(y0, 1), round(y1, 1)), []).append((x0, text))
    text = "\n".join(" ".join(t for _, t in sorted(line)) for line in lines.values())
    for name in names:
        found = len(re.findall(r"(?<!\S)" + re.escape(name) + r"(?!\S)", text))
        if found != 1:
            problems.append(f"“{name}” có {found} lần")
    return problems


def fits(form: str, size: int) -> bool:
    try:
        sheet_split(spec_for(form, size))
    except ValueError:
        return False
    return True


def test_every_list_from_1_to_120_names_prints_whole_on_every_ballot(tmp_path: Path) -> None:
    cases = [case for case in [("strike", n) for n in STRIKE_SIZES] + [("approve", n) for n in APPROVE_SIZES] if fits(*case)]
    paths = {}
    for form, size in cases:
        spec = spec_for(form, size)
        across, down, _ = sheet_split(spec)
        paths[form, size] = tmp_path / f"{form}-{size}.pdf"
        paths[form, size].write_bytes(ballots_pdf(spec, across * down + 1))
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = dict(zip(cases, pool.map(lambda case: problems_of(*case, paths[case]), cases)))
    broken = {case: problems[:3] for case, problems in found.items() if problems}
    assert not broken, broken


def test_only_lists_too_long_for_one_a4_side_at_6_points_are_refused_with_a_reason() -> None:
    """Known limit (issue 11 report): with a 60-character name, one A4 side at ≥ 6 pt holds 106
    names (strike, two name columns) and 53 (agree/disagree, one column); longer lists need names
    set on two lines. They are refused with a Vietnamese reason, never printed clipped."""
    refused = {(form, n) for form, sizes in (("strike", STRIKE_SIZES), ("approve", range(1, 121))) for n in sizes
               if not fits(form, n)}
    assert refused == {("strike", n) for n in range(107, 121)} | {("approve", n) for n in range(54, 121)}
    with pytest.raises(ValueError, match="không vừa một trang A4"):
        sheet_split(spec_for("strike", 120))


def test_short_lists_share_a_sheet_and_long_ones_get_a_whole_page() -> None:
    assert sheet_split(spec_for("strike", 3))[:2] == (2, 2)
    assert sheet_split(spec_for("strike", 106))[:2] == (1, 1)
