"""Benchmark: one article of growing size (50 KB … 500 KB) built alone, and one above max_source_kb.

The article is made at run time from the texts of ``../shared/eval/quotes/*.jsonl`` (never copied
into the project), joined until it has the size asked for. For each size ``python -m briefing
build`` runs once with an empty state folder; printed: wall time, CPU seconds of the process tree,
its peak memory (sum of resident sizes, sampled) and the cost per KB, which stays flat when the
work grows linearly with the article. The last line builds an article above ``max_source_kb``
(default 1024 KB) and prints what the build says about it.

    .venv/bin/python bench/size_bench.py [--sizes 50,100,200,500] [--refused-kb 5120]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import EVAL, ROOT, timed_build  # noqa: E402


def article(kb: int) -> str:
    texts = [json.loads(line)["text"] for path in sorted((EVAL / "quotes").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    body, size = [], 0
    while size < kb * 1024:
        body.append(texts[len(body) % len(texts)])
        size += len(body[-1].encode("utf-8")) + 2
    return "---\ntitle: Ein langer Artikel\npublished: 2008-01-01\nlanguage: de\n---\n" + "\n\n".join(body)


def project(folder: Path, kb: int) -> Path:
    (folder / "seeds").mkdir()
    (folder / "seeds" / "long.md").write_text(article(kb), encoding="utf-8")
    config = folder / "config.yaml"
    config.write_text("seeds: seeds\nout: out\nstate: state\nformats: [pdf, json]\ntemplates: null\n", encoding="utf-8")
    return config


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,100,200,500")
    ap.add_argument("--refused-kb", type=int, default=5120)
    a = ap.parse_args()
    print(f"cores: {os.cpu_count()}; load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'KB':>6} {'wall s':>8} {'cpu s':>7} {'MiB':>6} {'cpu ms/KB':>10}")
    for kb in [int(x) for x in a.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="size-bench-") as tmp:
            wall, cpu, mib = timed_build(project(Path(tmp), kb))
        print(f"{kb:>6} {wall:>8.1f} {cpu:>7.1f} {mib:>6.0f} {1000 * cpu / kb:>10.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="size-bench-") as tmp:
        config = project(Path(tmp), a.refused_kb)
        (Path(tmp) / "seeds" / "short.md").write_text(article(2), encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "briefing", "--config", str(config), "build"], cwd=ROOT,
                             capture_output=True, text=True)
        print(f"{a.refused_kb} KB article beside a short one: exit {run.returncode}; stderr: {run.stderr.strip()}")


if __name__ == "__main__":
    main()
