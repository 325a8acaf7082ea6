"""Storing extracted events: one meeting reported twice is one event with two sources."""
from __future__ import annotations

from briefing.extract.model import ExtractedEvent, Participant
from briefing.store.articles import ArticleIn, content_hash, insert_article
from briefing.store.events import norm_name, save_events, sort_date


def _article(store, text):
    art = ArticleIn(text=text, title=None, source="test", path=None, published=None)
    return insert_article(store, art, content_hash(text))


def _event(date):
    return ExtractedEvent(kind="meeting", status="held", date=date, date_precision="day" if len(date) == 10 else "month",
                          participants=[Participant(name="Alpha Person", mention="Alpha", actor_key="new:alpha person"),
                                        Participant(name="Beta Person", mention="Beta", actor_key="new:beta person")])


def test_same_meeting_in_two_articles_is_one_event_with_two_sources(store):
    with store.transaction():
        a1 = _article(store, "one")
        a2 = _article(store, "two")
        e1 = save_events(store, a1, [_event("2024-05")])
        e2 = save_events(store, a2, [_event("2024-05-31")])
    assert e1 == e2
    assert store.conn.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [e1[0]]).fetchone()[0] == 2
    assert store.conn.execute("SELECT date FROM events WHERE id = ?", [e1[0]]).fetchone()[0] == "2024-05-31"


def test_role_mention_is_not_stored_as_an_alias(store):
    ev = _event("2024-05-31")
    ev.participants[0].mention = "the defense minister"
    ev.participants[0].mention_is_role = True
    with store.transaction():
        save_events(store, _article(store, "three"), [ev])
    assert store.conn.execute("SELECT count(*) FROM aliases WHERE norm = 'the defense minister'").fetchone()[0] == 0


def test_norm_name_and_sort_date():
    assert norm_name("  Phan Văn  Giang, ") == "phan van giang"
    assert sort_date("2024-05") == "2024-05-00"
