"""Issue 11: ballots that never break. Every list size from 1 to 120 names, both forms (strike
when there are more names than seats, agree/disagree otherwise), short names and names of 40 to
60 characters with Vietnamese diacritics, all print (none refused): the PDF has the expected
number of pages; on every ballot each name reads exactly once, in its own row, its words in
order even when wrapped onto a second line; every word sits inside its ballot cell, clear of the
corner squares, and inside its own box (nothing clipped, nothing spilling into the next column or
the mark boxes); names are never smaller than 8 pt. Every day the sweep prints every boundary (the
sizes in EDGES and both sides of each change of sheet split, name columns or page count) and a
fixed sample of the sizes between; HYPOTHESIS_PROFILE=deep, the suite's deep flag (README,
Testing), prints every size as well. Rendered in process; the PDFs are read in two batches at a
time, each one pdfunite and one pdftotext -bbox (a process costs more than reading a ballot)."""
import html
import os
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pypdfium2
import pytest

from daihoi.elections.ballot_pdf import (
    MARK_W, MIN_NAME_PT, NUMBER_W, PAGE_H, BallotSpec, Layout, ballots_pdf, sheet_split)
from daihoi.elections.scanning.layout import MARKER_INSET, MARKER_SIZE, MM

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfunite") is None,
                                reason="pdftotext and pdfunite (poppler-utils) are not installed")

FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Thị", "Văn", "Hữu", "Ngọc", "Quốc", "Thượng", "Đức", "Xuân", "Khánh", "Phương", "Huyền", "Tường", "Nguyệt"]
GIVEN = ["Ánh", "Ấn", "Bích", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long", "Mai", "Nam", "Ước",
         "Ỷ", "Yến", "Khuê", "Tuyết", "Nghĩa", "Thưởng"]
WIDE = "Hoàng Thượng Nguyễn Phương Trường Quỳnh Nguyệt Hưởng Dưỡng Khuyến"
EDGES = {1, 2, 3, 4, 5, 8, 9, 12, 13, 30, 60, 61, 119, 120}
INTERIOR_SAMPLE = set(range(7, 121, 10))  # every day, beside the boundaries
DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"
TOLERANCE = 0.6  # points: pdftotext rounds glyph boxes
Word = tuple[float, float, float, float, str]


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


def short_names(count: int) -> tuple[str, ...]:
    """Distinct everyday names of three or four syllables (about 10 to 25 characters)."""
    names = [f"{FAMILIES[n % 14]} {MIDDLES[n // 14 % 13]} {GIVEN[n % 20]}" + (f" {GIVEN[n // 20 % 20]}" if n % 2 else "")
             for n in range(count)]
    assert len(set(names)) == count
    return tuple(unicodedata.normalize("NFC", name) for name in names)


FULL_SWEEP = ([("strike", "long", n) for n in range(2, 121)] + [("approve", "long", n) for n in range(1, 121)]
              + [(form, "short", n) for form in ("strike", "approve") for n in sorted(set(range(1, 121, 3)) | EDGES)
                 if n > 1 or form == "approve"])


def spec_for(form: str, kind: str, size: int) -> BallotSpec:
    seats = size - 1 if form == "strike" else size
    names = long_names(size) if kind == "long" else short_names(size)
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Khu dân cư số 12 Trường Xuân", "Bầu Chi ủy Chi bộ Khu dân cư số 12",
                      "2025–2030", seats, names, form, "BC7-L1-DS2")


@cache
def split(form: str, kind: str, size: int) -> tuple[int, int, Layout]:
    return sheet_split(spec_for(form, kind, size))


def layout_changes(form: str, kind: str) -> set[int]:
    """The sizes on either side of each change of sheet split, name columns or page count."""
    first = 2 if form == "strike" else 1
    shape = {n: (across, down, layout.columns, layout.pages)
             for n in range(first, 121) for across, down, layout in [split(form, kind, n)]}
    return {m for n in range(first + 1, 121) if shape[n] != shape[n - 1] for m in (n - 1, n)}


