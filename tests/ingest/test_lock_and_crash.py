"""cron safety: an overlapping run exits at once; kill -9 mid-ingest leaves a consistent store."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.ingest.lock import IngestLock, LockBusy
from briefing.ingest.run import ingest_feeds
from tests.ingest.conftest import items, rss, write_config

ROOT = Path(__file__).resolve().parents[2]


def test_an_overlapping_run_exits_at_once_with_a_message(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "f", "url": server.add("/f", rss(items(1)))}])
    with IngestLock(db_path):
        t0 = time.monotonic()
        code = main(["--db", str(db_path), "--config", str(cfg), "ingest", "--quiet"])
        err = capsys.readouterr().err
    assert time.monotonic() - t0 < 2
    assert code == 75 and "another briefing ingest is running" in err and f"pid {os.getpid()}" in err
    assert server.routes["/f"].hits == 0
    assert main(["--db", str(db_path), "--config", str(cfg), "ingest", "--quiet"]) == 0  # released


def test_the_lock_is_free_again_after_its_holder_is_killed(db_path):
    code = ("import sys, time; from briefing.ingest.lock import IngestLock; "
            "l = IngestLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == b"held"
        with pytest.raises(LockBusy):
            IngestLock(db_path).acquire()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    lock = IngestLock(db_path)
    lock.acquire()
    lock.release()


def test_kill_9_mid_ingest_leaves_each_feed_all_or_nothing_and_a_rerun_completes(server, tmp_path, db_path):
    n_feeds, n_items = 12, 30
    feeds = []
    for i in range(n_feeds):
        url = server.add(f"/f{i}", rss(items(n_items, prefix=f"feed{i}")), delay=0.15, etag=f'"e{i}"')
        feeds.append({"name": f"feed{i}", "url": url})
    cfg = write_config(tmp_path, feeds, concurrency=2)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "--db", str(db_path), "--config", str(cfg),
                             "ingest", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        stored = 0
        while time.monotonic() < deadline and stored == 0:
            time.sleep(0.05)
            if db_path.exists():
                try:
                    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.DatabaseError:
                    pass
        assert stored > 0, "the ingest never stored anything"
        assert proc.poll() is None, "the ingest finished before it could be killed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_feed = dict(conn.execute("SELECT source, count(*) FROM articles GROUP BY source").fetchall())
        done = {r[0] for r in conn.execute("SELECT name FROM feeds WHERE last_status = 'ok'")}
    finally:
        conn.close()
    assert all(count == n_items for count in per_feed.values()), per_feed  # never half a feed
    assert set(per_feed) == done  # a feed's row and its items are committed together
    assert len(done) < n_feeds

    from briefing.config import load_config

    report = ingest_feeds(db_path, load_config(cfg))
    assert report.exit_code == 0
    assert report.added == (n_feeds - len(done)) * n_items
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n_feeds * n_items
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_the_app_reads_while_ingest_writes(server, make_config, db_path):
    """A reader on its own connection is never told 'database is locked' during an ingest."""
    import threading

    from briefing.store import open_store

    open_store(db_path).close()
    config = make_config([{"name": f"f{i}", "url": server.add(f"/{i}", rss(items(20, prefix=f"r{i}")))}
                          for i in range(8)])
    errors, stop = [], threading.Event()

    def read() -> None:
        conn = sqlite3.connect(db_path, timeout=0.05)
        while not stop.is_set():
            try:
                conn.execute("SELECT count(*), max(title) FROM articles").fetchone()
            except sqlite3.OperationalError as exc:
                errors.append(str(exc))
        conn.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        ingest_feeds(db_path, config)
    finally:
        stop.set()
        reader.join()
    assert errors == []
