"""Reading ballots off a scanned page or a phone photo (issue 9): find the corner squares, group
them into ballots, identify each ballot by its code row, straighten it, and measure the new ink
(what the blank ballot does not have) row by row.

The rule that matters most is: no silent error. Every measure has two thresholds; between them
the reading is uncertain and the ballot goes to a person (review). Ink outside the rows (a name
written in, a signature, anything added) never gets read: it sends the ballot to review too."""
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

import cv2
import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning.geometry import PPM, Box, Geometry, RowBox, blank_cell, geometry_for, px
from daihoi.elections.scanning.layout import MARKER_SIZE, BallotCode, bit_centers, decode, marker_centers

# Portrait (2x2 or 1x1 sheet) and landscape (1x2) cells, in mm: the sizes a ballot can have.
CELL_SIZES = ((105.0, 148.5), (210.0, 297.0), (210.0, 148.5))
INK = 0.62  # darker than 62% of the local paper white counts as ink
# Strike form: share of the printed name's width covered by new ink along the name line.
STRUCK_AT, CLEAN_BELOW = 0.80, 0.04
# Agree/disagree form: share of a box's inside covered by new ink.
MARKED_AT, EMPTY_BELOW = 0.03, 0.001
# A box with no ink is empty only if it has no faint mark either: a small dot photographed by a
# phone comes out lighter than INK (a box left empty has no pixel darker than FAINT at all).
FAINT, FAINT_MM2 = 0.8, 0.1
# Nor a small dark spot: pixels this much darker than the box's paper. A dot of light grey ink,
# 0.5 mm wide, can keep under FAINT_MM2 of pixels darker than FAINT (3 of the 3.6 needed,
# depending on the scanner's noise) yet stands 0.2–0.3 below the paper around it.
SPOT_CONTRAST = 0.15
MARK_FAINT_MM2, MIDDLE_MM = 2.0, 2.0  # see _box_reading
OUTSIDE_MM2 = 2.0  # new ink outside the rows above this many mm² is extra content
SPECK_MM2 = 0.35  # smaller specks (dust, noise) are ignored
# The outermost strip of the cell is the paper's edge: on a photo, the table or the edge's shadow
# shows there when the perspective is a little off. Nobody writes a name in 1.5 mm at the edge
# without the rest of it inside; ink inside the strip still counts.
EDGE_MM = 1.5
SHIFT = 2  # pixels of row-by-row registration search
GAP = 12  # pixels (2 mm): gaps a strike line shows where it crosses printed letters
# A row whose new ink already runs along this share of the name is a line; only then may gaps
# where the line can hide under the printed letters be bridged (never on a clean row's specks).
LINE_LIKE = 0.3
# A straightened ballot must show this share of the blank ballot's solid print (darker than
# FIT_INK of the paper, within 2 px): see _fits.
FIT_AT, FIT_INK, FIT_POINTS = 0.8, 0.75, 3000
# Solidity (area over convex hull) of a corner square; letters are far below (a bold "o" filled
# in by the blur is not, hence the fit check in _read_markers). A corner square photographed
# 10 px wide with a stray JPEG pixel on its edge comes out at 0.86: LOOSE_SOLIDITY, used only
# when nothing was found on a page (see read_image).
MARKER_SOLIDITY, LOOSE_SOLIDITY = 0.9, 0.85
MIN_REDUCED_SIDE = 900  # a half-size decode with a shorter long side is not worth trying
MIN_MARKER_PX = 19.0  # corner squares (3.6 mm) this big are ~5.3 px/mm: enough to straighten to PPM

Resolver = Callable[[BallotCode], BallotSpec | None]

