"""Zip bombs: a small upload that unpacks to gigabytes (an .xlsx, a .docx and a zip of ballot
scans are all zip archives). Judged from the archive's directory before anything is unpacked;
each entry's declared size also bounds what ``zipfile`` will ever inflate for it, so a lying
directory cannot get more out than it declares."""
import zipfile

BIG_ENTRY_BYTES = 1024 * 1024  # below this, a high ratio is harmless (XML of a tiny sheet)


def unpacks_too_large(archive: zipfile.ZipFile, *, max_entries: int, max_total_bytes: int, max_ratio: int) -> bool:
    """True if the archive has too many entries, would unpack to more than ``max_total_bytes``,
    or has a large entry compressed more than ``max_ratio`` times (real office files and photos
    compress a few to a few dozen times; a bomb, thousands of times)."""
    entries = archive.infolist()
    if len(entries) > max_entries or sum(entry.file_size for entry in entries) > max_total_bytes:
        return True
    return any(entry.file_size > BIG_ENTRY_BYTES and entry.file_size > max_ratio * max(entry.compress_size, 1)
               for entry in entries)
