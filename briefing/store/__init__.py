"""The SQLite store: schema and migrations, articles, actors, events, curation."""

from briefing.store.database import Store, open_store

__all__ = ["Store", "open_store"]
