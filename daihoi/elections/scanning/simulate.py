"""Simulated voters and scanners, for the tests, the benchmark (bench/scan.py, bench/scan_corpus.py)
and the demo: the real ballot PDF rendered, then marked the way people mark ballots (strike lines
of many pens, widths, angles, wavy, doubled, partial; X and tick marks; a few names written in
and signatures), then scanned or photographed badly (rotation, perspective, blur, noise, JPEG
quality, uneven light, shadows). Each ballot comes with its ground truth.

Truth values per row: strike form "struck" / "kept"; agree/disagree form "agree" / "disagree" /
"both" / "none"; "ambiguous" where a person has to decide (a partial strike, an X over a name).
A ballot with anything written outside the rows must be reviewed (``expect_review``)."""
import math
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
import pypdfium2

from daihoi.elections.ballot_pdf import BallotSpec, ballots_pdf
from daihoi.elections.scanning.geometry import Box, geometry_for
from daihoi.elections.scanning.layout import MM

PENS = {  # BGR
    "black": (35, 35, 35), "blue": (165, 70, 25), "dark blue": (120, 40, 20), "red": (40, 35, 185),
    "green": (70, 130, 40), "pencil": (105, 105, 105), "violet": (140, 40, 110),
}


@dataclass
class Truth:
    code: str
    form: str
    rows: list[str]
    extra: str = ""  # "write_in" | "signed" | ""
    expect_review: bool = False
    page: int = 0
    scan: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Page:
    image: bytes  # JPEG
    truths: list[Truth] = field(default_factory=list)
    dpi: float = 300.0


@lru_cache(maxsize=16)
def blank_sheet(spec: BallotSpec, dpi: float) -> np.ndarray:
    """The first sheet of the ballot PDF as a BGR image (all ballots of a sheet are alike)."""
    pdf = pypdfium2.PdfDocument(ballots_pdf(spec, 4))
    rgb = pdf[0].render(scale=dpi / 72).to_numpy()[..., :3].copy()
    pdf.close()
    return np.ascontiguousarray(rgb[..., ::-1])


def blank_ballot(spec: BallotSpec, dpi: float) -> np.ndarray:
    g = geometry_for(spec)
    ppm = dpi / 25.4
    return blank_sheet(spec, dpi)[:round(g.cell_h * ppm), :round(g.cell_w * ppm)].copy()


