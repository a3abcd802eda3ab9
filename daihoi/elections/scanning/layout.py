"""What a machine needs on the printed ballot (issue 9), drawn by the ballot renderer and found
again by the reader, from these constants only: four solid corner squares (fiducials) and one row
of small squares carrying the code of election, round and list version.

Secrecy by design: the code is the same on every ballot of a round; nothing here can tell one
printed ballot from another. All positions are millimetres from the ballot cell's top-left
corner (y downwards), so the renderer and the reader share one description."""
import re
from dataclasses import dataclass

MM = 72 / 25.4  # reportlab points per millimetre

MARKER_SIZE = 3.6
MARKER_INSET = 2.0  # from the cell's edges: clear of the header text (which starts 6 mm in)
MARKER_CENTER = MARKER_INSET + MARKER_SIZE / 2

BIT_PITCH = 1.6
BIT_SIZE = 1.1
BITS_X = 9.0  # left edge of the first bit, right of the bottom-left marker
BITS_FROM_BOTTOM = 3.0  # centre line of the bit row, inside the bottom margin
DATA_BITS = (20, 5, 7)  # election id, round number, list version
CRC_BITS = 8
CODE_BITS = 1 + sum(DATA_BITS) + CRC_BITS + 1  # a 1 at each end frames the row

CODE_TEXT = re.compile(r"^BC(\d+)-L(\d+)-DS(\d+)$")


@dataclass(frozen=True)
class BallotCode:
    """Which ballot this is: the election, the round and the list version, nothing more."""

    election: int
    round_number: int
    list_version: int

    @classmethod
    def parse(cls, text: str) -> "BallotCode | None":
        """The printed code (``BC7-L1-DS2``, elections ``pages.ballot_spec``) as numbers."""
        match = CODE_TEXT.match(text)
        return cls(*map(int, match.groups())) if match else None

    @property
    def text(self) -> str:
        return f"BC{self.election}-L{self.round_number}-DS{self.list_version}"


def _crc8(value: int, nbits: int) -> int:
    """CRC-8 (polynomial 0x07) over the data bits, with a non-zero final mask so that a blank
    or solid row never passes as a code."""
    crc = 0
    for index in reversed(range(nbits)):
        top = ((crc >> 7) & 1) ^ ((value >> index) & 1)
        crc = ((crc << 1) & 0xFF) ^ (0x07 if top else 0)
    return crc ^ 0xA5


def encode(code: BallotCode) -> list[int]:
    """The bit row of a code: 1, election, round, version, CRC, 1 (most significant first)."""
    value, total = 0, 0
    for field, width in zip((code.election, code.round_number, code.list_version), DATA_BITS):
        if not 0 <= field < 1 << width:
            raise ValueError(f"Mã phiếu {code.text} vượt giới hạn in được.")
        value, total = (value << width) | field, total + width
    word = (value << CRC_BITS) | _crc8(value, total)
    return [1] + [(word >> i) & 1 for i in reversed(range(total + CRC_BITS))] + [1]


def decode(bits: list[int]) -> BallotCode | None:
    """The code from a bit row read off an image, or None when framing or CRC disagree."""
    if len(bits) != CODE_BITS or bits[0] != 1 or bits[-1] != 1:
        return None
    word = 0
    for bit in bits[1:-1]:
        word = (word << 1) | bit
    value, crc = word >> CRC_BITS, word & 0xFF
    if _crc8(value, sum(DATA_BITS)) != crc:
        return None
    fields = []
    for width in reversed(DATA_BITS):
        fields.append(value & ((1 << width) - 1))
        value >>= width
    election, round_number, version = reversed(fields)
    return BallotCode(election, round_number, version)


def marker_centers(cell_w: float, cell_h: float) -> list[tuple[float, float]]:
    """Centres of the corner squares, in mm: top-left, top-right, bottom-right, bottom-left."""
    c = MARKER_CENTER
    return [(c, c), (cell_w - c, c), (cell_w - c, cell_h - c), (c, cell_h - c)]


def bit_centers(cell_h: float) -> list[tuple[float, float]]:
    return [(BITS_X + BIT_SIZE / 2 + i * BIT_PITCH, cell_h - BITS_FROM_BOTTOM) for i in range(CODE_BITS)]


def draw_machine_marks(canvas: object, cell_w_pt: float, cell_h_pt: float, code_text: str) -> None:
    """Draw the corner squares and the code row on a reportlab canvas whose origin is the cell's
    bottom-left corner (the renderer's convention). A code in another format gets the markers
    only: such a ballot is found but cannot be identified, so it always goes to review."""
    cell_w, cell_h = cell_w_pt / MM, cell_h_pt / MM
    half = MARKER_SIZE / 2
    for x, y in marker_centers(cell_w, cell_h):
        canvas.rect((x - half) * MM, (cell_h - y - half) * MM, MARKER_SIZE * MM, MARKER_SIZE * MM, stroke=0, fill=1)  # type: ignore[attr-defined]
    code = BallotCode.parse(code_text)
    if code is None:
        return
    half = BIT_SIZE / 2
    for bit, (x, y) in zip(encode(code), bit_centers(cell_h)):
        if bit:
            canvas.rect((x - half) * MM, (cell_h - y - half) * MM, BIT_SIZE * MM, BIT_SIZE * MM, stroke=0, fill=1)  # type: ignore[attr-defined]
