"""The typed schema of config.yaml and its loader.

Every key is a dataclass field with a docstring under it. The loader checks each value against
the field's type, collects every problem with its line number, and raises one ``ConfigError``.
Checks that tie keys together run after every key is valid on its own.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import yaml

from .errors import ConfigError
from .plain_yaml import compose_plain, error_line, load_plain


@dataclass
class EmailConfig:
    host: str = "localhost"
    """SMTP server."""
    port: int = 587
    """SMTP port (587 for STARTTLS, 465 for TLS, 25 for plain)."""
    security: Literal["starttls", "tls", "none"] = "starttls"
    """How the connection is secured."""
    sender: str = "briefing@localhost"
    """The From address."""
    user_env: str | None = "BRIEFING_SMTP_USER"
    """Name of the environment variable holding the SMTP user (no login when unset)."""
    password_env: str | None = "BRIEFING_SMTP_PASSWORD"
    """Name of the environment variable holding the SMTP password."""
    attach_docx: bool = True
    """Attach the DOCX beside the PDF."""
    retries: int = 3
    """Attempts per recipient before a delivery counts as failed."""
    retry_backoff_seconds: float = 5.0
    """Wait before the first retry; doubled after each further failure."""
    timeout_seconds: float = 30.0
    """Socket timeout for the SMTP connection."""


@dataclass
class FolderConfig:
    path: str = "out/delivered"
    """Where the folder channel copies each briefing."""
    keep: int = 10
    """How many briefings of a job the folder keeps (older ones are removed)."""
    retries: int = 3
    """Attempts to copy a briefing before the delivery counts as failed."""
    retry_backoff_seconds: float = 2.0
    """Wait before the first retry; doubled after each further failure."""


@dataclass
class CeleryConfig:
    broker: str = "redis://127.0.0.1:6379/0"
    """The Celery broker's URL (Redis), shared by the scheduler and every worker."""
    visibility_timeout_seconds: float = 3600.0
    """A run a worker took and has not finished this long is handed to another worker (the first one
    died); longer than a build and its delivery take. Handing over early repeats nothing (the ledger
    says what is done), it only waits for the run's lock."""
    fan_out_from: int = 100
    """A build with at least this many sources to annotate (not in the annotation cache) spreads
    them over the workers; a smaller one annotates in the building worker's own processes."""
    chunk_sources: int = 25
    """Sources per annotation task of a spread build."""
    claim_lease_seconds: float = 120.0
    """A source a worker claimed for annotation this long ago and has not stored is taken over by the
    build (the worker died). Longer than a chunk takes; the machines' clocks must agree within it."""


@dataclass
class SourceEntry:
    """One entry of `sources:`: exactly one of folder, feed, page."""

    folder: str | None = None
    """Folder of article files (.txt, .md), relative to the config file."""
    feed: str | None = None
    """URL of an RSS or Atom feed; each item's page is fetched and its article taken out."""
    page: str | None = None
    """URL of one article page."""
    max_items: int = 50
    """For a feed: how many of its newest items are read."""
    max_age_days: float | None = None
    """For a feed: items older than this (by the feed's date) are not read."""


@dataclass
class FetchConfig:
    timeout_seconds: float = 20.0
    """Time limit for one request, from asking to the last byte."""
    max_kb: int = 2048
    """A feed or page larger than this (after decompression) is refused."""
    max_redirects: int = 5
    """Redirects followed for one URL before giving up."""
    user_agent: str = "briefing/0.1 (diplomatic news briefing; obeys robots.txt)"
    """How the fetcher names itself to servers and in robots.txt matching."""


