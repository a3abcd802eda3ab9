"""The personal check-in QR code printed on each summons, drawn server-side as SVG (no network,
no JavaScript). A regular QR code (never a Micro QR, which USB scanners and browser decoders
often cannot read), error correction M, so a creased paper still scans."""
import segno


def qr_svg(text: str, *, scale: int = 5) -> str:
    """Inline SVG of ``text`` as a QR code, black on white with the standard quiet zone."""
    return segno.make_qr(text, error="m").svg_inline(scale=scale, dark="#000", light="#fff", title=text)
