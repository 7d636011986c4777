"""What annotation found in each source, kept in the state folder so a rebuild annotates only what changed.

An entry's key is everything annotation reads of a source (its id, text, language, title, reference
date and where that came from, the extra actor aliases) together with the extraction's code version,
a hash of the code under ``briefing/nlp``, the model it fills and every module of the package that
code imports (``territories``, ``data``, ...: found by reading the imports, so a new one is never
forgotten). Each entry also records the data files (lexicons) that had been read when it was made,
each with its hash: an entry whose lexicons have changed since is made again, one whose lexicons are
unchanged stays valid. So a change to a German lexicon leaves the entries of a batch of English
sources alone unless their annotation read it, and a change to the labels or e-mail texts (rendering
only) invalidates nothing.

Entries are pickles, like the scheduler's job store in the same folder: the state folder must be
as trusted as the code (it is created by the program, not fed by users). A file that cannot be
read back counts as a miss and is replaced. Each entry is written atomically; one that no build
has used for KEEP_DAYS days is removed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import data as data_module
from . import model_cache
from .model import AnnotatedSource, BackgroundItem, Meeting, Position, Quote, Source
from .model_cache import write_pickle

if TYPE_CHECKING:
    from .config import Config
    from .nlp.temporal.published import Inference

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).parent
FORMAT = 3
"""Bumped when the entry layout changes."""
KEEP_DAYS = 30
"""An entry no build has used for this many days is removed."""


@dataclass
class Found:
    """What a source yields for the briefing: the part of an annotation that assemble reads.

    Sentences, tokens, temporal expressions and actor mentions stay in the worker that made them,
    so the memory of a build does not grow with every token of every source.
    """

    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    """The party codes the source's actor mentions name: which briefings it belongs to (relevance.py)."""
    unread: str = ""
    """Why the extraction failed on the source (never stored in the cache), or empty."""

    @classmethod
    def of(cls, annotated: AnnotatedSource) -> Found:
        return cls(annotated.quotes, annotated.positions, annotated.meetings, annotated.background,
                   sorted(annotated.named_parties()))

    def attach(self, source: Source) -> AnnotatedSource:
        return AnnotatedSource(source=source, quotes=self.quotes, positions=self.positions,
                               meetings=self.meetings, background=self.background, parties=self.parties,
                               unread=self.unread)


@cache
def code_version() -> str:
    """A hash of the extraction's code: every module under briefing/nlp, the model it fills, and the
    package's modules they import. Kept in the model cache under the size and time of change of every
    module of the package (a few milliseconds to look up, a fifth of reading and hashing them)."""
    files = model_cache.files_key(*sorted(PACKAGE.rglob("*.py")))
    return model_cache.kept("code-version", (f"format {FORMAT}", *files), _code_version)


def _code_version() -> str:
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for path in extraction_modules():
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def extraction_modules() -> list[Path]:
    """The files of briefing/nlp and model.py, and, transitively, the package's modules they import
    (relative imports, as the package writes them)."""
    todo = sorted((PACKAGE / "nlp").rglob("*.py")) + [PACKAGE / "model.py"]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(_imported(path))
    return sorted(seen)


RELATIVE_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)
"""``from .x import y`` and ``from .. import (a, b)``: a regular expression, not ``ast``, which took 0.2 s
of every build to parse the package."""


def _imported(path: Path) -> list[Path]:
    """The package's own modules that ``path`` imports with ``from .x import y`` (y may be a module)."""
    found = []
    for dots, module, names in RELATIVE_IMPORT.findall(path.read_text(encoding="utf-8")):
        base = path.parent
        for _ in range(len(dots) - 1):
            base = base.parent
        stem = base.joinpath(*module.split(".")) if module else base
        imported = [n.split(" as ")[0].strip() for n in names.strip("()").split(",")]
        candidates = [stem] + [stem / name for name in imported if name.isidentifier()]
        found += [f for n in candidates for f in (n.with_suffix(".py"), n / "__init__.py") if f.is_file()]
    return found


