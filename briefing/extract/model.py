"""What the extractor hands to the store: plain dataclasses, no database in sight.

Offsets (`start`, `end`) always index the article text *as stored* (``articles.text``), so the
TUI can highlight the exact span even though the extractor repairs a copy of the text first.
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("meeting", "talks", "call", "video_call", "visit", "dialogue", "summit")
STATUSES = ("held", "planned", "declined", "cancelled")
PRECISIONS = ("day", "month", "year")


@dataclass
class Evidence:
    """The sentence (and the span inside it) one fact came from."""

    field: str  # participants | date | location | duration | kind | status | topic | year | claim
    value: str
    sentence: str
    start: int  # span of the fact in the stored article text
    end: int
    note: str | None = None  # the reasoning, e.g. how a year was inferred


@dataclass
class Participant:
    name: str  # canonical name when resolved, else the cleaned mention
    mention: str  # as written in the article
    actor_key: str | None = None  # gazetteer key when resolved
    role: str | None = None  # role as written ("US Assistant Secretary of Defense")
    country: str | None = None  # ISO code
    kind: str = "person"  # person | organisation
    alias_source: str = "bundled"  # bundled | auto (fuzzy match) | extracted (new actor)
    mention_is_role: bool = False  # named only by a role ("the Chinese defense minister"): not an alias


@dataclass
class Claim:
    text: str
    side: str | None = None  # ISO code of the side the claim speaks for
    speaker: str | None = None  # name of the speaker or body, as resolved
    start: int = 0
    end: int = 0


@dataclass
class ExtractedEvent:
    kind: str
    status: str
    participants: list[Participant]
    date: str | None = None  # "2024-05-31", "2024-05" or "2024"
    date_precision: str | None = None
    date_end: str | None = None
    location: str | None = None
    duration_minutes: int | None = None
    summary: str = ""  # short extractive summary from this article
    topics: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    core: bool = False  # the article's headline meeting
