"""Read queries for the app: pages of events under filters, counts, one event in full,
one article with its highlight spans, full-text search and name look-ups.

Why a module of its own: the app must stay fast over a store of 100,000 articles and
50,000 events, so nothing here loads every row. Events come a page at a time over the
``events_sort`` index: by ``LIMIT``/``OFFSET`` for a jump, and by key (``sort_date``,
``id``) when the table's window moves (:func:`events_from`), so that paging deep into the
table costs no more than paging at its top. Counts are single ``COUNT`` queries (a search
for a very common word counts up to :data:`COUNT_CAP` and says "10,000+"), and the per-row
details (participants, number of sources) are fetched for the page's ids only. Every function takes a plain :class:`sqlite3.Connection`, so the app can
run them in worker threads on connections of their own (see :class:`Reader`): the store is
in WAL mode and a cron ``briefing ingest`` may be writing meanwhile.

Full-text search takes what an analyst types. FTS5 syntax works for those who know it
(``austin OR dong``, ``"crisis communications"``); anything FTS5 rejects (stray quotes,
``Lloyd-Austin``, ``a:b``) is retried with every term quoted as a phrase, and only if that
fails too does :class:`SearchError` carry a readable message.

>>> print(build_fts_fallback('Lloyd-Austin a:b'))
"Lloyd-Austin" "a:b"
"""
from __future__ import annotations

import queue
import sqlite3
import threading
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

# A search matching more articles than this is not worked out into the set of its events
# up front (that costs ~120 ms for a word in every article of 100,000); its events are
# found a page at a time instead, each checked against the full-text index by rowid.
LAZY_SEARCH_ARTICLES = 20_000
# How far a count goes when counting everything would be slow (a lazy search).
COUNT_CAP = 10_000

EVENT_KINDS = ("meeting", "talks", "call", "video_call", "visit", "dialogue", "summit")
EVENT_STATUSES = ("held", "planned", "declined", "cancelled")


class SearchError(ValueError):
    """A full-text query the store cannot run, with a message fit for the analyst."""


# --------------------------------------------------------------------------- connections


class Reader:
    """A small pool of read connections to the store, safe to use from worker threads.

    >>> reader = Reader(path)          # doctest: +SKIP
    >>> with reader.connect() as conn:  # doctest: +SKIP
    ...     page = events_page(conn, EventFilter(), 0, 200)
    """

    def __init__(self, path: str | Path, size: int = 4) -> None:
        self.path = str(path)
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._size = size

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA cache_size = -16000")  # 16 MB per connection
        return conn

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = self._pool.get_nowait()
        except queue.Empty:
            with self._lock:
                can_open = len(self._all) < self._size
                if can_open:
                    conn = self._open()
                    self._all.append(conn)
            if not can_open:
                conn = self._pool.get(timeout=30)
        try:
            yield conn
        finally:
            self._pool.put(conn)

    def interrupt(self) -> None:
        """Stop whatever query is running (used when a newer search supersedes it)."""
        for conn in list(self._all):
            try:
                conn.interrupt()
            except sqlite3.Error:
                pass

    def close(self) -> None:
        for conn in self._all:
            try:
                conn.close()
            except sqlite3.Error:
                pass
        self._all.clear()


# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> name, lowercased name/alias/code -> code) from the bundled countries.toml."""
    path = Path(__file__).resolve().parent.parent / "data" / "countries.toml"
    names: dict[str, str] = {}
    lookup: dict[str, str] = {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return names, lookup
    for c in data.get("countries", []):
        code = str(c.get("code", "")).upper()
        if not code:
            continue
        names[code] = str(c.get("name", code))
        for alias in [code, c.get("name", "")] + list(c.get("aliases", [])) + list(c.get("adjectives", [])):
            if alias:
                lookup.setdefault(str(alias).casefold(), code)
    return names, lookup


def country_name(code: str | None) -> str:
    """``"CN"`` -> ``"China"``; unknown codes come back as given."""
    if not code:
        return ""
    return _countries()[0].get(code.upper(), code)


def country_code(text: str) -> str | None:
    """``"china"``, ``"Chinese"``, ``"CN"`` -> ``"CN"``; None when unknown."""
    text = text.strip()
    if not text:
        return None
    return _countries()[1].get(text.casefold())


def country_names() -> dict[str, str]:
    return dict(_countries()[0])


# --------------------------------------------------------------------------- full text


def build_fts_fallback(query: str) -> str:
    """Every whitespace-separated term quoted as an FTS5 phrase (quotes doubled)."""
    terms = query.split()
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _fts_ok(conn: sqlite3.Connection, expr: str) -> bool:
    try:
        conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", [expr]).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc).lower()
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg \
                or "unknown special query" in msg or "malformed" in msg:
            return False
        raise
    return True


def fts_expression(conn: sqlite3.Connection, query: str) -> tuple[str, str | None]:
    """The FTS5 expression to run for what the analyst typed, and a note when it was changed.

    Raises :class:`SearchError` when even the quoted form is rejected.
    """
    query = query.strip()
    if not query:
        raise SearchError("empty search")
    if _fts_ok(conn, query):
        return query, None
    fallback = build_fts_fallback(query)
    if fallback and _fts_ok(conn, fallback):
        return fallback, f"searched for the words as typed ({query!r} is not valid search syntax)"
    raise SearchError(f"cannot search for {query!r}: use plain words, or \"a phrase\", or a OR b")


def search_articles(conn: sqlite3.Connection, query: str, limit: int = 50) -> tuple[list[dict], str | None]:
    """Articles matching ``query``, best first: id, title, published, source, snippet."""
    expr, note = fts_expression(conn, query)
    rows = conn.execute(
        """SELECT a.id, a.title, a.published, a.source,
                  snippet(articles_fts, 1, '', '', '…', 12)
           FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""", [expr, limit]).fetchall()
    return [{"id": r[0], "title": r[1], "published": r[2], "source": r[3], "snippet": r[4]} for r in rows], note


def count_articles_matching(conn: sqlite3.Connection, expr: str) -> int:
    return conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [expr]).fetchone()[0]


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class EventFilter:
    """What the events table is narrowed to. Every part is optional; they combine with AND.

    ``search`` is what the analyst typed; ``fts`` is the expression actually run (set by
    :func:`prepare_filter`). Dates are ISO prefixes: ``2024``, ``2024-05`` or ``2024-05-31``.
    """

    search: str = ""
    actor_id: int | None = None
    actor_name: str = ""
    country: str = ""  # ISO code
    kind: str = ""
    status: str = ""
    date_from: str = ""
    date_to: str = ""
    fts: str = field(default="", compare=False)
    # The ids of the events the search matches, as a JSON array, worked out once per search
    # (see prepare_filter) so that counting and paging do not run the full-text query again.
    fts_events: str | None = field(default=None, compare=False, repr=False)
    # Set instead of fts_events for a search matching very many articles (see LAZY_SEARCH_ARTICLES).
    fts_lazy: bool = field(default=False, compare=False)

    def is_empty(self) -> bool:
        return not self.active()

    def active(self) -> list[tuple[str, str]]:
        """(name, value) of each active part, in display order."""
        out = []
        if self.search:
            out.append(("search", self.search))
        if self.actor_id is not None:
            out.append(("actor", self.actor_name or f"#{self.actor_id}"))
        if self.country:
            out.append(("country", country_name(self.country)))
        if self.kind:
            out.append(("kind", self.kind))
        if self.status:
            out.append(("status", self.status))
        if self.date_from or self.date_to:
            out.append(("date", f"{self.date_from or '…'} → {self.date_to or '…'}"))
        return out

    def cleared(self) -> "EventFilter":
        return EventFilter()

    def unprepared(self) -> "EventFilter":
        """The same filter, to be prepared afresh (after the store changed)."""
        return replace(self, fts="", fts_events=None, fts_lazy=False)

    def key(self) -> tuple:
        return (self.fts or self.search, self.actor_id, self.country, self.kind, self.status,
                self.date_from, self.date_to)


