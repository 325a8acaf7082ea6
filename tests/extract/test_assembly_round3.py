"""Event assembly rules of the third round, with fictional actors (real offices and countries)."""
from __future__ import annotations

import dataclasses

import pytest

from briefing.extract.actors import ActorIndex
from briefing.extract.gazetteer import Actor, Office, load_gazetteer
from briefing.extract.pipeline import MeetingExtractor


def _actor(key, name, country, short=(), office=None, start="2000"):
    offices = [Office(office, None, start, None, country)] if office else []
    return Actor(key, name, "person", country, short=list(short), offices=offices)


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    real = load_gazetteer()
    actors = [
        _actor("tomas-reed", "Tomas Reed", "AU", short=["Reed"], office="defense_minister"),
        _actor("lin-hao", "Lin Hao", "CN", short=["Lin"], office="defense_minister"),
        _actor("mara-holt", "Mara Holt", "AU", short=["Holt"], office="head_of_government"),
        _actor("dana-frost", "Dana Frost", "AU", short=["Frost"], office="foreign_minister"),
        _actor("quan-yi", "Quan Yi", "CN", short=["Quan"], office="foreign_minister"),
        _actor("hugo-perez", "Hugo Perez", "PH", short=["Perez"], office="defense_minister"),
        _actor("ana-lopez", "Ana Lopez", "PH", short=["Lopez"], office="foreign_minister"),
        _actor("perez-lim", "Perez Lim Jr.", "PH", short=["Lim"]),
        _actor("sato-ken", "Ken Sato", "JP", short=["Sato"], office="head_of_government"),
        _actor("juan-cruz", "Juan Cruz", "PH", short=["Cruz"], office="head_of_state"),
        _actor("ed-baker", "Ed Baker", "US", short=["Baker"], office="head_of_state"),
    ]
    gaz = dataclasses.replace(real, actors={a.key: a for a in actors})
    return MeetingExtractor(ActorIndex(gaz))


def _names(ev) -> set[str]:
    return {p.name for p in ev.participants}


def test_someone_who_welcomes_the_meeting_between_two_others_is_no_participant(extractor):
    text = ("SINGAPORE, June 12 - Australian Defence Minister Tomas Reed met Chinese Defence Minister Lin Hao "
            "on Sunday.\n\nHolt welcomed the meeting between Reed and Lin, but said it was up to Beijing "
            "to lift the sanctions.")
    events = extractor.extract(text, "2022-06-12")
    assert [_names(e) for e in events] == [{"Tomas Reed", "Lin Hao"}]


def test_a_dateline_places_the_headline_meeting(extractor):
    text = ("SINGAPORE, June 12 - Australian Defence Minister Tomas Reed met Chinese Defence Minister Lin Hao "
            "on Sunday.\n\nHolt welcomed the meeting between Reed and Lin, but said it was up to Beijing "
            "to lift the sanctions.")
    events = extractor.extract(text, "2022-06-12")
    assert events[0].location == "Singapore"


def test_a_role_named_generically_is_no_office_holder(extractor):
    text = ("Australian Foreign Minister Dana Frost visited Beijing on December 21, 2022.\n\n"
            "This visit is the first by an Australian Defence Minister to China since 2018.")
    events = extractor.extract(text, "2022-12-21")
    assert all("Tomas Reed" not in _names(e) for e in events)


def test_i_in_a_media_release_is_the_minister_named_in_its_heading(extractor):
    text = ("Visit to China - Media Release\n\nMinister for Foreign Affairs, Senator the Hon Dana Frost\n\n"
            "21 December 2022\n\nToday I held talks with Foreign Minister Quan Yi in Beijing on 21 December.")
    events = extractor.extract(text, "2022-12-21")
    assert any(_names(e) == {"Dana Frost", "Quan Yi"} for e in events)


def test_i_in_a_quotation_is_not_the_heading_name(extractor):
    text = ("Dana Frost\n\n\"I held talks with Quan Yi,\" Reed said on December 21, 2022.")
    events = extractor.extract(text, "2022-12-21")
    assert all(_names(e) != {"Dana Frost", "Quan Yi"} for e in events)


def test_the_speaker_of_a_report_on_two_others_meeting_is_no_participant(extractor):
    text = ("Lin Hao said that both sides should implement the consensus reached by Australian Defence "
            "Minister Tomas Reed and Foreign Minister Quan Yi during their video call on March 18, 2022.")
    events = extractor.extract(text, "2022-04-21")
    assert events and all("Lin Hao" not in _names(e) for e in events)


def test_a_given_name_that_is_another_persons_surname_stays_one_name(extractor):
    text = "On June 3, 2024, Tomas Reed hosted Perez Lim and Ana Lopez in Canberra for talks."
    names = set().union(*(_names(e) for e in extractor.extract(text, "2024-06-05")))
    assert "Perez Lim Jr." in names and "Hugo Perez" not in names


def test_the_two_countries_are_the_people_named_in_the_next_clause(extractor):
    text = ("Defence Minister Hugo Perez and Foreign Minister Ana Lopez met Tomas Reed and Dana Frost in Manila "
            "on July 8, 2024.\n\nThe two countries held their first such meeting in Canberra in April 2022, when "
            "Tomas Reed and Dana Frost hosted Perez Lim and Quan Yi.")
    events = extractor.extract(text, "2024-07-08")
    assert not any(e.date == "2022-04" and "Ana Lopez" in _names(e) for e in events)
    old = [e for e in events if e.date == "2022-04"]
    assert len(old) == 1 and old[0].location == "Canberra"


def test_the_two_leaders_are_the_pair_of_the_latest_meeting(extractor):
    text = ("Defence Minister Hugo Perez and Foreign Minister Ana Lopez met Tomas Reed and Dana Frost in Manila "
            "on July 8, 2024.\n\nPrime Minister Ken Sato and President Juan Cruz held talks in Manila in "
            "November 2023.\n\nThe two leaders met again in April 2024 in Washington, where they held "
            "a summit with President Ed Baker.")
    events = extractor.extract(text, "2024-07-08")
    assert any(_names(e) == {"Ken Sato", "Juan Cruz", "Ed Baker"} and e.kind == "summit" for e in events)
    assert not any("Ed Baker" in _names(e) and "Ana Lopez" in _names(e) for e in events)
