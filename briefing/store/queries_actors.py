"""Read queries behind the actor, network and timeline screens (and the actor pickers).

Everything here reads; curation writes go through :mod:`briefing.store.curation`. Each
query starts from an index (``participants_actor``, the ``participants`` primary key on
``event_id``, ``events_sort``) so the screens stay quick on a store of 50,000 events.
Events an analyst marked "not a meeting" are left out, as they are from the export.

Every function takes a plain :class:`sqlite3.Connection` (so the app can run it in a worker
thread on a read connection of its own) or a :class:`~briefing.store.Store`. Rows come back
as small dataclasses of plain values; nothing here knows about Textual.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Union

from briefing.store.database import Store

Db = Union[sqlite3.Connection, Store]


def _conn(db: Db) -> sqlite3.Connection:
    """Every query takes a plain connection (a worker's, see ``queries.Reader``) or the Store."""
    return db.conn if isinstance(db, Store) else db

HELD = "held"


@dataclass
class ActorInfo:
    id: int
    key: str
    name: str
    kind: str
    country: str | None
    source: str
    merged_into: int | None = None


@dataclass
class Alias:
    alias: str
    source: str  # bundled | extracted | auto | analyst


@dataclass
class Office:
    title: str
    country: str | None
    start: str | None
    end: str | None


@dataclass
class Counterpart:
    id: int
    name: str
    country: str | None


@dataclass
class Meeting:
    """One of an actor's events, seen from that actor's side."""

    id: int
    date: str | None
    kind: str
    status: str
    location: str | None
    curated: bool
    counterparts: list[Counterpart] = field(default_factory=list)


@dataclass
class CounterpartStat:
    """Who an actor met: held meetings counted, first and last held date; other = planned/declined/…"""

    id: int
    name: str
    country: str | None
    held: int
    other: int
    first: str | None
    last: str | None

    @property
    def held_only_elsewhere(self) -> bool:
        """Never actually met: every shared event was planned, declined or cancelled."""
        return self.held == 0


@dataclass
class Edge:
    a: int
    b: int
    held: int
    other: int


@dataclass
class Network:
    center: int
    nodes: dict[int, Counterpart]
    hop: dict[int, int]  # node id -> 0, 1 or 2
    edges: list[Edge]
    truncated: bool = False

    def neighbours(self, node: int) -> list[tuple[int, Edge]]:
        out = []
        for e in self.edges:
            if e.a == node:
                out.append((e.b, e))
            elif e.b == node:
                out.append((e.a, e))
        return out


# -- single actor ----------------------------------------------------------------------------

def resolve_actor(db: Db, actor_id: int) -> int:
    """Follow analyst merges to the surviving actor (an old id still leads somewhere)."""
    seen: set[int] = set()
    while actor_id not in seen:
        seen.add(actor_id)
        row = _conn(db).execute("SELECT merged_into FROM actors WHERE id = ?", [actor_id]).fetchone()
        if not row or row[0] is None:
            break
        actor_id = row[0]
    return actor_id


def actor_info(db: Db, actor_id: int) -> ActorInfo | None:
    row = _conn(db).execute(
        "SELECT id, key, name, kind, country, source, merged_into FROM actors WHERE id = ?", [actor_id]
    ).fetchone()
    return ActorInfo(*row) if row else None


def actor_aliases(db: Db, actor_id: int) -> list[Alias]:
    """Every live spelling of the actor (an analyst's removals left out), name order."""
    rows = _conn(db).execute(
        "SELECT alias, source FROM aliases WHERE actor_id = ? AND removed = 0 ORDER BY alias COLLATE NOCASE",
        [actor_id],
    ).fetchall()
    return [Alias(*r) for r in rows]


def actor_offices(db: Db, actor_id: int) -> list[Office]:
    rows = _conn(db).execute(
        "SELECT coalesce(title, office), country, start, end FROM offices WHERE actor_id = ?"
        " ORDER BY start IS NULL, start, end",
        [actor_id],
    ).fetchall()
    return [Office(*r) for r in rows]


def _counterparts_of(conn: sqlite3.Connection, event_ids: list[int], actor_id: int) -> dict[int, list[Counterpart]]:
    out: dict[int, list[Counterpart]] = {i: [] for i in event_ids}
    for chunk in _chunks(event_ids, 500):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT p.event_id, a.id, a.name, coalesce(p.side, a.country) FROM participants p"
            f" JOIN actors a ON a.id = p.actor_id WHERE p.event_id IN ({marks}) AND p.actor_id != ?"
            f" ORDER BY p.event_id, a.name",
            [*chunk, actor_id],
        )
        for event_id, cid, name, country in rows:
            out[event_id].append(Counterpart(cid, name, country))
    return out