class Voter:
    """Marks one ballot. ``rng`` decides everything, so a seed gives the same corpus."""

    def __init__(self, rng: np.random.Generator, dpi: float):
        self.rng, self.ppm = rng, dpi / 25.4

    def pen(self) -> tuple[tuple[int, int, int], int]:
        color = PENS[self.rng.choice(list(PENS))]
        width = max(2, round(self.rng.uniform(0.3, 1.0) * self.ppm))
        return color, width

    def line(self, img: np.ndarray, x0: float, x1: float, y: float, style: str) -> None:
        """A stroke from x0 to x1 (pixels) around height y, straight, wavy or shaky."""
        color, width = self.pen()
        angle = math.radians(self.rng.uniform(-3, 3))
        xs = np.linspace(x0, x1, 40)
        ys = y + (xs - (x0 + x1) / 2) * math.tan(angle)
        if style == "wavy":
            ys = ys + self.rng.uniform(0.3, 0.7) * self.ppm * np.sin((xs - x0) / (self.rng.uniform(4, 10) * self.ppm) * 2 * math.pi)
        elif style == "shaky":
            ys = ys + np.cumsum(self.rng.normal(0, 0.05 * self.ppm, xs.size))
        pts = np.stack([xs, ys], axis=1).round().astype(np.int32)
        cv2.polylines(img, [pts], False, color, width, cv2.LINE_AA)

    def strike(self, img: np.ndarray, name: tuple[int, int, int, int], partial: bool = False) -> None:
        x0, y0, x1, y1 = name
        y = y0 + (y1 - y0) * self.rng.uniform(0.45, 0.68)
        if partial:
            length = (x1 - x0) * self.rng.uniform(0.2, 0.55)
            start = x0 + self.rng.uniform(0, (x1 - x0) - length)
            self.line(img, start, start + length, y, "straight")
            return
        style = self.rng.choice(["straight", "straight", "straight", "wavy", "shaky", "double"])
        left = x0 - self.rng.uniform(0, 4) * self.ppm
        right = x1 + self.rng.uniform(0, 6) * self.ppm
        if style == "double":
            gap = self.rng.uniform(0.6, 1.2) * self.ppm
            self.line(img, left, right, y - gap / 2, "straight")
            self.line(img, left, right, y + gap / 2, "shaky")
        else:
            self.line(img, left, right, y, str(style))

    def cross(self, img: np.ndarray, box: tuple[int, int, int, int], scale: float = 1.0) -> None:
        """An X, a tick or a scribble in a box."""
        color, width = self.pen()
        x0, y0, x1, y1 = box
        cx, cy = (x0 + x1) / 2 + self.rng.normal(0, 0.05) * (x1 - x0), (y0 + y1) / 2
        half = min(x1 - x0, y1 - y0) * self.rng.uniform(0.25, 0.42) * scale
        kind = self.rng.choice(["x", "x", "tick", "scribble"])
        if kind == "x":
            for dx in (half, -half):
                cv2.line(img, (round(cx - dx), round(cy - half)), (round(cx + dx), round(cy + half)), color, width, cv2.LINE_AA)
        elif kind == "tick":
            pts = np.array([(cx - half, cy), (cx - half / 3, cy + half), (cx + half * 1.2, cy - half)], np.int32)
            cv2.polylines(img, [pts], False, color, width, cv2.LINE_AA)
        else:
            pts = [(cx + self.rng.uniform(-half, half), cy + self.rng.uniform(-half, half) * 0.8) for _ in range(8)]
            cv2.polylines(img, [np.array(pts, np.int32)], False, color, width, cv2.LINE_AA)

    def scribble(self, img: np.ndarray, x: float, y: float, w: float, h: float) -> None:
        """Handwriting-like strokes: a name written in, or a signature."""
        color, width = self.pen()
        t = np.linspace(0, 1, 120)
        xs = x + t * w
        ys = y + h / 2 + np.sin(t * self.rng.uniform(10, 30)) * h / 2 * self.rng.uniform(0.5, 1) + self.rng.normal(0, h * 0.05, t.size)
        cv2.polylines(img, [np.stack([xs, ys], 1).astype(np.int32)], False, color, max(2, width - 1), cv2.LINE_AA)


def _px(box: Box, ppm: float) -> tuple[int, int, int, int]:
    x, y, w, h = box
    return round(x * ppm), round(y * ppm), round((x + w) * ppm), round((y + h) * ppm)