# One thread per reader: OpenCV's own worker threads save little wall time on a ballot-sized
# image and cost a fifth more CPU (measured: 24 against 19 ballots per second per core), and
# the throughput that counts comes from one reader per core (RQ workers) or from leaving the
# other core to the web server (the thread worker on the laptop).
cv2.setNumThreads(1)
# A list too long for one A4 side prints as one ballot over two or more pages, each with the
# corner squares and the code: the reader cannot put the pages of one ballot together, so such a
# page is never read (that would count half a ballot) but always goes to a person.
MULTI_PAGE = "Phiếu dài in trên {pages} trang: máy quét chưa đọc loại phiếu này, người kiểm phiếu xem và nhập tay."
# The code was read but the ballot could not be lined up with its blank (see _fits).
MISFIT = "Không căn được phiếu theo mẫu (góc phiếu bị che, mờ hoặc lẫn với chữ): người kiểm phiếu xem và nhập tay."


@dataclass
class RowReading:
    value: str  # strike: "struck" | "kept"; approve: "agree" | "disagree" | "both" | "none"; or "?"
    score: float  # the measure (coverage or box fill) the value was decided from
    confidence: float


@dataclass
class BallotReading:
    """One ballot found on a page. ``code`` is None when it could not be identified."""

    corners: list[tuple[float, float]]
    code: BallotCode | None = None
    spec: BallotSpec | None = None
    rows: list[RowReading] = field(default_factory=list)
    outside_mm2: float = 0.0
    reasons: list[str] = field(default_factory=list)
    image: np.ndarray | None = None  # the straightened ballot, grey, PPM pixels per mm

    @property
    def needs_review(self) -> bool:
        return bool(self.reasons)

    @property
    def struck(self) -> list[int]:
        return [i for i, r in enumerate(self.rows, start=1) if r.value == "struck"]

    @property
    def marks(self) -> list[str]:
        return [r.value for r in self.rows] if self.spec is not None and self.spec.form == "approve" else []

    @property
    def uncertain_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows, start=1) if r.value == "?"]


def decode_image(data: bytes, reduced: bool = True) -> np.ndarray:
    """Grey image from JPEG/PNG bytes. ``reduced`` decodes at half size (libjpeg scales while
    decoding, much faster than decoding whole and resizing) unless that leaves too few pixels
    (a long side under ``MIN_REDUCED_SIDE``); ``read_image`` asks again at full size when the
    corner squares show the half-size ballot is too small to read."""
    buffer = np.frombuffer(data, np.uint8)
    try:  # OpenCV raises, rather than returning None, on some garbage (an empty file, say)
        gray = cv2.imdecode(buffer, cv2.IMREAD_REDUCED_GRAYSCALE_2) if reduced and data else None
        if gray is None or max(gray.shape) < MIN_REDUCED_SIDE:
            gray = cv2.imdecode(buffer, cv2.IMREAD_GRAYSCALE) if data else None
    except cv2.error:
        gray = None
    if gray is None:
        raise ValueError("Tệp không phải ảnh JPEG/PNG đọc được.")
    return gray


def read_image(data: bytes, resolve: Resolver) -> tuple[np.ndarray, list[BallotReading]]:
    """Every ballot on one image file, and the grey image it was read from. Read at half size
    when the ballot still has about ``PPM`` pixels per millimetre there (a 300-dpi scan: the
    reader straightens to ``PPM`` anyway, so the full image would only cost time); a phone photo
    or a small scan whose corner squares come out smaller than ``MIN_MARKER_PX`` is decoded again
    at full size."""
    gray = decode_image(data)
    half = _decoded_at_half(data, gray)
    norm, dark, markers = _detect(gray)
    if not half or (markers and float(np.median([m.side for m in markers])) >= MIN_MARKER_PX):
        return gray, _read_markers(norm, dark, markers, resolve)
    small_dark = dark
    gray = decode_image(data, reduced=False)
    norm, dark, markers = _detect(gray)
    ballots = _read_markers(norm, dark, markers, resolve)
    if not ballots:
        # The far corner of a steep phone photo is squeezed out of square: at full size its JPEG
        # edges fail the shape tests, and even at half size a stray pixel takes its solidity
        # under MARKER_SOLIDITY. Only on a page where nothing was found (the looser test finds
        # more letters, and every extra marker costs quads to try): the corner squares found at
        # half size with LOOSE_SOLIDITY, their places doubled (a half-size pixel covers two
        # full-size ones), the ballot then read at full size.
        doubled = [_Marker(2 * m.x + 0.5, 2 * m.y + 0.5, 2 * m.side) for m in find_markers(small_dark, LOOSE_SOLIDITY)]
        ballots = _read_markers(norm, dark, doubled, resolve)
    return gray, ballots