def sweep_cases() -> list[tuple[str, str, int]]:
    """Every boundary and the interior sample of both forms and both kinds of names; the full
    sweep too with the deep flag."""
    chosen = set(FULL_SWEEP) if DEEP else set()
    for form in ("strike", "approve"):
        for kind in ("long", "short"):
            sizes = EDGES | layout_changes(form, kind) | INTERIOR_SAMPLE
            chosen |= {(form, kind, n) for n in sizes if n > 1 or form == "approve"}
    return sorted(chosen)


def copies_for(layout: Layout, across: int, down: int) -> int:
    """Several ballots per sheet: a full sheet and a part-filled one; a ballot of several pages:
    two copies (each starts on a sheet of its own); one ballot per sheet: one."""
    return 2 if layout.pages > 1 else across * down + 1 if across * down > 1 else 1


def bbox_pages(paths: list[Path], merged: Path) -> list[list[list[Word]]]:
    """Words (xMin, yMin, xMax, yMax, text) of each page of each PDF, y from the top, as
    pdftotext sees them: the PDFs joined into ``merged`` by one pdfunite and read by one
    pdftotext, the pages handed back to each PDF by its own page count."""
    subprocess.run(["pdfunite", *map(str, paths), str(merged)], capture_output=True, check=True)
    out = subprocess.run(["pdftotext", "-bbox", str(merged), "-"], capture_output=True, check=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
        pages.append([(float(a), float(b), float(c), float(d), unicodedata.normalize("NFC", html.unescape(t)))
                      for a, b, c, d, t in words])
    counts = [len(pypdfium2.PdfDocument(path)) for path in paths]
    assert len(pages) == sum(counts), (len(pages), counts)
    starts = [sum(counts[:index]) for index in range(len(counts))]
    return [pages[start:start + count] for start, count in zip(starts, counts)]


def row_boxes(layout: Layout, form: str, page: int) -> list[tuple[int, tuple[float, ...], tuple[float, ...]]]:
    """(row index, number box, name box) of the rows on one page of the ballot, in cell
    coordinates with y from the cell's top."""
    found = []
    marks = 2 * MARK_W if form == "approve" else 0
    for index, ((x, y, width, height), row_page) in enumerate(zip(layout.rows, layout.row_pages)):
        if row_page == page:
            top = layout.cell_h - y - height
            found.append((index, (x, top, x + NUMBER_W, top + height), (x + NUMBER_W, top, x + width - marks, top + height)))
    return found


def inside(word: Word, box: tuple[float, ...]) -> bool:
    x0, y0, x1, y1, _ = word
    return box[0] - TOLERANCE <= x0 and x1 <= box[2] + TOLERANCE and box[1] - TOLERANCE <= y0 and y1 <= box[3] + TOLERANCE


def reading(words: list[Word]) -> str:
    """Words as read: line by line (same top), left to right."""
    ordered = sorted(words, key=lambda w: (round(w[1]), w[0]))
    return " ".join(w[4] for w in ordered)


def cell_problems(words: list[Word], layout: Layout, spec: BallotSpec, page: int, seen: dict[int, int]) -> list[str]:
    """One page of one ballot, its words already in cell coordinates: no word on a corner square;
    in the table each word wholly inside the box its centre is in; each row reads its number and
    its name (counted in ``seen``); names not smaller than the minimum; no name anywhere else."""
    problems = []
    size = MARKER_SIZE * MM
    for cx, cy in ((MARKER_INSET * MM, MARKER_INSET * MM), (layout.cell_w - MARKER_INSET * MM - size, MARKER_INSET * MM),
                   (MARKER_INSET * MM, layout.cell_h - MARKER_INSET * MM - size),
                   (layout.cell_w - MARKER_INSET * MM - size, layout.cell_h - MARKER_INSET * MM - size)):
        problems += [f"“{w[4]}” đè lên ô vuông góc" for w in words
                     if w[0] < cx + size and w[2] > cx and w[1] < cy + size and w[3] > cy]
    # Boxes grouped by their x-range (two per name column), each group sorted from the top.
    by_x: dict[tuple[float, float], list[tuple[float, float, int, str]]] = {}
    for index, number_box, name_box in row_boxes(layout, spec.form, page):
        for label, box in (("số", number_box), ("tên", name_box)):
            by_x.setdefault((box[0], box[2]), []).append((box[1], box[3], index, label))
    in_boxes: dict[tuple[int, str], list[Word]] = {key: [] for group in by_x.values() for *_, i, l in group for key in [(i, l)]}
    rest = []
    for word in words:
        cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
        group = next((g for (x0, x1), g in by_x.items() if x0 <= cx <= x1), [])
        found = next(((index, label, top, bottom) for top, bottom, index, label in group if top <= cy <= bottom), None)
        if found is None:
            rest.append(word)
            continue
        index, label, top, bottom = found
        in_boxes[index, label].append(word)
        x0, x1 = next(x for x, g in by_x.items() if g is group)
        if not inside(word, (x0, top, x1, bottom)):
            problems.append(f"dòng {index + 1}: “{word[4]}” tràn khỏi ô {label}")
        if label == "tên" and word[3] - word[1] < MIN_NAME_PT:
            problems.append(f"dòng {index + 1}: chữ {word[3] - word[1]:.1f} pt")
    for (index, label), box_words in in_boxes.items():
        expected = str(index + 1) if label == "số" else spec.names[index]
        if reading(box_words) != expected:
            problems.append(f"dòng {index + 1}: ô {label} đọc “{reading(box_words)}”, cần “{expected}”")
        if label == "tên":
            seen[index] = seen.get(index, 0) + 1
    text = "\n".join(reading([w for w in rest if round(w[1]) == top]) for top in sorted({round(w[1]) for w in rest}))
    problems += [f"“{name}” in ngoài dòng của mình" for name in spec.names
                 if re.search(r"(?<!\S)" + re.escape(name) + r"(?!\S)", text)]
    return problems


def problems_of(form: str, kind: str, size: int, pages: list[list[Word]]) -> list[str]:
    spec = spec_for(form, kind, size)
    across, down, layout = split(form, kind, size)
    per_sheet, copies = across * down, copies_for(layout, across, down)
    padded = layout.pages + layout.pages % 2 if layout.pages > 1 else 1
    expected_pages = copies * padded if layout.pages > 1 else -(-copies // per_sheet)
    problems = [] if len(pages) == expected_pages else [f"{len(pages)} trang, cần {expected_pages}"]
    if layout.font_pt < MIN_NAME_PT:
        problems.append(f"cỡ chữ {layout.font_pt} pt")
    ballots: dict[tuple[int, int, int], dict[int, int]] = {}
    for number, words in enumerate(pages):
        ballot_page = number % padded if layout.pages > 1 else 0
        if ballot_page >= layout.pages:
            problems += [f"trang {number + 1} (mặt sau để trống) có “{w[4]}”" for w in words]
            continue
        cells: dict[tuple[int, int], list[Word]] = {}
        for word in words:
            x0, y0, x1, y1, text = word
            column, row = int((x0 + x1) / 2 // layout.cell_w), int((y0 + y1) / 2 // layout.cell_h)
            left, top = column * layout.cell_w, row * layout.cell_h
            if x0 < left - TOLERANCE or x1 > left + layout.cell_w + TOLERANCE or y0 < top - TOLERANCE \
                    or y1 > min(top + layout.cell_h, PAGE_H) + TOLERANCE:
                problems.append(f"trang {number + 1}: “{text}” ra ngoài ô phiếu")
            cells.setdefault((column, row), []).append((x0 - left, y0 - top, x1 - left, y1 - top, text))
        on_page = min(per_sheet, copies - per_sheet * number) if layout.pages == 1 else 1
        if len(cells) != on_page:
            problems.append(f"trang {number + 1}: {len(cells)} phiếu, cần {on_page}")
        for (column, row), cell_words in cells.items():
            ballot = (number // padded if layout.pages > 1 else number, column, row)
            problems += cell_problems(cell_words, layout, spec, ballot_page, ballots.setdefault(ballot, {}))
            text = reading(cell_words)
            if ballot_page == 0 and "PHIẾU BẦU CỬ" not in text or ballot_page and "PHIẾU BẦU CỬ (tiếp theo)" not in text:
                problems.append(f"trang {number + 1}: thiếu tiêu đề")
            if layout.pages > 1 and f"Trang {ballot_page + 1}/{layout.pages}" not in text:
                problems.append(f"trang {number + 1}: thiếu số trang")
    for ballot, seen in ballots.items():
        if sorted(seen) != list(range(size)) or set(seen.values()) != {1}:
            problems.append(f"phiếu {ballot}: {len(seen)} tên, có tên lặp")
    if len(ballots) != copies:
        problems.append(f"{len(ballots)} phiếu, cần {copies}")
    return problems


def test_every_list_from_1_to_120_names_prints_whole_on_every_ballot(tmp_path: Path) -> None:
    cases = sweep_cases()
    paths = []
    for case in cases:
        across, down, layout = split(*case)
        paths.append(tmp_path / ("-".join(map(str, case)) + ".pdf"))
        paths[-1].write_bytes(ballots_pdf(spec_for(*case), copies_for(layout, across, down)))
    halves = [(paths[::2], tmp_path / "even.pdf"), (paths[1::2], tmp_path / "odd.pdf")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        even, odd = pool.map(lambda half: bbox_pages(*half), halves)
    pages = [pdf for pair in zip(even, odd) for pdf in pair] + even[len(odd):]
    found = {case: problems_of(*case, pdf_pages) for case, pdf_pages in zip(cases, pages, strict=True)}
    broken = {case: problems[:3] for case, problems in found.items() if problems}
    assert not broken, broken


def test_the_everyday_sweep_keeps_every_boundary() -> None:
    cases = set(sweep_cases())
    assert {("strike", "long", n) for n in (69, 70)} | {("approve", "long", n) for n in (44, 45, 91, 92)} <= cases
    assert {("approve", "short", n) for n in (88, 89)} | {("strike", "long", n) for n in EDGES - {1}} <= cases


def test_short_lists_share_a_sheet_and_long_ones_get_a_whole_page() -> None:
    assert sheet_split(spec_for("strike", "short", 3))[:2] == (2, 2)
    assert sheet_split(spec_for("strike", "long", 3))[:2] == (2, 2)
    assert sheet_split(spec_for("strike", "long", 60))[:2] == (1, 1)


def test_a_ballot_takes_a_second_page_only_when_no_readable_size_fits_one_side() -> None:
    """Everyday names fit one side up to 120 (strike, three name columns) and 88 (agree/disagree,
    two columns beside the mark boxes); the hardest lists, every name 40 to 60 characters, fit
    one side up to 69 (strike) and 44 (agree/disagree, one column: wrapped beside the mark boxes
    they would take more room), and the longest agree/disagree lists take three pages."""
    multi = {(form, kind): [n for n in range(1, 121) if (form, n) != ("strike", 1) and split(form, kind, n)[2].pages > 1]
             for form in ("strike", "approve") for kind in ("short", "long")}
    assert multi[("strike", "short")] == []
    assert multi[("approve", "short")] == list(range(89, 121))
    assert multi[("strike", "long")] == list(range(70, 121))
    assert multi[("approve", "long")] == list(range(45, 121))
    assert max(split("strike", "long", n)[2].pages for n in range(2, 121)) == 2
    assert [n for n in range(1, 121) if split("approve", "long", n)[2].pages == 3] == list(range(92, 121))


def test_a_word_wider_than_any_column_is_broken_between_letters_rather_than_clipped() -> None:
    name = "W" * 60
    _, _, layout = sheet_split(BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ 1", "Bầu Chi ủy", "2025–2030", 1, (name,),
                                          "approve", "BC7-L1-DS2"))
    assert len(layout.lines[0]) == 2 and "".join(layout.lines[0]) == name
