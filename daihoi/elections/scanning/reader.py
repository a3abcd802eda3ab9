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
from daihoi.elections.scanning.geometry import PPM, Box, Geometry, blank_cell, geometry_for, px
from daihoi.elections.scanning.layout import MARKER_SIZE, BallotCode, bit_centers, decode, marker_centers

# Portrait (2x2 or 1x1 sheet) and landscape (1x2) cells, in mm: the sizes a ballot can have.
CELL_SIZES = ((105.0, 148.5), (210.0, 297.0), (210.0, 148.5))
INK = 0.62  # darker than 62% of the local paper white counts as ink
# Strike form: share of the printed name's width covered by new ink along the name line.
STRUCK_AT, CLEAN_BELOW = 0.80, 0.04
# Agree/disagree form: share of a box's inside covered by new ink.
MARKED_AT, EMPTY_BELOW = 0.03, 0.001
OUTSIDE_MM2 = 2.0  # new ink outside the rows above this many mm² is extra content
SPECK_MM2 = 0.35  # smaller specks (dust, noise) are ignored
SHIFT = 2  # pixels of row-by-row registration search
GAP = 12  # pixels (2 mm): gaps a strike line shows where it crosses printed letters
MAX_LONG_SIDE = 2400  # larger images are read at half size (a 300-dpi A4 becomes 150 dpi)

Resolver = Callable[[BallotCode], BallotSpec | None]
# A list too long for one A4 side prints as one ballot over two or more pages, each with the
# corner squares and the code: the reader cannot put the pages of one ballot together, so such a
# page is never read (that would count half a ballot) but always goes to a person.
MULTI_PAGE = "Phiếu dài in trên {pages} trang: máy quét chưa đọc loại phiếu này, người kiểm phiếu xem và nhập tay."


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


def decode_image(data: bytes) -> np.ndarray:
    """Grey image from JPEG/PNG bytes; big scans are decoded at half size straight away (libjpeg
    scales while decoding), which is plenty for 1 mm pen lines and much faster."""
    buffer = np.frombuffer(data, np.uint8)
    gray = cv2.imdecode(buffer, cv2.IMREAD_REDUCED_GRAYSCALE_2)
    if gray is not None and max(gray.shape) * 2 <= MAX_LONG_SIDE:
        gray = cv2.imdecode(buffer, cv2.IMREAD_GRAYSCALE)
    if gray is None:
        raise ValueError("Tệp không phải ảnh JPEG/PNG đọc được.")
    return gray


def normalize(gray: np.ndarray) -> np.ndarray:
    """Grey divided by the local paper white (a dilated, blurred small copy): shadows and uneven
    light go away, ink stays dark. Returns float32 in 0..~1."""
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    small = cv2.dilate(small, np.ones((5, 5), np.uint8))
    small = cv2.GaussianBlur(small, (0, 0), 3)
    white = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    return gray.astype(np.float32) / np.maximum(white, 40.0)


@dataclass
class _Marker:
    x: float
    y: float
    side: float


def find_markers(dark: np.ndarray) -> list[_Marker]:
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
        if hull and area / hull > 0.9 and filled:
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
    norm = normalize(gray)
    dark = ((norm < 0.5) * 255).astype(np.uint8)
    markers = find_markers(dark)
    used: set[int] = set()
    ballots = []
    for quad in _quads(markers):
        if used & {id(m) for m in quad}:
            continue
        reading = _identify(dark, quad, resolve)
        if reading is None:
            continue
        used |= {id(m) for m in quad}
        if reading.spec is not None:
            _read_ballot(norm, reading)
        ballots.append(reading)
    return _reading_order(ballots)


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
    """Where the blank ballot has ink, widened by ``grow`` pixels each way (registration)."""
    return 1 - cv2.dilate((blank_cell(spec) < 230).astype(np.uint8), np.ones((2 * grow + 1, 2 * grow + 1), np.uint8))


def _new_ink(straight: np.ndarray, spec: BallotSpec, grow: int) -> np.ndarray:
    """Ink on the paper that the blank ballot does not have."""
    return (straight < INK).astype(np.uint8) & _printed(spec, grow)


def _read_ballot(norm: np.ndarray, reading: BallotReading) -> None:
    assert reading.spec is not None
    geometry = geometry_for(reading.spec)
    straight = _straighten(norm, reading, geometry)
    reading.image = np.clip(straight * 255, 0, 255).astype(np.uint8)
    if geometry.pages > 1:
        reading.reasons.append(MULTI_PAGE.format(pages=geometry.pages))
        return
    ink = (straight < INK).astype(np.uint8)
    blank = blank_cell(reading.spec)
    for row in geometry.rows:
        new = _row_new_ink(ink, reading.spec, row.row)
        if geometry.form == "strike":
            reading.rows.append(_strike_row(new, blank, row.name))
        else:
            reading.rows.append(_approve_row(new, blank, row.name, row.agree, row.disagree))
    uncertain = reading.uncertain_rows
    if uncertain:
        reading.reasons.append(f"Chưa chắc chắn ở dòng {', '.join(map(str, uncertain))}.")
    reading.outside_mm2 = _outside_ink(_new_ink(straight, reading.spec, 2), geometry)
    if reading.outside_mm2 > OUTSIDE_MM2:
        reading.reasons.append("Có chữ hoặc nét viết ngoài các dòng tên (có thể viết thêm tên, ký tên, ghi thêm nội dung).")


