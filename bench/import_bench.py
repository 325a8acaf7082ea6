"""Benchmark: `briefing add` of N generated ~600-word articles, extraction off, against a bare
sqlite-utils ``insert_all`` of the same rows, in the same run.

    .venv/bin/python bench/import_bench.py [--n 10000]

The importer path is the real one (files read from disk, decoded, cleaned, hashed, checked for
duplicates, inserted with full-text indexing, one savepoint per file). Two bare baselines:
``insert_all`` into a plain table, and into a table with the same FTS triggers as the store.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.extract import NullExtractor  # noqa: E402
from briefing.ingest.files import collect_paths, read_article_file  # noqa: E402
from briefing.ingest.importer import import_files  # noqa: E402
from briefing.store import open_store  # noqa: E402
from briefing.store.articles import content_hash, guess_language, now_iso  # noqa: E402

WORDS = ("defence minister held talks with counterpart on regional security the two sides discussed "
         "military relations Taiwan Strait South China Sea crisis communication working group ambassador "
         "Pentagon Beijing Hanoi Manila cooperation exchanges delegation visit dialogue spokesman said "
         "statement positive pragmatic constructive maritime navigation exercise theater commander").split()


def make_articles(folder: Path, n: int, words: int = 600) -> None:
    rng = random.Random(7)
    for i in range(n):
        body = []
        for _ in range(words // 20):
            body.append(" ".join(rng.choice(WORDS) for _ in range(20)).capitalize() + ".")
        (folder / f"{i:05d}.txt").write_text(f"Article {i}\n\n" + " ".join(body) + f" ({i})\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "articles"
        src.mkdir()
        make_articles(src, args.n)
        paths = collect_paths([src])

        store = open_store(tmp / "import.db")
        t0, c0 = time.perf_counter(), time.process_time()
        report = import_files(store, paths, NullExtractor())
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        store.close()
        assert report.added == args.n, report.summary()

        # Same rows, prepared outside the timing (reading is part of the importer's cost above).
        rows = []
        for p in paths:
            doc = read_article_file(p)
            rows.append({"content_hash": content_hash(doc.text), "source": "file", "path": str(p),
                         "title": doc.title, "published": None, "fetched_at": now_iso(),
                         "language": guess_language(doc.text), "text": doc.text})
        bare = sqlite_utils.Database(tmp / "bare.db")
        t0, c0 = time.perf_counter(), time.process_time()
        bare["articles"].insert_all(rows, batch_size=500)
        t_bare, c_bare = time.perf_counter() - t0, time.process_time() - c0

        fts = sqlite_utils.Database(tmp / "bare_fts.db")
        fts["articles"].create({k: str for k in rows[0]})
        fts["articles"].enable_fts(["title", "text"], create_triggers=True)
        t0, c0 = time.perf_counter(), time.process_time()
        fts["articles"].insert_all(rows, batch_size=500)
        t_fts, c_fts = time.perf_counter() - t0, time.process_time() - c0

    n = args.n
    print(f"articles: {n} x ~600 words")
    print(f"briefing add (extraction off): {n / t_import:8.0f} articles/s  ({t_import:.2f} s)")
    print(f"bare insert_all, plain table:  {n / t_bare:8.0f} articles/s  ({t_bare:.2f} s)")
    print(f"bare insert_all, with FTS:     {n / t_fts:8.0f} articles/s  ({t_fts:.2f} s)")
    print(f"ratio importer / bare plain:   {t_bare / t_import:.2f} wall, {c_bare / c_import:.2f} CPU time")
    print(f"ratio importer / bare FTS:     {t_fts / t_import:.2f} wall, {c_fts / c_import:.2f} CPU time"
          "  (same table shape as the store)")


if __name__ == "__main__":
    main()
