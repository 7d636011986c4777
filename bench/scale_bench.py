"""Benchmark: one briefing from 10, 100, 300 and 1,000 real articles, cold and warm.

The articles are read at run time from the evaluation data beside the project (never copied into
it): the texts of ``../shared/eval/quotes/*.jsonl`` (850 German Wikinews articles), the raw texts
of ``../shared/eval/krauts/`` (142 German news articles, their TimeML tags stripped) and the
articles of ``../shared/eval/cases/``. They are written as seeds into a temporary folder.

For each size, ``python -m briefing build`` runs twice with the same state folder: cold (an empty
annotation cache) and warm (nothing changed). Printed per run: wall time, the peak memory of the
whole process tree (the sum of the resident sizes of the build and its workers, sampled every
50 ms), the CPU seconds of the tree (what the build costs however busy the machine is) and the
per-source cost. With ``--plot FILE`` (matplotlib, the ``bench`` extra) the curve
is drawn as a PNG.

    .venv/bin/python bench/scale_bench.py [--sizes 10,100,300,1000] [--plot scale.png] [--workers N]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
TAG = re.compile(r"<[^>]+>")


def quotes_articles() -> list[tuple[str, str]]:
    """(file name, seed text) of each article of the quotes corpus."""
    out = []
    for path in sorted((EVAL / "quotes").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            d = json.loads(line)
            title = d["name"].split(" - ", 1)[-1].rsplit(" (", 1)[0]
            out.append((f"q-{path.stem}-{n:04d}.md", _front_matter(title, d.get("published")) + d["text"]))
    return out


def krauts_articles() -> list[tuple[str, str]]:
    """(file name, seed text) of each KRAUTS article: the text inside <TEXT>, tags stripped."""
    out = []
    for path in sorted((EVAL / "krauts").glob("KRAUTS_Dolomiten-*[0-9]/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r'functionInDocument="CREATION_TIME">([0-9-]{10})', raw)
        text = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not text:
            continue
        body = html.unescape(TAG.sub("", text.group(1))).strip()
        title = body.split(".", 1)[0][:80]
        out.append((f"k-{path.stem.split('_')[0]}.md", _front_matter(title, dct.group(1) if dct else None) + body))
    return out


def case_articles() -> list[tuple[str, str]]:
    paths = sorted(p for p in (EVAL / "cases").glob("*") if p.suffix in (".md", ".txt"))
    return [(f"c-{p.name}", p.read_text(encoding="utf-8")) for p in paths]


def _front_matter(title: str, published: str | None) -> str:
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "language: de"]
    if published:
        lines.append(f"published: {published}")
    return "\n".join(lines + ["---", ""])


def articles() -> list[tuple[str, str]]:
    """Every article, the three collections interleaved so that any prefix mixes them."""
    groups = [quotes_articles(), krauts_articles(), case_articles()]
    if not any(groups):
        sys.exit(f"no articles found under {EVAL}")
    mixed = []
    for i in range(max(len(g) for g in groups)):
        mixed += [g[i] for g in groups if i < len(g)]
    return mixed


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (0 when it is gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024 if "VmRSS" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError, ValueError):
            continue
    return total


def timed_build(config: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB of the process tree) of one ``briefing build``.

    The CPU time (user + system of the build and every worker it waited for) is what the build
    costs whatever else the machine runs; the wall time is what a user waits on this machine now.
    """
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "briefing", "--config", str(config), "build"],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    elapsed = time.perf_counter() - t0
    done.set()
    sampler.join()
    if child.returncode != 0:
        sys.exit(f"build failed (exit {child.returncode}): {err.strip()[-800:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, peak[0] / 2**20


def run_size(all_articles: list[tuple[str, str]], n: int, workers: int | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        folder = Path(tmp)
        seeds = folder / "seeds"
        seeds.mkdir()
        for name, text in all_articles[:n]:
            (seeds / name).write_text(text, encoding="utf-8")
        lines = ["seeds: seeds", "out: out", "state: state", "as_of: latest-source",
                 "formats: [pdf, docx, json]", "templates: null"]
        if workers:
            lines.append(f"workers: {workers}")
        config = folder / "config.yaml"
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cold, cold_cpu, cold_mib = timed_build(config)
        warm, warm_cpu, warm_mib = timed_build(config)
        pages = pdf_pages(next((folder / "out").glob("*.pdf")))
    return {"n": n, "cold": cold, "cold_cpu": cold_cpu, "cold_mib": cold_mib,
            "warm": warm, "warm_cpu": warm_cpu, "warm_mib": warm_mib, "pages": pages}


def pdf_pages(path: Path) -> int | str:
    try:
        from pypdf import PdfReader
    except ImportError:  # the test extra brings pypdf
        return "?"
    return len(PdfReader(path).pages)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["n"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(n, [r["cold"] for r in rows], "o-", label="cold")
    left.plot(n, [r["warm"] for r in rows], "s-", label="warm (cached)")
    left.plot(n, [r["cold_cpu"] for r in rows], "o--", label="cold, CPU seconds")
    left.set(xlabel="articles", ylabel="seconds", title="build time")
    left.legend()
    right.plot(n, [r["cold_mib"] for r in rows], "o-", label="cold")
    right.plot(n, [r["warm_mib"] for r in rows], "s-", label="warm")
    right.set(xlabel="articles", ylabel="MiB", title="peak memory (process tree)")
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"curve: {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,300,1000")
    ap.add_argument("--workers", type=int, default=None, help="the workers: key (default: the config's default)")
    ap.add_argument("--plot", type=Path, default=None, help="draw the curve into this PNG")
    a = ap.parse_args()
    every = articles()
    print(f"articles available: {len(every)}; cores: {os.cpu_count()}; load average: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'articles':>8} {'cold s':>7} {'cpu s':>7} {'MiB':>6} {'ms/src':>7} {'warm s':>7} {'cpu s':>7} "
          f"{'MiB':>6} {'ms/src':>7} {'PDF pages':>9}")
    rows = []
    for n in [int(x) for x in a.sizes.split(",")]:
        n = min(n, len(every))
        r = run_size(every, n, a.workers)
        rows.append(r)
        print(f"{n:>8} {r['cold']:>7.1f} {r['cold_cpu']:>7.1f} {r['cold_mib']:>6.0f} {1000 * r['cold'] / n:>7.1f} "
              f"{r['warm']:>7.1f} {r['warm_cpu']:>7.1f} {r['warm_mib']:>6.0f} {1000 * r['warm'] / n:>7.1f} "
              f"{r['pages']:>9}", flush=True)
    if a.plot:
        plot(rows, a.plot)


if __name__ == "__main__":
    main()