def lexicon_hashes(folder: Path | None = None) -> dict[str, str]:
    """{data file name: hash of its contents} for every packaged data file."""
    folder = folder or data_module.DATA_DIR
    return {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.yaml"))}


def source_key(source: Source, extra_aliases: dict[str, str]) -> str:
    """The entry's name: what annotation reads of the source, and the code version."""
    return _key("annotation", source.id, source.language, source.title, str(source.published),
                source.published_from, repr(sorted(extra_aliases.items())), source.body)


def date_key(source: Source) -> str:
    """The name of the entry holding an undated source's inferred publication date."""
    return _key("published", source.language, source.body)


def _key(*parts: str) -> str:
    h = hashlib.sha256(code_version().encode())
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class AnnotationCache:
    """Entries under ``folder``: ``<key[:2]>/<key>.pickle``, each (lexicons read, Found).

    The storage is four methods (``_load``, ``_save``, ``_touch``, ``prune``); the ledger
    database's table (annotation_table.py) is the same cache with other storage.
    """

    def __init__(self, folder: Path, lexicons: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.lexicons = lexicons if lexicons is not None else lexicon_hashes()
        """The current hash of each data file; an entry made with another one is stale."""

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None when there is none made with today's lexicons."""
        return self.get_many([key])[key]

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        """{key: value, or None when there is none made with today's lexicons} for each key."""
        found = {key: self._valid(self._load(key)) for key in keys}
        self._touch([key for key, value in found.items() if value is not None])
        return found

    def _valid(self, kept: tuple[dict[str, str], Any] | None) -> Any:
        if kept is None:
            return None
        read, found = kept
        if any(self.lexicons.get(name, "") != digest for name, digest in read.items()):  # as put() records
            return None
        return found

    def put(self, key: str, found: Any) -> None:
        """Store ``found`` (not None) with the hashes of the data files this process has read so far (a
        superset of what made it: a file is read before its first use and stays cached)."""
        self._save(key, {name: self.lexicons.get(name, "") for name in sorted(data_module.READ)}, found)

    # --- the storage: files ---------------------------------------------------------------------

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def _load(self, key: str) -> tuple[dict[str, str], Any] | None:
        path = self.path(key)
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as e:  # noqa: BLE001 - a damaged entry is only a miss
            log.info("annotation cache: %s cannot be read back (%s); annotating again", path.name, e)
            return None

    def _touch(self, keys: list[str]) -> None:
        for key in keys:
            try:
                os.utime(self.path(key))  # used now: kept by prune()
            except OSError:
                pass

    def _save(self, key: str, read: dict[str, str], found: Any) -> None:
        try:
            write_pickle(self.path(key), (read, found))
        except OSError as e:  # a state folder we may not write to costs speed, not the briefing
            log.warning("annotation cache: cannot write under %s (%s)", self.folder, e.strerror or e)

    def prune(self, unused_days: float = KEEP_DAYS) -> int:
        """Remove the entries no build has used for ``unused_days`` (those of an older extraction
        version, of sources gone from the seeds); return how many."""
        limit = time.time() - unused_days * 86400
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def inferred_date(self, source: Source) -> Inference | None:
        """An undated source's inferred publication date: from the cache, else inferred and kept."""
        key = date_key(source)
        kept = self.get(key)
        if kept is not None:
            return kept[0]
        from .nlp.temporal.published import infer_published

        guess = infer_published(source)
        self.put(key, (guess,))
        return guess


def cache_for(config: Config) -> AnnotationCache:
    """The build's annotation cache: the ledger database's table (annotation_table.py) when `ledger:`
    names a database or the runs go to Celery workers (which must all see it), else the state
    folder's files. A local build so never imports SQLAlchemy (a third of a cached build's reading)."""
    if config.ledger is None and config.executor != "celery":
        return AnnotationCache(config.resolve(config.state) / "annotations")
    from .annotation_table import AnnotationTable
    from .scheduler.state_folder import StateFolder

    return AnnotationTable(StateFolder(config).ensure().ledger_url)