def _row_new_ink(ink: np.ndarray, spec: BallotSpec, box: Box) -> np.ndarray:
    """New ink of one row, the printed row shifted by the pixel or two that best explains the
    ink there (the corner squares fix the ballot, small residues of perspective and paper curl
    are corrected row by row). Returned at full ballot size, zero outside the row."""
    x0, y0, x1, y1 = px(box)
    s = SHIFT
    seen = ink[y0 - s:y1 + s, x0 - s:x1 + s]
    exact, grown = 1 - _printed(spec, 0), _printed(spec, 1)
    best = min(((dy, dx) for dy in range(-s, s + 1) for dx in range(-s, s + 1)),
               key=lambda d: int(np.count_nonzero(seen[s:-s, s:-s] > exact[y0 + d[0]:y1 + d[0], x0 + d[1]:x1 + d[1]])))
    dy, dx = best
    out = np.zeros_like(ink)
    out[y0:y1, x0:x1] = ink[y0:y1, x0:x1] & grown[y0 + dy:y1 + dy, x0 + dx:x1 + dx]
    return out


def _name_extent(blank: np.ndarray, box: Box) -> tuple[int, int, int, int]:
    """Pixels of the printed name inside its box: where a strike must run."""
    x0, y0, x1, y1 = px(box)
    inner = blank[y0 + 3:y1 - 3, x0 + 3:x1 - 3] < 160
    columns = np.flatnonzero(inner.any(axis=0))
    if columns.size == 0:
        return x0, y0, x1, y1
    return x0 + 3 + int(columns[0]), y0, x0 + 3 + int(columns[-1]) + 1, y1


def _coverage(new: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> float:
    """Share of the columns x0..x1 crossed by new ink in the row's inner band, small gaps
    (where a line crosses the printed letters) bridged."""
    band_h = y1 - y0
    pad = GAP
    band = new[y0 + band_h // 8:y1 - band_h // 8, max(0, x0 - pad):x1 + pad]
    if band.size == 0:
        return 0.0
    closed = cv2.morphologyEx(_without_slivers(band), cv2.MORPH_CLOSE, np.ones((1, 2 * pad + 1), np.uint8))
    columns = closed.any(axis=0)[pad:pad + (x1 - x0)]
    return float(columns.mean()) if columns.size else 0.0


def _without_slivers(band: np.ndarray) -> np.ndarray:
    """Drop thin upright slivers (1–2 px wide, taller than wide): the edges of printed letters
    when the registration is a pixel off. Pieces of a strike line are wider or flat."""
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


def _strike_row(new: np.ndarray, blank: np.ndarray, name: Box) -> RowReading:
    return _decide(_coverage(new, *_name_extent(blank, name)), STRUCK_AT, CLEAN_BELOW, "struck", "kept")


def _box_fill(new: np.ndarray, box: Box) -> float:
    x0, y0, x1, y1 = px(box)
    inset = round(0.8 * PPM)
    inner = new[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    return float(inner.mean()) if inner.size else 0.0


def _approve_row(new: np.ndarray, blank: np.ndarray, name: Box, agree: Box | None, disagree: Box | None) -> RowReading:
    """Each box marked or empty; any doubt in either box, or ink across the name, is review."""
    assert agree is not None and disagree is not None
    boxes = [_decide(_box_fill(new, box), MARKED_AT, EMPTY_BELOW, "x", "") for box in (agree, disagree)]
    across_name = _coverage(new, *_name_extent(blank, name))
    score = max(b.score for b in boxes)
    if any(b.value == "?" for b in boxes) or across_name > CLEAN_BELOW:
        return RowReading("?", score, min(b.confidence for b in boxes) * 0.5)
    value = {("x", "x"): "both", ("x", ""): "agree", ("", "x"): "disagree", ("", ""): "none"}[(boxes[0].value, boxes[1].value)]
    return RowReading(value, score, min(b.confidence for b in boxes))


def _outside_ink(new: np.ndarray, geometry: Geometry) -> float:
    """mm² of new ink outside the rows (row bands stretched across the whole cell, since strike
    lines often run past the table's edges), ignoring specks; also counts strokes that run
    across several rows."""
    x, y, w, h = geometry.table
    mask = new.copy()
    row_h = min(r.row[3] for r in geometry.rows)
    y0, _, _, y1 = px((0, y - 0.6, 1, h + 1.2))
    zone = mask[y0:y1]
    count, labels, stats, _ = cv2.connectedComponentsWithStats(zone, connectivity=8)
    tall = [i for i in range(1, count) if stats[i, cv2.CC_STAT_HEIGHT] > 1.7 * row_h * PPM]
    zone[:] = np.isin(labels, tall).astype(np.uint8) if tall else 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    speck = SPECK_MM2 * PPM * PPM
    areas = stats[1:, cv2.CC_STAT_AREA]
    return float(areas[areas >= speck].sum() / (PPM * PPM))
