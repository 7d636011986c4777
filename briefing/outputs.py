"""Writing output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "briefing"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(files: dict[str, bytes], folder: Path) -> list[Path]:
    """Write every rendered file; all were rendered before the first one is written."""
    paths = []
    for name, data in files.items():
        path = folder / name
        write_atomic(path, data)
        paths.append(path)
    return paths


def file_digest(path: Path) -> str:
    """The file's SHA-256, as the ledger records outputs and the folder channel compares them."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
