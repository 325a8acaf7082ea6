"""Score the extractor on the sample articles and on the development set, separately.

    .venv/bin/python bench/score_sets.py [--verbose] [--fast] [--set samples|devset|tune|heldout|devset2..7|all]

The dev set is split in two by article number: odd numbers ("tune") may be read while
improving the extractor; even numbers ("heldout") are only ever scored, never read for
tuning, so their figure stays an honest estimate for unseen articles.

Each set goes into a fresh store through the real `briefing add` (with `--published` taken
from each gold file, as an importer would be told), is exported with `briefing export
--format json`, and is scored by shared/tools/score_meetings.py.
"""
from __future__ import annotations

import argparse
import json
import shutil
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
    "devset2": ROOT / "tests" / "devset2" / "articles",  # written after the first tuning round
    "devset3": ROOT / "tests" / "devset3" / "articles",  # written after round 2; tuned on in round 3
    "devset4": ROOT / "tests" / "devset4" / "articles",  # written in session 2; scored unseen, then tuned on
    "devset5": ROOT / "tests" / "devset5" / "articles",  # written in session 2; only ever scored
    "devset6": ROOT / "tests" / "devset6" / "articles",  # written late in session 2; scored unseen, then tuned on
    "devset7": ROOT / "tests" / "devset7" / "articles",  # written at the end of session 2, for the next round
}
# sets that are only scored: --verbose never prints their misses
SCORE_ONLY = {"heldout", "devset5"}


def briefing(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "briefing", *args], check=True, capture_output=True, text=True)


def subset(folder: Path, parity: int, dest: Path) -> Path:
    """Copy the articles whose number has this parity (1 odd, 0 even), with their gold, to dest."""
    dest.mkdir()
    for txt in folder.glob("*.txt"):
        if int(txt.name[:3]) % 2 == parity:
            shutil.copy(txt, dest)
            shutil.copy(txt.with_suffix(".json"), dest)
    return dest


def _published(txt: Path) -> str | None:
    gold = txt.with_suffix(".json")
    return json.loads(gold.read_text()).get("published") if gold.exists() else None


def add_and_export(folder: Path, db: Path, out: Path, fast: bool) -> None:
    """Every article through ``briefing add`` (with its gold ``published``), then ``export``.

    ``fast`` calls the same functions the command calls (import_files, collect_events) in this
    process instead of one subprocess per article: the same figures in seconds, not minutes."""
    if not fast:
        for txt in sorted(folder.glob("*.txt")):
            published = _published(txt)
            briefing("--db", str(db), "add", str(txt), *(["--published", published] if published else []))
        briefing("--db", str(db), "export", "--format", "json", "--output", str(out))
        return
    sys.path.insert(0, str(ROOT))
    from briefing.export import collect_events, to_json
    from briefing.extract import make_extractor
    from briefing.ingest.importer import import_files
    from briefing.store.actors import sync_gazetteer
    from briefing.store.database import open_store

    store = open_store(db)
    try:
        sync_gazetteer(store)
        extractor = make_extractor(store, None)
        for txt in sorted(folder.glob("*.txt")):
            import_files(store, [txt], extractor, published=_published(txt))
        out.write_text(to_json(collect_events(store)))
    finally:
        store.close()


def score(folder: Path, verbose: bool, parity: int | None = None, fast: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        if parity is not None:
            folder = subset(folder, parity, Path(tmp) / "subset")
        t0 = time.perf_counter()
        out = Path(tmp) / "e.json"
        add_and_export(folder, Path(tmp) / "s.db", out, fast)
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
    ap.add_argument("--set", choices=["samples", "devset", "tune", "heldout", "devset2", "devset3", "devset4", "devset5", "devset6", "devset7", "all"], default="all")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--fast", action="store_true", help="in one process (same functions as the command, much quicker)")
    args = ap.parse_args()
    runs = {"samples": ("samples", None), "devset": ("devset", None), "tune": ("devset", 1),
            "heldout": ("devset", 0), "devset2": ("devset2", None),
            "devset3": ("devset3", None), "devset4": ("devset4", None), "devset5": ("devset5", None),
            "devset6": ("devset6", None), "devset7": ("devset7", None)}
    names = list(runs) if args.set == "all" else [args.set]
    for name in names:
        base, parity = runs[name]
        if not SETS[base].is_dir():
            print(f"{name}: {SETS[base]} not found", file=sys.stderr)
            continue
        report = score(SETS[base], args.verbose and name not in SCORE_ONLY, parity, args.fast)
        print(f"== {name} ({SETS[base]}{'' if parity is None else ', odd numbers' if parity else ', even numbers'})")
        for key, value in report.items():
            print(f"  {key:26} {value}")


if __name__ == "__main__":
    main()