def _name_span(blank: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    cols = np.flatnonzero((blank[y0 + 4:y1 - 4, x0 + 4:x1 - 4].min(axis=2) < 128).any(axis=0))
    return (x0 + 4 + int(cols[0]), y0, x0 + 4 + int(cols[-1]), y1) if cols.size else box


# Share of ballots a person must look at by design of the corpus (issue 9: "a few write-ins and
# signatures"): one row marked ambiguously (a partial strike, an X over the name, a dot in a
# box), and writing outside the rows (a name written in, a signature). Per ballot, not per row:
# a voter who marks unclearly does it on one ballot whatever its length (per row, a 30-name list
# came out ambiguous 6% of the time). Together 1.6%, under the 2% review budget.
AMBIGUOUS_RATE = 0.008
EXTRA_RATE = 0.008


def mark_ballot(rng: np.random.Generator, spec: BallotSpec, dpi: float, ambiguous_rate: float = AMBIGUOUS_RATE,
                extra_rate: float = EXTRA_RATE) -> tuple[np.ndarray, Truth]:
    """A blank ballot marked by one simulated voter, and what the voter meant."""
    img = blank_ballot(spec, dpi)
    g = geometry_for(spec)
    voter = Voter(rng, dpi)
    ppm = dpi / 25.4
    n = len(g.rows)
    # One draw per row, as before (with the rate 0 a seed gives the very ballots it gave), at the
    # rate per row that leaves ``ambiguous_rate`` of the ballots with at least one unclear row.
    per_row = 1 - (1 - ambiguous_rate) ** (1 / n) if ambiguous_rate < 1 else 1.0
    rows: list[str] = []
    if g.form == "strike":
        keep = max(1, spec.seats - int(rng.integers(0, 2)))
        kept = set(rng.choice(n, size=min(n, keep), replace=False).tolist())
        for index, row in enumerate(g.rows):
            name = _name_span(img, _px(row.name, ppm))
            if rng.random() < per_row:
                if rng.random() < 0.5:
                    voter.strike(img, name, partial=True)
                else:
                    voter.cross(img, (name[0], name[1], name[0] + (name[3] - name[1]) * 2, name[3]), 1.2)
                rows.append("ambiguous")
            elif index in kept:
                rows.append("kept")
            else:
                voter.strike(img, name)
                rows.append("struck")
    else:
        for row in g.rows:
            assert row.agree is not None and row.disagree is not None
            choice = str(rng.choice(["agree"] * 11 + ["disagree"] * 6 + ["none", "both"]))
            if rng.random() < per_row:
                box = _px(row.agree, ppm)
                cv2.circle(img, ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), 3, PENS["blue"], -1)
                choice = "ambiguous"
            if choice in ("agree", "both"):
                voter.cross(img, _px(row.agree, ppm))
            if choice in ("disagree", "both"):
                voter.cross(img, _px(row.disagree, ppm))
            rows.append(choice)
    truth = Truth(spec.code, g.form, rows)
    if rng.random() < extra_rate:
        truth.extra = str(rng.choice(["write_in", "signed"]))
        tx, ty, tw, th = g.table
        y = (ty + th + 4) if truth.extra == "write_in" else g.cell_h - 22
        voter.scribble(img, (tx + 12) * ppm, y * ppm, rng.uniform(30, 55) * ppm, 5 * ppm)
    truth.expect_review = bool(truth.extra) or "ambiguous" in rows
    return img, truth


