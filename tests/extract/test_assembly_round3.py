"""Event assembly rules of the third round, with fictional actors (real offices and countries)."""
from __future__ import annotations


import pytest

from briefing.extract.pipeline import MeetingExtractor
from fictional import actor, extractor_with, names


_actor = actor


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
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
    return extractor_with(actors)


_names = names


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


def test_a_visit_that_sets_a_meeting_in_the_same_sentence_is_not_a_second_event(extractor):
    text = ("Australian Defence Minister Tomas Reed met Chinese Defence Minister Lin Hao in Beijing on June 3, 2024.\n\n"
            "Earlier this month, Foreign Minister Quan Yi visited Canberra, where he held talks with "
            "Australian Foreign Minister Dana Frost.")
    events = extractor.extract(text, "2024-06-05")
    assert not any(_names(e) == {"Quan Yi"} for e in events)
    talks = [e for e in events if _names(e) == {"Quan Yi", "Dana Frost"}]
    assert talks and talks[0].location == "Canberra"


def test_this_is_the_visitors_first_visit_describes_the_headline_trip(extractor):
    text = ("Australian Defence Minister Tomas Reed held talks with Chinese Defence Minister Lin Hao in Beijing "
            "on June 3, 2024.\n\nThis is Reed' first visit to China since taking office.")
    events = extractor.extract(text, "2024-06-05")
    assert [_names(e) for e in events] == [{"Tomas Reed", "Lin Hao"}]


def test_someones_predecessor_is_the_participant_not_the_possessor(extractor):
    text = ("Tomas Reed's predecessor, Dana Frost, held talks with Lin Hao in Geneva in January 2022.")
    events = extractor.extract(text, "2024-06-05")
    assert events and all("Tomas Reed" not in _names(e) for e in events)


def test_a_trip_described_by_its_rank_is_the_headline_trip(extractor):
    text = ("Chinese Defence Minister Lin Hao met Australian Defence Minister Tomas Reed in Canberra on April 16, 2023.\n\n"
            "Analysts said the Chinese Defence Minister's first foreign visit to Australia is a signal of warmer ties.")
    events = extractor.extract(text, "2023-04-17")
    assert [_names(e) for e in events] == [{"Lin Hao", "Tomas Reed"}]


def test_the_subject_of_a_relative_clause_after_the_cue_is_no_visitor(extractor):
    text = ("Tomas Reed met Lin Hao in Hanoi on July 29, 2021.\n\nHe travels next to the Philippines, where his "
            "visit is being watched for the future of an agreement which President Juan Cruz has threatened to scrap.")
    events = extractor.extract(text, "2021-07-29")
    assert all("Juan Cruz" not in _names(e) for e in events)
    assert any(_names(e) == {"Tomas Reed"} and e.kind == "visit" for e in events)


def test_the_place_before_where_is_where_the_meeting_was(extractor):
    text = ("Tomas Reed arrived in Hanoi after a stop in Singapore, where on Tuesday he met Foreign Minister "
            "Quan Yi.")
    events = extractor.extract(text, "2021-07-29")
    assert any(_names(e) == {"Tomas Reed", "Quan Yi"} and e.location == "Singapore" for e in events)


def test_the_most_senior_member_of_someones_team_to_visit_is_a_description(extractor):
    text = ("Tomas Reed met Lin Hao in Hanoi on July 29, 2021.\n\nReed, the most senior member of President "
            "Juan Cruz's administration to visit Vietnam so far, said after the talks that ties were strong.")
    events = extractor.extract(text, "2021-07-29")
    assert not any(e.kind == "visit" and _names(e) == {"Tomas Reed"} for e in events)


def test_and_is_expected_to_meet_shares_the_clause_subject(extractor):
    text = ("Tomas Reed met Lin Hao in Moscow on September 4, 2020.\n\nForeign Minister Dana Frost will also go "
            "to Moscow next week to attend the SCO foreign ministers' meeting, and is expected to meet with "
            "Foreign Minister Quan Yi on the sidelines.")
    events = extractor.extract(text, "2020-09-05")
    assert any(_names(e) == {"Dana Frost", "Quan Yi"} and e.status == "planned" for e in events)
    assert not any(_names(e) == {"Dana Frost"} for e in events)


def test_one_call_told_from_two_time_zones_is_one_event(extractor):
    text = ("Australian Defence Minister Tomas Reed spoke by phone with Chinese Defence Minister Lin Hao today.\n\n"
            "On the evening of April 20, Lin Hao held a telephone call with Tomas Reed.")
    events = extractor.extract(text, "2022-04-21")
    calls = [e for e in events if _names(e) == {"Tomas Reed", "Lin Hao"}]
    assert len(calls) == 1 and calls[0].date == "2022-04-20"


def test_a_relative_clause_right_after_the_meeting_names_its_people(extractor):
    text = ("Tomas Reed hosted Lin Hao at the Pentagon on August 23, 2024.\n\nThey looked forward to the fifth "
            "Ministerial Dialogue, which Minister Dana Frost and Minister Quan Yi hosted in Canberra.")
    events = extractor.extract(text, "2024-08-23")
    assert any(_names(e) == {"Dana Frost", "Quan Yi"} for e in events)


def test_a_speech_attribution_after_a_name_is_not_its_title(extractor):
    text = ("Tomas Reed met Lin Hao on Aug 15, 2025.\n\nDana Frost is due to visit Canberra on Monday for talks "
            "with Reed, a senior official said.")
    events = extractor.extract(text, "2025-08-15")
    assert any(_names(e) == {"Dana Frost", "Tomas Reed"} and e.status == "planned" for e in events)


def test_would_meet_is_planned(extractor):
    events = extractor.extract("On Aug 15, 2025, Tomas Reed said he would meet Lin Hao.", "2025-08-15")
    assert events and events[0].status == "planned"


def test_a_country_that_hosted_two_leaders_had_two_visits(extractor):
    text = ("Tomas Reed met Lin Hao in Hanoi on June 20, 2024.\n\nVietnam, which pursues a balanced policy, has "
            "hosted President Juan Cruz and President Ed Baker within the past year.")
    events = extractor.extract(text, "2024-06-20")
    assert not any(_names(e) == {"Juan Cruz", "Ed Baker"} for e in events)
    visits = [e for e in events if e.kind == "visit"]
    assert {frozenset(_names(e)) for e in visits} >= {frozenset({"Juan Cruz"}), frozenset({"Ed Baker"})}
