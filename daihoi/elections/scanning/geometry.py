"""The reader's view of a ballot: the cell and every row in millimetres from the cell's top-left
corner, taken from the ballot renderer's own layout (``ballot_pdf.sheet_split``), and the blank
ballot rendered at the reader's resolution, against which new ink is measured."""
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import pypdfium2

from daihoi.elections.ballot_pdf import MARK_W, NUMBER_W, BallotSpec, ballots_pdf, sheet_split
from daihoi.elections.scanning.layout import MM

PPM = 6.0  # reader's pixels per millimetre (about 152 dpi)

Box = tuple[float, float, float, float]  # x, y, width, height in mm (top-left origin)


@dataclass(frozen=True)
class RowBox:
    row: Box
    name: Box  # where the printed name is and a strike line is expected
    agree: Box | None = None
    disagree: Box | None = None


@dataclass(frozen=True)
class Geometry:
    split: tuple[int, int]
    cell_w: float
    cell_h: float
    form: str
    rows: tuple[RowBox, ...]
    pages: int = 1  # a list too long for one A4 side prints as one ballot on several pages

    @property
    def table(self) -> Box:
        """The rectangle holding every row (all name columns)."""
        x0 = min(r.row[0] for r in self.rows)
        y0 = min(r.row[1] for r in self.rows)
        x1 = max(r.row[0] + r.row[2] for r in self.rows)
        y1 = max(r.row[1] + r.row[3] for r in self.rows)
        return x0, y0, x1 - x0, y1 - y0


def geometry_for(spec: BallotSpec) -> Geometry:
    """Row rectangles of the printed ballot, converted from the renderer's points. On a ballot of
    several pages each row is on its own page (``layout.row_pages``); the reader does not read
    those (see ``reader.MULTI_PAGE``)."""
    across, down, layout = sheet_split(spec)
    cell_h = layout.cell_h / MM
    rows = []
    for x, y, w, h in layout.rows:
        box = (x / MM, cell_h - (y + h) / MM, w / MM, h / MM)
        name_x = box[0] + NUMBER_W / MM
        if spec.form == "approve":
            mark = MARK_W / MM
            right = box[0] + box[2]
            rows.append(RowBox(box, (name_x, box[1], right - 2 * mark - name_x, box[3]),
                               (right - 2 * mark, box[1], mark, box[3]), (right - mark, box[1], mark, box[3])))
        else:
            rows.append(RowBox(box, (name_x, box[1], box[0] + box[2] - name_x, box[3])))
    return Geometry((across, down), layout.cell_w / MM, cell_h, spec.form, tuple(rows), layout.pages)


# The blank ballot is rendered this many times finer, then averaged down: a scan straightened to
# ``PPM`` is the print averaged over each pixel, whereas a render straight at ``PPM`` snaps thin
# strokes to whole pixels (font hinting). At 6 px/mm the cross-bar of an "H" lands a pixel lower
# than on any scan, and its edge came out as "new ink" on clean rows (issue 9, the 0.04–0.05
# coverage of clean rows).
OVERSAMPLE = 4


@lru_cache(maxsize=32)
def blank_cell(spec: BallotSpec, ppm: float = PPM) -> np.ndarray:
    """The blank ballot as the reader sees it (grey, ``ppm`` pixels per mm): the first cell of the
    renderer's own PDF, so the template is exactly what was printed, rendered ``OVERSAMPLE``
    times finer and averaged down as a scanner's optics and the straightening average it."""
    geometry = geometry_for(spec)
    pdf = pypdfium2.PdfDocument(ballots_pdf(spec, 1))
    bitmap = pdf[0].render(scale=OVERSAMPLE * ppm / MM, grayscale=True).to_numpy()
    pdf.close()
    gray = bitmap if bitmap.ndim == 2 else bitmap[..., 0]
    width, height = round(geometry.cell_w * ppm), round(geometry.cell_h * ppm)
    fine = np.full((OVERSAMPLE * height, OVERSAMPLE * width), 255, np.uint8)
    crop = gray[:fine.shape[0], :fine.shape[1]]
    fine[:crop.shape[0], :crop.shape[1]] = crop
    return np.ascontiguousarray(cv2.resize(fine, (width, height), interpolation=cv2.INTER_AREA))


def px(box: Box, ppm: float = PPM) -> tuple[int, int, int, int]:
    """A box in whole pixels (x0, y0, x1, y1)."""
    x, y, w, h = box
    return round(x * ppm), round(y * ppm), round((x + w) * ppm), round((y + h) * ppm)