def _light(img: np.ndarray, rng: np.random.Generator, shadow: bool) -> np.ndarray:
    """Uneven light: a gentle gradient, and for phone photos a soft-edged shadow."""
    h, w = img.shape[:2]
    ramp = np.linspace(1, 1 - rng.uniform(0, 0.2), w if rng.random() < 0.5 else h, dtype=np.float32)
    light = np.broadcast_to(ramp[None, :] if ramp.size == w else ramp[:, None], (h, w)).copy()
    if shadow:
        mask = np.zeros((h // 8, w // 8), np.float32)
        pts = np.array([(rng.uniform(0, w), 0), (rng.uniform(0, w), h), (0, h), (0, 0)]) / 8
        cv2.fillPoly(mask, [pts.astype(np.int32)], 1.0)
        mask = cv2.resize(cv2.GaussianBlur(mask, (0, 0), max(h, w) / 320), (w, h))
        light *= 1 - rng.uniform(0.25, 0.45) * mask
    return cv2.multiply(img.astype(np.float32), light)


def _finish(img: np.ndarray, rng: np.random.Generator, blur: float, noise: float, quality: int) -> bytes:
    out = cv2.GaussianBlur(img, (0, 0), blur) if blur > 0.3 else img
    grain = np.zeros(out.shape, np.float32)
    cv2.randn(grain, 0.0, noise)
    ok, data = cv2.imencode(".jpg", np.clip(out + grain, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def scan(rng: np.random.Generator, paper: np.ndarray, phone: bool = False) -> bytes:
    """Put the paper on a scanner bed (or a table, photographed) and take the picture."""
    h, w = paper.shape[:2]
    margin = int((0.12 if phone else 0.04) * max(h, w))
    out_w, out_h = w + 2 * margin, h + 2 * margin
    src = np.array([(0, 0), (w, 0), (w, h), (0, h)], np.float32)
    angle = math.radians(rng.uniform(-5, 5))
    center = np.array([out_w / 2, out_h / 2])
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    dst = (src - np.array([w / 2, h / 2])) @ rot.T + center
    jitter = 0.07 if phone else 0.004
    dst += rng.uniform(-jitter, jitter, dst.shape) * np.array([w, h])
    scale = rng.uniform(0.45, 0.7) if phone else 1.0
    dst, out_w, out_h = dst * scale, int(out_w * scale), int(out_h * scale)
    background = (rng.uniform(60, 140),) * 3 if phone else (245, 245, 245)
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    gray = cv2.cvtColor(paper, cv2.COLOR_BGR2GRAY)  # the scanner's greyscale mode; the reader reads grey anyway
    img = cv2.warpPerspective(gray, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=background[0])
    img = _light(img, rng, shadow=phone)
    return _finish(img, rng, rng.uniform(0, 1.4), rng.uniform(0, 7), int(rng.integers(50, 96)))


def sheet_of_four(rng: np.random.Generator, spec: BallotSpec, dpi: float, **rates: float) -> tuple[np.ndarray, list[Truth]]:
    """An uncut A4 sheet with four marked ballots (2 x 2 layouts only), in reading order."""
    sheet = blank_sheet(spec, dpi).copy()
    g = geometry_for(spec)
    ppm = dpi / 25.4
    cw, ch = round(g.cell_w * ppm), round(g.cell_h * ppm)
    truths = []
    for row in range(2):
        for col in range(2):
            img, truth = mark_ballot(rng, spec, dpi, **rates)
            sheet[row * ch:(row + 1) * ch, col * cw:(col + 1) * cw] = img[:ch, :cw]
            truths.append(truth)
    return sheet, truths


def corpus(seed: int, count: int, specs: list[BallotSpec], dpi: float = 300.0, phone_rate: float = 0.15,
           sheet_rate: float = 0.1, **rates: float) -> list[Page]:
    """``count`` ballots (about), on pages: mostly one cut ballot per scan, some uncut sheets of
    four, some phone photos; ``page`` and ``scan`` in each Truth say where it is. ``rates``
    (``ambiguous_rate``, ``extra_rate``) go to ``mark_ballot``."""
    rng = np.random.default_rng(seed)
    pages: list[Page] = []
    made = 0
    while made < count:
        spec = specs[int(rng.integers(0, len(specs)))]
        phone = rng.random() < phone_rate
        if not phone and geometry_for(spec).split == (2, 2) and rng.random() < sheet_rate and count - made >= 4:
            paper, truths = sheet_of_four(rng, spec, dpi, **rates)
            kind = "sheet"
        else:
            paper, truth = mark_ballot(rng, spec, dpi, **rates)
            truths, kind = [truth], "phone" if phone else "scan"
        for truth in truths:
            truth.page, truth.scan = len(pages), kind
        pages.append(Page(scan(rng, paper, phone), truths, dpi))
        made += len(truths)
    return pages


def page_verdicts(truths: list[Truth], found: list[Any]) -> list[str]:
    """Verdicts of one page. A page where nothing is found goes to review whole (the scanning
    service makes it a ballot to review); a ballot missed beside others found is silent."""
    if not found:
        return ["review"] * len(truths)
    return [verdict(truth, found[index] if index < len(found) else None) for index, truth in enumerate(truths)]


def verdict(truth: Truth, reading: Any) -> str:
    """"read" (right, no review), "review" (flagged) or "silent" (wrong and not flagged: the error
    that must never happen). ``reading`` is a reader BallotReading or None (not found)."""
    if reading is None:
        return "silent"
    if reading.needs_review:
        return "review"
    if truth.expect_review or reading.code is None or reading.code.text != truth.code:
        return "silent"
    values = [r.value for r in reading.rows]
    return "read" if values == truth.rows else "silent"
