#!/usr/bin/env python3
"""Check a rebuilt real-news case folder against manifest.yaml, or build one from raw excerpts.

The articles are others' texts and stay out of the repository; manifest.yaml records, per case,
where the text is (url, and the search query that finds it), its first and last words, the lines of
page furniture dropped from inside it, and the sha256 of the excerpt with all whitespace collapsed
to single spaces (so line wrapping does not matter).

    python eval/news/check.py verify /work/newsdev/train /work/newsdev/dev /work/newsdev/train2
        every <id>.md in the folders: its body hashes to the manifest's sha256, its front matter
        matches the manifest, and <id>.gold.yaml equals eval/news/gold/<id>.gold.yaml. A .md that
        is neither in the manifest nor beside a gold file (a note such as ANALYSIS.md) is skipped.

    python eval/news/check.py build --raw RAW --out OUT
        RAW holds <id>.txt, each the stored excerpt (or page text) as fetched, page furniture and
        all. For each, the manifest's dropped lines are removed, the excerpt is cut from its first
        to its last words, and kept only when the hash matches; OUT/<split>/<id>.md is written
        with the manifest's front matter, and the gold is laid beside it as <id>.gold.yaml.

Exit status 0 when every case checked is complete and matches, 1 otherwise.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def load_manifest() -> dict[str, dict]:
    cases = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))["cases"]
    return {c["id"]: c for c in cases}


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def split_front_matter(raw: str) -> tuple[dict, str]:
    """Front matter and body of a case file; no front matter gives an empty dict."""
    m = re.match(r"\A---\n(.*?)\n---\n", raw, re.S)
    if not m:
        return {}, raw
    return yaml.safe_load(m.group(1)) or {}, raw[m.end():]


def words_pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()))


def cut_excerpt(raw: str, case: dict) -> str | None:
    """The excerpt inside a raw page text whose hash is the manifest's, or None.

    The first and last words may occur more than once (a headline repeated by the page), so every
    pair of occurrences is tried, nearest first.
    """
    drop = {" ".join(d.split()) for d in case.get("drop") or []}
    lines = [ln for ln in raw.replace("\r\n", "\n").split("\n") if " ".join(ln.split()) not in drop]
    text = "\n".join(lines)
    starts = [m.start() for m in words_pattern(case["first_words"]).finditer(text)]
    ends = [m.end() for m in words_pattern(case["last_words"]).finditer(text)]
    for s in starts:
        for e in ends:
            if e > s and text_hash(text[s:e]) == case["sha256"]:
                return text[s:e].strip() + "\n"
    return None


def front_matter(case: dict) -> str:
    fm = {"title": case["title"], "published": case["published"], "language": case["language"]}
    return "---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def check_gold(folder: Path, cid: str) -> list[str]:
    path = folder / f"{cid}.gold.yaml"
    if not path.exists():
        return [f"{cid}: no gold file beside the text"]
    here = yaml.safe_load(path.read_text(encoding="utf-8"))
    ours = yaml.safe_load((HERE / "gold" / f"{cid}.gold.yaml").read_text(encoding="utf-8"))
    return [] if here == ours else [f"{cid}: gold differs from eval/news/gold/{cid}.gold.yaml"]


def verify(folders: list[Path], manifest: dict[str, dict]) -> int:
    problems: list[str] = []
    seen = 0
    for folder in folders:
        for path in sorted(folder.glob("*.md")):
            cid = path.stem
            case = manifest.get(cid)
            if case is None and not (folder / f"{cid}.gold.yaml").exists():
                continue  # a note beside the cases (ANALYSIS.md), not a case
            if case is None:
                problems.append(f"{cid}: not in the manifest")
                continue
            seen += 1
            fm, body = split_front_matter(path.read_text(encoding="utf-8"))
            if text_hash(body) != case["sha256"]:
                problems.append(f"{cid}: text does not match the manifest's sha256")
            for key in ("title", "published", "language"):
                if str(fm.get(key)) != str(case[key]):
                    problems.append(f"{cid}: front matter {key} is {fm.get(key)!r}, manifest says {case[key]!r}")
            problems += check_gold(folder, cid)
    for p in problems:
        print(p)
    print(f"summary: {seen} cases checked, {len(problems)} problems")
    return 1 if problems or not seen else 0


def build(raw_dir: Path, out: Path, manifest: dict[str, dict]) -> int:
    missing, wrong, written = [], [], 0
    for cid, case in manifest.items():
        raw = raw_dir / f"{cid}.txt"
        if not raw.exists():
            missing.append(cid)
            continue
        excerpt = cut_excerpt(raw.read_text(encoding="utf-8"), case)
        if excerpt is None:
            wrong.append(cid)
            continue
        target = out / case["split"]
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{cid}.md").write_text(front_matter(case) + excerpt, encoding="utf-8")
        shutil.copyfile(HERE / "gold" / f"{cid}.gold.yaml", target / f"{cid}.gold.yaml")
        written += 1
    if missing:
        print("no raw text for:", ", ".join(missing))
    if wrong:
        print("text found but not matching the manifest (changed page or other version):", ", ".join(wrong))
    print(f"summary: {written} cases written, {len(missing)} missing, {len(wrong)} not matching")
    return 1 if missing or wrong else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="check rebuilt case folders against the manifest")
    v.add_argument("folders", nargs="+", type=Path)
    b = sub.add_parser("build", help="build case folders from raw excerpts")
    b.add_argument("--raw", required=True, type=Path, help="folder of <id>.txt raw excerpts")
    b.add_argument("--out", required=True, type=Path, help="writes OUT/<split> for each split in the manifest")
    args = ap.parse_args(argv)
    manifest = load_manifest()
    if args.command == "verify":
        return verify(args.folders, manifest)
    return build(args.raw, args.out, manifest)


if __name__ == "__main__":
    sys.exit(main())