def actor_meetings(db: Db, actor_id: int, limit: int | None = None) -> list[Meeting]:
    """The actor's events, newest first, each with the other participants."""
    conn = _conn(db)
    sql = (
        "SELECT e.id, e.date, e.kind, e.status, e.location, e.curated FROM participants p"
        " JOIN events e ON e.id = p.event_id WHERE p.actor_id = ? AND e.not_meeting = 0"
        " ORDER BY e.sort_date IS NULL, e.sort_date DESC, e.id DESC"
    )
    params: list[object] = [actor_id]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    others = _counterparts_of(conn, [r[0] for r in rows], actor_id)
    return [Meeting(r[0], r[1], r[2], r[3], r[4], bool(r[5]), others[r[0]]) for r in rows]


def actor_counterparts(db: Db, actor_id: int) -> list[CounterpartStat]:
    """Everyone who shares an event with the actor: held meetings first, most met first.

    Counterparts met only in planned, declined or cancelled events come last with 0 held.
    """
    rows = _conn(db).execute(
        """
        SELECT a.id, a.name, coalesce(max(o.side), a.country),
               sum(e.status = 'held'), sum(e.status != 'held'),
               min(CASE WHEN e.status = 'held' THEN e.date END),
               max(CASE WHEN e.status = 'held' THEN e.date END)
        FROM participants me
        JOIN events e ON e.id = me.event_id AND e.not_meeting = 0
        JOIN participants o ON o.event_id = me.event_id AND o.actor_id != me.actor_id
        JOIN actors a ON a.id = o.actor_id
        WHERE me.actor_id = ?
        GROUP BY a.id
        ORDER BY sum(e.status = 'held') DESC, max(e.sort_date) DESC, a.name
        """,
        [actor_id],
    ).fetchall()
    return [CounterpartStat(*r) for r in rows]


# -- who met whom, one or two hops out ------------------------------------------------------------

