"""A-B-C order of Vietnamese names on the ballot (election-rules.md §4, [C] setting ballot_collation).

The sort key is made of ASCII digits only, so that any database collation (SQLite BINARY,
PostgreSQL "C" or "en_US") orders the stored key bytewise exactly as this module does.

Key layout (fixed-width fields, so a bytewise comparison is a field-by-field comparison):
  key  = part(given) part(family) part(middle)
  part = word* "00"                  -- "00" ends a part: a shorter part sorts first
  word = letter* "00" tone           -- "00" ends a word: "An" < "Anh"; then the tone digit
  letter = two digits "01".."33"     -- Vietnamese alphabet order
         | "99" + seven digits       -- any other character: after every letter, by code point
"""
import unicodedata
from functools import cache, lru_cache

# The 29 letters of the Vietnamese alphabet in order; f, j, w and z (only in foreign and minority
# names) are placed where the Latin alphabet has them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Tone marks as combining characters, in the order: none, huyền, hỏi, ngã, sắc, nặng.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

WORD_END = "00"
PART_END = "00"
UNKNOWN = "99"


def name_parts(full_name: str) -> tuple[str, str, str]:
    """Split a full name into (family, middle, given): the first word, the words between, the last
    word. A one-word name is a given name only. Why: the ballot orders names by given name, then
    family name, then middle name (election-rules.md §4, [C] setting ballot_collation)."""
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def sort_key(full_name: str) -> str:
    """The A-B-C ballot key of a name: given name, then family name, then middle name; letters in
    Vietnamese alphabet order, tone marks as a secondary difference within a word, case ignored.
    Digits only, to be stored and ordered by in any database (election-rules.md §4, [C] setting
    ballot_collation, the default collation)."""
    family, middle, given = name_parts(full_name)
    return _part_key(given) + _part_key(family) + _part_key(middle)


def _part_key(part: str) -> str:
    return "".join(_word_key(word) for word in part.split()) + PART_END


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    codes = [_char_code(char) for char in word]
    tone = next((tone for _, tone in codes if tone), 0)
    return "".join(code for code, _ in codes) + WORD_END + str(tone)


@cache
def _char_code(char: str) -> tuple[str, int]:
    """The letter code and tone of one character; characters outside the alphabet never fail,
    they get a code after every letter."""
    lower = char.lower()
    tone = 0
    kept = ""
    for part in unicodedata.normalize("NFD", lower):
        if part in TONES:
            tone = TONES[part]
        else:
            kept += part
    letter = unicodedata.normalize("NFC", kept)
    if len(letter) == 1 and letter in ALPHABET:
        return f"{ALPHABET.index(letter) + 1:02d}", tone
    return f"{UNKNOWN}{ord(lower[0]):07d}", 0