def prepare_filter(conn: sqlite3.Connection, flt: EventFilter) -> tuple[EventFilter, str | None]:
    """Resolve the search into an FTS expression (see :func:`fts_expression`) and the set
    of events it matches. A filter already prepared is returned as it is."""
    if not flt.search:
        return replace(flt, fts="", fts_events=None, fts_lazy=False), None
    if flt.fts and (flt.fts_events is not None or flt.fts_lazy):
        return flt, None
    expr, note = fts_expression(conn, flt.search)
    # Each query below returns one row: fetching thousands of rows into Python from a worker
    # thread would wait on the UI thread for the GIL at every row.
    matching = conn.execute("SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
                            [expr, LAZY_SEARCH_ARTICLES + 1]).fetchone()[0]
    if matching > LAZY_SEARCH_ARTICLES:
        return replace(flt, fts=expr, fts_events=None, fts_lazy=True), note
    ids = conn.execute(
        """SELECT json_group_array(event_id) FROM (SELECT DISTINCT ea.event_id FROM event_articles ea
           WHERE ea.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))""", [expr]).fetchone()[0]
    return replace(flt, fts=expr, fts_events=ids or "[]", fts_lazy=False), note


def _where(flt: EventFilter, *, search: bool = True) -> tuple[str, list[Any]]:
    clauses = ["e.not_meeting = 0"]
    params: list[Any] = []
    if not search:
        pass
    elif flt.search and flt.fts_events is not None:
        clauses.append("e.id IN (SELECT value FROM json_each(?))")
        params.append(flt.fts_events)
    elif flt.search and flt.fts_lazy:
        # checked event by event as the page is walked: one rowid look-up in the index each
        clauses.append("""EXISTS (SELECT 1 FROM event_articles ea JOIN articles_fts f ON f.rowid = ea.article_id
                          WHERE ea.event_id = e.id AND articles_fts MATCH ?)""")
        params.append(flt.fts)
    elif flt.search:
        clauses.append("""e.id IN (SELECT ea.event_id FROM event_articles ea WHERE ea.article_id IN
                          (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))""")
        params.append(flt.fts or build_fts_fallback(flt.search))
    if flt.actor_id is not None:
        clauses.append("e.id IN (SELECT event_id FROM participants WHERE actor_id = ?)")
        params.append(flt.actor_id)
    if flt.country:
        # an actor's country, or (for an actor of unknown country) the side they stood for;
        # two index look-ups (actors_country, participants_side in migration 0002)
        clauses.append("""e.id IN (SELECT p.event_id FROM actors a JOIN participants p ON p.actor_id = a.id
                                    WHERE a.country = ?
                                  UNION ALL
                                  SELECT p.event_id FROM participants p JOIN actors a ON a.id = p.actor_id
                                    WHERE p.side = ? AND a.country IS NULL)""")
        params += [flt.country, flt.country]
    if flt.kind:
        clauses.append("e.kind = ?")
        params.append(flt.kind)
    if flt.status:
        clauses.append("e.status = ?")
        params.append(flt.status)
    if flt.date_from:
        clauses.append("e.sort_date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append("e.sort_date <= ?")
        params.append(flt.date_to + "\uffff")
    return " AND ".join(clauses), params


# --------------------------------------------------------------------------- events


@dataclass
class EventRow:
    id: int
    date: str | None
    kind: str
    status: str
    location: str | None
    sources: int
    participants: list[tuple[int, str, str | None]]  # (actor id, name, country)
    sort_date: str | None = None  # the ordering key, with id (for paging by key)

    @property
    def people(self) -> str:
        return " ↔ ".join(name for _, name, _ in self.participants)

    @property
    def label(self) -> str:
        """``2024-05-31 meeting: Lloyd Austin ↔ Dong Jun`` (palette, titles)."""
        return f"{self.date or 'undated'} {self.kind.replace('_', ' ')}: {self.people or '(no participants)'}"


def count_events(conn: sqlite3.Connection, flt: EventFilter, cap: int | None = None) -> int:
    """How many events the filter leaves. With ``cap``, a search matching very many articles
    (``fts_lazy``) is counted only up to ``cap + 1``: a result above ``cap`` means "more"."""
    limit = "" if cap is None else " LIMIT ?"
    extra = [] if cap is None else [cap + 1]
    if flt.search and flt.fts_lazy and flt.fts:
        if flt.actor_id is not None:  # few events: check each against the index
            where, params = _where(flt)
            return conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where}{limit})",
                                params + extra).fetchone()[0]
        # many: walk the matching articles to their events (until there are enough). The
        # joins are forced: left to itself SQLite may start from the events, or turn a
        # country's event list into a look-up per list entry per article.
        where, params = _where(flt, search=False)
        return conn.execute(
            f"""SELECT count(*) FROM (SELECT DISTINCT e.id FROM articles_fts f
                  CROSS JOIN event_articles ea INDEXED BY event_articles_article ON ea.article_id = f.rowid
                  CROSS JOIN events e ON e.id = ea.event_id
                  WHERE articles_fts MATCH ? AND {where}{limit})""", [flt.fts] + params + extra).fetchone()[0]
    where, params = _where(flt)
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def _participants_for(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[tuple[int, str, str | None]]]:
    out: dict[int, list[tuple[int, str, str | None]]] = {i: [] for i in ids}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    for event_id, actor_id, name, country in conn.execute(
            f"""SELECT p.event_id, a.id, a.name, coalesce(a.country, p.side) FROM participants p
                JOIN actors a ON a.id = p.actor_id WHERE p.event_id IN ({marks})
                ORDER BY p.event_id, p.rowid""", ids):
        out[event_id].append((actor_id, name, country))
    return out


