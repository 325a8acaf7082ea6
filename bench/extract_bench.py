"""Benchmark: ``briefing add`` with extraction on ~600-word articles, on one core.

Generates N articles from templates filled with real gazetteer names and roles, writes them
to a temporary folder, and times ``import_files`` with the real extractor into a fresh store.

    .venv/bin/python bench/extract_bench.py            # N=1000, prints articles/s
    .venv/bin/python bench/extract_bench.py --profile  # plus the cProfile top 15
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from pathlib import Path

from briefing.extract import make_extractor
from briefing.extract.gazetteer import load_gazetteer
from briefing.ingest.importer import import_files
from briefing.store import open_store
from briefing.store.actors import sync_gazetteer

LEAD = ("{role_a} {a} on {weekday} ({month} {day}) held talks with {role_b} {b} in {place}. "
        "The meeting lasted about {minutes} minutes, officials said.")
BODY = [
    "The two sides discussed military relations, the Taiwan Strait and the South China Sea.",
    "{a} said the talks were candid and constructive, according to a statement released after the meeting.",
    "{b} stressed that both countries should keep channels of communication open and avoid misjudgment.",
    "A spokesman for the ministry said that the meeting was positive and pragmatic.",
    "Analysts said the relationship remains fragile despite the resumption of high-level contacts.",
    "The two held a video call in {prev_month} this year, their first contact in months.",
    "Trade, export controls and climate cooperation were also on the agenda, the statement said.",
    "Observers noted that the last meeting between the two ministers took place more than a year ago.",
    "Officials from both delegations will continue working-level consultations next month.",
    "The ministry said that further exchanges were being planned at various levels.",
    "Markets showed little reaction to the news, with regional shares trading flat on the day.",
    "Commentators in state media described the atmosphere as cordial and frank.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _people() -> list[tuple[str, str, str]]:
    gaz = load_gazetteer()
    out = []
    for a in gaz.actors.values():
        if a.kind == "person" and a.offices and a.offices[0].title:
            out.append((a.name, a.offices[0].title, a.country or ""))
    return out


def make_articles(n: int, folder: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    people = _people()
    places = ["Beijing", "Washington", "Singapore", "Hanoi", "Manila", "Tokyo", "Jakarta", "Moscow"]
    paths = []
    for i in range(n):
        (a, ra, _), (b, rb, _) = rng.sample(people, 2)
        m = rng.randrange(1, 12)
        fill = dict(a=a, b=b, role_a=ra, role_b=rb, place=rng.choice(places), weekday=rng.choice(WEEKDAYS),
                    month=MONTHS[m], day=rng.randrange(1, 28), minutes=rng.choice([45, 60, 75, 90, 120]),
                    prev_month=MONTHS[m - 1])
        parts = [LEAD.format(**fill)]
        while sum(len(p.split()) for p in parts) < 600:
            parts.append(" ".join(rng.choice(BODY).format(**fill) for _ in range(3)))
        text = f"Article {i}\n\n" + "\n\n".join(parts) + "\n"
        path = folder / f"{i:05d}.txt"
        path.write_text(text)
        paths.append(path)
    return paths


def run(n: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_articles(n, folder)
        words = sum(len(p.read_text().split()) for p in paths) / n
        store = open_store(folder / "bench.db")
        sync_gazetteer(store)
        extractor = make_extractor(store, None)
        prof = cProfile.Profile() if profile else None
        t0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        report = import_files(store, paths, extractor, published="2024-06-01")
        if prof:
            prof.disable()
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        store.close()
    print(f"{n} articles (~{words:.0f} words) in {elapsed:.2f}s: {n / elapsed:.0f} articles/s wall, "
          f"{n / cpu:.0f} articles/s of CPU time (one core; wall time suffers when the machine is shared); "
          f"{report.summary()}")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    run(args.n, args.profile)


if __name__ == "__main__":
    main()
