"""Score the extractor on the sample articles and on the development set, separately.

    .venv/bin/python bench/score_sets.py [--verbose] [--set samples|devset|both]

Each set goes into a fresh store through the real `briefing add` (with `--published` taken
from each gold file, as an importer would be told), is exported with `briefing export
--format json`, and is scored by shared/tools/score_meetings.py.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_meetings.py"
SETS = {
    "samples": ROOT.parent / "shared" / "sample" / "articles",
    "devset": ROOT / "tests" / "devset" / "articles",
}


def briefing(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "briefing", *args], check=True, capture_output=True, text=True)


def score(folder: Path, verbose: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "s.db")
        t0 = time.perf_counter()
        for txt in sorted(folder.glob("*.txt")):
            gold = txt.with_suffix(".json")
            published = json.loads(gold.read_text()).get("published") if gold.exists() else None
            briefing("--db", db, "add", str(txt), *(["--published", published] if published else []))
        out = Path(tmp) / "e.json"
        briefing("--db", db, "export", "--format", "json", "--output", str(out))
        elapsed = time.perf_counter() - t0
        cmd = [sys.executable, str(SCORER), str(folder), str(out), "--json"] + (["--verbose"] if verbose else [])
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
        if verbose:
            print(res.stderr, file=sys.stderr)
        report = json.loads(res.stdout)
        report["seconds"] = round(elapsed, 1)
        return report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["samples", "devset", "both"], default="both")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    names = list(SETS) if args.set == "both" else [args.set]
    for name in names:
        if not SETS[name].is_dir():
            print(f"{name}: {SETS[name]} not found", file=sys.stderr)
            continue
        report = score(SETS[name], args.verbose)
        print(f"== {name} ({SETS[name]})")
        for key, value in report.items():
            print(f"  {key:26} {value}")


if __name__ == "__main__":
    main()
