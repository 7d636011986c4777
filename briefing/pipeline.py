"""The orchestrator: the one path from sources to briefing files. The CLI and the scheduler call it."""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, briefing_views, source_entries
from .errors import NoSourcesError
from .model import AnnotatedSource, Briefing, Source
from .outputs import slug, write_all
from .parallel import side_by_side
from .progress import Stage
from .render import load_renderers, prepare, render, warm_ups

if TYPE_CHECKING:
    from .annotation_cache import AnnotationCache
    from .notices import Notice
    from .pool import Spread
    from .sources import SeedProblem
    from .sources.web import WebProblem

log = logging.getLogger(__name__)


@dataclass
class Seeds:
    """The folders of the sources, read once: every usable article, and one problem per file that could
    not be read. Feeds and pages are not in it: they are fetched by the build itself."""

    folder: Path | None
    """The folder, when the sources name exactly one (for messages)."""
    sources: list[Source]
    problems: list[SeedProblem] = field(default_factory=list)


@dataclass
class BuildResult:
    briefing: Briefing
    paths: list[Path]
    problems: list[SeedProblem] = field(default_factory=list)
    briefing_id: str | None = None


@dataclass
class BuildOptions:
    """What one run asks for; a value left None takes the config's."""

    seeds: Path | None = None
    """A folder to read instead of `sources:` (the command line's --seeds)."""
    out: Path | None = None
    formats: list[str] | None = None
    as_of: str | None = None
    language: str | None = None
    today: date | None = None
    previous: Briefing | None = None
    """The job's previous briefing, for 'what changed'."""
    write: bool = True
    extra_warnings: list[str] | None = None
    loaded: Seeds | None = None
    """The folders already read (the scheduler reads them once, to record and check the sources)."""
    offline: bool = False
    """Feeds and pages from the source cache alone; nothing is fetched."""


@dataclass
class ReadSources:
    """Every source of the run, annotated once, shared by all its briefings."""

    seeds: Seeds
    problems: list[WebProblem]
    annotated: list[AnnotatedSource]
    as_of: date
    as_of_from: str
    warnings: list[Notice]


def build(config: Config, *, briefing_id: str | None = None, **options: object) -> BuildResult:
    """One briefing (the named one of `briefings:`, else the first): see ``build_many``."""
    first = [config.briefings[0].id] if config.briefings else None
    return build_many(config, [briefing_id] if briefing_id else first, BuildOptions(**options))[0]


def build_many(config: Config, ids: list[str] | None, options: BuildOptions) -> list[BuildResult]:
    """Read folders, fetch feeds and pages -> settle dates -> annotate, once; then for each briefing:
    choose its sources -> assemble -> render -> write.

    Everything up to the assembled briefings (``assemble_all``), and their HTML for the PDF, runs in a
    worker process while this one loads the renderers, then, while it waits, warms them (fonts set
    up): the two do not depend on each other, so the path to the first file is WeasyPrint's own
    (import, then render), and the reading and extraction modules are never imported here.

    Everything of a briefing is rendered in memory before its first file is written, so a failed
    build leaves the previous files as they were. Each stage logs one line with its time.
    """
    views = briefing_views(config, ids)
    formats = options.formats or config.formats
    made, _ = side_by_side(lambda: assemble_all(config, views, options),
                           meanwhile=lambda: load_renderers(formats, config), while_waiting=warm_ups(formats, config))
    return [write_briefing(view, briefing, made.problems, options, prepared)
            for view, briefing, prepared in zip(views, made.briefings, made.prepared)]


@dataclass
class Assembled:
    """The run's briefings, one per view, each ready to render; and the files that could not be read."""

    briefings: list[Briefing]
    problems: list[SeedProblem]
    prepared: list[dict[str, str]]
    """Per briefing, what its renderers made ahead (``render.prepare``: the PDF's HTML)."""


def assemble_all(config: Config, views: list[Config], options: BuildOptions) -> Assembled:
    """The sources read and annotated once, then one briefing assembled for each of ``views``; the
    regular expressions this compiles are kept compiled in the state folder (pattern_cache.py)."""
    from . import model_cache
    from .pattern_cache import patterns_kept

    models = config.resolve(config.state) / "models"
    model_cache.keep_in(models)  # from the first lexicon read on (data/__init__.py)
    with patterns_kept("assemble", models):
        return _assemble_all(config, views, options)


def _assemble_all(config: Config, views: list[Config], options: BuildOptions) -> Assembled:
    from .sources import read_web

    today = options.today or date.today()
    clock = time.perf_counter()
    seeds = options.loaded or read_seeds(config, options.seeds)
    web, problems = read_web(config, source_entries(config, options.seeds), today, options.offline)
    sources = seeds.sources + web
    if not sources:
        raise NoSourcesError(_nothing_to_build(seeds, problems))
    clock = _stage("sources read", clock, f"{len(seeds.sources)} from folders, {len(web)} from the web, "
                                          f"{len(seeds.problems) + len(problems)} not usable")
    annotated, as_of_day, as_of_from, warnings = read(sources, options.as_of or config.as_of, today, config)
    _stage("annotated", clock, f"{len(annotated)} sources, as of {as_of_day}")
    done = ReadSources(seeds, problems, annotated, as_of_day, as_of_from, warnings)
    briefings = [make_briefing(view, done, options) for view in views]
    prepared = [prepare(briefing, options.formats or view.formats, view) for view, briefing in zip(views, briefings)]
    return Assembled(briefings, seeds.problems, prepared)


