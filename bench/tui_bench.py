"""How fast the app is over a large store (and over the sample store).

    .venv/bin/python bench/tui_bench.py              # 100k articles / 50k events (built once, cached)
    .venv/bin/python bench/tui_bench.py --sample     # the bundled sample articles only
    .venv/bin/python bench/tui_bench.py --articles 20000 --events 10000

Targets (from the issue): first frame within 0.5 s of launch; a key press or page down
in the events table drawn within 50 ms; full-text search within 100 ms; under 250 MB RSS.

Method, measured in a fresh process so the store generation does not count:
- first frame: the real ``briefing --db STORE`` command is started in tmux and its screen
  polled (every 10 ms) until the header shows the event count; also in-process, from
  creating the App to its first refresh and to the first rows drawn (``App.run_test``).
- key latency: Pilot presses ``j`` 100 times and ``pagedown`` 20 times (each waited for
  until its message and any window-moving query finished and the screen refreshed).
- search: the queries the events screen runs for a search before drawing (FTS check,
  count capped at 10,000, first page), timed on a read connection, for common, rare,
  phrase and malformed queries; the exact count a common word costs when ``G`` needs it;
  and the same through the UI (type, Enter, until the table is drawn).
- RSS: VmHWM of the measuring process after all the above (and VmRSS of the tmux-run
  command after it drew its first frame).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "briefing-bench"

KINDS = ["meeting", "talks", "call", "video_call", "visit", "dialogue", "summit"]
STATUSES = ["held"] * 8 + ["planned", "declined", "cancelled"]
COUNTRIES = ["US", "CN", "RU", "VN", "PH", "JP", "KR", "IN", "AU", "GB", "FR", "DE"]
PLACES = ["Singapore", "Beijing", "Washington", "Hanoi", "Manila", "Tokyo", "Seoul", "New Delhi", "Canberra",
          "London", "Paris", "Berlin", "Moscow", None, None]
TOPICS = ["Taiwan Strait", "South China Sea", "Russia-Ukraine war", "crisis communications", "arms control",
          "maritime security", "trade", "Korean Peninsula"]


def _words(rng: random.Random, n: int = 6000) -> list[str]:
    syll = ["ka", "to", "ri", "men", "sho", "lan", "dur", "vel", "qi", "an", "ex", "por", "tra", "ne", "bi",
            "sta", "gor", "li", "mu", "zen", "pa", "rol", "ti", "ver"]
    out = set()
    while len(out) < n:
        out.add("".join(rng.choice(syll) for _ in range(rng.randint(1, 4))))
    base = ["defense", "minister", "talks", "meeting", "military", "said", "the", "of", "and", "a", "to", "in",
            "strait", "security", "dialogue", "cooperation", "ministry", "spokesman", "army", "navy", "exercise"]
    return base + sorted(out)


def generate(path: Path, n_articles: int, n_events: int, seed: int = 7) -> None:
    """A synthetic store: realistic sizes, Zipf-like word frequencies, FTS as the schema makes it."""
    from briefing.store import open_store

    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(path)
    conn = store.conn
    words = _words(rng)
    weights = [1.0 / (i + 1) for i in range(len(words))]
    cum = list(__import__("itertools").accumulate(weights))
    t0 = time.perf_counter()
    n_actors = 3000
    first = ["Li", "Wang", "Zhang", "John", "Maria", "Lloyd", "Dong", "Phan", "Ely", "Wu", "Anna", "Kim"]
    last = ["Austin", "Jun", "Giang", "Ratner", "Qian", "Chase", "Smith", "Nguyen", "Park", "Tanaka", "Singh"]
    with store.transaction():
        conn.executemany(
            "INSERT INTO actors (id, key, name, kind, country, source) VALUES (?, ?, ?, 'person', ?, 'extracted')",
            [(i, f"bench:{i}", f"{rng.choice(first)} {rng.choice(last)} {i}", rng.choice(COUNTRIES))
             for i in range(1, n_actors + 1)])
        conn.executemany(
            "INSERT INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'extracted')",
            [(i, f"Alias{i}", f"alias{i}") for i in range(1, n_actors + 1)])
        batch = []
        for i in range(1, n_articles + 1):
            n = rng.randint(200, 600)
            body = " ".join(rng.choices(words, cum_weights=cum, k=n))
            title = " ".join(rng.choices(words, cum_weights=cum, k=8)).capitalize()
            year = rng.randint(2015, 2025)
            published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            batch.append((i, f"hash{i}", "bench", title, published, "2025-01-01T00:00:00", "en", body))
            if len(batch) == 5000:
                conn.executemany(
                    "INSERT INTO articles (id, content_hash, source, title, published, fetched_at, language, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch = []
        if batch:
            conn.executemany(
                "INSERT INTO articles (id, content_hash, source, title, published, fetched_at, language, text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
        events, parts, links, evidence, topics = [], [], [], [], []
        for e in range(1, n_events + 1):
            y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
            prec = rng.choice(["day"] * 6 + ["month", "year"])
            date = {"day": f"{y}-{m:02d}-{d:02d}", "month": f"{y}-{m:02d}", "year": f"{y}"}[prec]
            sort = {"day": date, "month": f"{date}-00", "year": f"{date}-00-00"}[prec]
            events.append((e, rng.choice(KINDS), rng.choice(STATUSES), date, prec, rng.choice(PLACES),
                           rng.choice([None, 30, 45, 60, 75, 90]), f"event {e}", f"bench{e}", "2025-01-01", sort))
            a, b = rng.sample(range(1, n_actors + 1), 2)
            parts += [(e, a, "minister", None), (e, b, "minister", None)]
            for art in rng.sample(range(1, n_articles + 1), rng.randint(1, 3)):
                links.append((e, art, f"summary of event {e} in article {art}", 1))
                evidence.append((e, art, "date", date, f"They met on {date}.", 0, 10))
            if rng.random() < 0.5:
                topics.append((e, rng.choice(TOPICS)))
        conn.executemany(
            "INSERT INTO events (id, kind, status, date, date_precision, location, duration_minutes, summary, "
            "event_key, first_seen, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
        conn.executemany("INSERT INTO participants (event_id, actor_id, role, side) VALUES (?, ?, ?, ?)", parts)
        conn.executemany("INSERT OR IGNORE INTO event_articles (event_id, article_id, summary, core) "
                         "VALUES (?, ?, ?, ?)", links)
        conn.executemany("INSERT INTO evidence (event_id, article_id, field, value, sentence, start, end) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", evidence)
        conn.executemany("INSERT OR IGNORE INTO topics (event_id, topic) VALUES (?, ?)", topics)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size / 1e6
    print(f"generated {n_articles:,} articles / {n_events:,} events in {time.perf_counter() - t0:.1f}s "
          f"({size:.0f} MB) at {path}", file=sys.stderr)


def sample_store(path: Path) -> None:
    from briefing.cli import main

    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    main(["--db", str(path), "add", "--quiet", str(ROOT / "briefing" / "data" / "sample")])


def _status(field: str, pid: str = "self") -> float:
    """A /proc status field in MB (VmRSS, VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _ms(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(len(xs) * 0.95))]
    return f"median {statistics.median(xs) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  max {xs[-1] * 1000:6.1f} ms"


