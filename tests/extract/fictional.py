"""Fictional actors in real offices and countries, for extractor tests that must not name real people."""
from __future__ import annotations

import dataclasses

from briefing.extract.actors import ActorIndex
from briefing.extract.gazetteer import Actor, Office, load_gazetteer
from briefing.extract.pipeline import MeetingExtractor


def actor(key, name, country, short=(), office=None, start="2000") -> Actor:  # noqa: ANN001
    offices = [Office(office, None, start, None, country)] if office else []
    return Actor(key, name, "person", country, short=list(short), offices=offices)


def extractor_with(actors: list[Actor]) -> MeetingExtractor:
    """The real extractor over the bundled offices and countries, with only these people."""
    gaz = dataclasses.replace(load_gazetteer(), actors={a.key: a for a in actors})
    return MeetingExtractor(ActorIndex(gaz))


def names(ev) -> set[str]:  # noqa: ANN001
    return {p.name for p in ev.participants}
