"""Reading seeds: plain text (the first line is the title) and Markdown with YAML front matter."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from ..markup import strip_markup
from ..model import Source
from ..nlp.language import detect_language
from ..plain_yaml import load_plain

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown")
"""libyaml's safe loader where PyYAML has it: front matter of a thousand sources reads in a tenth of the time."""


@dataclass
class SeedProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path.name}: {self.reason}"


def load_sources(folder: Path, max_kb: int | None = None) -> tuple[list[Source], list[SeedProblem]]:
    """Every readable article in ``folder``, and one problem per file that could not be read
    (or is larger than ``max_kb`` kilobytes)."""
    sources: list[Source] = []
    problems: list[SeedProblem] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES):
        try:
            _check_size(path, max_kb)
            sources.append(read_source(path))
        except SeedUnreadable as e:
            problems.append(SeedProblem(path, str(e)))
            log.warning("skipped %s: %s", path.name, e)
    return sources, problems


class SeedUnreadable(Exception):
    pass


def _check_size(path: Path, max_kb: int | None) -> None:
    """Refuse a file above the size cap before reading it (config ``max_source_kb``)."""
    if max_kb is None:
        return
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_source says why it cannot be read
    if size > max_kb * 1024:
        raise SeedUnreadable(f"{size / 1024:,.0f} KB, larger than max_source_kb ({max_kb:,} KB)")


def decode(data: bytes) -> str:
    """UTF-8, else Latin-1 (Windows-1252 text is read as Latin-1); binary data is refused."""
    if b"\x00" in data:
        raise SeedUnreadable("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(2, len(text) // 200):
        raise SeedUnreadable("neither UTF-8 nor Latin-1 text")
    return text


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SeedUnreadable(f"cannot be read ({e.strerror or e})") from None
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SeedUnreadable("empty file")
    meta, body = split_front_matter(text)
    body = strip_markup(body)
    if not body.strip():
        raise SeedUnreadable("no text after the front matter")
    title = str(meta.get("title") or "").strip() or first_line(body)
    language = str(meta.get("language") or "").strip().lower() or detect_language(body)
    published = _as_date(meta.get("published"))
    return Source(
        id=path.stem,
        path=path,
        title=title,
        body=body,
        language=language if language in ("de", "en") else detect_language(body),
        published=published,
        published_from="front_matter" if published else "unknown",
        url=str(meta["url"]) if meta.get("url") else None,
        outlet=str(meta["source"]) if meta.get("source") else None,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body); the body is the text after the closing ``---``."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    close = text.find("\n", end + 4)
    body = text[close + 1:] if close >= 0 else ""
    try:
        meta = load_plain(text[4:end]) or {}
    except yaml.YAMLError as e:
        raise SeedUnreadable(f"front matter is not valid YAML ({getattr(e, 'problem', e)})") from None
    published = meta.get("published") if isinstance(meta, dict) else None
    if published is not None and _as_date(published) is None:
        raise SeedUnreadable(f"front matter: published {published!s} is not a real date (YYYY-MM-DD)")
    if not isinstance(meta, dict):
        raise SeedUnreadable("front matter is not a mapping of keys")
    return meta, body


MAX_TITLE = 120


def first_line(body: str) -> str:
    """The first non-empty line; a whole paragraph on one line is cut to its first sentence."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            if len(line) > MAX_TITLE:
                end = line.find(". ")
                line = line[:end] if 0 < end <= MAX_TITLE else line[:MAX_TITLE].rsplit(" ", 1)[0] + " …"
            return line
    return ""


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value:
        try:
            return date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            return None
    return None
