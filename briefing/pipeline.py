"""The orchestrator: the one path from sources to briefing files. The CLI and the scheduler call it."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .assemble import assemble
from .changes import compare
from .config import Config, briefing_views, source_entries
from .dates import settle_dates
from .errors import NoSourcesError
from .model import AnnotatedSource, Briefing, Source
from .nlp.annotate import annotate
from .outputs import slug, write_all
from .parallel import side_by_side
from .relevance import belongs
from .render import load_renderers, render
from .render.labels import labels_for
from .sources import Gathered, SeedProblem, gather

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    briefing: Briefing
    paths: list[Path]
    problems: list[SeedProblem] = field(default_factory=list)
    briefing_id: str | None = None


@dataclass
class BuildRequest:
    """What one run asks for; a value left None takes the config's."""

    seeds: Path | None = None
    out: Path | None = None
    formats: list[str] | None = None
    as_of: str | None = None
    language: str | None = None
    today: date | None = None
    previous: Briefing | None = None
    """The job's previous briefing, for 'what changed'."""
    write: bool = True
    extra_warnings: list[str] | None = None
    offline: bool = False
    """Feeds and pages from the source cache alone; nothing is fetched."""


@dataclass
class ReadSources:
    """Every source of the run, annotated once, shared by all its briefings."""

    gathered: Gathered
    annotated: list[AnnotatedSource]
    as_of: date
    as_of_from: str
    warnings: list[str]


def build(config: Config, *, briefing_id: str | None = None, **request: object) -> BuildResult:
    """One briefing (the named one of `briefings:`, else the first): see ``build_many``."""
    first = [config.briefings[0].id] if config.briefings else None
    return build_many(config, [briefing_id] if briefing_id else first, BuildRequest(**request))[0]


def build_many(config: Config, ids: list[str] | None, request: BuildRequest) -> list[BuildResult]:
    """Gather sources -> settle dates -> annotate, once; then for each briefing: choose its sources ->
    assemble -> render -> write.

    Settling dates and annotating (``read``) run in a worker process while this one loads the
    renderers: the two take about as long and do not depend on each other.

    Everything of a briefing is rendered in memory before its first file is written, so a failed
    build leaves the previous files as they were.
    """
    views = briefing_views(config, ids)
    today = request.today or date.today()
    gathered = gather(config, source_entries(config, request.seeds), today, request.offline,
                      from_command_line=request.seeds is not None)
    if not gathered.sources:
        raise NoSourcesError(_nothing_to_build(config, request, gathered))
    formats = request.formats or config.formats
    (annotated, as_of_day, as_of_from, warnings), _ = side_by_side(
        lambda: read(gathered.sources, request.as_of or config.as_of, today, config.actors),
        meanwhile=lambda: load_renderers(formats))
    done = ReadSources(gathered, annotated, as_of_day, as_of_from, warnings)
    return [make_briefing(view, done, request) for view in views]


def make_briefing(config: Config, done: ReadSources, request: BuildRequest) -> BuildResult:
    """One briefing from the run's annotated sources: those that belong to it, ranked and cut at its limits."""
    chosen = [a for a in done.annotated if belongs(a, config)]
    language = request.language or _language(config, [a.source.language for a in chosen or done.annotated])
    briefing = assemble(chosen, done.as_of, done.as_of_from, language, config)
    kept = {id(a) for a in chosen}
    briefing.left_out.sources = [a.source for a in done.annotated if id(a) not in kept]
    briefing.warnings += done.warnings + [p.line(language) for p in done.gathered.problems]
    briefing.warnings += ([] if chosen else [labels_for(language)["no_match"]]) + list(request.extra_warnings or [])
    if request.previous is not None:
        briefing.changes = compare(request.previous, briefing)  # what changed since the job's previous briefing
    briefing.skipped = [str(p) for p in done.gathered.skipped]

    name = config.briefing_id or slug(config.title)
    files = render(briefing, request.formats or config.formats, config, stem=f"{name}-{done.as_of.isoformat()}")
    paths = write_all(files, request.out or config.resolve(config.out)) if request.write else []
    return BuildResult(briefing, paths, done.gathered.skipped, config.briefing_id)


def read(sources: list[Source], as_of: str, today: date,
         extra_aliases: dict[str, str]) -> tuple[list[AnnotatedSource], date, str, list[str]]:
    """Settle every source's reference date, then annotate each one (in a worker, see build_many())."""
    as_of_day, as_of_from, warnings = settle_dates(sources, as_of, today)
    return [annotate(s, extra_aliases) for s in sources], as_of_day, as_of_from, warnings


def _nothing_to_build(config: Config, request: BuildRequest, gathered: Gathered) -> str:
    entries = source_entries(config, request.seeds)
    where = config.resolve(entries[0].folder) if len(entries) == 1 and entries[0].folder else "the configured sources"
    why = "; ".join([str(p) for p in gathered.skipped] + [str(p) for p in gathered.problems])
    return f"no usable source in {where}: {why or 'the folder holds no .txt or .md file'}"


def _language(config: Config, languages: list[str]) -> str:
    """The config's language, or the sources' most common language when it says auto."""
    if config.language != "auto":
        return config.language
    return Counter(languages).most_common(1)[0][0] if languages else "de"
