"""PDF from .docx through LibreOffice headless. Each conversion runs with a LibreOffice profile
no other conversion is using (a locked, reused slot, else a fresh one) and its own temporary
folder, so that concurrent conversions (two offices downloading at once) never share a lock file
or an output name; one soffice process converts a whole batch, since starting LibreOffice costs
more than converting a page."""
import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

TIMEOUT_SECONDS = 120
PROFILE_SLOTS = 4
PROFILE_ROOT = Path(tempfile.gettempdir()) / f"daihoi-libreoffice-{os.getuid()}"


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed: the .docx is still offered, the PDF is not."""


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        raise PdfUnavailable("Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; hãy tải bản Word (.docx). "
                             "Cài bằng: apt-get install libreoffice-writer-nogui fonts-liberation")
    return path


def docx_to_pdf(docx: bytes) -> bytes:
    return docx_batch_to_pdf({"document": docx})["document"]


def docx_batch_to_pdf(documents: Mapping[str, bytes]) -> dict[str, bytes]:
    """{stem: .docx bytes} → {stem: .pdf bytes}, in one LibreOffice run. Stems must be plain
    file names without extension."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="daihoi-pdf-") as folder, profile(Path(folder)) as user_profile:
        work = Path(folder)
        sources = []
        for stem, content in documents.items():
            source = work / "in" / f"{stem}.docx"
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(content)
            sources.append(str(source))
        command = [program, f"-env:UserInstallation={user_profile.as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work / "out"), *sources]
        try:
            finished = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f"LibreOffice không chuyển xong sang PDF trong {TIMEOUT_SECONDS} giây.") from None
        results = {stem: work / "out" / f"{stem}.pdf" for stem in documents}
        missing = [stem for stem, path in results.items() if not path.exists()]
        if missing:
            detail = finished.stderr.decode(errors="replace").strip()[-300:]
            raise PdfUnavailable(f"LibreOffice không tạo được PDF cho {', '.join(missing)}. {detail}")
        return {stem: path.read_bytes() for stem, path in results.items()}


@contextmanager
def profile(fallback: Path) -> Iterator[Path]:
    """A LibreOffice user profile held for this conversion only: one of a few reused slots
    (a warm profile starts a second faster), locked with flock while in use; when all are busy,
    a fresh one inside the conversion's own folder."""
    PROFILE_ROOT.mkdir(mode=0o700, exist_ok=True)
    for slot in range(PROFILE_SLOTS):
        with open(PROFILE_ROOT / f"slot-{slot}.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            yield PROFILE_ROOT / f"slot-{slot}"
            return
    yield fallback / "profile"