def _pair_counts(conn: sqlite3.Connection, actor_id: int) -> dict[int, tuple[int, int]]:
    rows = conn.execute(
        """
        SELECT o.actor_id, sum(e.status = 'held'), sum(e.status != 'held')
        FROM participants me
        JOIN events e ON e.id = me.event_id AND e.not_meeting = 0
        JOIN participants o ON o.event_id = me.event_id AND o.actor_id != me.actor_id
        WHERE me.actor_id = ?
        GROUP BY o.actor_id
        ORDER BY sum(e.status = 'held') DESC, count(*) DESC
        """,
        [actor_id],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def network(db: Db, actor_id: int, hops: int = 1, max_nodes: int = 60) -> Network:
    """Who met whom around ``actor_id``: its counterparts (hop 1) and theirs (hop 2).

    At most ``max_nodes`` nodes; the most-met counterparts are kept first, and ``truncated``
    says whether some were left out. Edges carry held and other (planned, declined…) counts.
    """
    conn = _conn(db)
    actor_id = resolve_actor(conn, actor_id)
    hop: dict[int, int] = {actor_id: 0}
    edges: dict[tuple[int, int], Edge] = {}
    truncated = False

    def add_edge(a: int, b: int, held: int, other: int) -> None:
        k = (min(a, b), max(a, b))
        if k not in edges:
            edges[k] = Edge(k[0], k[1], held, other)

    first = _pair_counts(conn, actor_id)
    for other, (held, rest) in first.items():
        if len(hop) >= max_nodes:
            truncated = True
            break
        hop[other] = 1
        add_edge(actor_id, other, held, rest)
    if hops >= 2:
        ring1 = [n for n, h in hop.items() if h == 1]
        for n in ring1:
            for other, (held, rest) in _pair_counts(conn, n).items():
                if other in hop:
                    add_edge(n, other, held, rest)  # an edge inside the known nodes
                    continue
                if len(hop) >= max_nodes:
                    truncated = True
                    continue
                hop[other] = 2
                add_edge(n, other, held, rest)
    nodes = _named(conn, hop)
    return Network(actor_id, nodes, hop, list(edges.values()), truncated)


def _named(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Counterpart]:
    out: dict[int, Counterpart] = {}
    for chunk in _chunks(list(ids), 500):
        marks = ",".join("?" * len(chunk))
        for i, name, country in conn.execute(f"SELECT id, name, country FROM actors WHERE id IN ({marks})", chunk):
            out[i] = Counterpart(i, name, country)
    return out


# -- meetings over time, by country pair ---------------------------------------------------------

def _event_countries(conn: sqlite3.Connection, status: str | None) -> Iterable[tuple[str | None, int, set[str]]]:
    """(sort_date, event id, countries present) for every meeting, oldest first."""
    sql = (
        "SELECT e.id, e.sort_date, coalesce(p.side, a.country) FROM events e"
        " JOIN participants p ON p.event_id = e.id JOIN actors a ON a.id = p.actor_id"
        " WHERE e.not_meeting = 0" + (" AND e.status = ?" if status else "") + " ORDER BY e.id"
    )
    current, date, countries = None, None, set()
    for event_id, sd, country in conn.execute(sql, [status] if status else []):
        if event_id != current:
            if current is not None:
                yield date, current, countries
            current, date, countries = event_id, sd, set()
        if country:
            countries.add(country.upper())
    if current is not None:
        yield date, current, countries


def pair_label(pair: tuple[str, str]) -> str:
    """Two country codes as the timeline names the pair.

    >>> pair_label(("US", "CN"))
    'CN–US'
    """
    return "–".join(sorted(pair))


def country_pairs(db: Db, status: str | None = HELD) -> list[tuple[str, int]]:
    """Country pairs that met, as ("CN–US", meetings), most frequent first."""
    counts: dict[str, int] = {}
    for _, _, countries in _event_countries(_conn(db), status):
        for pair in combinations(sorted(countries), 2):
            label = pair_label(pair)
            counts[label] = counts.get(label, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class MonthlyCounts:
    months: list[str]  # "2024-05", consecutive, oldest first
    counts: list[int]
    undated: int  # matching meetings with no date, or only a year

    @property
    def total(self) -> int:
        return sum(self.counts) + self.undated


def parse_pair(pair: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...] | None:
    """A country pair as given by a caller, as sorted codes.

    >>> parse_pair("US-CN"), parse_pair(("cn", "us")), parse_pair("CN–US"), parse_pair(None)
    (('CN', 'US'), ('CN', 'US'), ('CN', 'US'), None)
    """
    if not pair:
        return None
    parts = pair.replace("–", "-").split("-") if isinstance(pair, str) else list(pair)
    codes = sorted({str(p).strip().upper() for p in parts if p and str(p).strip()})
    return tuple(codes) or None


def monthly_counts(db: Db, pair: str | tuple[str, ...] | None = None, status: str | None = HELD) -> MonthlyCounts:
    """Meetings per month, every month from the first to the last (empty ones as 0).

    ``pair`` ("CN–US" or ("US", "CN"), either order) keeps meetings with both countries present.
    """
    codes = parse_pair(pair)
    want: set[str] | None = set(codes) if codes else None
    by_month: dict[str, int] = {}
    undated = 0
    for sd, _, countries in _event_countries(_conn(db), status):
        if want is not None and not want <= countries:
            continue
        month = (sd or "")[:7]
        if len(month) != 7 or month.endswith("-00"):
            undated += 1
            continue
        by_month[month] = by_month.get(month, 0) + 1
    months = _month_range(min(by_month), max(by_month)) if by_month else []
    return MonthlyCounts(months, [by_month.get(m, 0) for m in months], undated)


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


# -- finding an actor by name (merge picker, palette) ---------------------------------------------

@dataclass
class ActorMatch:
    id: int
    name: str
    country: str | None
    matched: str  # the name or alias that matched
    score: float


def search_actors(db: Db, query: str, limit: int = 20, exclude: Iterable[int] = ()) -> list[ActorMatch]:
    """Live actors whose name or an alias matches ``query`` fuzzily, best first.

    >>> # search_actors(store, "austin") -> [ActorMatch(id=1, name='Lloyd Austin', ...)]
    """
    from rapidfuzz import fuzz, process

    from briefing.store.events import norm_name

    q = norm_name(query)
    if not q:
        return []
    skip = set(exclude)
    rows = _conn(db).execute(
        "SELECT a.id, a.name, a.country, a.name FROM actors a WHERE a.merged_into IS NULL"
        " UNION ALL SELECT a.id, a.name, a.country, s.alias FROM aliases s JOIN actors a ON a.id = s.actor_id"
        " WHERE s.removed = 0 AND a.merged_into IS NULL"
    ).fetchall()
    rows = [r for r in rows if r[0] not in skip]
    choices = [norm_name(r[3]) for r in rows]
    best: dict[int, ActorMatch] = {}
    for _, score, idx in process.extract(q, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=60):
        actor_id, name, country, matched = rows[idx]
        if choices[idx].startswith(q):
            score += 10  # a prefix is what the analyst is typing
        if actor_id not in best or score > best[actor_id].score:
            best[actor_id] = ActorMatch(actor_id, name, country, matched, score)
    return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- everything the actor screen shows, in one call (one worker round trip) ------------------------

@dataclass
class ActorPage:
    info: ActorInfo
    requested: int  # the id asked for; differs from info.id when that actor was merged away
    aliases: list[Alias]
    offices: list[Office]
    meetings: list[Meeting]
    counterparts: list[CounterpartStat]


def actor_page(db: Db, actor_id: int, meetings_limit: int = 2000) -> ActorPage | None:
    """The actor (following merges), their aliases, offices, meetings and counterparts."""
    current = resolve_actor(db, actor_id)
    info = actor_info(db, current)
    if info is None:
        return None
    return ActorPage(info, actor_id, actor_aliases(db, current), actor_offices(db, current),
                     actor_meetings(db, current, limit=meetings_limit), actor_counterparts(db, current))