def _decoded_at_half(data: bytes, gray: np.ndarray) -> bool:
    """Whether ``gray`` is the half-size decode (the header gives the full width)."""
    full = _image_width(data)
    return full is not None and gray.shape[1] < full


def _image_width(data: bytes) -> int | None:
    """Width from a JPEG's frame header or a PNG's IHDR, without decoding the pixels."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big")
    index = 2
    while data[:2] == b"\xff\xd8" and index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker, length = data[index + 1], int.from_bytes(data[index + 2:index + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[index + 7:index + 9], "big")
        index += 2 + length
    return None


def normalize(gray: np.ndarray) -> np.ndarray:
    """Grey divided by the local paper white (a dilated, blurred small copy): shadows and uneven
    light go away, ink stays dark. Returns float32 in 0..~1."""
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    small = cv2.dilate(small, np.ones((5, 5), np.uint8))
    small = cv2.GaussianBlur(small, (0, 0), 3)
    white = cv2.resize(np.maximum(small, 40), (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, white, dtype=cv2.CV_32F)


@dataclass
class _Marker:
    x: float
    y: float
    side: float


def find_markers(dark: np.ndarray, solidity: float = MARKER_SOLIDITY) -> list[_Marker]:
    """Solid, squarish blobs: the corner squares (and, smaller, the code bits, dropped here by
    size relative to the fourth largest, since every ballot has four equal corner squares).
    Nested contours count too: on a dark table the paper is a hole in the background."""
    contours, _ = cv2.findContours(dark, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    found = []
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < 30:
            continue
        (cx, cy), (w, h), _ = cv2.minAreaRect(contour)
        if not w or not h or not 0.6 < w / h < 1.65 or area < 0.78 * w * h:
            continue
        hull = cv2.contourArea(cv2.convexHull(contour))
        x, y, bw, bh = cv2.boundingRect(contour)
        filled = cv2.countNonZero(dark[y:y + bh, x:x + bw]) >= 0.85 * area  # not the hole of a frame
        if hull and area / hull > solidity and filled:
            found.append(_Marker(cx, cy, (w * h) ** 0.5))
    if len(found) < 4:
        return []
    reference = sorted((m.side for m in found), reverse=True)[3]
    return [m for m in found if 0.55 * reference <= m.side <= 2.2 * reference]


def _quads(markers: list[_Marker]) -> list[list[_Marker]]:
    """Groups of four markers whose diagonals cross near their middles (a rectangle seen in
    perspective), smallest first: a cell's own corners before any group spanning cells."""
    pairs = [(a, b, ((a.x + b.x) / 2, (a.y + b.y) / 2), np.hypot(a.x - b.x, a.y - b.y))
             for a, b in combinations(markers, 2)]
    quads = []
    for (a, b, m1, l1), (c, d, m2, l2) in combinations(pairs, 2):
        if len({id(a), id(b), id(c), id(d)}) < 4 or not 0.6 < l1 / l2 < 1.67:
            continue
        if np.hypot(m1[0] - m2[0], m1[1] - m2[1]) > 0.15 * max(l1, l2):
            continue
        quads.append(_clockwise([a, b, c, d]))
    quads.sort(key=lambda q: cv2.contourArea(np.array([(m.x, m.y) for m in q], np.float32)))
    return quads


def _clockwise(quad: list[_Marker]) -> list[_Marker]:
    cx, cy = sum(m.x for m in quad) / 4, sum(m.y for m in quad) / 4
    return sorted(quad, key=lambda m: np.arctan2(m.y - cy, m.x - cx))


