"""Vietnamese text helpers shared by every app."""
import unicodedata


def nfc(text: str) -> str:
    """Store and print text in NFC: Excel files and phones often send decomposed (NFD) Vietnamese,
    which looks the same but compares, sorts and searches differently."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), so "nguyen van an" finds "Nguyễn Văn An"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def follow_up_sentence(title: str, done: int, applies: int) -> str:
    """One post-congress item counted across the season, as the ward's report writes it:
    "Xây dựng quy chế làm việc của chi ủy", 15, 23 → "15/23 chi bộ đã xây dựng quy chế làm việc
    của chi ủy". The item titles are verb phrases, so only their first letter is lowered (a name
    inside, "Tổ trưởng tổ dân phố", keeps its capitals). Shared by the Excel and Word season
    reports and the drafted news article, so the three never word it differently."""
    return f"{done}/{applies} chi bộ đã {title[:1].lower()}{title[1:]}"


def planned_sentence(as_planned: int, compared: int) -> str:
    """The seed article's "đảm bảo đúng dự kiến về cơ cấu, độ tuổi", counted: branches whose
    elected committee matched the personnel plan, of those with both (issue 12)."""
    return f"{as_planned}/{compared} chi bộ bầu đảm bảo đúng dự kiến về cơ cấu, độ tuổi"
