"""The store: schema by migrations, WAL, full-text search, and every way a file can be wrong."""
from __future__ import annotations

import os
import sqlite3

import pytest
import sqlite_utils

from briefing.errors import StoreError
from briefing.store import open_store
from briefing.store.database import latest_version, migrations


def test_new_store_records_latest_schema_version(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() >= 1


def test_store_has_every_table_of_the_design(store):
    tables = set(store.db.table_names())
    assert {"articles", "actors", "aliases", "offices", "events", "participants", "event_articles",
            "evidence", "claims", "topics", "feeds", "curations"} <= tables


def test_store_uses_wal_and_a_busy_timeout(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_fulltext_search_is_recognised_by_sqlite_utils(store, db_path):
    store.conn.execute("INSERT INTO articles (content_hash, fetched_at, text, title) VALUES ('h', 'now', "
                       "'defence ministers met in Singapore', 'Talks')")
    store.conn.commit()
    db = sqlite_utils.Database(db_path)
    assert db["articles"].detect_fts() == "articles_fts"
    assert [r["title"] for r in db["articles"].search("Singapore")] == ["Talks"]


def test_reopening_does_not_migrate_again(db_path):
    open_store(db_path).close()
    store = open_store(db_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    store.close()


def test_migrations_are_numbered_and_unique():
    numbers = [n for n, _ in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1


def test_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("just some text, not a database\n" * 10)
    with pytest.raises(StoreError, match="notes.db is not a briefing database"):
        open_store(bad)
    assert bad.read_text().startswith("just some text")  # left as it was


def test_truncated_database_is_refused(db_path):
    s = open_store(db_path)
    s.conn.executemany("INSERT INTO articles (content_hash, fetched_at, text) VALUES (?, 'now', ?)",
                       [(str(i), "word " * 500) for i in range(200)])
    s.conn.commit()
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="truncated|corrupt"):
        open_store(db_path)


def test_database_from_a_newer_briefing_is_refused(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer briefing"):
        open_store(db_path)


def test_foreign_sqlite_database_is_not_taken_over(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE payroll (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a briefing one"):
        open_store(other)
    assert sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall() == [("payroll",)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_location_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError):
            open_store(locked / "sub" / "store.db")
    finally:
        locked.chmod(0o700)


def test_path_under_a_regular_file_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create database"):
        open_store(blocker / "store.db")


def test_directory_as_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.conn.execute("INSERT INTO articles (content_hash, fetched_at, text) VALUES ('a', 'now', 'x')")
            raise RuntimeError("boom")
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