_PAGE_COLUMNS = """e.id, e.date, e.kind, e.status, e.location,
                   (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id), e.sort_date"""


def _events_from_clause(flt: EventFilter) -> str:
    """A lazy search checks each event against the full-text index: walk the events in
    table order (the ``events_sort`` index) so the first page needs only a page of checks,
    rather than checking every event another filter leaves and sorting them after."""
    return "events e INDEXED BY events_sort" if flt.search and flt.fts_lazy else "events e"


def _event_rows(conn: sqlite3.Connection, rows: list[tuple]) -> list[EventRow]:
    people = _participants_for(conn, [r[0] for r in rows])
    return [EventRow(r[0], r[1], r[2], r[3], r[4], r[5], people[r[0]], r[6]) for r in rows]


def events_page(conn: sqlite3.Connection, flt: EventFilter, offset: int, limit: int) -> list[EventRow]:
    """``limit`` events from ``offset``, newest first (undated last)."""
    where, params = _where(flt)
    rows = conn.execute(
        f"""SELECT {_PAGE_COLUMNS} FROM {_events_from_clause(flt)} WHERE {where}
            ORDER BY e.sort_date DESC, e.id DESC LIMIT ? OFFSET ?""",
        params + [limit, max(0, offset)]).fetchall()
    return _event_rows(conn, rows)


