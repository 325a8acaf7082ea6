"""Participants and event assembly, read as a specification.

Names come from the gazetteer (office holders at a date), so no test names a real person.
"""
from __future__ import annotations

import pytest

from briefing.extract.actors import ActorIndex
from briefing.extract.gazetteer import load_gazetteer
from briefing.extract.pipeline import MeetingExtractor
from briefing.extract.sentences import split_sentences
from briefing.extract.triggers import Triggers


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    return MeetingExtractor.from_store(None)


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex(load_gazetteer())


def _holder(index: ActorIndex, office: str, country: str, date: str) -> str:
    keys = index.office_holders(office, country, date)
    if not keys:
        pytest.skip(f"no {office} for {country} at {date} in the gazetteer")
    return index.actors[keys[0]].name


def _names(ev) -> set[str]:
    return {p.name for p in ev.participants}


def _analyse(extractor: MeetingExtractor, text: str):
    extractor._seen, extractor._spellings = set(), {}
    a = extractor._analyse(split_sentences(text)[0])
    extractor._link_roles(a)
    extractor._resolve(a, None)
    return a


DATE = "2024-05-02"


def test_a_named_gathering_set_as_the_scene_is_not_a_second_meeting(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "defense_minister", "CN", DATE)
    text = (f"US Defense Secretary {a} held talks with the Chinese Defense Minister, {b}, on the sidelines "
            f"of the ASEAN Defence Ministers' Meeting in Vientiane on May 2, 2024.")
    events = extractor.extract(text, DATE)
    assert [_names(e) for e in events] == [{a, b}]


def test_a_named_meeting_that_is_held_keeps_its_cue(extractor):
    a = _analyse(extractor, "They held the second Foreign and Defense Ministerial Meeting in Manila.")
    assert [c.text for c in a.cues] == ["Meeting"]


def test_four_hosted_ministers_for_a_meeting_make_one_meeting(extractor, index):
    names = [_holder(index, "defense_minister", c, DATE) for c in ("US", "AU", "JP", "PH")]
    text = (f"Secretary of Defense {names[0]} hosted Australian Minister for Defence {names[1]}, Japanese Minister "
            f"of Defense {names[2]}, and Philippine Secretary of National Defense {names[3]} in Honolulu, Hawaii, "
            f"on May 2, 2024, for a meeting of the defense ministers of the four countries.")
    events = extractor.extract(text, DATE)
    assert [_names(e) for e in events] == [set(names)]
    assert events[0].location == "Honolulu"


def test_a_purpose_cue_points_back_to_its_clause():
    t = Triggers()
    assert t.purpose("hosted them in Honolulu on May 2, for a ")
    assert not t.purpose("They met in May, and later held a ")


def test_acronyms_and_spans_across_brackets_are_not_people(extractor):
    a = _analyse(extractor, "Delegates of the Shanghai Cooperation Organisation (SCO) arrived on Monday.")
    assert [m.text for m in a.mentions] == []


def test_events_places_and_documents_are_not_people(extractor):
    a = _analyse(extractor, "He spoke at the Extended Meeting near Yanqi Lake about the Arbitral Award.")
    assert [m.text for m in a.mentions] == []


def test_an_honorific_between_role_and_name_keeps_them_linked(extractor, index):
    name = _holder(index, "head_of_government", "IN", "2025-08")
    a = _analyse(extractor, f"Prime Minister Shri {name} spoke.")
    assert [(m.name, m.office) for m in a.mentions] == [(name, "head_of_government")]


def test_the_host_of_a_state_visit_is_not_a_visitor(extractor, index):
    guest = _holder(index, "head_of_state", "PH", "2025-08")
    host = _holder(index, "head_of_government", "IN", "2025-08")
    text = f"President {guest} is on a State Visit to India from 4 to 8 August 2025 at the invitation of Prime Minister {host}."
    events = extractor.extract(text, "2025-08-04")
    assert [(e.kind, _names(e)) for e in events] == [("visit", {guest})]


def test_a_city_after_an_unknown_venue_is_the_location(extractor, index):
    a = _holder(index, "head_of_government", "IN", "2025-08")
    b = _holder(index, "head_of_state", "PH", "2025-08")
    text = f"Prime Minister {a} held talks with President {b} at Hyderabad House, New Delhi on 5 August 2025."
    events = extractor.extract(text, "2025-08-05")
    assert [e.location for e in events] == ["New Delhi"]


