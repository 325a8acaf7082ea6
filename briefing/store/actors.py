"""Actors, their aliases and offices in the store; the bundled gazetteer copied in."""
from __future__ import annotations

from briefing.extract.gazetteer import data_digest, load_gazetteer
from briefing.store.database import Store
from briefing.store.events import norm_name


def sync_gazetteer(store: Store) -> bool:
    """Copy the bundled gazetteer into the store when it changed; True when it did.

    Bundled rows are replaced; extracted, auto and analyst aliases are left alone, and so is
    an actor an analyst merged away.
    """
    if store.meta("gazetteer") == data_digest():
        return False
    gaz = load_gazetteer()
    conn = store.conn
    with store.transaction():
        for actor in gaz.actors.values():
            row = conn.execute("SELECT id FROM actors WHERE key = ?", [actor.key]).fetchone()
            if row:
                actor_id = row[0]
                conn.execute("UPDATE actors SET name = ?, kind = ?, country = ? WHERE id = ?",
                             [actor.name, actor.kind, actor.country, actor_id])
            else:
                actor_id = conn.execute(
                    "INSERT INTO actors (key, name, kind, country, source) VALUES (?, ?, ?, ?, 'bundled')",
                    [actor.key, actor.name, actor.kind, actor.country]).lastrowid
            conn.execute("DELETE FROM aliases WHERE actor_id = ? AND source = 'bundled'", [actor_id])
            for alias in dict.fromkeys([actor.name, *actor.aliases, *actor.short, *actor.zh, *actor.mt]):
                conn.execute(
                    "INSERT OR IGNORE INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'bundled')",
                    [actor_id, alias, norm_name(alias)])
            conn.execute("DELETE FROM offices WHERE actor_id = ?", [actor_id])
            for o in actor.offices:
                conn.execute(
                    "INSERT INTO offices (actor_id, office, title, country, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                    [actor_id, o.office, o.title, o.country, o.start, o.end])
        store.set_meta("gazetteer", gaz.digest)
    return True
