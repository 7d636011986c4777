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

from .errors import BriefingError

log = logging.getLogger("briefing")

def _formats(value: str) -> list[str]:
    from .render import RENDERERS  # the registry is the one list of formats

    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in RENDERERS]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"expected formats from {', '.join(RENDERERS.names())}, found {value!r}")
    return names


def parser() -> argparse.ArgumentParser:
    from .render import RENDERERS

    ap = argparse.ArgumentParser(prog="briefing", description="News articles in, a diplomatic briefing out.")
    ap.add_argument("--config", "-c", type=Path, default=None,
                    help="config file (default: ./config.yaml when it exists)")
    ap.add_argument("--verbose", "-v", action="store_true", help="log what each stage does")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build briefings now and print the paths written")
    b.add_argument("ids", nargs="*", metavar="ID", help="briefings of 'briefings:' to build (default: all)")
    b.add_argument("--offline", action="store_true", help="read feeds and pages from the source cache alone")
    b.add_argument("--seeds", type=Path, help="folder of source articles")
    b.add_argument("--out", type=Path, help="folder to write the briefing to")
    b.add_argument("--format", type=_formats, dest="formats",
                   help=f"comma-separated: {','.join(RENDERERS.names())}")
    b.add_argument("--as-of", dest="as_of", help="today | latest-source | YYYY-MM-DD")
    b.add_argument("--lang", choices=("de", "en"), help="language of labels and dates")

    i = sub.add_parser("inspect", help="show what the builder finds in each source")
    i.add_argument("files", nargs="+", type=Path)
    i.add_argument("--format", choices=("json", "text"), default="text", dest="output")
    i.add_argument("--as-of", dest="as_of", help="reference date for sources without one (YYYY-MM-DD)")

    sub.add_parser("check", help="check config.yaml and print what it sets")
    sub.add_parser("sources", help="list every source with its state: last fetched, items, last error")
    sub.add_parser("schedule", help="run the configured schedules until interrupted")
    sub.add_parser("jobs", help="list the scheduled jobs and their next run times")
    h = sub.add_parser("history", help="show the run ledger")
    h.add_argument("--job", help="only this job's runs")
    h.add_argument("--limit", type=int, default=20)
    h.add_argument("--run", type=int, help="the whole story of one run: steps, deliveries, files")
    r = sub.add_parser("run", help="run a scheduled job now, through the same path (a test send)")
    r.add_argument("job")
    r.add_argument("--retry-only", action="store_true",
                   help="only deliver what earlier runs of the job still owe; build nothing new")
    return ap


def config_from(args: argparse.Namespace):
    from .config import load_config

    path = args.config
    if path is None and Path("config.yaml").is_file():
        path = Path("config.yaml")
    return load_config(path)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import BuildOptions, build_many

    cfg = config_from(args)
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
    print(f"{cfg.path or 'defaults'}: ok ({len(cfg.schedules)} schedules, formats {', '.join(cfg.formats)})")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from .scheduler.service import run_scheduler

    return run_scheduler(config_from(args), config_path=args.config or Path("config.yaml"))


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
            "schedule": cmd_schedule,
            "jobs": cmd_jobs, "history": cmd_history, "run": cmd_run}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except BriefingError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