def events_from(conn: sqlite3.Connection, flt: EventFilter, key: tuple[str | None, int], limit: int,
                *, before: bool = False) -> list[EventRow]:
    """Up to ``limit`` events just after the event whose ordering key is ``key`` =
    (``sort_date``, ``id``), newest first -- or, with ``before``, just before it (still
    returned newest first). Each query is a range over ``events_sort``, however deep the key.

    Undated events (``sort_date`` NULL) come last, so they are a second range of their own.
    """
    where, params = _where(flt)
    sort_date, event_id = key
    select = f"SELECT {_PAGE_COLUMNS} FROM {_events_from_clause(flt)} WHERE {where} AND "
    rows: list[tuple] = []
    if not before:
        if sort_date is not None:
            rows = conn.execute(select + "(e.sort_date, e.id) < (?, ?) ORDER BY e.sort_date DESC, e.id DESC LIMIT ?",
                                params + [sort_date, event_id, limit]).fetchall()
            if len(rows) < limit:
                rows += conn.execute(select + "e.sort_date IS NULL ORDER BY e.id DESC LIMIT ?",
                                     params + [limit - len(rows)]).fetchall()
        else:
            rows = conn.execute(select + "e.sort_date IS NULL AND e.id < ? ORDER BY e.id DESC LIMIT ?",
                                params + [event_id, limit]).fetchall()
        return _event_rows(conn, rows)
    if sort_date is None:
        rows = conn.execute(select + "e.sort_date IS NULL AND e.id > ? ORDER BY e.id ASC LIMIT ?",
                            params + [event_id, limit]).fetchall()
        if len(rows) < limit:
            rows += conn.execute(select + "e.sort_date IS NOT NULL ORDER BY e.sort_date ASC, e.id ASC LIMIT ?",
                                 params + [limit - len(rows)]).fetchall()
    else:
        rows = conn.execute(select + "(e.sort_date, e.id) > (?, ?) ORDER BY e.sort_date ASC, e.id ASC LIMIT ?",
                            params + [sort_date, event_id, limit]).fetchall()
    rows.reverse()
    return _event_rows(conn, rows)