def measure_tmux(db: Path, timeout: float = 10.0) -> tuple[float | None, float | None]:
    """Seconds from launching the real command to its first frame showing the event count."""
    if shutil.which("tmux") is None:
        return None, None
    session = f"bench{os.getpid()}"
    exe = ROOT / ".venv" / "bin" / "briefing"
    env_cfg = f"XDG_CONFIG_HOME={CACHE / 'cfg'}"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36",
                    f"{env_cfg} exec {exe} --db {db}"], check=True)
    shown = None
    rss = None
    try:
        while time.perf_counter() - t0 < timeout:
            out = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                 text=True).stdout
            if " events" in out and "/" in out.splitlines()[0]:
                shown = time.perf_counter() - t0
                break
            time.sleep(0.01)
        pid = subprocess.run(["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"], capture_output=True,
                             text=True).stdout.strip()
        time.sleep(0.5)
        rss = _status("VmRSS", pid) if pid else None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return shown, rss


async def measure_app(db: Path, queries: list[str]) -> dict[str, str]:
    from briefing.store import queries as q
    from briefing.tui.app import BriefingApp

    from textual.screen import Screen

    results: dict[str, str] = {}
    refreshes: list[float] = []
    original = Screen._compositor_refresh

    def recording(self):  # noqa: ANN001, ANN202
        original(self)
        refreshes.append(time.perf_counter())

    Screen._compositor_refresh = recording
    t0 = time.perf_counter()
    app = BriefingApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = None
        while time.perf_counter() - t0 < 30:
            await asyncio.sleep(0.002)
            screen = app.screen
            if getattr(screen, "rows", None):
                break
        rows_at = time.perf_counter() - t0
        await pilot.pause()
        results["first frame (in-process)"] = f"{refreshes[0] - t0:.3f} s" if refreshes else "?"
        results["first rows (in-process)"] = f"{rows_at:.3f} s"
        results["events in store"] = f"{screen.total:,}" if screen.total is not None else "?"

        # Latency = from posting the key to the end of the first screen update after it (the
        # cursor drawn in its new place); "settled" = to the last update it caused (preview,
        # window move). Pilot's own idle waits are not counted.
        settled: dict[str, list[float]] = {}

        async def timed(key: str) -> float:
            refreshes.clear()
            s = time.perf_counter()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            after = [t for t in refreshes if t > s]
            settled.setdefault(key, []).append((after[-1] if after else time.perf_counter()) - s)
            return (after[0] if after else time.perf_counter()) - s

        js = [await timed("j") for _ in range(100)]
        results["key j x100 (drawn)"] = _ms(js)
        results["key j x100 (settled)"] = _ms(settled["j"])
        pds = [await timed("pagedown") for _ in range(20)]
        results["pagedown x20 (drawn)"] = _ms(pds)
        results["pagedown x20 (settled)"] = _ms(settled["pagedown"])
        results["position after paging"] = f"{screen.cursor_position + 1:,}"
        last = [await timed("G")]
        results["G (jump to last, settled)"] = _ms(settled["G"])

        # search through the UI: type, Enter, until the table is drawn
        ui = []
        for query in queries:
            screen.action_search()
            box = screen.query_one("#search")
            box.value = query
            refreshes.clear()
            s = time.perf_counter()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            after = [t for t in refreshes if t > s]
            ui.append((after[-1] if after else time.perf_counter()) - s)
        results["search via UI (drawn)"] = _ms(ui)
        await pilot.press("c")
        await app.workers.wait_for_complete()

    # the search queries themselves
    reader = q.Reader(db)
    with reader.connect() as conn:
        for query in queries:
            # what the events screen runs before it draws: the capped count and the first page
            s = time.perf_counter()
            flt, _ = q.prepare_filter(conn, q.EventFilter(search=query))
            n = q.count_events(conn, flt, cap=q.COUNT_CAP)
            q.events_page(conn, flt, 0, 200)
            shown = f"{q.COUNT_CAP:,}+" if n > q.COUNT_CAP else f"{n:,}"
            mode = ", paged lazily" if flt.fts_lazy else ""
            results[f"search {query!r}"] = f"{(time.perf_counter() - s) * 1000:6.1f} ms  ({shown} events{mode})"
            if n > q.COUNT_CAP:  # what G (jump to the last) pays once for the exact count
                s = time.perf_counter()
                exact = q.count_events(conn, flt)
                results[f"  exact count (G) {query!r}"] = f"{(time.perf_counter() - s) * 1000:6.1f} ms  ({exact:,})"
        for label, flt in [("filter country=CN", q.EventFilter(country="CN")),
                           ("filter status=declined", q.EventFilter(status="declined")),
                           ("filter actor", q.EventFilter(actor_id=1)),
                           ("filter date 2020", q.EventFilter(date_from="2020", date_to="2020"))]:
            s = time.perf_counter()
            n = q.count_events(conn, flt)
            q.events_page(conn, flt, 0, 200)
            results[label] = f"{(time.perf_counter() - s) * 1000:6.1f} ms  ({n:,} events)"
    reader.close()
    Screen._compositor_refresh = original
    results["RSS peak (measuring process)"] = f"{_status('VmHWM'):.0f} MB"
    return results


