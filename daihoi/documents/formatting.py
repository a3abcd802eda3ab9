"""How documents write dates, times, numbers and text (Hướng dẫn 36-HD/VPTW, 2018)."""
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

BLANK = "……"


def nfc_deep(value: Any) -> Any:
    """Every string of a context in NFC: names typed on phones or pasted from Excel often arrive
    decomposed (NFD), which Word shows the same but searches and PDF text extraction do not."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Mapping):
        return {key: nfc_deep(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [nfc_deep(item) for item in value]
    return value


def day_month(day: date) -> tuple[str, str]:
    """Day and month as 36-HD/VPTW writes them: a leading zero for days below 10 and for months
    1 and 2 only ("ngày 05 tháng 3", "ngày 12 tháng 02")."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}", month


def long_date(day: date | None) -> str:
    """"ngày 05 tháng 3 năm 2025"; a blank to fill by hand when the date is not known yet."""
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    dd, mm = day_month(day)
    return f"ngày {dd} tháng {mm} năm {day.year}"


def place_date(place: str, day: date | None) -> str:
    """The place-and-date line under the rule at top right: "Việt Hưng, ngày 05 tháng 3 năm 2025"."""
    return f"{place or BLANK}, {long_date(day)}"


def short_date(day: date | None) -> str:
    """"05/3/2025" inside sentences and tables (the form of the plan's own dates)."""
    if day is None:
        return BLANK
    return f"{day.day:02d}/{day.month}/{day.year}"


def clock(moment: time | datetime | None) -> str:
    """"7 giờ 30 phút" as minutes and summons write the time."""
    if moment is None:
        return f"{BLANK} giờ {BLANK} phút"
    return f"{moment.hour} giờ {moment.minute:02d} phút"


def number_symbol(number: str | None, symbol: str) -> str:
    """"Số 02-BB/CB": number, hyphen, type, slash, issuer (36-HD/VPTW). Without a number yet the
    office writes it by hand on the printed copy, so leave the space for it."""
    return f"Số {number}-{symbol}" if number else f"Số     -{symbol}"


def upper(text: str) -> str:
    """Upper case for header lines ("Chi bộ Tổ dân phố số 5" → "CHI BỘ TỔ DÂN PHỐ SỐ 5")."""
    return unicodedata.normalize("NFC", text).upper()



def valid_number(text: str) -> bool:
    """The number part of "Số 02-BB/ĐH": digits only, as a register counts (01, 124)."""
    return text.isascii() and text.isdigit() and len(text) <= 6


def next_number(previous: str | None) -> str:
    """The number after ``previous`` in one register, with two digits at least as the samples of
    36-HD/VPTW write them ("01", "09", "10", "124"); the first of a register is "01"."""
    return f"{int(previous) + 1:02d}" if previous and valid_number(previous) else "01"