def _hypotheses(quad: list[_Marker]) -> list[tuple[np.ndarray, float, float]]:
    """(image corners TL,TR,BR,BL; cell size) for each rotation whose shape fits a cell size."""
    found = []
    for turn in range(4):
        pts = np.array([(m.x, m.y) for m in quad[turn:] + quad[:turn]], np.float32)
        top, bottom = np.linalg.norm(pts[1] - pts[0]), np.linalg.norm(pts[2] - pts[3])
        left, right = np.linalg.norm(pts[3] - pts[0]), np.linalg.norm(pts[2] - pts[1])
        aspect = (top + bottom) / max(left + right, 1e-6)
        for w, h in CELL_SIZES:
            centers = marker_centers(w, h)
            expected = (centers[1][0] - centers[0][0]) / (centers[3][1] - centers[0][1])
            if 0.7 < aspect / expected < 1.43:
                found.append((pts, w, h))
    return found


def _read_code(dark: np.ndarray, pts: np.ndarray, w: float, h: float) -> tuple[BallotCode | None, np.ndarray]:
    """Sample the code row through the homography this hypothesis implies; CRC decides."""
    to_image = cv2.getPerspectiveTransform(np.array(marker_centers(w, h), np.float32), pts)
    centers = cv2.perspectiveTransform(np.array([bit_centers(h)], np.float32), to_image)[0]
    scale = np.linalg.norm(pts[1] - pts[0]) / (marker_centers(w, h)[1][0] - marker_centers(w, h)[0][0])
    r = max(1, int(scale * 0.25))
    bits = []
    for x, y in centers:
        xi, yi = int(round(x)), int(round(y))
        if not (r <= xi < dark.shape[1] - r and r <= yi < dark.shape[0] - r):
            return None, to_image
        bits.append(int(dark[yi - r:yi + r + 1, xi - r:xi + r + 1].mean() > 127))
    return decode(bits), to_image


def read_page(gray: np.ndarray, resolve: Resolver) -> list[BallotReading]:
    """Every ballot on one image, in reading order (top to bottom, then left to right)."""
    return _read_markers(*_detect(gray), resolve)


def _detect(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[_Marker]]:
    norm = normalize(gray)
    dark = cv2.compare(norm, 0.5, cv2.CMP_LT)
    return norm, dark, find_markers(dark)


def _read_markers(norm: np.ndarray, dark: np.ndarray, markers: list[_Marker], resolve: Resolver) -> list[BallotReading]:
    """Ballots from groups of four markers, smallest group first. A group whose code decodes but
    whose straightened image does not look like the ballot (``_fits``) took a bold letter of the
    title for a corner square: its markers stay free for the true corners. If no group fits, the
    best there was still counts as a ballot, sent to a person (never silently dropped: on a sheet
    of four, a ballot missing beside the others would not be noticed)."""
    used: set[int] = set()
    ballots = []
    misfits: list[tuple[BallotReading, np.ndarray, set[int]]] = []
    for quad in _quads(markers):
        ids = {id(m) for m in quad}
        if used & ids:
            continue
        reading = _identify(dark, quad, resolve)
        if reading is None:
            continue
        if reading.spec is not None:
            geometry = geometry_for(reading.spec)
            straight = _straighten(norm, reading, geometry)
            # (The blank is page 1 of the ballot; a page of a longer one goes to review anyway.)
            if geometry.pages == 1 and not _fits(straight, reading.spec):
                misfits.append((reading, straight, ids))
                continue
            _read_ballot(straight, reading)
        used |= ids
        ballots.append(reading)
    for reading, straight, ids in misfits:
        if used & ids:
            continue
        used |= ids
        reading.image = cv2.convertScaleAbs(straight, alpha=255.0)
        reading.reasons.append(MISFIT)
        ballots.append(reading)
    return _reading_order(ballots)


