"""Writing extracted events, and the same meeting reported by several articles as one event."""
from __future__ import annotations

import unicodedata
import re

from briefing.extract.model import ExtractedEvent, Participant
from briefing.store.articles import now_iso
from briefing.store.database import Store


def norm_name(name: str) -> str:
    """Casefolded, accents and punctuation dropped, white space folded.

    >>> norm_name("  Phan Văn  Giang, ")
    'phan van giang'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


def sort_date(date: str | None) -> str | None:
    """Pad partial dates so they order after nothing within their span: '2024-05' -> '2024-05-00'."""
    if not date:
        return None
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("00")
    return "-".join(parts)


def actor_id_for(store: Store, p: Participant) -> int:
    """The actor a participant resolves to, creating an 'extracted' actor for an unknown name."""
    conn = store.conn
    key = p.actor_key or f"new:{norm_name(p.name)}"
    row = conn.execute("SELECT id, merged_into FROM actors WHERE key = ?", [key]).fetchone()
    if row is None:
        cur = conn.execute(
            "INSERT INTO actors (key, name, kind, country, source) VALUES (?, ?, ?, ?, 'extracted')",
            [key, p.name, p.kind, p.country],
        )
        actor_id = int(cur.lastrowid)
    else:
        actor_id = row[0]
    # follow analyst merges to the surviving actor (rare: only look when this one was merged)
    seen = set()
    while row is not None and row[1] is not None:
        nxt = conn.execute("SELECT merged_into FROM actors WHERE id = ?", [actor_id]).fetchone()
        if not nxt or nxt[0] is None or nxt[0] in seen:
            break
        seen.add(actor_id)
        actor_id = nxt[0]
    if p.mention and not getattr(p, "mention_is_role", False):
        conn.execute(
            "INSERT OR IGNORE INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, ?)",
            [actor_id, p.mention, norm_name(p.mention), p.alias_source if p.alias_source != "bundled" else "extracted"],
        )
    return actor_id


def _date_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _people_key(actor_ids: list[int], conn) -> str:  # noqa: ANN001
    ids = sorted(set(actor_ids))
    marks = ",".join("?" * len(ids))
    keys = [r[0] for r in conn.execute(f"SELECT key FROM actors WHERE id IN ({marks})", ids)]
    return "+".join(sorted(keys))


def find_same_event(store: Store, people: str, ev: ExtractedEvent) -> int | None:
    """An event already stored with the same participants, status and a compatible date."""
    rows = store.conn.execute(
        # a range on the indexed key, not LIKE (case-insensitive LIKE cannot use the index);
        # "}" sorts right after "|", so this is every key that starts with people + "|"
        "SELECT id, date, status FROM events WHERE event_key >= ? AND event_key < ? ORDER BY id",
        [people + "|", people + "}"]
    ).fetchall()
    for event_id, date, status in rows:
        if status == ev.status and _date_compatible(date, ev.date):
            return event_id
    return None


def save_events(store: Store, article_id: int, events: list[ExtractedEvent]) -> list[int]:
    """Store what the extractor found in one article; return the event ids it touched."""
    conn = store.conn
    touched: list[int] = []
    for ev in events:
        actor_ids = [actor_id_for(store, p) for p in ev.participants]
        if not actor_ids:
            continue
        people = _people_key(actor_ids, conn)
        event_id = find_same_event(store, people, ev)
        if event_id is None:
            cur = conn.execute(
                "INSERT INTO events (kind, status, date, date_precision, date_end, location, duration_minutes,"
                " summary, event_key, first_seen, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ev.kind, ev.status, ev.date, ev.date_precision, ev.date_end, ev.location, ev.duration_minutes,
                 ev.summary, f"{people}|{ev.date or ''}", now_iso(), sort_date(ev.date)],
            )
            event_id = int(cur.lastrowid)
            merged = False
        else:
            _merge_into(store, event_id, ev)
            merged = True
        touched.append(event_id)
        spans: dict[str, tuple[int, int]] = {}
        for e in ev.evidence:  # where each spelling stands, for the reader's highlights
            if e.field == "participants":
                spans.setdefault(e.value, (e.start, e.end))
        for p, actor_id in zip(ev.participants, actor_ids):
            conn.execute(
                "INSERT OR IGNORE INTO participants (event_id, actor_id, role, side) VALUES (?, ?, ?, ?)",
                [event_id, actor_id, p.role, p.country],
            )
            if merged and p.role:
                conn.execute(
                    "UPDATE participants SET role = coalesce(role, ?) WHERE event_id = ? AND actor_id = ?",
                    [p.role, event_id, actor_id],
                )
        conn.executemany(
            "INSERT INTO mentions (event_id, article_id, actor_id, mention, start, end) VALUES (?, ?, ?, ?, ?, ?)",
            [(event_id, article_id, actor_id, p.mention, *spans.get(p.mention, (None, None)))
             for p, actor_id in zip(ev.participants, actor_ids)],
        )
        conn.execute(
            "INSERT OR REPLACE INTO event_articles (event_id, article_id, summary, core) VALUES (?, ?, ?, ?)",
            [event_id, article_id, ev.summary, int(ev.core)],
        )
        conn.executemany("INSERT OR IGNORE INTO topics (event_id, topic) VALUES (?, ?)",
                         [(event_id, topic) for topic in ev.topics])
        conn.executemany(
            "INSERT INTO claims (event_id, article_id, side, speaker, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(event_id, article_id, c.side, c.speaker, c.text, c.start, c.end) for c in ev.claims],
        )
        conn.executemany(
            "INSERT INTO evidence (event_id, article_id, field, value, sentence, start, end, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(event_id, article_id, e.field, e.value, e.sentence, e.start, e.end, e.note) for e in ev.evidence],
        )
    return touched


def _merge_into(store: Store, event_id: int, ev: ExtractedEvent) -> None:
    """A second report of a stored event: keep the finer date, fill what was missing."""
    conn = store.conn
    date, location, duration = conn.execute(
        "SELECT date, location, duration_minutes FROM events WHERE id = ?", [event_id]
    ).fetchone()
    if ev.date and (not date or len(ev.date) > len(date)):
        conn.execute(
            "UPDATE events SET date = ?, date_precision = ?, date_end = ?, sort_date = ? WHERE id = ?",
            [ev.date, ev.date_precision, ev.date_end, sort_date(ev.date), event_id],
        )
    if ev.location and not location:
        conn.execute("UPDATE events SET location = ? WHERE id = ?", [ev.location, event_id])
    if ev.duration_minutes and not duration:
        conn.execute("UPDATE events SET duration_minutes = ? WHERE id = ?", [ev.duration_minutes, event_id])


def delete_article_events(store: Store, article_id: int) -> None:
    """Forget what was extracted from one article; events left with no source go too."""
    conn = store.conn
    event_ids = [r[0] for r in conn.execute(
        "SELECT event_id FROM event_articles WHERE article_id = ?", [article_id])]
    for table in ("evidence", "claims", "mentions", "event_articles"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
    for event_id in event_ids:
        left = conn.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [event_id]).fetchone()[0]
        if not left:
            for table in ("participants", "topics"):
                conn.execute(f"DELETE FROM {table} WHERE event_id = ?", [event_id])
            conn.execute("DELETE FROM events WHERE id = ?", [event_id])
