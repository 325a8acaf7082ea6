"""Re-extraction gives what a fresh import gives, and keeps the analyst's curation."""
from __future__ import annotations

from briefing.extract.pipeline import MeetingExtractor
from briefing.extract.reextract import reextract_all
from briefing.ingest.importer import import_files
from briefing.store import open_store
from briefing.store.actors import sync_gazetteer
from briefing.store.curation import remove_alias


def _snapshot(store):
    conn = store.conn
    rows = conn.execute(
        "SELECT e.kind, e.status, e.date, e.location, e.duration_minutes,"
        " (SELECT group_concat(a.key, '+') FROM (SELECT a.key FROM participants p JOIN actors a ON a.id = p.actor_id"
        "  WHERE p.event_id = e.id ORDER BY a.key) a)"
        " FROM events e ORDER BY e.event_key").fetchall()
    return sorted(map(tuple, rows), key=repr)


def _import(store, paths):
    sync_gazetteer(store)
    return import_files(store, paths, MeetingExtractor.from_store(store))


def test_reextract_equals_fresh_import_and_keeps_curation(tmp_path, sample_dir):
    paths = sorted(sample_dir.glob("*.txt"))
    a = open_store(tmp_path / "a.db")
    _import(a, paths)
    fresh = _snapshot(a)
    reextract_all(a, MeetingExtractor.from_store(a))
    assert _snapshot(a) == fresh
    # the analyst undoes an automatic alias; re-extraction respects it
    row = a.conn.execute("SELECT actor_id, alias FROM aliases WHERE source = 'auto' ORDER BY id LIMIT 1").fetchone()
    if row:
        remove_alias(a, row[0], row[1])
        reextract_all(a, MeetingExtractor.from_store(a))
        removed = a.conn.execute("SELECT removed FROM aliases WHERE actor_id = ? AND alias = ?", list(row)).fetchone()
        assert removed[0] == 1
        linked = a.conn.execute(
            "SELECT count(*) FROM mentions WHERE actor_id = ? AND mention = ?", list(row)).fetchone()[0]
        assert linked == 0
    a.close()
