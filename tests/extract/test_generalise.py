"""Participants, kinds and titles that must hold on any article, read as a specification.

Fictional actors (a small gazetteer built here, with the real offices and countries) keep
the rules apart from who happens to hold an office.
"""
from __future__ import annotations

import dataclasses

import pytest

from briefing.extract.gazetteer import Actor, Gazetteer, Office, load_gazetteer
from briefing.extract.pipeline import MeetingExtractor
from fictional import actor, extractor_with, names


_actor = actor


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    actors = [
        dataclasses.replace(_actor("asha-kumar", "Asha Kumar", "IN", office="defense_minister"), zh=["阿莎·库玛"]),
        dataclasses.replace(_actor("bella-kumar", "Bella Kumar", "US", short=["Kumar"], office="government_spokesperson"),
                            zh=["库玛", "贝拉·库玛"]),
        _actor("oren-vale", "Oren Vale", "US", short=["Vale"], office="defense_minister"),
        _actor("pavel-orlov", "Pavel Orlov", "RU", short=["Orlov"], office="defense_minister", start="2024-05"),
        _actor("ivan-sedov", "Ivan Sedov", "RU", short=["Sedov"]),
    ]
    return extractor_with(actors)


_names = names


def test_a_surname_after_the_full_name_is_that_person_even_if_someone_else_lists_it(extractor):
    text = ("Indian Defence Minister Asha Kumar met US Defense Secretary Oren Vale in Delhi on June 3, 2024.\n\n"
            "Kumar arrived in Delhi on June 2, 2024 for a three-day official visit.")
    events = extractor.extract(text, "2024-06-04")
    assert all("Bella Kumar" not in _names(ev) for ev in events)
    assert any(_names(ev) == {"Asha Kumar"} for ev in events)


def test_a_title_only_one_country_uses_names_that_countrys_office_holder(extractor):
    text = "Raksha Mantri held talks with US Defense Secretary Oren Vale in Delhi on June 3, 2024."
    events = extractor.extract(text, "2024-06-04")
    assert events and _names(events[0]) == {"Asha Kumar", "Oren Vale"}


def test_spoke_with_is_a_call(extractor):
    events = extractor.extract("Defense Secretary Oren Vale spoke with Russian Defence Minister Pavel Orlov "
                               "on June 3, 2024, the Pentagon said.", "2024-06-04")
    assert events and events[0].kind == "call" and _names(events[0]) == {"Oren Vale", "Pavel Orlov"}


def test_the_medium_named_after_a_generic_cue_decides_the_kind(extractor):
    events = extractor.extract("On June 3, 2024, Defense Secretary Oren Vale received a phone call from "
                               "Russian Defence Minister Pavel Orlov.", "2024-06-04")
    assert events and events[0].kind == "call"


def test_a_predecessor_named_in_passing_is_no_participant(extractor):
    text = ("Defense Secretary Oren Vale held a phone call with Russian Defence Minister Pavel Orlov on June 3, 2024.\n\n"
            "The call was the first between the two since Pavel Orlov was appointed in May, succeeding Ivan Sedov.")
    events = extractor.extract(text, "2024-06-04")
    assert all("Ivan Sedov" not in _names(ev) for ev in events)


def test_he_met_with_someone_names_the_pronouns_antecedent_as_a_participant(extractor):
    text = ("Oren Vale visited Manila on June 1, 2024.\n\n"
            "On Friday (June 7, 2024), he met with Russian Defence Minister Pavel Orlov in Manila.")
    events = extractor.extract(text, "2024-06-10")
    assert any(_names(ev) == {"Oren Vale", "Pavel Orlov"} for ev in events)


def test_a_clause_of_its_own_after_where_he_shares_the_subject_and_the_date(extractor):
    text = ("Earlier this month, Defense Secretary Oren Vale visited Delhi, where he held talks with "
            "Russian Defence Minister Pavel Orlov.")
    events = extractor.extract(text, "2024-06-20")
    talks = [ev for ev in events if _names(ev) == {"Oren Vale", "Pavel Orlov"}]
    assert talks and talks[0].date == "2024-06"


def test_and_met_with_shares_the_previous_clauses_subject(extractor):
    text = "Oren Vale also went to Delhi on June 3, 2024 to attend a forum, and met with Pavel Orlov."
    events = extractor.extract(text, "2024-06-05")
    assert any(_names(ev) == {"Oren Vale", "Pavel Orlov"} for ev in events)


def test_a_relative_clause_after_a_name_is_no_commentators_title(extractor):
    text = ("On June 3, 2024, Russian Defence Minister Pavel Orlov held talks with US Defense Secretary Oren Vale, "
            "who is paying an official visit to Moscow.")
    events = extractor.extract(text, "2024-06-05")
    assert events and _names(events[0]) == {"Oren Vale", "Pavel Orlov"}


def test_a_name_used_as_a_modifier_is_no_participant(extractor):
    text = ("Oren Vale held talks with Russian Defence Minister Pavel Orlov in Moscow on June 3, 2024.\n\n"
            "Vale's first trip to Moscow aims to reassure allies that the Orlov government still values dialogue.")
    events = extractor.extract(text, "2024-06-05")
    assert all(_names(ev) != {"Oren Vale", "Pavel Orlov"} or ev.date for ev in events)
    assert not any(ev.kind == "visit" and "Pavel Orlov" in _names(ev) for ev in events)


def test_a_chinese_surname_after_the_full_name_is_that_person(extractor):
    text = ("Indian Defence Minister Asha Kumar met US Defense Secretary Oren Vale in Delhi on June 3, 2024.\n\n"
            "On June 5, 2024, Oren Vale met 库玛 again in Delhi.")
    events = extractor.extract(text, "2024-06-06")
    assert all("Bella Kumar" not in _names(ev) for ev in events)


def test_a_courtesy_call_on_someone_is_an_in_person_meeting(extractor):
    events = extractor.extract("On June 3, 2024, Oren Vale paid a courtesy call on Russian Defence Minister "
                               "Pavel Orlov in Moscow.", "2024-06-05")
    assert events and events[0].kind == "meeting" and _names(events[0]) == {"Oren Vale", "Pavel Orlov"}
