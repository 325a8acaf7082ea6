"""Extraction: an article's text in, the meetings it reports out (see :mod:`.model`).

``make_extractor`` builds the extractor the importer and ``reextract`` use, with the store's
actors and the analyst's aliases loaded once, not per article.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from briefing.extract.model import ExtractedEvent

if TYPE_CHECKING:
    from briefing.config import Config
    from briefing.store import Store


class Extractor(Protocol):
    def extract(self, text: str, published: str | None) -> list[ExtractedEvent]: ...


class NullExtractor:
    """Finds nothing: used when extraction is switched off (bulk loads, benchmarks)."""

    def extract(self, text: str, published: str | None) -> list[ExtractedEvent]:
        return []


def make_extractor(store: "Store", config: "Config | None" = None, enabled: bool = True) -> Extractor:
    if not enabled:
        return NullExtractor()
    try:
        from briefing.extract.pipeline import MeetingExtractor
    except ImportError:  # the pipeline has not landed yet
        return NullExtractor()
    return MeetingExtractor.from_store(store, config)
