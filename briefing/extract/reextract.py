"""``briefing reextract``: extraction run again over every stored article.

Gives the same result as importing the articles afresh in the same order: everything the
extractor wrote is dropped (events, evidence, claims, extracted actors and aliases) and the
articles are extracted again, oldest first. The analyst's curation lives in its own table
and is replayed afterwards.
"""
from __future__ import annotations

from briefing.extract import Extractor
from briefing.store import Store
from briefing.store.events import save_events

DERIVED = ("evidence", "claims", "mentions", "topics", "participants", "event_articles", "events")


def clear_extraction(store: Store) -> None:
    conn = store.conn
    for table in DERIVED:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM aliases WHERE source IN ('extracted', 'auto') AND removed = 0")  # an analyst's removal stays
    conn.execute("DELETE FROM actors WHERE source = 'extracted' AND id NOT IN (SELECT actor_id FROM aliases)")


def reextract_all(store: Store, extractor: Extractor) -> str:
    conn = store.conn
    articles = conn.execute("SELECT id, text, published FROM articles ORDER BY id").fetchall()
    events = 0
    with store.transaction():
        clear_extraction(store)
        for article_id, text, published in articles:
            events += len(set(save_events(store, article_id, extractor.extract(text, published))))
        try:
            from briefing.store.curation import replay_curations
        except ImportError:
            pass
        else:
            replay_curations(store)
    return f"{len(articles)} articles re-extracted, {events} events found"