@dataclass
class BriefingSpec:
    """One entry of `briefings:`; a key left out takes the top-level key's value."""

    id: str
    """The briefing's name, used by `briefing build ID`, a schedule's `briefing:`, and in file names."""
    title: str | None = None
    """The briefing's title."""
    language: Literal["de", "en", "auto"] | None = None
    """Language of labels and dates."""
    classification: str | None = None
    """A marking printed on every page."""
    parties: list[str] | None = None
    """Party codes: a source that names one of them belongs to this briefing."""
    keywords: list[str] | None = None
    """Words: a source that contains one of them belongs to this briefing."""
    horizon_days: int | None = None
    """Upcoming meetings up to this many days after the briefing's date are shown."""
    max_positions_per_party: int | None = None
    """Most positions shown per party, the most relevant first."""
    max_quotes: int | None = None
    """Most quotes shown, the most relevant first."""
    max_background: int | None = None
    """Most background items shown, the most relevant first."""


@dataclass
class Schedule:
    id: str
    """The job's name, used in the run ledger and by `briefing run ID`."""
    cron: str
    """Five-field cron expression: minute hour day month weekday."""
    timezone: str = "UTC"
    """IANA time zone the cron expression is read in, e.g. Europe/Berlin."""
    formats: list[str] | None = None
    """Output formats for this job (default: the top-level `formats`)."""
    deliver: list[str] = field(default_factory=lambda: ["folder"])
    """Delivery channels: folder, email."""
    recipients: list[str] = field(default_factory=list)
    """E-mail recipients (for the email channel)."""
    as_of: str = "today"
    """Reference date for the job's briefings: today | latest-source | YYYY-MM-DD."""
    start_date: date | None = None
    """First day the job may run."""
    end_date: date | None = None
    """Last day the job may run."""
    paused: bool = False
    """A paused job stays in the store but does not run."""
    skip_unchanged: bool = False
    """Send nothing when the briefing did not change since the job's previous run."""
    max_source_age_hours: float | None = None
    """A run whose newest usable source is older than this is stale."""
    on_stale: Literal["skip", "warn"] = "warn"
    """What a stale run does: skip it, or send it with a visible warning."""
    timeout_minutes: float = 20.0
    """A build running longer than this is ended and recorded as failed."""
    briefing: str | None = None
    """The id of the briefing (of `briefings:`) the job builds and sends."""


