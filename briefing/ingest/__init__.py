"""Getting articles in: files from disk (``briefing add``) and RSS/Atom feeds (``briefing ingest``)."""
