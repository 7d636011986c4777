"""The orchestrator: the one path from seeds to briefing files. The CLI and the scheduler call it."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .annotation_cache import AnnotationCache
from .assemble import assemble
from .changes import compare
from .config import Config, folder_error
from .dates import settle_dates
from .errors import NoSourcesError
from .model import AnnotatedSource, Briefing, Source
from .outputs import slug, write_all
from .parallel import side_by_side
from .pool import annotate_all
from .progress import Stage
from .render import load_renderers, render
from .sources import SeedProblem, load_sources

log = logging.getLogger(__name__)


@dataclass
class Seeds:
    """The seeds folder, read once: every usable source, and one problem per file that could not be read."""

    folder: Path
    sources: list[Source]
    problems: list[SeedProblem] = field(default_factory=list)


@dataclass
class BuildResult:
    briefing: Briefing
    paths: list[Path]
    problems: list[SeedProblem] = field(default_factory=list)


def build(config: Config, *, seeds: Path | None = None, out: Path | None = None,
          formats: list[str] | None = None, as_of: str | None = None, language: str | None = None,
          today: date | None = None, previous: Briefing | None = None, write: bool = True,
          extra_warnings: list[str] | None = None, loaded: Seeds | None = None) -> BuildResult:
    """Load seeds -> settle dates -> annotate -> assemble -> render -> write, in that order.

    ``loaded`` is the seeds folder already read (the scheduler reads it once, to record and check
    the sources, and hands it over). Settling dates and annotating (``read``) run in a
    worker process while this one loads the renderers: the two take about as long and do not
    depend on each other.

    Everything is rendered in memory before the first file is written, so a failed build leaves
    the previous files as they were. Each stage logs one line with its time.
    """
    out = out or config.resolve(config.out)
    formats = formats or config.formats
    today = today or date.today()

    clock = time.perf_counter()
    loaded = loaded or read_seeds(config, seeds)
    if not loaded.sources:
        why = "; ".join(str(p) for p in loaded.problems) or "the folder holds no .txt or .md file"
        raise NoSourcesError(f"no usable source in {loaded.folder}: {why}")
    clock = _stage("sources read", clock, f"{len(loaded.sources)} from {loaded.folder}, {len(loaded.problems)} skipped")
    (annotated, as_of_day, as_of_from, warnings), _ = side_by_side(
        lambda: read(loaded.sources, as_of or config.as_of, today, config),
        meanwhile=lambda: load_renderers(formats))
    clock = _stage("annotated", clock, f"{len(annotated)} sources, as of {as_of_day}")
    language = language or _language(config, [s.language for s in loaded.sources])
    briefing = assemble(annotated, as_of_day, as_of_from, language, config)
    briefing.warnings += warnings + list(extra_warnings or [])
    if previous is not None:
        briefing.changes = compare(previous, briefing)  # what changed since the job's previous briefing
    briefing.skipped = [str(p) for p in loaded.problems]
    clock = _stage("assembled", clock, f"{len(briefing.meetings)} meetings, {len(briefing.parties)} parties, "
                                       f"{len(briefing.quotes)} quotes")

    with Stage("render", len(formats)) as bar:
        files = render(briefing, formats, config, stem=f"{slug(config.title)}-{as_of_day.isoformat()}")
        bar.advance(len(formats))
    clock = _stage("rendered", clock, ", ".join(formats))
    paths = write_all(files, out) if write else []
    if write:
        _stage("written", clock, f"{len(paths)} files to {out}")
    return BuildResult(briefing, paths, loaded.problems)


def read_seeds(config: Config, folder: Path | None = None) -> Seeds:
    """The seeds folder (``folder``, else the config's ``seeds``) read once."""
    given = folder
    folder = folder or config.resolve(config.seeds)
    return Seeds(folder, *load_sources(_existing_folder(folder, config, from_config=given is None),
                                       max_kb=config.max_source_kb))


def _stage(name: str, since: float, detail: str) -> float:
    now = time.perf_counter()
    log.info("%s in %.2f s: %s", name, now - since, detail)
    return now


def read(sources: list[Source], as_of: str, today: date,
         config: Config) -> tuple[list[AnnotatedSource], date, str, list[str]]:
    """Settle every source's reference date, then annotate each one (in a worker, see build()):
    from the annotation cache in the state folder where it holds the source, the rest in a pool
    of ``config.workers`` processes. Each source's sentences and tokens stay in the worker that
    annotated it: what comes back is what the briefing is made of."""
    cache = AnnotationCache(config.resolve(config.state) / "annotations")
    with Stage("dates", len(sources)) as bar:
        as_of_day, as_of_from, warnings = settle_dates(sources, as_of, today, infer=cache.inferred_date)
        bar.advance(len(sources))
    return annotate_all(sources, config.actors, cache, config.workers), as_of_day, as_of_from, warnings


def _existing_folder(folder: Path, config: Config, from_config: bool) -> Path:
    if not folder.is_dir():
        if from_config:
            raise folder_error(config, "seeds", folder)
        raise NoSourcesError(f"the seeds folder {folder} does not exist")
    return folder


def _language(config: Config, languages: list[str]) -> str:
    """The config's language, or the sources' most common language when it says auto."""
    if config.language != "auto":
        return config.language
    return Counter(languages).most_common(1)[0][0] if languages else "de"