@dataclass
class Config:
    title: str = "Lagebild"
    """The briefing's title, printed on the title block and in file names."""
    language: Literal["de", "en", "auto"] = "auto"
    """Language of labels and dates: de, en, or auto (the sources' language)."""
    classification: str | None = None
    """A marking printed on every page, e.g. "VS - NUR FÜR DEN DIENSTGEBRAUCH" (optional)."""
    author: str | None = None
    """The issuing office, written into the PDF and DOCX metadata."""
    seeds: str = "seeds"
    """Folder of source articles (.txt, .md), relative to this file; short for `sources: [{folder: DIR}]`."""
    sources: list[SourceEntry] = field(default_factory=list)
    """Folders, feeds and pages to read (default: the `seeds` folder)."""
    fetch: FetchConfig = field(default_factory=FetchConfig)
    """Limits of the HTTP client that fetches feeds and pages."""
    briefings: list[BriefingSpec] = field(default_factory=list)
    """Several briefings from the same sources (default: one, made by the top-level keys)."""
    parties: list[str] = field(default_factory=list)
    """Party codes a source must name to be in the briefing (empty: every source)."""
    keywords: list[str] = field(default_factory=list)
    """Words a source may contain instead of naming one of `parties`."""
    horizon_days: int | None = None
    """Upcoming meetings up to this many days after the briefing's date are shown (none: all)."""
    out: str = "out"
    """Folder the briefings are written to, relative to this file."""
    state: str = "state"
    """Folder for the scheduler's job store, run ledger and lock, relative to this file."""
    as_of: str = "today"
    """The briefing's date: today | latest-source | YYYY-MM-DD."""
    formats: list[str] = field(default_factory=lambda: ["pdf", "docx", "json"])
    """Output formats of a one-off build: json, html, pdf, docx, ics."""
    templates: str | None = "templates"
    """Folder of user templates searched before the packaged ones (optional)."""
    reference_docx: str | None = None
    """A DOCX whose styles, page setup, header and footer the DOCX output takes (optional)."""
    docx_comments: bool = True
    """Add each statement's source sentence as a Word comment in the DOCX."""
    pdf_attach_json: bool = False
    """Make a PDF/A-3 with the briefing's JSON embedded as an attachment."""
    actors: dict[str, str] = field(default_factory=dict)
    """Extra actor aliases, name -> party code, e.g. {"Selenskyj": UKR}."""
    workers: int | None = None
    """Processes that annotate sources side by side (default: the number of cores)."""
    max_source_kb: int = 1024
    """A source file larger than this (in KB) is skipped with one warning line."""
    max_parties: int = 12
    """The PDF and DOCX show the positions of at most this many parties (those with the most positions)."""
    max_positions_per_party: int = 5
    """The PDF and DOCX show at most this many positions per party and say how many were left out."""
    max_quotes: int = 8
    """The PDF and DOCX show at most this many quotes and say how many were left out."""
    max_background: int = 8
    """The PDF and DOCX show at most this many background items and say how many were left out."""
    max_past_meetings: int = 8
    """The PDF and DOCX list at most this many past meetings (the latest) and say how many were left out."""
    max_sources: int = 30
    """The sources appendix lists every source the document cites and, up to this many entries in all, the others."""
    unresolved_meeting_max_age_days: int = 30
    """A meeting whose day cannot be resolved is no longer upcoming once its source is older than the
    briefing by more than this many days (a vaguely dated one is past once its stretch of time is over)."""
    executor: Literal["local", "celery"] = "local"
    """Where scheduled runs are built and delivered: local (a child process of the scheduler) or
    celery (queued for `briefing worker` processes, on this machine or others)."""
    celery: CeleryConfig = field(default_factory=CeleryConfig)
    """Settings for executor: celery."""
    ledger: str | None = None
    """SQLAlchemy URL of the run ledger (default: SQLite in the state folder), e.g.
    postgresql+psycopg://briefing@db.example/briefing for workers on several machines."""
    job_store: str | None = None
    """SQLAlchemy URL of the scheduler's job store (default: SQLite in the state folder)."""
    misfire_grace_hours: float = 6.0
    """How late a missed scheduled run may still start, e.g. after the service was down."""
    shutdown_grace_seconds: float = 60.0
    """On SIGINT/SIGTERM, how long a running build may take to finish."""
    keep_runs: int = 30
    """How many runs of a job keep their built files in the state folder (for re-delivery and comparison)."""
    email: EmailConfig = field(default_factory=EmailConfig)
    """SMTP settings for the email channel."""
    folder: FolderConfig = field(default_factory=FolderConfig)
    """Settings for the folder channel."""
    schedules: list[Schedule] = field(default_factory=list)
    """Scheduled jobs."""

    base_dir: Path = field(default=Path("."), metadata={"internal": True})
    path: Path | None = field(default=None, metadata={"internal": True})
    lines: dict[str, int] = field(default_factory=dict, metadata={"internal": True})
    """The line of each top-level key in the file, for messages about it after loading."""
    briefing_id: str | None = field(default=None, metadata={"internal": True})
    """For the view of one entry of `briefings:` (see ``briefing_views``): its id."""

    def resolve(self, value: str | None) -> Path | None:
        """A path from the config, read relative to the config file's folder."""
        if value is None:
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p


def source_entries(config: Config, seeds: Path | None = None) -> list[SourceEntry]:
    """What to read: ``seeds`` when given (the command line's --seeds), else `sources:`, else `seeds:`."""
    if seeds is not None:
        return [SourceEntry(folder=str(Path(seeds).resolve()))]  # read from where the command was run
    return config.sources or [SourceEntry(folder=config.seeds)]


BRIEFING_KEYS = [f.name for f in dataclasses.fields(BriefingSpec) if f.name != "id"]