def make_briefing(config: Config, done: ReadSources, options: BuildOptions) -> Briefing:
    """One briefing from the run's annotated sources: those that belong to it, ranked and cut at its limits."""
    from .assemble import assemble
    from .changes import compare
    from .notices import say
    from .relevance import belongs

    clock = time.perf_counter()
    chosen = [a for a in done.annotated if belongs(a, config)]
    language = options.language or _language(config, [a.source.language for a in chosen or done.annotated])
    briefing = assemble(chosen, done.as_of, done.as_of_from, language, config)
    kept = {id(a) for a in chosen}
    briefing.sources_left_out = [a.source for a in done.annotated if id(a) not in kept]
    briefing.warnings += [w.say(language) for w in done.warnings] + [p.line(language) for p in done.problems]
    briefing.warnings += ([] if chosen else [say("no_match", language)]) + list(options.extra_warnings or [])
    if options.previous is not None:
        briefing.changes = compare(options.previous, briefing)  # what changed since the job's previous briefing
    briefing.skipped = [p.line(language) for p in done.seeds.problems]
    _stage(f"assembled {_name(config)}", clock, f"{len(chosen)} sources, {len(briefing.meetings)} meetings, "
                                                f"{len(briefing.parties)} parties, {len(briefing.quotes)} quotes")
    return briefing


def write_briefing(config: Config, briefing: Briefing, problems: list[SeedProblem],
                   options: BuildOptions, prepared: dict[str, str] | None = None) -> BuildResult:
    """The briefing rendered in every format (with what was ``prepared`` for it), then written (unless
    ``options.write`` is off)."""
    clock = time.perf_counter()
    formats = options.formats or config.formats
    out = options.out or config.resolve(config.out)
    with Stage("render", len(formats)) as bar:
        files = render(briefing, formats, config, f"{_name(config)}-{briefing.as_of.isoformat()}", prepared)
        bar.advance(len(formats))
    clock = _stage("rendered", clock, ", ".join(formats))
    paths = write_all(files, out) if options.write else []
    if options.write:
        _stage("written", clock, f"{len(paths)} files to {out}")
    return BuildResult(briefing, paths, problems, config.briefing_id)


def _name(config: Config) -> str:
    """The briefing's name in file names and log lines: its id in `briefings:`, else its title's slug."""
    return config.briefing_id or slug(config.title)


def read_seeds(config: Config, folder: Path | None = None) -> Seeds:
    """The folders of the sources (``folder``, else the config's `sources:` or `seeds:`) read once."""
    from .sources import read_folders

    entries = source_entries(config, folder)
    folders = [e.folder for e in entries if e.folder]
    sources, problems = read_folders(config, entries, from_command_line=folder is not None)
    return Seeds(config.resolve(folders[0]) if len(folders) == 1 else None, sources, problems)


def _nothing_to_build(seeds: Seeds, problems: list[WebProblem]) -> str:
    where = seeds.folder or "the configured sources"
    why = "; ".join([str(p) for p in seeds.problems] + [str(p) for p in problems])
    return f"no usable source in {where}: {why or 'the folder holds no .txt or .md file'}"


def _stage(name: str, since: float, detail: str) -> float:
    now = time.perf_counter()
    log.info("%s in %.2f s: %s", name, now - since, detail)
    return now


def read(sources: list[Source], as_of: str, today: date,
         config: Config) -> tuple[list[AnnotatedSource], date, str, list[Notice]]:
    """Settle every source's reference date, then annotate each one (in a worker, see build_many()):
    from the annotation cache (the state folder's, or the ledger database's) where it holds the
    source, the rest in a pool of ``config.workers`` processes, or for a big build with executor:
    celery across the Celery workers. Each source's sentences and tokens stay in the worker that
    annotated it: what comes back is what the briefing is made of.

    The extraction's modules are imported here, in the worker, while the building process loads
    the renderers: a build's critical path is WeasyPrint's, not the tokenizer's.
    """
    from . import model_cache
    from .annotation_cache import cache_for
    from .dates import settle_dates
    from .notices import Notice
    from .pool import annotate_all

    cache = cache_for(config)
    model_cache.keep_in(config.resolve(config.state) / "models")
    with fewer_collections():
        with Stage("dates", len(sources)) as bar:
            as_of_day, as_of_from, warnings = settle_dates(sources, as_of, today, infer=cache.inferred_date)
            bar.advance(len(sources))
        annotated = annotate_all(sources, config.actors, cache, config.workers, _spread(config, cache))
    warnings += [Notice("unread", {"source": a.source.id, "reason": a.unread}) for a in annotated if a.unread]
    return annotated, as_of_day, as_of_from, warnings


COLLECT_EVERY = 10_000
"""Container objects made (net) between two runs of the cyclic garbage collector while sources are read."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Reading sources makes millions of small containers, most of which live as long as a sentence
    or a source: at Python's default (every 700) the collector runs hundreds of times per source and
    now and then walks the whole heap, the models with it, about a tenth of a cold source's reading.
    Every ``COLLECT_EVERY`` it still frees cycles long before they weigh; afterwards the default is back."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], COLLECT_EVERY), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _spread(config: Config, cache: AnnotationCache) -> Spread | None:
    """With executor: celery, a big build's annotation goes to the workers (scheduler/fan_out.py)."""
    if config.executor != "celery":
        return None  # and Celery is never imported
    from .scheduler.fan_out import annotate_spread

    return lambda jobs: annotate_spread(config, jobs, config.actors, cache)  # type: ignore[arg-type]


def _language(config: Config, languages: list[str]) -> str:
    """The config's language, or the sources' most common language when it says auto."""
    if config.language != "auto":
        return config.language
    return Counter(languages).most_common(1)[0][0] if languages else "de"
