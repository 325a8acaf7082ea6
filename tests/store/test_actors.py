"""The bundled gazetteer copied into the store, and the analyst's curation kept across syncs."""
from __future__ import annotations

from briefing.extract.gazetteer import load_gazetteer
from briefing.store.actors import sync_gazetteer
from briefing.store.curation import add_alias


def test_gazetteer_is_copied_once_and_then_left_alone(store):
    assert sync_gazetteer(store) is True
    n = store.conn.execute("SELECT count(*) FROM actors WHERE source = 'bundled'").fetchone()[0]
    assert n == len(load_gazetteer().actors) > 0
    assert sync_gazetteer(store) is False


def test_every_bundled_actor_has_its_canonical_name_as_an_alias(store):
    sync_gazetteer(store)
    missing = store.conn.execute(
        "SELECT count(*) FROM actors a WHERE source = 'bundled' AND NOT EXISTS "
        "(SELECT 1 FROM aliases x WHERE x.actor_id = a.id AND x.alias = a.name)").fetchone()[0]
    assert missing == 0


def test_resync_keeps_analyst_aliases(store):
    sync_gazetteer(store)
    actor_id = store.conn.execute("SELECT id FROM actors WHERE source = 'bundled' LIMIT 1").fetchone()[0]
    add_alias(store, actor_id, "Desk Nickname")
    store.set_meta("gazetteer", "stale")  # as if the bundled data changed
    store.conn.commit()
    assert sync_gazetteer(store) is True
    sources = {r[0] for r in store.conn.execute(
        "SELECT source FROM aliases WHERE actor_id = ? AND alias = 'Desk Nickname'", [actor_id])}
    assert sources == {"analyst"}


def test_offices_are_copied_with_their_terms(store):
    sync_gazetteer(store)
    with_offices = [a for a in load_gazetteer().actors.values() if a.offices]
    assert with_offices
    actor = with_offices[0]
    rows = store.conn.execute(
        "SELECT o.office, o.start FROM offices o JOIN actors a ON a.id = o.actor_id WHERE a.key = ?",
        [actor.key]).fetchall()
    assert {(o.office, o.start) for o in actor.offices} == set(rows)
