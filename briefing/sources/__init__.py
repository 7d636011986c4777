"""Reading the configured sources: folders of article files, feeds and pages.

``gather`` reads every entry of `sources:` once per run and returns the Sources, the files that
could not be read, and one problem per feed or page that failed (the briefing says each in its
language). Folders are read as before (``folder.py``); feeds and pages go through the HTTP
client (``fetch.py``) and the source cache in the state folder (``cache.py``), or, offline, through
the cache alone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config, SourceEntry, folder_error
from ..errors import NoSourcesError
from ..model import Source
from .folder import SeedProblem, SeedUnreadable, load_sources, read_source

if TYPE_CHECKING:
    from .web import WebProblem, WebReader

__all__ = ["Gathered", "SeedProblem", "SeedUnreadable", "gather", "load_sources", "read_folders", "read_source",
           "read_web"]

log = logging.getLogger(__name__)


@dataclass
class Gathered:
    sources: list[Source] = field(default_factory=list)
    skipped: list[SeedProblem] = field(default_factory=list)
    """Files of a folder that could not be read."""
    problems: list[WebProblem] = field(default_factory=list)
    """Feeds and pages that could not be fetched or read this run."""


def gather(config: Config, entries: list[SourceEntry], today: date, offline: bool = False,
           from_command_line: bool = False) -> Gathered:
    """Every source the entries name, each read once; feeds and pages offline from the cache alone."""
    sources, skipped = read_folders(config, entries, from_command_line)
    web, problems = read_web(config, entries, today, offline)
    return Gathered(sources + web, skipped, problems)


def read_folders(config: Config, entries: list[SourceEntry],
                 from_command_line: bool = False) -> tuple[list[Source], list[SeedProblem]]:
    """The articles of every folder entry, and one problem per file that could not be read."""
    sources: list[Source] = []
    skipped: list[SeedProblem] = []
    for entry in entries:
        if entry.folder:
            found, problems = load_sources(_folder(config, entry.folder, from_command_line), config.max_source_kb)
            sources += found
            skipped += problems
    return sources, skipped


def read_web(config: Config, entries: list[SourceEntry], today: date,
             offline: bool = False) -> tuple[list[Source], list[WebProblem]]:
    """The articles of every feed and page entry, and one problem per feed or page that failed."""
    reader = _web_reader(config, entries, today, offline)
    if reader is None:
        return [], []
    sources: list[Source] = []
    try:
        for entry in entries:
            if entry.feed:
                sources += reader.feed(entry.feed, entry.max_items, entry.max_age_days)
            elif entry.page and (source := reader.page(entry.page)) is not None:
                sources.append(source)
    finally:
        reader.close()
    return sources, reader.problems


def _web_reader(config: Config, entries: list[SourceEntry], today: date, offline: bool) -> WebReader | None:
    """A reader over the source cache, with an HTTP client unless offline; None when nothing is on the web."""
    if not any(e.feed or e.page for e in entries):
        return None
    # imported here: the HTTP client, feedparser and trafilatura cost a build from folders nothing
    from .cache import SourceCache
    from .fetch import Fetcher
    from .web import WebReader

    cache = SourceCache(config.resolve(config.state))
    fetcher = None if offline else Fetcher(config.fetch, cache)
    return WebReader(cache, fetcher, today)


def _folder(config: Config, name: str, from_command_line: bool) -> Path:
    folder = config.resolve(name)
    if not folder.is_dir():
        if from_command_line:
            raise NoSourcesError(f"the seeds folder {folder} does not exist")
        raise folder_error(config, "sources" if config.sources else "seeds", folder)
    return folder
