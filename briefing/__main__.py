"""The command line: thin wrappers around build(), inspect and the scheduler.

An option the user did not give is None and overrides nothing. A BriefingError prints as one
line and sets the exit status; a mistake of the user's never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .errors import BriefingError, UsageError


def _formats(value: str) -> list[str]:
    from .render import RENDERERS  # the registry is the one list of formats

    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in RENDERERS]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"expected formats from {', '.join(RENDERERS.names())}, found {value!r}")
    return names


def _common(default_config, default_verbose) -> argparse.ArgumentParser:
    """--config and --verbose, accepted before the subcommand and after it ('briefing build -c FILE').

    After the subcommand their default is SUPPRESS, so that not giving them there keeps what was
    given before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", "-c", type=Path, default=default_config,
                        help="config file (default: ./config.yaml when it exists)")
    common.add_argument("--verbose", "-v", action="store_true", default=default_verbose,
                        help="log one line per stage of briefing's own work")
    return common


def parser() -> argparse.ArgumentParser:
    from .render import RENDERERS

    ap = argparse.ArgumentParser(prog="briefing", description="News articles in, a diplomatic briefing out.",
                                 parents=[_common(None, False)])
    common = _common(argparse.SUPPRESS, argparse.SUPPRESS)
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".",
                              parents=[common])

    b = command("build", "build briefings now and print the paths written")
    b.add_argument("ids", nargs="*", metavar="ID", help="briefings of 'briefings:' to build (default: all)")
    b.add_argument("--offline", action="store_true", help="read feeds and pages from the source cache alone")
    b.add_argument("--seeds", type=Path, help="folder of source articles")
    b.add_argument("--out", type=Path, help="folder to write the briefing to")
    b.add_argument("--format", type=_formats, dest="formats",
                   help=f"comma-separated: {','.join(RENDERERS.names())}")
    b.add_argument("--as-of", dest="as_of", help="today | latest-source | YYYY-MM-DD")
    b.add_argument("--lang", choices=("de", "en"), help="language of labels and dates")
    b.add_argument("--title", help="the briefing's title (overrides config.yaml's title)")

    i = command("inspect", "show what the builder finds in each source")
    i.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a source article (.txt or .md)")
    i.add_argument("--format", choices=("json", "text"), default="text", dest="output",
                   help="text for people (default), json for programs")
    i.add_argument("--as-of", dest="as_of", help="reference date for sources without one (YYYY-MM-DD)")

    command("check", "check config.yaml and print what it sets")
    command("sources", "list every source with its state: last fetched, items, last error")
    command("schedule", "run the configured schedules until interrupted")
    w = command("worker", "build and deliver queued runs (executor: celery) until interrupted")
    w.add_argument("--concurrency", type=int, default=1,
                   help="runs this worker takes at once, each in a process of its own (default 1)")
    command("jobs", "list the scheduled jobs and their next run times")
    h = command("history", "show the run ledger")
    h.add_argument("--job", help="only this job's runs")
    h.add_argument("--limit", type=int, default=20, help="how many runs to show, newest first (default 20)")
    h.add_argument("--run", type=int, help="the whole story of one run: steps, deliveries, files")
    r = command("run", "run a scheduled job now, through the same path (a test send)")
    r.add_argument("job", help="the job's id in config.yaml")
    r.add_argument("--retry-only", action="store_true",
                   help="only deliver what earlier runs of the job still owe; build nothing new")
    return ap


def config_from(args: argparse.Namespace, **overrides):
    from .config import load_config

    path = args.config
    if path is None and Path("config.yaml").is_file():
        path = Path("config.yaml")
    return load_config(path, **overrides)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import BuildOptions, build_many

    cfg = config_from(args, title=args.title)
    request = BuildOptions(seeds=args.seeds, out=args.out, formats=args.formats, as_of=args.as_of,
                           language=args.lang, offline=args.offline)
    results = build_many(cfg, args.ids or None, request)
    for result in results:
        prefix = f"{result.briefing_id}: " if result.briefing_id else ""
        for line in [str(p) for p in result.problems] + result.briefing.warnings:
            print(f"warning: {prefix}{line}", file=sys.stderr)
        for path in result.paths:
            print(path)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from .sources.listing import list_sources

    print(list_sources(config_from(args)))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .inspection import as_text, inspect_files

    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    cfg = config_from(args)
    reports = inspect_files(args.files, as_of=args.as_of, extra_aliases=cfg.actors)
    if args.output == "json":
        json.dump(reports, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(as_text(reports))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    cfg = config_from(args)
    print(f"{cfg.path or 'defaults'}: ok")
    for line in describe(cfg):
        print(f"  {line}")
    return 0


def describe(cfg) -> list[str]:
    """What a valid config sets, one line a topic: what `briefing check` promises to print."""
    jobs = [f"{j.id} ({j.cron}, {j.timezone}{', paused' if j.paused else ''}) → {', '.join(j.deliver)}"
            for j in cfg.schedules]
    from .config import source_entries

    sources = [str(cfg.resolve(e.folder)) if e.folder else f"{'feed' if e.feed else 'page'} {e.feed or e.page}"
               for e in source_entries(cfg)]
    briefings = [f"{b.id} ({b.title or cfg.title})" for b in cfg.briefings]
    return [f"title: {cfg.title}", f"language: {cfg.language}; as of: {cfg.as_of}",
            f"sources: {', '.join(sources)}; out: {cfg.resolve(cfg.out)}; state: {cfg.resolve(cfg.state)}",
            f"formats: {', '.join(cfg.formats)}",
            *([f"{plural(len(briefings), 'briefing')}: {'; '.join(briefings)}"] if briefings else []),
            f"{plural(len(jobs), 'schedule')}" + (f": {'; '.join(jobs)}" if jobs else "")]


def plural(count: int, noun: str) -> str:
    """'1 schedule', '2 schedules' (English command-line output only; the briefing's own words are in data/)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def cmd_schedule(args: argparse.Namespace) -> int:
    from .scheduler.service import run_scheduler

    return run_scheduler(config_from(args), config_path=args.config or Path("config.yaml"))


def cmd_worker(args: argparse.Namespace) -> int:
    config = config_from(args)
    try:
        from .scheduler.celery_runs import run_worker
    except ImportError as e:
        raise UsageError(f"briefing worker needs Celery ({e}): pip install 'briefing[celery]'") from None
    if config.executor != "celery":
        print("note: config.yaml says executor: local, so the scheduler runs jobs itself and queues none",
              file=sys.stderr)
    path = args.config or (Path("config.yaml") if Path("config.yaml").is_file() else None)
    return run_worker(config, str(Path(path).resolve()) if path else None, args.concurrency)


def cmd_jobs(args: argparse.Namespace) -> int:
    from .scheduler.tables import list_jobs

    print(list_jobs(config_from(args)))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from .scheduler.tables import show_history

    print(show_history(config_from(args), job=args.job, limit=args.limit, run=args.run))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from .scheduler.tables import run_job_now

    return run_job_now(config_from(args), args.job, retry_only=args.retry_only)


COMMANDS = {"build": cmd_build, "inspect": cmd_inspect, "check": cmd_check, "sources": cmd_sources,
            "schedule": cmd_schedule, "worker": cmd_worker,
            "jobs": cmd_jobs, "history": cmd_history, "run": cmd_run}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # -v shows briefing's own stages; the libraries (WeasyPrint's layout, fontTools) stay at warnings.
    logging.basicConfig(level=logging.WARNING if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.verbose:
        logging.getLogger("briefing").setLevel(logging.INFO)
    try:
        return COMMANDS[args.command](args)
    except BriefingError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
