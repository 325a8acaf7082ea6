"""The analyst's curation: merges, aliases, corrections, "not a meeting".

Every action is applied at once *and* recorded in ``curations``; ``briefing reextract``
rebuilds what the extractor wrote and then replays the record, so curation survives.
Actors are named by their stable ``key`` and events by their ``event_key`` in the record,
never by row ids, which re-extraction renumbers.
"""
from __future__ import annotations

import json
from typing import Any

from briefing.errors import BriefingError
from briefing.store.articles import now_iso
from briefing.store.database import Store
from briefing.store.events import norm_name, sort_date

EVENT_FIELDS = ("kind", "status", "date", "date_end", "location", "duration_minutes", "summary")


def _actor_key(store: Store, actor_id: int) -> str:
    row = store.conn.execute("SELECT key FROM actors WHERE id = ?", [actor_id]).fetchone()
    if not row:
        raise BriefingError(f"no actor with id {actor_id}")
    return row[0]


def _actor_id(store: Store, key: str) -> int | None:
    row = store.conn.execute("SELECT id FROM actors WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _event_key(store: Store, event_id: int) -> str:
    row = store.conn.execute("SELECT event_key FROM events WHERE id = ?", [event_id]).fetchone()
    if not row:
        raise BriefingError(f"no event with id {event_id}")
    return row[0]


def _record(store: Store, action: str, target: str, payload: dict[str, Any]) -> None:
    store.conn.execute("INSERT INTO curations (action, target, payload, created_at) VALUES (?, ?, ?, ?)",
                       [action, target, json.dumps(payload, ensure_ascii=False), now_iso()])


# -- applying (shared by the live action and the replay) ---------------------------------

def _apply_merge(store: Store, source_key: str, target_key: str) -> None:
    conn = store.conn
    src, dst = _actor_id(store, source_key), _actor_id(store, target_key)
    if src is None or dst is None or src == dst:
        return
    conn.execute("UPDATE actors SET merged_into = ? WHERE id = ?", [dst, src])
    # participants: move, unless the target already takes part in that event
    conn.execute("UPDATE OR IGNORE participants SET actor_id = ? WHERE actor_id = ?", [dst, src])
    conn.execute("DELETE FROM participants WHERE actor_id = ?", [src])
    conn.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", [dst, src])
    for alias, norm in conn.execute("SELECT alias, norm FROM aliases WHERE actor_id = ? AND removed = 0", [src]).fetchall():
        conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'analyst')",
                     [dst, alias, norm])


def _apply_alias(store: Store, actor_key: str, alias: str, removed: bool) -> None:
    actor_id = _actor_id(store, actor_key)
    if actor_id is None:
        return
    norm = norm_name(alias)
    conn = store.conn
    if removed:
        conn.execute("UPDATE aliases SET removed = 1 WHERE actor_id = ? AND norm = ?", [actor_id, norm])
    else:
        conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'analyst')",
                     [actor_id, alias, norm])
        conn.execute("UPDATE aliases SET removed = 0, source = 'analyst' WHERE actor_id = ? AND norm = ?",
                     [actor_id, norm])


def _apply_correction(store: Store, event_key: str, fields: dict[str, Any]) -> None:
    sets = {k: v for k, v in fields.items() if k in EVENT_FIELDS}
    if not sets:
        return
    if "date" in sets:
        sets["sort_date"] = sort_date(sets["date"])
        sets["date_precision"] = {10: "day", 7: "month", 4: "year"}.get(len(sets["date"] or ""), None)
    cols = ", ".join(f"{k} = ?" for k in sets)
    store.conn.execute(f"UPDATE events SET {cols}, curated = 1 WHERE event_key = ?", [*sets.values(), event_key])


def _apply_not_meeting(store: Store, event_key: str, value: bool) -> None:
    store.conn.execute("UPDATE events SET not_meeting = ?, curated = 1 WHERE event_key = ?", [int(value), event_key])


# -- the analyst's actions ---------------------------------------------------------------

def merge_actors(store: Store, source_id: int, target_id: int) -> None:
    """Fold ``source_id`` into ``target_id``: its events, spellings and aliases move over."""
    if source_id == target_id:
        raise BriefingError("cannot merge an actor into itself")
    src, dst = _actor_key(store, source_id), _actor_key(store, target_id)
    with store.transaction():
        _apply_merge(store, src, dst)
        _record(store, "merge_actors", src, {"into": dst})


def add_alias(store: Store, actor_id: int, alias: str) -> None:
    alias = " ".join(alias.split())
    if not alias:
        raise BriefingError("an alias cannot be empty")
    key = _actor_key(store, actor_id)
    with store.transaction():
        _apply_alias(store, key, alias, removed=False)
        _record(store, "add_alias", key, {"alias": alias})


def remove_alias(store: Store, actor_id: int, alias: str) -> None:
    key = _actor_key(store, actor_id)
    with store.transaction():
        _apply_alias(store, key, alias, removed=True)
        _record(store, "remove_alias", key, {"alias": alias})


def correct_event(store: Store, event_id: int, **fields: Any) -> None:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise BriefingError(f"cannot correct {', '.join(sorted(unknown))} on an event")
    key = _event_key(store, event_id)
    with store.transaction():
        _apply_correction(store, key, fields)
        _record(store, "correct_event", key, fields)


def mark_not_meeting(store: Store, event_id: int, value: bool = True) -> None:
    key = _event_key(store, event_id)
    with store.transaction():
        _apply_not_meeting(store, key, value)
        _record(store, "not_meeting", key, {"value": value})


def list_curations(store: Store) -> list[dict[str, Any]]:
    cur = store.conn.execute("SELECT id, action, target, payload, created_at FROM curations ORDER BY id")
    return [{"id": i, "action": a, "target": t, "payload": json.loads(p), "created_at": c} for i, a, t, p, c in cur]


def replay_curations(store: Store) -> None:
    """Re-apply every recorded action, oldest first (after re-extraction rebuilt the events)."""
    for c in list_curations(store):
        p = c["payload"]
        if c["action"] == "merge_actors":
            _apply_merge(store, c["target"], p["into"])
        elif c["action"] in ("add_alias", "remove_alias"):
            _apply_alias(store, c["target"], p["alias"], removed=c["action"] == "remove_alias")
        elif c["action"] == "correct_event":
            _apply_correction(store, c["target"], p)
        elif c["action"] == "not_meeting":
            _apply_not_meeting(store, c["target"], p.get("value", True))