def test_surname_first_in_capitals_resolves_to_the_full_name(extractor, index):
    for info in index.actors.values():
        words = info.name.split()
        if info.country == "JP" and info.kind == "person" and len(words) == 2:
            a = _analyse(extractor, f"Mr. {words[1].upper()} {words[0]} spoke.")
            assert [m.name for m in a.mentions] == [info.name]
            return
    pytest.skip("no two-word Japanese name in the gazetteer")


def test_a_misspelt_given_name_before_a_known_surname_is_one_name(extractor, index):
    for info in index.actors.values():
        words = info.name.split()
        if info.kind == "person" and len(words) == 2 and len(words[0]) >= 6 and \
                index.short.get((words[1].lower(),)) and info.key not in index.short.get((words[1].lower(),)):
            garbled = words[0][:-1]
            a = _analyse(extractor, f"{garbled} {words[1]} spoke.")
            assert [m.name for m in a.mentions] == [info.name]
            return
    pytest.skip("no surname shared with another actor's short form")


def test_a_clause_without_a_subject_shares_the_previous_clauses_people(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "defense_minister", "CN", DATE)
    text = f"{a} and {b} held their first meeting in Singapore in May 2024, and before that held a video call in April."
    events = extractor.extract(text, "2024-06-01")
    assert sorted((e.kind, e.date) for e in events) == [("meeting", "2024-05"), ("video_call", "2024-04")]
    assert all(_names(e) == {a, b} for e in events)


def test_a_day_in_brackets_is_not_an_ordinal_round():
    t = Triggers()
    assert not t.ordinal_before("said on Wednesday (20th) that he had hoped to ")
    assert t.ordinal_before("held the 10th round of the ")


def test_a_surname_beside_a_role_its_owner_never_held_is_the_roles_holder(index):
    for office, rows in index.holders.items():
        for key, country, start, _end in rows:
            info = index.actors[key]
            last = info.name.split()[-1].lower()
            owners = index.short.get((last,))
            c = country or info.country
            if owners and key not in owners and c and start and not any(index.held_office(o, office) for o in owners):
                res = index.resolve_name(last.title(), (last,), office, c, start)
                assert res is not None and res[0] == key
                return
    pytest.skip("no surname shared with an unrelated actor's short form")


def test_a_description_of_a_visitor_is_not_a_visit():
    t = Triggers()
    assert t.characterises("He is the most senior U.S. official to ")
    assert not t.characterises("He flew to Hanoi to ")


def test_someone_who_took_office_in_a_time_clause_is_not_a_participant(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "foreign_minister", "US", DATE)
    events = extractor.extract(f"{a} visited Hanoi on May 2, 2024, for the first time since {b} took office.", DATE)
    assert [_names(e) for e in events] == [{a}]


def test_the_possessor_of_an_envoy_did_not_meet(extractor, index):
    boss = _holder(index, "foreign_minister", "US", DATE)
    envoy = _holder(index, "defense_minister", "US", DATE)
    other = _holder(index, "defense_minister", "CN", DATE)
    events = extractor.extract(f"{boss}'s envoy {envoy} met {other} in Moscow on May 2, 2024.", DATE)
    assert [_names(e) for e in events] == [{envoy, other}]


def test_a_participant_in_town_to_attend_a_gathering_adds_no_second_event(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "defense_minister", "CN", DATE)
    text = (f"{a} met {b} in Vientiane on May 2, 2024. "
            f"{a} is in the Lao capital to attend the ASEAN Defence Ministers' Meeting.")
    assert [_names(e) for e in extractor.extract(text, DATE)] == [{a, b}]


def test_it_was_someones_first_visit_refers_back_to_the_headline_meeting(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "defense_minister", "CN", DATE)
    text = f"{a} met {b} in Anchorage on May 2, 2024. It was {b}'s first visit to the United States in a decade."
    assert [_names(e) for e in extractor.extract(text, DATE)] == [{a, b}]


def test_one_word_of_a_name_given_in_full_earlier_is_that_person(extractor, index):
    a = _holder(index, "defense_minister", "US", DATE)
    b = _holder(index, "defense_minister", "CN", DATE)
    first = b.split()[0]
    text = f"{a} met {b} in Singapore on May 2, 2024. {first} had met {a} at the same forum on May 1, 2024."
    events = extractor.extract(text, DATE)
    assert sorted(e.date for e in events if _names(e) == {a, b}) == ["2024-05-01", "2024-05-02"]


def test_a_pair_pronoun_after_a_time_adverbial_is_the_pair():
    t = Triggers()
    assert t.starts_with_pair("Before that, they held their first phone call on April 20.")
    assert not t.starts_with_pair("Before that, officials held a phone call.")
