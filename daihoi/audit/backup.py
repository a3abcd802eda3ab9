"""Backups of the database and the uploaded files into one .tar.gz, and their restoration.

SQLite: SQLite's online backup API, consistent while the server keeps running. PostgreSQL:
``pg_dump``/``pg_restore`` when installed, else Django's ``dumpdata``/``loaddata`` (JSON).
The archive holds manifest.json (what it is), the database, and media/ (uploads)."""
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

FORMAT = 1


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_env() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore (the password through the environment)."""
    db: dict[str, Any] = settings.DATABASES["default"]
    args = [f"--dbname={db['NAME']}", f"--host={db.get('HOST') or 'localhost'}", f"--port={db.get('PORT') or 5432}"]
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    return args, {"PGPASSWORD": str(db.get("PASSWORD") or ""), "PATH": "/usr/bin:/bin:/usr/local/bin"}


def _dump_database(folder: Path) -> str:
    """Write the database into ``folder``; return the file's name."""
    if _is_sqlite():
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.connection.backup(target)
        target.close()
        return "database.sqlite3"
    if shutil.which("pg_dump"):
        args, env = _pg_env()
        subprocess.run(["pg_dump", "--format=custom", f"--file={folder / 'database.pgdump'}", *args], env=env, check=True)
        return "database.pgdump"
    call_command("dumpdata", exclude=["contenttypes", "auth.permission", "sessions"], natural_foreign=True,
                 output=str(folder / "database.json"), verbosity=0)
    return "database.json"


def backup_create(*, output: Path) -> Path:
    """Write a backup archive to ``output`` (database first, then the files)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = _dump_database(folder)
        manifest = {"format": FORMAT, "database": database, "vendor": connection.vendor,
                    "created": timezone.now().isoformat()}
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            data = json.dumps(manifest).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(folder / database, database)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                archive.add(media, "media")
    return output


def _extract(archive_path: Path, folder: Path) -> dict[str, Any]:
    """Unpack safely (no absolute paths, links or '..'); return the manifest."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text())
    except (OSError, tarfile.TarError, ValueError) as error:
        raise ValidationError(f"Tệp sao lưu không đọc được: {error}") from None
    if manifest.get("format") != FORMAT or not (folder / str(manifest.get("database"))).is_file():
        raise ValidationError("Tệp này không phải bản sao lưu của daihoi.")
    return manifest


def _restore_database(manifest: dict[str, Any], folder: Path) -> None:
    database = folder / manifest["database"]
    if manifest["database"] == "database.sqlite3":
        if not _is_sqlite():
            raise ValidationError("Bản sao lưu SQLite chỉ khôi phục vào SQLite; hãy dùng bản sao lưu JSON.")
        connection.ensure_connection()
        source = sqlite3.connect(database)
        source.backup(connection.connection)
        source.close()
    elif manifest["database"] == "database.pgdump":
        args, env = _pg_env()
        subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", *args, str(database)], env=env, check=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", str(database), verbosity=0)


def backup_restore(*, archive: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with those of the archive."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        manifest = _extract(archive, folder)
        _restore_database(manifest, folder)
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        if (folder / "media").exists():
            shutil.copytree(folder / "media", media)
    return manifest