def run_measure(db: Path, queries: list[str]) -> None:
    results = asyncio.run(measure_app(db, queries))
    for k, v in results.items():
        print(f"{k:32} {v}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--sample", action="store_true", help="measure over the bundled samples")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--measure", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        run_measure(Path(args.measure), QUERIES_SAMPLE if args.sample else QUERIES)
        return 0
    if args.sample:
        db = CACHE / "sample.db"
        sample_store(db)
    else:
        db = CACHE / f"store-{args.articles}-{args.events}.db"
        if args.regenerate or not db.exists():
            generate(db, args.articles, args.events)
    print(f"store: {db} ({db.stat().st_size / 1e6:.0f} MB)")
    shown, rss = measure_tmux(db)
    print(f"{'first frame (real command, tmux)':32} " + (f"{shown:.3f} s" if shown else "n/a"))
    print(f"{'RSS of the real command':32} " + (f"{rss:.0f} MB" if rss else "n/a"))
    sys.stdout.flush()
    cmd = [sys.executable, __file__, "--measure", str(db)] + (["--sample"] if args.sample else [])
    return subprocess.call(cmd)


QUERIES = ["defense", "kamen", "\"military talks\"", "zzzunknownword", "Lloyd-Austin \"strait"]
QUERIES_SAMPLE = ["Austin", "Dong Jun", "\"defense minister\"", "Wu-Yanan \"talks"]

if __name__ == "__main__":
    raise SystemExit(main())
