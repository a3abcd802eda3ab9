"""The documents the system writes: one entry per .docx template, with the placeholders a ward's
own version of it must keep."""
from dataclasses import dataclass

HEADER_KEYS = ("upper_body", "issuer_lines", "number", "place_date")


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    filename: str
    required: tuple[str, ...]
    per_round: bool = False
    ward_level: bool = False


KINDS: dict[str, Kind] = {kind.slug: kind for kind in (
    Kind("summons", "Giấy triệu tập", "giay-trieu-tap.docx", (*HEADER_KEYS, "summoned", "when", "venue")),
    Kind("counting_minutes", "Biên bản kiểm phiếu", "bien-ban-kiem-phieu.docx",
         (*HEADER_KEYS, "candidates", "denominator", "issued", "collected", "valid", "invalid", "elected",
          "committee_head", "completed", "fingerprint"), per_round=True),
    Kind("congress_minutes", "Biên bản đại hội", "bien-ban-dai-hoi.docx",
         (*HEADER_KEYS, "summoned", "present", "elections", "chair", "secretary")),
    Kind("resolution", "Nghị quyết đại hội", "nghi-quyet-dai-hoi.docx", (*HEADER_KEYS, "elections", "chair")),
    Kind("approval_request", "Tờ trình đề nghị chuẩn y", "to-trinh-de-nghi-chuan-y.docx",
         (*HEADER_KEYS, "rows", "secretary")),
    Kind("approval_decision", "Quyết định chuẩn y", "quyet-dinh-chuan-y.docx", (*HEADER_KEYS, "elections", "signer")),
    Kind("season_report", "Báo cáo kết quả đại hội các chi bộ", "bao-cao-ket-qua-dai-hoi.docx",
         (*HEADER_KEYS, "rows", "held", "signer"), ward_level=True),
)}
