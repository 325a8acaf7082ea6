"""A small hand-made store for the actor, network, timeline, curation and feeds screens.

The real extractor is not needed: each fixture article holds lines such as
``EVENT meeting|held|2024-05-31|Singapore|75|us.austin:Austin,cn.dong_jun:Dong Jun`` that
:class:`LineExtractor` turns into events, so ``reextract_all`` rebuilds exactly the same
events and curation can be checked to survive it. Actors, aliases and offices are inserted
by hand, as the bundled gazetteer would.

Import the fixtures into a test module (``from tests.tui.fixtures_b import actor_store``).
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.screen import Screen

from briefing.extract.model import ExtractedEvent, Participant
from briefing.extract.reextract import reextract_all
from briefing.store import Store, open_store
from briefing.tui.app import BriefingApp, Place

ACTORS = [
    # key, name, country, aliases, offices (title, start, end)
    ("us.austin", "Lloyd Austin", "US", ["Austin", "奥斯汀"], [("Secretary of Defense", "2021-01", "2025-01")]),
    ("cn.dong_jun", "Dong Jun", "CN", ["董军"], [("Minister of National Defense", "2023-12", None)]),
    ("cn.wei_fenghe", "Wei Fenghe", "CN", ["魏凤和"], [("Minister of National Defense", "2018-03", "2023-03")]),
    ("cn.li_shangfu", "Li Shangfu", "CN", [], [("Minister of National Defense", "2023-03", "2023-10")]),
    ("us.chase", "Michael Chase", "US", ["Chen Simao"], [("Deputy Assistant Secretary of Defense", "2023-01", None)]),
    ("us.ratner", "Ely Ratner", "US", ["Latna"], []),
    ("in.singh", "Rajnath Singh", "IN", ["Singh"], [("Minister of Defence", "2019-05", None)]),
]

ARTICLES = [
    ("EVENT meeting|held|2024-05-31|Singapore|75|us.austin:Austin,cn.dong_jun:Dong Jun", "2024-06-01"),
    ("EVENT video_call|held|2024-04|||us.austin:Austin,cn.dong_jun:Dong Jun", "2024-04-17"),
    ("EVENT meeting|held|2022-11-22|Siem Reap||us.austin:Lloyd Austin,cn.wei_fenghe:Wei Fenghe", "2022-11-23"),
    ("EVENT meeting|declined|2023|||us.austin:Austin,cn.li_shangfu:Li Shangfu", "2023-06-02"),
    ("EVENT dialogue|held|2024-09-14|Beijing||us.chase:Chen Simao,:Dong Jung:CN", "2024-09-15"),
    ("EVENT meeting|held|2023-06-05|Beijing||us.ratner:Latna,cn.li_shangfu:Li Shangfu", "2023-06-06"),
    ("EVENT meeting|held|2024-04-26|Qingdao||in.singh:Singh,cn.dong_jun:Dong Jun", "2024-04-27"),
    ("EVENT meeting|planned|2024-11|Vientiane||us.austin:Austin,cn.dong_jun:Dong Jun", "2024-10-30"),
]


class LineExtractor:
    """Reads ``EVENT kind|status|date|location|minutes|key:mention[:country],…`` lines.

    An empty key means an actor the gazetteer does not know (the store creates it as
    'extracted', keyed by its normalised name).
    """

    def extract(self, text: str, published: str | None) -> list[ExtractedEvent]:
        events = []
        for line in text.splitlines():
            if not line.startswith("EVENT "):
                continue
            fields = line[6:].split("|")
            kind, status, date, location = fields[:4]
            minutes, people = fields[-2], fields[-1]
            parts = []
            for spec in people.split(","):
                key, mention, *country = spec.split(":")
                known = next((a for a in ACTORS if a[0] == key), None)
                parts.append(Participant(
                    name=known[1] if known else mention, mention=mention, actor_key=key or None,
                    country=known[2] if known else (country[0] if country else None),
                    alias_source="bundled" if known else "extracted"))
            events.append(ExtractedEvent(
                kind=kind, status=status, participants=parts, date=date or None,
                date_precision={10: "day", 7: "month", 4: "year"}.get(len(date)),
                location=location or None, duration_minutes=int(minutes) if minutes else None,
                summary=line[6:60], core=True))
        return events


def build_store(path: str | Path) -> Store:
    """The fixture store at ``path``: actors by hand, events through :class:`LineExtractor`."""
    store = open_store(path)
    conn = store.conn
    from briefing.store.events import norm_name

    with store.transaction():
        for key, name, country, aliases, offices in ACTORS:
            actor_id = conn.execute(
                "INSERT INTO actors (key, name, kind, country, source) VALUES (?, ?, 'person', ?, 'bundled')",
                [key, name, country]).lastrowid
            for alias in [name, *aliases]:
                conn.execute("INSERT INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'bundled')",
                             [actor_id, alias, norm_name(alias)])
            for title, start, end in offices:
                conn.execute("INSERT INTO offices (actor_id, office, title, country, start, end)"
                             " VALUES (?, ?, ?, ?, ?, ?)", [actor_id, title.lower(), title, country, start, end])
        for i, (text, published) in enumerate(ARTICLES):
            conn.execute(
                "INSERT INTO articles (content_hash, source, title, published, fetched_at, text)"
                " VALUES (?, 'file', ?, ?, '2024-12-01T00:00:00Z', ?)",
                [f"hash{i}", f"Article {i}", published, text])
    reextract_all(store, LineExtractor())
    # first_seen is a wall-clock stamp; fixed so that snapshots do not drift
    conn.execute("UPDATE events SET first_seen = '2024-12-01T00:00:00Z'")
    conn.commit()
    return store


def actor_id(store: Store, key: str) -> int:
    return store.conn.execute("SELECT id FROM actors WHERE key = ?", [key]).fetchone()[0]


def event_id(store: Store, date: str) -> int:
    return store.conn.execute("SELECT id FROM events WHERE date = ?", [date]).fetchone()[0]


@pytest.fixture
def actor_store(tmp_path) -> Store:
    store = build_store(tmp_path / "actors.db")
    yield store
    store.close()


class HostApp(BriefingApp):
    """The real app, opened on one of our places instead of the events list.

    ``HostApp(store, "actor", 1)`` starts on the actor screen of actor 1, with a blank home
    screen below it so that "back" has somewhere to go. Navigation calls are recorded in
    ``opened`` as well as performed (a place whose screen is not written yet only notifies).
    """

    # CSS_PATH is relative to the class's module: point it back at the app's own stylesheet
    _css = Path(import_module(BriefingApp.__module__).__file__).with_name("app.tcss")
    CSS_PATH = str(_css) if _css.exists() else None

    def __init__(self, store: Store, kind: str | None = None, *args: Any, config: Any = None,
                 **kwargs: Any) -> None:
        super().__init__(store.path, config, store=store)
        self.start = Place(kind, tuple(args), tuple(kwargs.items())) if kind else None
        self.opened: list[tuple[str, Any]] = []

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the events list: BriefingApp.on_mount stays out
        self.push_screen(Screen(id="home"))
        if self.start is not None:
            self._visit(self.start)

    def _visit(self, place: Place, *, keep_forward: bool = False) -> bool:
        self.opened.append((place.kind, place.args[0] if place.args else dict(place.kwargs) or None))
        return super()._visit(place, keep_forward=keep_forward)


async def settle(pilot: Any) -> None:
    """Wait for the screens' query workers to deliver, then for the redraw."""
    app = pilot.app
    for _ in range(5):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            break