def briefing_views(config: Config, ids: list[str] | None = None) -> list[Config]:
    """One Config per briefing to build: the named ones of `briefings:` (all when none is named),
    each the top-level config with the entry's keys laid over it; with no `briefings:`, the config."""
    from .errors import UsageError

    if not config.briefings:
        if ids:
            raise UsageError(f"unknown briefing {ids[0]!r}: config.yaml has no 'briefings:' list")
        return [config]
    known = {b.id: b for b in config.briefings}
    unknown = [i for i in ids or [] if i not in known]
    if unknown:
        raise UsageError(f"unknown briefing {unknown[0]!r} (known: {', '.join(known)})")
    chosen = [known[i] for i in dict.fromkeys(ids)] if ids else config.briefings
    return [dataclasses.replace(config, briefing_id=b.id,
                                **{k: getattr(b, k) for k in BRIEFING_KEYS if getattr(b, k) is not None})
            for b in chosen]


CRON_FIELDS = 5
POSITIVE = ("workers", "max_source_kb", "max_parties", "max_positions_per_party", "max_quotes", "max_background",
            "max_past_meetings", "max_sources")
_AS_OF = re.compile(r"^(today|latest-source|\d{4}-\d{2}-\d{2})$")


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Read config.yaml (or the defaults when ``path`` is None), then apply ``overrides``."""
    raw: Any = {}
    node = None
    shown = "config.yaml"
    base = Path.cwd()
    if path is not None:
        p = Path(path)
        shown = str(p)
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(["the file does not exist"], shown) from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError([f"cannot be read: {e}"], shown) from None
        try:
            node = compose_plain(text)
            raw = load_plain(text) or {}
        except yaml.YAMLError as e:
            line = error_line(e)
            where = f"line {line}: " if line else ""
            problem = getattr(e, "problem", None) or str(e).splitlines()[0]
            raise ConfigError([f"{where}not valid YAML ({problem})"], shown) from None
        base = p.resolve().parent
    if not isinstance(raw, dict):
        raise ConfigError([f"line 1: expected a mapping of keys, found {_kind(raw)}"], shown)
    raw = {**raw, **{k: v for k, v in overrides.items() if v is not None}}
    problems: list[str] = []
    cfg = _build(Config, raw, node, "", problems)
    if cfg is not None:  # checks of keys together run on what is valid, so every problem shows at once
        _check_together(cfg, node, problems)
    if problems:
        raise ConfigError(sorted(problems, key=_line_of), shown)
    cfg.base_dir = base
    cfg.path = Path(path).resolve() if path is not None else None
    if isinstance(node, yaml.MappingNode):
        cfg.lines = {k.value: k.start_mark.line + 1 for k, _v in node.value}
    return cfg


def folder_error(config: Config, key: str, folder: Path) -> ConfigError:
    """The error for a folder named by ``key`` that does not exist, with the key's line."""
    problems: list[str] = []
    _say(problems, key, config.lines.get(key), f"the folder {folder} does not exist")
    return ConfigError(problems, str(config.path or "config.yaml"))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a mapping"}
    return f"{names.get(type(value), type(value).__name__)} {value!r}" if not isinstance(value, (list, dict)) \
        else names[type(value)]


def _line(node: yaml.Node | None, key: str | int | None = None) -> int | None:
    """The 1-based line of ``key`` inside ``node`` (or of the node itself)."""
    if node is None:
        return None
    if key is None:
        return node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key].start_mark.line + 1
    return node.start_mark.line + 1


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _line_of(problem: str) -> int:
    """The line a problem names (0 when it names none), to report problems in file order."""
    match = re.match(r"line (\d+): ", problem)
    return int(match.group(1)) if match else 0


def _say(problems: list[str], name: str, line: int | None, message: str) -> None:
    where = f"line {line}: " if line else ""
    problems.append(f"{where}Config value '{name}': {message}")


