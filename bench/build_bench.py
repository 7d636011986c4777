"""Benchmark: a cold one-off build of the seed to PDF+DOCX+JSON against the WeasyPrint floor.

Prints, for N runs each (median): the whole-process time and peak memory of
`python -m briefing build`, and in the same run the time of a process in which WeasyPrint alone
renders the same HTML to PDF. The ratio build / floor is what issue 11 bounds (≤ 1.2). Beside
wall time it prints CPU seconds: the build's workers use a second core, so on a busy machine its
wall time grows by more than the floor's.

    .venv/bin/python bench/build_bench.py [--runs 5] [--no-cache]

A cold build is a new process; by default the annotation cache in state/ is warm after the first
build, as it is for any rebuild of unchanged seeds. --no-cache empties it before each build: every
build annotates the seed. The model cache (state/models: the tokenizer as made) stays, as it does
after a program's first build on a machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = """
import sys, weasyprint
from briefing.render.pdf import AssetFetcher
from briefing.render.html import PACKAGED_TEMPLATES
html = open(sys.argv[1], encoding="utf-8").read()
weasyprint.HTML(string=html, base_url=PACKAGED_TEMPLATES.as_uri() + "/",
                url_fetcher=AssetFetcher([PACKAGED_TEMPLATES])).write_pdf(sys.argv[2])
"""


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process, the CPU time of the workers it forks included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return dt, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-cache", action="store_true",
                    help="empty the annotation cache (state/annotations) before each build: annotate every time")
    a = ap.parse_args()
    # briefing's modules as bytecode, as an installed package has them (pip compiles on install; an
    # editable install under PYTHONDONTWRITEBYTECODE would otherwise compile them in every build)
    compileall.compile_dir(ROOT / "briefing", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        py = sys.executable
        subprocess.run([py, "-m", "briefing", "build", "--out", str(out), "--format", "html"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        html = next(out.glob("*.html"))
        builds, floors, peaks, build_cpu, floor_cpu = [], [], [], [], []
        for _ in range(a.runs):
            if a.no_cache:
                shutil.rmtree(ROOT / "state" / "annotations", ignore_errors=True)
            dt, cpu = timed([py, "-m", "briefing", "build", "--out", str(out / "b"), "--format", "pdf,docx,json"])
            builds.append(dt)
            build_cpu.append(cpu)
            dt, cpu = timed([py, "-c", FLOOR, str(html), str(out / "floor.pdf")])
            floors.append(dt)
            floor_cpu.append(cpu)
        # Peak memory: measured alone in a fresh child, so no earlier child's maximum hides it.
        peaks.append(subprocess.run(
            [py, "-c", "import resource, runpy, sys; sys.argv = ['briefing', 'build', '--out', sys.argv[1], "
             "'--format', 'pdf,docx,json']\ntry:\n    runpy.run_module('briefing', run_name='__main__')\n"
             "except SystemExit:\n    pass\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
             str(out / "m")], check=True, cwd=ROOT, capture_output=True, text=True).stdout.split()[-2:])
    build, floor = statistics.median(builds), statistics.median(floors)
    main_mib, worker_mib = (int(k) / 1024 for k in peaks[0])
    print(f"runs: {a.runs}; annotation cache: {'emptied before each build' if a.no_cache else 'kept (warm)'}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"cold build (seed -> pdf, docx, json): median {build:.2f} s  (min {min(builds):.2f}, max {max(builds):.2f})")
    print(f"weasyprint alone, same html (floor): median {floor:.2f} s  (min {min(floors):.2f}, max {max(floors):.2f})")
    print(f"ratio build / floor: {build / floor:.2f}  (bound: 1.2)")
    cpu_b, cpu_f = statistics.median(build_cpu), statistics.median(floor_cpu)
    print(f"CPU seconds (all processes): build {cpu_b:.2f}, floor {cpu_f:.2f}, ratio {cpu_b / cpu_f:.2f}"
          f"  (the build's workers run beside it on a second core; on a busy machine the CPU ratio is what shows)")
    print(f"peak memory: build process {main_mib:.0f} MiB, its annotation worker {worker_mib:.0f} MiB"
          f"  (bound: 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
