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