@lru_cache(maxsize=32)
def _solid_print(spec: BallotSpec) -> tuple[np.ndarray, np.ndarray]:
    """Up to FIT_POINTS pixels (rows, columns) of the blank ballot's solid print (letters, lines,
    corner squares), spread evenly over all of it, at least 2 px inside the cell."""
    blank = blank_cell(spec)
    solid = blank < 128
    solid[:2], solid[-2:], solid[:, :2], solid[:, -2:] = False, False, False, False
    ys, xs = np.nonzero(solid)
    step = max(1, ys.size // FIT_POINTS)
    return ys[::step], xs[::step]


def _fits(straight: np.ndarray, spec: BallotSpec) -> bool:
    """Whether the straightened image shows the blank ballot's print where it is printed (within
    2 px). Straightened from the true corners, all of it shows (0.99–1.0 on the 2,000-ballot
    corpus, phone photos included); from a group that took a bold "o" or "B" of the title for a
    corner, the code row may still decode but under 0.4 of the print lines up."""
    ys, xs = _solid_print(spec)
    around = np.arange(-2, 3)
    near = straight[(ys[:, None] + around)[:, :, None], (xs[:, None] + around)[:, None, :]]
    return float((near.min(axis=(1, 2)) < FIT_INK).mean()) >= FIT_AT


def _identify(dark: np.ndarray, quad: list[_Marker], resolve: Resolver) -> BallotReading | None:
    """The first hypothesis whose code row decodes, belongs to a known round and whose cell size
    is the one that round's ballot is printed at."""
    for pts, w, h in _hypotheses(quad):
        code, _ = _read_code(dark, pts, w, h)
        if code is None:
            continue
        spec = resolve(code)
        corners = [(float(x), float(y)) for x, y in pts]
        if spec is None:
            return BallotReading(corners, code, reasons=["Phiếu không thuộc lần bầu này (mã phiếu khác)."])
        geometry = geometry_for(spec)
        if (round(geometry.cell_w), round(geometry.cell_h)) == (round(w), round(h)):
            return BallotReading(corners, code, spec)
    return None


def _reading_order(ballots: list[BallotReading]) -> list[BallotReading]:
    def key(b: BallotReading) -> tuple[float, float]:
        ys = [y for _, y in b.corners]
        xs = [x for x, _ in b.corners]
        height = max(ys) - min(ys)
        return round(min(ys) / max(height * 0.5, 1)), min(xs)

    return sorted(ballots, key=key)


def _straighten(norm: np.ndarray, reading: BallotReading, geometry: Geometry) -> np.ndarray:
    src = np.array(reading.corners, np.float32)
    dst = np.array(marker_centers(geometry.cell_w, geometry.cell_h), np.float32) * PPM
    matrix = cv2.getPerspectiveTransform(src, dst)
    size = (round(geometry.cell_w * PPM), round(geometry.cell_h * PPM))
    return cv2.warpPerspective(norm, matrix, size, flags=cv2.INTER_LINEAR, borderValue=1.0)


@lru_cache(maxsize=32)
def _printed(spec: BallotSpec, grow: int) -> np.ndarray:
    """Where the blank ballot has no ink, its ink widened by ``grow`` pixels each way
    (registration): 1 where new ink can be seen."""
    return 1 - cv2.dilate((blank_cell(spec) < 230).astype(np.uint8), np.ones((2 * grow + 1, 2 * grow + 1), np.uint8))


@lru_cache(maxsize=32)
def _printed_exact(spec: BallotSpec) -> np.ndarray:
    """1 where the blank ballot has ink (not widened): what registration lines up."""
    return 1 - _printed(spec, 0)


@dataclass
class _RowInk:
    """New ink of one row, in a small array whose top-left is (x, y) on the straightened ballot;
    zero outside the row (the ``GAP`` columns each side are margin for bridging)."""

    ink: np.ndarray
    printed: np.ndarray  # 1 where the blank ballot has ink (widened by a pixel), same frame
    x: int
    y: int

    def crop(self, x0: int, y0: int, x1: int, y1: int, printed: bool = False) -> np.ndarray:
        source = self.printed if printed else self.ink
        return source[max(0, y0 - self.y):max(0, y1 - self.y), max(0, x0 - self.x):max(0, x1 - self.x)]


def _read_ballot(straight: np.ndarray, reading: BallotReading) -> None:
    assert reading.spec is not None
    geometry = geometry_for(reading.spec)
    reading.image = cv2.convertScaleAbs(straight, alpha=255.0)
    if geometry.pages > 1:
        reading.reasons.append(MULTI_PAGE.format(pages=geometry.pages))
        return
    ink = cv2.compare(straight, INK, cv2.CMP_LT) & 1
    blank = blank_cell(reading.spec)
    for row in geometry.rows:
        new = _row_new_ink(ink, reading.spec, row.row)
        if geometry.form == "strike":
            reading.rows.append(_strike_row(new, blank, row.name))
        else:
            reading.rows.append(_approve_row(new, straight, blank, row))
    uncertain = reading.uncertain_rows
    if uncertain:
        reading.reasons.append(f"Chưa chắc chắn ở dòng {', '.join(map(str, uncertain))}.")
    reading.outside_mm2 = _outside_ink(ink & _printed(reading.spec, 2), geometry)
    if reading.outside_mm2 > OUTSIDE_MM2:
        reading.reasons.append("Có chữ hoặc nét viết ngoài các dòng tên (có thể viết thêm tên, ký tên, ghi thêm nội dung).")


def _row_new_ink(ink: np.ndarray, spec: BallotSpec, box: Box) -> _RowInk:
    """New ink of one row, the printed row shifted by the pixel or two that best explains the
    ink there (the corner squares fix the ballot, small residues of perspective and paper curl
    are corrected row by row). The best shift leaves the fewest ink pixels off the printed
    letters, i.e. puts the most on them: one cross-correlation gives all (2·SHIFT+1)² shifts at
    once; ties go to the first shift in (dy, dx) order."""
    x0, y0, x1, y1 = px(box)
    s = SHIFT
    seen = ink[y0:y1, x0:x1]
    around = _printed_exact(spec)[y0 - s:y1 + s, x0 - s:x1 + s]
    on_print = np.rint(cv2.matchTemplate(around, seen, cv2.TM_CCORR))
    dy, dx = np.unravel_index(int(np.argmax(on_print)), on_print.shape)
    grown = _printed(spec, 1)[y0 + dy - s:y1 + dy - s, x0 + dx - s:x1 + dx - s]
    out = np.zeros((y1 - y0, x1 - x0 + 2 * GAP), np.uint8)
    out[:, GAP:GAP + x1 - x0] = seen & grown
    printed = np.zeros_like(out)
    printed[:, GAP:GAP + x1 - x0] = 1 - grown
    return _RowInk(out, printed, x0 - GAP, y0)


def _name_extent(blank: np.ndarray, box: Box) -> tuple[int, int, int, int]:
    """Pixels of the printed name inside its box: where a strike must run."""
    x0, y0, x1, y1 = px(box)
    inner = blank[y0 + 3:y1 - 3, x0 + 3:x1 - 3] < 160
    columns = np.flatnonzero(inner.any(axis=0))
    if columns.size == 0:
        return x0, y0, x1, y1
    return x0 + 3 + int(columns[0]), y0, x0 + 3 + int(columns[-1]) + 1, y1


def _coverage(new: _RowInk, x0: int, y0: int, x1: int, y1: int) -> float:
    """Share of the columns x0..x1 crossed by new ink in the row's inner band, small gaps
    (where a line crosses the printed letters) bridged; on a row that already shows a line, also
    the longer gaps where the line runs along the letters and hides under them."""
    band_h = y1 - y0
    pad = GAP
    box = (max(0, x0 - pad), y0 + band_h // 8, x1 + pad, y1 - band_h // 8)
    band = new.crop(*box)
    if band.size == 0:
        return 0.0
    closed = cv2.morphologyEx(_without_slivers(band), cv2.MORPH_CLOSE, np.ones((1, 2 * pad + 1), np.uint8))
    columns = closed.any(axis=0)
    inner = columns[pad:pad + (x1 - x0)]
    if inner.size == 0:
        return 0.0
    if inner.mean() >= LINE_LIKE:
        columns = _hidden_under_print(closed, new.crop(*box, printed=True), columns)
        inner = columns[pad:pad + (x1 - x0)]
    return float(inner.mean())


def _hidden_under_print(line: np.ndarray, printed: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """``columns`` with the gaps of a line filled where the line cannot be seen: every column of
    the gap has printed ink at the line's height (between the heights of the line on either
    side, a few pixels more). A strike drawn along the baseline of the letters disappears under
    their serifs for whole words; a gap with any blank paper at the line's height (between two
    letters, between two words, past the end of a partial strike) is a real gap and stays."""
    inked = np.flatnonzero(columns)
    if inked.size < 2:
        return columns
    heights = np.arange(line.shape[0], dtype=np.float32)[:, None]
    centres = (line * heights).sum(axis=0) / np.maximum(line.sum(axis=0), 1)
    filled = columns.copy()
    for j in np.flatnonzero(np.diff(inked) > 1):
        a, b = int(inked[j]), int(inked[j + 1])
        low = max(0, int(min(centres[a], centres[b])) - 2)
        high = int(max(centres[a], centres[b])) + 3
        if printed[low:high, a + 1:b].any(axis=0).all():
            filled[a + 1:b] = True
    return filled


def _without_slivers(band: np.ndarray) -> np.ndarray:
    """Drop thin upright slivers (1–2 px wide, taller than wide): the edges of printed letters
    when the registration is a pixel off. Pieces of a strike line are wider or flat. (Specks of
    a few pixels stay: an X drawn over a name shows only such bits between the letters.)"""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(band, connectivity=8)
    widths, heights = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    slivers = np.flatnonzero((widths <= 2) & (heights > widths + 2))
    slivers = slivers[slivers > 0]
    if slivers.size == 0:
        return band
    return (band & ~np.isin(labels, slivers)).astype(np.uint8)


def _decide(score: float, high: float, low: float, yes: str, no: str) -> RowReading:
    """Confident only outside the band between the thresholds; confidence grows with distance."""
    if score >= high:
        return RowReading(yes, score, min(1.0, 0.6 + 0.4 * (score - high) / max(1 - high, 1e-6)))
    if score <= low:
        return RowReading(no, score, min(1.0, 0.6 + 0.4 * (low - score) / max(low, 1e-6)))
    return RowReading("?", score, 0.5 * min(score - low, high - score) / (high - low))


def _strike_row(new: _RowInk, blank: np.ndarray, name: Box) -> RowReading:
    return _decide(_coverage(new, *_name_extent(blank, name)), STRUCK_AT, CLEAN_BELOW, "struck", "kept")


def _inside(box: Box) -> tuple[int, int, int, int]:
    """A box's inside in pixels, clear of its printed border."""
    x0, y0, x1, y1 = px(box)
    inset = round(0.8 * PPM)
    return x0 + inset, y0 + inset, x1 - inset, y1 - inset


def _box_fill(new: _RowInk, box: Box) -> float:
    inner = new.crop(*_inside(box))
    return float(inner.mean()) if inner.size else 0.0


def _box_reading(new: _RowInk, straight: np.ndarray, box: Box) -> RowReading:
    """Marked, empty or "?"; "empty" also needs no faint mark and no dark spot inside. A thin or
    light tick or X (some ink, under MARKED_AT) is a mark when its faint trace fills
    MARK_FAINT_MM2 of the box's middle, where a dot is far smaller and a neighbour's mark running
    over the border is not."""
    reading = _decide(_box_fill(new, box), MARKED_AT, EMPTY_BELOW, "x", "")
    x0, y0, x1, y1 = _inside(box)
    inner = straight[y0:y1, x0:x1]
    if reading.value == "" and (_faint(inner) >= FAINT_MM2 * PPM * PPM or _dark_spot(inner)):
        return RowReading("?", reading.score, 0.0)
    if reading.value == "?":
        x, y, w, h = box
        cx0, cy0, cx1, cy1 = px((x + MIDDLE_MM, y + MIDDLE_MM, w - 2 * MIDDLE_MM, h - 2 * MIDDLE_MM))
        if _faint(straight[cy0:cy1, cx0:cx1]) >= MARK_FAINT_MM2 * PPM * PPM:
            return RowReading("x", reading.score, 0.6)
    return reading


def _faint(area: np.ndarray) -> int:
    """Pixels darker than FAINT."""
    return cv2.countNonZero(cv2.compare(area, FAINT, cv2.CMP_LT)) if area.size else 0


def _dark_spot(area: np.ndarray) -> bool:
    """Whether one connected spot of FAINT_MM2 stands SPOT_CONTRAST below the box's paper (its
    median: an empty box is all paper). Connected: the noise of a phone photo straightened up to
    PPM leaves single pixels that dark scattered over an empty box, never a spot of 4."""
    if area.size == 0:
        return False
    darker = cv2.compare(area, float(np.median(area)) - SPOT_CONTRAST, cv2.CMP_LT)
    need = FAINT_MM2 * PPM * PPM
    if cv2.countNonZero(darker) < need:
        return False
    _, _, stats = _components(darker)
    return bool((stats[1:, cv2.CC_STAT_AREA] >= need).any())


def _approve_row(new: _RowInk, straight: np.ndarray, blank: np.ndarray, row: RowBox) -> RowReading:
    """Each box marked or empty; any doubt in either box, or ink across the name, is review."""
    assert row.agree is not None and row.disagree is not None
    boxes = [_box_reading(new, straight, box) for box in (row.agree, row.disagree)]
    across_name = _coverage(new, *_name_extent(blank, row.name))
    score = max(b.score for b in boxes)
    if any(b.value == "?" for b in boxes) or across_name > CLEAN_BELOW:
        return RowReading("?", score, min(b.confidence for b in boxes) * 0.5)
    value = {("x", "x"): "both", ("x", ""): "agree", ("", "x"): "disagree", ("", ""): "none"}[(boxes[0].value, boxes[1].value)]
    return RowReading(value, score, min(b.confidence for b in boxes))


def _outside_ink(new: np.ndarray, geometry: Geometry) -> float:
    """mm² of new ink outside the rows (row bands stretched across the whole cell, since strike
    lines often run past the table's edges), ignoring specks; also counts strokes that run
    across several rows. Everything above the table (header, title, instructions) and below it
    is outside: a name written into the title is content added to the ballot like any other."""
    x, y, w, h = geometry.table
    mask = new.copy()
    edge = round(EDGE_MM * PPM)
    mask[:edge], mask[-edge:], mask[:, :edge], mask[:, -edge:] = 0, 0, 0, 0
    row_h = min(r.row[3] for r in geometry.rows)
    _, y0, _, y1 = px((0, y - 0.6, 1, h + 1.2))
    zone = mask[y0:y1]
    count, labels, stats = _components(zone)
    tall = np.flatnonzero(stats[:, cv2.CC_STAT_HEIGHT] > 1.7 * row_h * PPM)
    tall = tall[tall > 0]
    if tall.size:
        keep = np.zeros(count, np.uint8)
        keep[tall] = 1
        zone[:] = keep[labels]
    else:
        zone[:] = 0
    _, _, stats = _components(mask)
    speck = SPECK_MM2 * PPM * PPM
    areas = stats[1:, cv2.CC_STAT_AREA]
    return float(areas[areas >= speck].sum() / (PPM * PPM))


def _components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """8-connected components with their stats. 16-bit labels when they cannot overflow (fewer
    ink pixels than labels): OpenCV gathers the stats of a 16-bit label image several times
    faster, and this is most of the reading time of a whole-page ballot."""
    ltype = cv2.CV_16U if cv2.countNonZero(mask) < 65535 else cv2.CV_32S
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=ltype)
    return count, labels, stats