def event_position(conn: sqlite3.Connection, flt: EventFilter, event_id: int) -> int | None:
    """The row index of ``event_id`` in the filtered ordering (None when filtered out)."""
    row = conn.execute("SELECT sort_date, id FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        return None
    where, params = _where(flt)
    sd, eid = row
    if sd is None:
        before = conn.execute(
            f"SELECT count(*) FROM events e WHERE {where} AND (e.sort_date IS NOT NULL OR e.id > ?)",
            params + [eid]).fetchone()[0]
    else:
        before = conn.execute(
            f"SELECT count(*) FROM events e WHERE {where} AND (e.sort_date > ? OR (e.sort_date = ? AND e.id > ?))",
            params + [sd, sd, eid]).fetchone()[0]
    return before


def event_detail(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """One event with everything the detail screen shows."""
    row = conn.execute(
        """SELECT id, kind, status, date, date_end, date_precision, location, duration_minutes, summary,
                  curated, not_meeting FROM events WHERE id = ?""", [event_id]).fetchone()
    if row is None:
        return None
    keys = ("id", "kind", "status", "date", "date_end", "date_precision", "location", "duration_minutes",
            "summary", "curated", "not_meeting")
    ev: dict[str, Any] = dict(zip(keys, row))
    ev["participants"] = [
        {"actor_id": r[0], "name": r[1], "role": r[2], "country": r[3], "side": r[4], "kind": r[5]}
        for r in conn.execute(
            """SELECT a.id, a.name, p.role, coalesce(a.country, p.side), p.side, a.kind FROM participants p
               JOIN actors a ON a.id = p.actor_id WHERE p.event_id = ? ORDER BY p.rowid""", [event_id])]
    ev["topics"] = [r[0] for r in conn.execute(
        "SELECT topic FROM topics WHERE event_id = ? ORDER BY rowid", [event_id])]
    ev["claims"] = [
        {"id": r[0], "article_id": r[1], "side": r[2], "speaker": r[3], "text": r[4], "start": r[5], "end": r[6]}
        for r in conn.execute(
            "SELECT id, article_id, side, speaker, text, start, end FROM claims WHERE event_id = ? ORDER BY id",
            [event_id])]
    ev["evidence"] = [
        {"id": r[0], "article_id": r[1], "field": r[2], "value": r[3], "sentence": r[4], "start": r[5],
         "end": r[6], "note": r[7]}
        for r in conn.execute(
            """SELECT id, article_id, field, value, sentence, start, end, note FROM evidence
               WHERE event_id = ? ORDER BY id""", [event_id])]
    ev["articles"] = [
        {"id": r[0], "title": r[1], "url": r[2], "path": r[3], "published": r[4], "source": r[5],
         "summary": r[6], "core": r[7]}
        for r in conn.execute(
            """SELECT a.id, a.title, a.url, a.path, a.published, a.source, ea.summary, ea.core
               FROM event_articles ea JOIN articles a ON a.id = ea.article_id
               WHERE ea.event_id = ? ORDER BY a.published, a.id""", [event_id])]
    ev["related"] = related_events(conn, event_id, [p["actor_id"] for p in ev["participants"]])
    return ev


def related_events(conn: sqlite3.Connection, event_id: int, actor_ids: list[int], limit: int = 8) -> list[EventRow]:
    """Other events sharing at least two of these participants (or the one, for a single actor)."""
    if not actor_ids:
        return []
    marks = ",".join("?" * len(actor_ids))
    need = min(2, len(actor_ids))
    rows = conn.execute(
        f"""SELECT e.id, e.date, e.kind, e.status, e.location,
                   (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id)
            FROM events e WHERE e.id != ? AND e.not_meeting = 0 AND e.id IN (
                SELECT event_id FROM participants WHERE actor_id IN ({marks})
                GROUP BY event_id HAVING count(*) >= ?)
            ORDER BY e.sort_date DESC, e.id DESC LIMIT ?""",
        [event_id, *actor_ids, need, limit]).fetchall()
    people = _participants_for(conn, [r[0] for r in rows])
    return [EventRow(r[0], r[1], r[2], r[3], r[4], r[5], people[r[0]]) for r in rows]


def event_row(conn: sqlite3.Connection, event_id: int) -> EventRow | None:
    r = conn.execute(
        """SELECT e.id, e.date, e.kind, e.status, e.location,
                  (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id)
           FROM events e WHERE e.id = ?""", [event_id]).fetchone()
    if r is None:
        return None
    return EventRow(r[0], r[1], r[2], r[3], r[4], r[5], _participants_for(conn, [r[0]])[r[0]])


def event_preview(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """What the preview pane under the events table shows: cheaper than :func:`event_detail`."""
    row = conn.execute(
        "SELECT id, kind, status, date, location, duration_minutes, summary FROM events WHERE id = ?",
        [event_id]).fetchone()
    if row is None:
        return None
    ev = dict(zip(("id", "kind", "status", "date", "location", "duration_minutes", "summary"), row))
    ev["participants"] = [
        {"actor_id": r[0], "name": r[1], "role": r[2], "country": r[3]}
        for r in conn.execute(
            """SELECT a.id, a.name, p.role, coalesce(a.country, p.side) FROM participants p
               JOIN actors a ON a.id = p.actor_id WHERE p.event_id = ? ORDER BY p.rowid""", [event_id])]
    ev["topics"] = [r[0] for r in conn.execute(
        "SELECT topic FROM topics WHERE event_id = ? ORDER BY rowid LIMIT 8", [event_id])]
    sentence = conn.execute(
        """SELECT sentence FROM evidence WHERE event_id = ?
           ORDER BY CASE field WHEN 'duration' THEN 0 WHEN 'participants' THEN 1 WHEN 'date' THEN 2 ELSE 3 END, id
           LIMIT 1""", [event_id]).fetchone()
    ev["sentence"] = sentence[0] if sentence else (ev["summary"] or "")
    ev["sources"] = conn.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [event_id]).fetchone()[0]
    return ev


# --------------------------------------------------------------------------- articles


@dataclass
class Span:
    start: int
    end: int
    kind: str  # participant, date, duration, location, claim, ... (evidence field or "participant")
    event_id: int | None
    actor_id: int | None = None
    label: str = ""


def article_with_spans(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """One article, with the spans of its text to highlight (sorted, clipped to the text)."""
    row = conn.execute(
        """SELECT id, title, url, path, source, published, fetched_at, language, text
           FROM articles WHERE id = ?""", [article_id]).fetchone()
    if row is None:
        return None
    art = dict(zip(("id", "title", "url", "path", "source", "published", "fetched_at", "language", "text"), row))
    n = len(art["text"] or "")
    spans: list[Span] = []
    for start, end, event_id, actor_id, mention in conn.execute(
            "SELECT start, end, event_id, actor_id, mention FROM mentions WHERE article_id = ? AND start IS NOT NULL",
            [article_id]):
        spans.append(Span(start, end, "participant", event_id, actor_id, mention))
    for field_, start, end, event_id, value in conn.execute(
            "SELECT field, start, end, event_id, value FROM evidence WHERE article_id = ?", [article_id]):
        if field_ in ("date", "duration", "location", "year"):
            spans.append(Span(start, end, "date" if field_ == "year" else field_, event_id, None, value or ""))
    for start, end, event_id, speaker in conn.execute(
            "SELECT start, end, event_id, speaker FROM claims WHERE article_id = ? AND start IS NOT NULL",
            [article_id]):
        spans.append(Span(start, end, "claim", event_id, None, speaker or ""))
    art["spans"] = sorted(
        (s for s in spans if s.start is not None and s.end is not None and 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, -s.end))
    art["events"] = [
        r[0] for r in conn.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ? ORDER BY core DESC, event_id", [article_id])]
    return art


# --------------------------------------------------------------------------- names


def find_actors(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose name or an alias contains ``text`` (case-insensitive), most-met first."""
    like = f"%{text.strip()}%"
    rows = conn.execute(
        """SELECT a.id, a.name, a.country, a.kind,
                  (SELECT count(*) FROM participants p WHERE p.actor_id = a.id) AS n
           FROM actors a WHERE a.merged_into IS NULL AND (a.name LIKE ? OR a.id IN (
               SELECT actor_id FROM aliases WHERE removed = 0 AND alias LIKE ? LIMIT 200))
           ORDER BY n DESC, a.name LIMIT ?""", [like, like, limit]).fetchall()
    return [{"id": r[0], "name": r[1], "country": r[2], "kind": r[3], "events": r[4]} for r in rows]


def find_events(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[EventRow]:
    """Events with a participant whose name contains ``text``, or at this location, newest first."""
    like = f"%{text.strip()}%"
    rows = conn.execute(
        """SELECT e.id, e.date, e.kind, e.status, e.location,
                  (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id)
           FROM events e WHERE e.not_meeting = 0 AND (e.location LIKE ? OR e.id IN (
               SELECT p.event_id FROM participants p JOIN actors a ON a.id = p.actor_id
               WHERE a.name LIKE ?))
           ORDER BY e.sort_date DESC, e.id DESC LIMIT ?""", [like, like, limit]).fetchall()
    people = _participants_for(conn, [r[0] for r in rows])
    return [EventRow(r[0], r[1], r[2], r[3], r[4], r[5], people[r[0]]) for r in rows]


def actor_name(conn: sqlite3.Connection, actor_id: int) -> str | None:
    row = conn.execute("SELECT name FROM actors WHERE id = ?", [actor_id]).fetchone()
    return row[0] if row else None


def store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rough totals for the empty state and the header (articles, events, actors)."""
    out = {}
    for table in ("articles", "events", "actors", "feeds"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def distinct_values(conn: sqlite3.Connection, column: str) -> list[str]:
    """Kinds or statuses present in the store (for the filter form)."""
    if column not in ("kind", "status"):
        raise ValueError(column)
    return [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM events ORDER BY 1")]
