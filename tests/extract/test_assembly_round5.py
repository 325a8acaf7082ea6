"""Event assembly rules of the fifth round, with fictional actors (real offices and countries)."""
from __future__ import annotations


import pytest

from briefing.extract.pipeline import MeetingExtractor
from fictional import actor, extractor_with, names
from briefing.extract.triggers import Triggers


_actor = actor


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    actors = [
        _actor("tomas-reed", "Tomas Reed", "AU", short=["Reed"], office="defense_minister"),
        _actor("arlo-wiratma", "Arlo Wiratma", "ID", short=["Wiratma"], office="defense_minister"),
    ]
    return extractor_with(actors)


_names = names


@pytest.mark.parametrize("text,minutes", [
    ("lasted for 2 hours and 20 minutes.", 140),
    ("The talks lasted about four and a half hours.", 270),
    ("a 140-minute meeting", 140),
    ("talks lasting more than two hours", 120),
    ("an hour-long call", 60),
    ("hour-long talks", 60),
    ("they spoke for an hour and a half", 90),
    ("a 24-hour visit", None),
    ("within hours of the vote", None),
])
def test_duration_forms(text, minutes):
    got = Triggers().duration(text)
    assert (got[0] if got else None) == minutes


def test_duration_in_a_later_sentence_is_the_headline_meetings(extractor):
    evs = extractor.extract(
        "Australian Defence Minister Tomas Reed met Indonesian Defence Minister Arlo Wiratma in Jakarta "
        "on Monday. The two ministers discussed maritime security. "
        "According to officials, the talks went on for about two hours.", "2024-06-05")
    assert len(evs) == 1 and evs[0].duration_minutes == 120


def test_headline_meeting_with_an_unknown_name_is_kept(extractor):
    evs = extractor.extract("Australian Defence Minister Tomas Reed met Kestrel Varnado in Canberra on Monday. "
                            "The two discussed maritime security.", "2024-06-05")
    assert len(evs) == 1
    assert _names(evs[0]) == {"Tomas Reed", "Kestrel Varnado"}


def test_unknown_name_that_is_a_cue_is_not_a_person(extractor):
    evs = extractor.extract("Tomas Reed held a Phone Call on Monday.", "2024-06-05")
    assert all("Phone Call" not in _names(e) for e in evs)


def test_a_mixed_case_dateline_places_the_headline_meeting(extractor):
    """"City, March 5 (Agency) -- A met B": a dated dateline in mixed case places the meeting."""
    text = ("Singapore, March 5 (Xinhua) -- Australian Defence Minister Tomas Reed met Chinese Defence "
            "Minister Lin Hao on Sunday.")
    events = extractor.extract(text, "2022-03-05")
    assert events[0].location == "Singapore"


def test_a_call_takes_no_dateline_place(extractor):
    text = ("SINGAPORE, March 5 - Australian Defence Minister Tomas Reed held a phone call with Chinese "
            "Defence Minister Lin Hao on Sunday.")
    events = extractor.extract(text, "2022-03-05")
    assert events and events[0].location is None