def _build(cls: type, raw: dict, node: yaml.Node | None, prefix: str, problems: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    for key in raw:
        if key not in fields:
            near = [k for k in fields if k.startswith(str(key)[:3])]
            hint = f" (did you mean '{near[0]}'?)" if near else f" (known keys: {', '.join(fields)})"
            _say(problems, f"{prefix}{key}", _line(node, key), f"unknown key{hint}")
    for name, f in fields.items():
        full = f"{prefix}{name}"
        if name not in raw:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                _say(problems, full, _line(node), "is required but missing")
            continue
        ok, value = _convert(hints[name], raw[name], _child(node, name), full, problems, _line(node, name))
        if ok:
            values[name] = value
    try:
        return cls(**values)
    except TypeError:
        return None


def _convert(tp: Any, value: Any, node: yaml.Node | None, name: str, problems: list[str],
             line: int | None) -> tuple[bool, Any]:
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return True, None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, node, name, problems, line)
    if origin is Literal:
        if value in args:
            return True, value
        _say(problems, name, line, f"expected one of {', '.join(map(str, args))}, found {_kind(value)}")
        return False, None
    if origin is list:
        if not isinstance(value, list):
            _say(problems, name, line, f"expected a list, found {_kind(value)}")
            return False, None
        out = []
        for i, item in enumerate(value):
            ok, v = _convert(args[0], item, _child(node, i), f"{name}[{i}]", problems, _line(node, i) or line)
            if ok and v is not None:  # a bad item is reported; the good ones are still checked together
                out.append(v)
        return True, out
    if origin is dict:
        if not isinstance(value, dict):
            _say(problems, name, line, f"expected a mapping, found {_kind(value)}")
            return False, None
        return True, {str(k): str(v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            _say(problems, name, line, f"expected a mapping, found {_kind(value)}")
            return False, None
        obj = _build(tp, value, node, f"{name}.", problems)
        return obj is not None, obj
    if tp is bool:
        if isinstance(value, bool):
            return True, value
        hint = " (remove the quotes around true/false)" if str(value).lower() in ("true", "false", "yes", "no") else ""
        _say(problems, name, line, f"expected true or false, found {_kind(value)}{hint}")
        return False, None
    if tp in (int, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and (tp is float or isinstance(value, int)):
            return True, tp(value)
        hint = " (remove the quotes around numbers)" if isinstance(value, str) and _is_number(value) else ""
        expected = "an integer" if tp is int else "a number"
        _say(problems, name, line, f"expected {expected}, found {_kind(value)}{hint}")
        return False, None
    if tp is date:
        if isinstance(value, date):
            return True, value
        try:
            return True, date.fromisoformat(str(value))
        except ValueError:
            real = " is not a real date" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) else ""
            _say(problems, name, line, f"{str(value)!r}{real}" if real else
                 f"expected a date YYYY-MM-DD, found {_kind(value)}")
            return False, None
    if tp is str:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return True, str(value)
        if isinstance(value, date):  # YAML reads an unquoted 2022-01-07 as a date; as_of wants its text
            return True, value.isoformat()
        _say(problems, name, line, f"expected a string, found {_kind(value)}")
        return False, None
    return True, value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _check_together(cfg: Config, node: yaml.Node | None, problems: list[str]) -> None:
    """Checks that need more than one key, run once every key is valid on its own."""
    _check_as_of("as_of", cfg.as_of, _line(node, "as_of"), problems)
    _check_formats("formats", cfg.formats, _line(node, "formats"), problems)
    for key in POSITIVE:
        if getattr(cfg, key) is not None and getattr(cfg, key) < 1:
            _say(problems, key, _line(node, key), f"expected a whole number of at least 1, found {getattr(cfg, key)}")
    ids: set[str] = set()
    jobs_node = _child(node, "schedules")
    for i, job in enumerate(cfg.schedules):
        jn = _child(jobs_node, i)
        name = f"schedules[{i}]"
        if job.id in ids:
            _say(problems, f"{name}.id", _line(jn, "id"), f"the id '{job.id}' is used twice")
        ids.add(job.id)
        cron_error = check_cron(job.cron, job.timezone)
        if cron_error:
            _say(problems, f"{name}.cron", _line(jn, "cron"), cron_error)
        tz_error = check_timezone(job.timezone)
        if tz_error:
            _say(problems, f"{name}.timezone", _line(jn, "timezone"), tz_error)
        if job.formats is not None:
            _check_formats(f"{name}.formats", job.formats, _line(jn, "formats"), problems)
        _check_as_of(f"{name}.as_of", job.as_of, _line(jn, "as_of"), problems)
        _check_channels(name, job, jn, problems)
        if job.start_date and job.end_date and job.end_date < job.start_date:
            _say(problems, f"{name}.end_date", _line(jn, "end_date"), "is before start_date")
    if cfg.unresolved_meeting_max_age_days < 0:
        _say(problems, "unresolved_meeting_max_age_days", _line(node, "unresolved_meeting_max_age_days"),
             f"expected a number of days, 0 or more, found {cfg.unresolved_meeting_max_age_days}")
    _check_ledger(cfg, node, problems)
    if cfg.seeds and cfg.out and Path(cfg.out).resolve() == Path(cfg.seeds).resolve():
        _say(problems, "out", _line(node, "out"), "must not be the seeds folder")
    _check_sources(cfg, _child(node, "sources"), problems)
    _check_briefings(cfg, node, problems)


def _check_sources(cfg: Config, node: yaml.Node | None, problems: list[str]) -> None:
    for i, entry in enumerate(cfg.sources):
        name, en = f"sources[{i}]", _child(node, i)
        given = [k for k in ("folder", "feed", "page") if getattr(entry, k)]
        if len(given) != 1:
            _say(problems, name, _line(en), f"expected exactly one of folder, feed, page, found "
                                            f"{', '.join(given) or 'none'}")
            continue
        url = entry.feed or entry.page
        if url and not re.match(r"^https?://[^/\s]+", url, re.I):
            _say(problems, f"{name}.{given[0]}", _line(en, given[0]), f"expected an http or https URL, found {url!r}")


def _check_briefings(cfg: Config, node: yaml.Node | None, problems: list[str]) -> None:
    ids: set[str] = set()
    _check_parties("parties", cfg.parties, cfg, _line(node, "parties"), problems)
    for i, spec in enumerate(cfg.briefings):
        bn = _child(_child(node, "briefings"), i)
        if not re.match(r"^[\w-]+$", spec.id) or spec.id in ids:
            why = "is used twice" if spec.id in ids else "may hold only letters, digits, - and _"
            _say(problems, f"briefings[{i}].id", _line(bn, "id"), f"the id {spec.id!r} {why}")
        ids.add(spec.id)
        _check_parties(f"briefings[{i}].parties", spec.parties or [], cfg, _line(bn, "parties"), problems)
        for key in ("max_positions_per_party", "max_quotes", "max_background"):
            if getattr(spec, key) is not None and getattr(spec, key) < 1:
                _say(problems, f"briefings[{i}].{key}", _line(bn, key),
                     f"expected a whole number of at least 1, found {getattr(spec, key)}")
    for i, job in enumerate(cfg.schedules):
        jn = _child(_child(node, "schedules"), i)
        if job.briefing is not None and job.briefing not in ids:
            known = f"known: {', '.join(sorted(ids))}" if ids else "config.yaml has no 'briefings:' list"
            _say(problems, f"schedules[{i}].briefing", _line(jn, "briefing"),
                 f"unknown briefing {job.briefing!r} ({known})")
        elif job.briefing is None and len(ids) > 1:
            _say(problems, f"schedules[{i}].briefing", _line(jn),
                 f"name the briefing the job sends ({', '.join(sorted(ids))})")


def _check_parties(name: str, codes: list[str], cfg: Config, line: int | None, problems: list[str]) -> None:
    """A party code no actor maps to would keep no source: a typo, said at once."""
    from .data import load_data

    if not codes:
        return
    known = set(load_data("parties")) | set(cfg.actors.values())
    unknown = [c for c in codes if c not in known]
    if unknown:
        _say(problems, name, line, f"unknown party code {', '.join(map(repr, unknown))} "
                                   "(codes as in briefing/data/parties.yaml, e.g. RUS, NATO, EU)")


LEDGER_DIALECTS = ("sqlite", "postgresql")
"""The databases whose INSERT ... ON CONFLICT the ledger's idempotent writes rely on."""


def _check_ledger(cfg: Config, node: yaml.Node | None, problems: list[str]) -> None:
    scheme = cfg.ledger.split(":", 1)[0] if cfg.ledger is not None else None
    # Said by its scheme only: the URL may hold a password.
    if scheme is not None and scheme.split("+", 1)[0] not in LEDGER_DIALECTS:
        _say(problems, "ledger", _line(node, "ledger"),
             f"expected an SQLAlchemy URL of {' or '.join(LEDGER_DIALECTS)}, found one of {scheme!r}")
    if cfg.executor == "celery" and importlib.util.find_spec("celery") is None:
        _say(problems, "executor", _line(node, "executor"),
             "executor: celery needs Celery, which is not installed: pip install 'briefing[celery]'")
    if cfg.executor == "celery" and not cfg.celery.broker.startswith(("redis://", "rediss://")):
        _say(problems, "celery.broker", _line(_child(node, "celery"), "broker"),
             f"expected a redis:// URL, found {cfg.celery.broker!r}")
    for key, kind in (("fan_out_from", "a whole number"), ("chunk_sources", "a whole number"),
                      ("claim_lease_seconds", "a number of seconds")):
        if getattr(cfg.celery, key) < 1:
            _say(problems, f"celery.{key}", _line(_child(node, "celery"), key),
                 f"expected {kind} of at least 1, found {getattr(cfg.celery, key)}")


def _check_as_of(name: str, value: str, line: int | None, problems: list[str]) -> None:
    if not _AS_OF.match(value):
        _say(problems, name, line, f"expected today, latest-source or YYYY-MM-DD, found {value!r}")
        return
    if value[0].isdigit():
        try:
            date.fromisoformat(value)
        except ValueError:
            _say(problems, name, line, f"{value!r} is not a real date")


def _check_formats(name: str, formats: list[str], line: int | None, problems: list[str]) -> None:
    from .render import RENDERERS  # the registry is the one list of formats

    bad = [f for f in formats if f not in RENDERERS]
    if bad:
        _say(problems, name, line, f"expected formats from {', '.join(RENDERERS.names())}, found {', '.join(bad)}")


def _check_channels(name: str, job: Schedule, node: yaml.Node | None, problems: list[str]) -> None:
    from .deliver import CHANNELS  # the registry is the one list of channels

    for channel in job.deliver:
        if channel not in CHANNELS:
            _say(problems, f"{name}.deliver", _line(node, "deliver"),
                 f"expected channels from {', '.join(CHANNELS.names())}, found {channel!r}")
        elif CHANNELS.get(channel).needs_recipients and not job.recipients:
            _say(problems, f"{name}.recipients", _line(node), f"the {channel} channel needs at least one recipient")


def check_cron(expression: str, timezone: str = "UTC") -> str | None:
    """None when APScheduler accepts the cron expression, else why not."""
    from .crontab import plainly_valid

    if len(expression.split()) != CRON_FIELDS:
        return f"expected 5 fields (minute hour day month weekday), found {expression!r}"
    if plainly_valid(expression):
        return None  # without importing APScheduler: every command reads the config
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expression, timezone="UTC")
    except ValueError as e:
        return f"not a valid cron expression {expression!r} ({e})"
    return None


def check_timezone(name: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown IANA time zone {name!r}"
    return None
