"""The analyst's curation is recorded, shown as theirs, and survives re-extraction."""
from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.extract.model import ExtractedEvent, Participant
from briefing.extract.reextract import reextract_all
from briefing.export import collect_events
from briefing.store.articles import ArticleIn, insert_article
from briefing.store.curation import (add_alias, correct_event, list_curations, mark_not_meeting,
                                     merge_actors, remove_alias)
from briefing.store.events import save_events


class FixedExtractor:
    """Stands in for the real extractor: the same two events for every article."""

    def extract(self, text, published):
        return [
            ExtractedEvent(kind="talks", status="held", date="2023-07-12", date_precision="day", location="Pentagon",
                           participants=[Participant(name="Xie Feng", mention="Xie Feng", country="CN"),
                                         Participant(name="Latna", mention="Latna", country="US",
                                                     alias_source="extracted")]),
            ExtractedEvent(kind="visit", status="planned", date="2023-07", date_precision="month",
                           participants=[Participant(name="Kerry", mention="Kerry", country="US")]),
        ]


@pytest.fixture
def seeded(store):
    with store.transaction():
        aid = insert_article(store, ArticleIn(text="an article", title="t"))
        save_events(store, aid, FixedExtractor().extract("", None))
    return store


def _actor(store, name):
    return store.conn.execute("SELECT id FROM actors WHERE name = ?", [name]).fetchone()[0]


def _event(store, kind):
    return store.conn.execute("SELECT id FROM events WHERE kind = ?", [kind]).fetchone()[0]


def _names(store):
    return sorted(" + ".join(sorted(p["name"] for p in e["participants"])) for e in collect_events(store))


def test_merge_moves_events_and_aliases_to_the_target(seeded):
    store = seeded
    store.conn.execute("INSERT INTO actors (key, name, source, country) VALUES ('ely-ratner', 'Ely Ratner', 'bundled', 'US')")
    merge_actors(store, _actor(store, "Latna"), _actor(store, "Ely Ratner"))
    assert "Ely Ratner + Xie Feng" in _names(store)
    aliases = {r[0] for r in store.conn.execute(
        "SELECT alias FROM aliases WHERE actor_id = ?", [_actor(store, "Ely Ratner")])}
    assert "Latna" in aliases


def test_merge_survives_reextraction(seeded):
    store = seeded
    store.conn.execute("INSERT INTO actors (key, name, source, country) VALUES ('ely-ratner', 'Ely Ratner', 'bundled', 'US')")
    merge_actors(store, _actor(store, "Latna"), _actor(store, "Ely Ratner"))
    reextract_all(store, FixedExtractor())
    assert "Ely Ratner + Xie Feng" in _names(store)


def test_correction_and_not_meeting_survive_reextraction(seeded):
    store = seeded
    correct_event(store, _event(store, "talks"), location="Arlington", duration_minutes=90)
    mark_not_meeting(store, _event(store, "visit"))
    reextract_all(store, FixedExtractor())
    (talks,) = [e for e in collect_events(store) if e["kind"] == "talks"]
    assert talks["location"] == "Arlington" and talks["duration_minutes"] == 90
    assert not [e for e in collect_events(store) if e["kind"] == "visit"]
    assert [e for e in collect_events(store, include_not_meetings=True) if e["kind"] == "visit"]
    assert store.conn.execute("SELECT curated FROM events WHERE kind = 'talks'").fetchone()[0] == 1


def test_reextraction_gives_the_same_events_as_before(seeded):
    before = collect_events(seeded)
    reextract_all(seeded, FixedExtractor())
    after = collect_events(seeded)
    strip = lambda evs: [{k: v for k, v in e.items() if k != "id"} for e in evs]  # noqa: E731
    assert strip(before) == strip(after)


def test_removed_alias_stays_removed_after_reextraction(seeded):
    store = seeded
    xie = _actor(store, "Xie Feng")
    add_alias(store, xie, "谢锋")
    remove_alias(store, xie, "Xie Feng")
    reextract_all(store, FixedExtractor())
    rows = dict(store.conn.execute("SELECT alias, removed FROM aliases WHERE actor_id = ?", [xie]).fetchall())
    assert rows["谢锋"] == 0 and rows["Xie Feng"] == 1
    assert [c["action"] for c in list_curations(store)] == ["add_alias", "remove_alias"]


def test_bad_curation_is_refused(seeded):
    with pytest.raises(BriefingError):
        merge_actors(seeded, 1, 1)
    with pytest.raises(BriefingError):
        correct_event(seeded, _event(seeded, "talks"), participants="x")
    with pytest.raises(BriefingError):
        add_alias(seeded, _actor(seeded, "Kerry"), "   ")
