"""``briefing export``: the store's events as JSON (the contract in DESIGN.md), CSV or Markdown."""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any, Iterable

from briefing.store import Store

FORMATS = ("json", "csv", "markdown")


def _grouped(store: Store, sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(sql.format(ids=marks), chunk):
            out[row[0]].append(row[1:])
    return out


def collect_events(store: Store, since: str | None = None, include_not_meetings: bool = False) -> list[dict[str, Any]]:
    """Every event with its participants, topics, claims and articles, newest first.

    Within a day, events with fewer participants come first (a one-person visit before the
    meeting held during it): a stable order that reads as the day unfolded, and one that
    greedy matchers pairing a visit with its meeting get right.
    """
    where, params = [], []
    if since:
        where.append("first_seen >= ?")
        params.append(since)
    if not include_not_meetings:
        where.append("not_meeting = 0")
    sql = ("SELECT id, kind, status, date, date_end, location, duration_minutes FROM events"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY sort_date DESC, (SELECT count(*) FROM participants p WHERE p.event_id = events.id), id DESC")
    rows = store.conn.execute(sql, params).fetchall()
    ids = [r[0] for r in rows]
    people = _grouped(store, """
        SELECT p.event_id, a.id, a.name, p.role, coalesce(a.country, p.side)
        FROM participants p JOIN actors a ON a.id = p.actor_id
        WHERE p.event_id IN ({ids}) ORDER BY p.event_id, p.rowid""", ids)
    spellings = _grouped(store, """
        SELECT DISTINCT event_id, actor_id, mention FROM mentions WHERE event_id IN ({ids})
        ORDER BY event_id, id""", ids)
    topics = _grouped(store, "SELECT event_id, topic FROM topics WHERE event_id IN ({ids}) ORDER BY event_id, rowid", ids)
    claims = _grouped(store, """
        SELECT event_id, side, speaker, text FROM claims WHERE event_id IN ({ids}) ORDER BY event_id, id""", ids)
    articles = _grouped(store, """
        SELECT ea.event_id, ar.id, ar.title, ar.url, ar.path FROM event_articles ea
        JOIN articles ar ON ar.id = ea.article_id WHERE ea.event_id IN ({ids})
        ORDER BY ea.event_id, ar.id""", ids)
    events = []
    for event_id, kind, status, date, date_end, location, duration in rows:
        mentions_by_actor: dict[int, list[str]] = defaultdict(list)
        for actor_id, mention in spellings.get(event_id, []):
            if mention not in mentions_by_actor[actor_id]:
                mentions_by_actor[actor_id].append(mention)
        events.append({
            "id": event_id, "kind": kind, "status": status, "date": date, "date_end": date_end,
            "location": location, "duration_minutes": duration,
            "participants": [
                {"name": name, "aliases": [m for m in mentions_by_actor.get(actor_id, []) if m != name],
                 "role": role, "country": country}
                for actor_id, name, role, country in people.get(event_id, [])
            ],
            "topics": [t for (t,) in topics.get(event_id, [])],
            "claims": [{"side": side, "speaker": speaker, "text": text}
                       for side, speaker, text in claims.get(event_id, [])],
            "articles": [{"id": aid, "title": title, "url": url, "path": path}
                         for aid, title, url, path in articles.get(event_id, [])],
        })
    return events


def to_json(events: list[dict[str, Any]]) -> str:
    return json.dumps({"events": events}, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ["id", "date", "date_end", "kind", "status", "participants", "countries", "location",
               "duration_minutes", "topics", "claims", "sources"]


def to_csv(events: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        writer.writerow([
            ev["id"], ev["date"] or "", ev["date_end"] or "", ev["kind"], ev["status"],
            "; ".join(p["name"] for p in ev["participants"]),
            "; ".join(p["country"] or "" for p in ev["participants"]),
            ev["location"] or "", ev["duration_minutes"] if ev["duration_minutes"] is not None else "",
            "; ".join(ev["topics"]),
            " | ".join(f"{c['side'] or '?'}: {c['text']}" for c in ev["claims"]),
            "; ".join(a["path"] or a["url"] or str(a["id"]) for a in ev["articles"]),
        ])
    return buf.getvalue()


def _md(text: Any) -> str:
    """Article-derived text, inert in Markdown (no links, no HTML, no emphasis)."""
    s = str(text)
    for ch in "\\`*_[]<>#|":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def to_markdown(events: list[dict[str, Any]]) -> str:
    lines = ["# Briefing", ""]
    if not events:
        return "# Briefing\n\nNo events.\n"
    by_date: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        by_date[ev["date"] or "undated"].append(ev)
    for date, group in by_date.items():
        lines += [f"## {date}", ""]
        for ev in group:
            people = " ↔ ".join(_md(p["name"]) + (f" ({p['country']})" if p["country"] else "")
                                for p in ev["participants"])
            facts = [ev["kind"].replace("_", " "), ev["status"]]
            if ev["location"]:
                facts.append(_md(ev["location"]))
            if ev["duration_minutes"]:
                facts.append(f"{ev['duration_minutes']} min")
            lines.append(f"- **{people}** — {', '.join(facts)}")
            if ev["topics"]:
                lines.append(f"  - Topics: {', '.join(_md(t) for t in ev['topics'])}")
            for c in ev["claims"]:
                who = _md(c["speaker"] or c["side"] or "unattributed")
                lines.append(f"  - {who}: “{_md(c['text'])}”")
            sources = ", ".join(_md(a["title"] or a["path"] or a["url"] or a["id"]) for a in ev["articles"])
            lines.append(f"  - Sources: {sources}")
        lines.append("")
    return "\n".join(lines)


def render(events: list[dict[str, Any]], fmt: str) -> str:
    return {"json": to_json, "csv": to_csv, "markdown": to_markdown}[fmt](events)


def iter_formats() -> Iterable[str]:
    return FORMATS
