"""Event assembly rules of the fourth round, with fictional actors (real offices and countries)."""
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
        _actor("lin-hao", "Lin Hao", "CN", short=["Lin"], office="defense_minister"),
        _actor("vo-tan-khoa", "Vo Tan Khoa", "VN", short=["Khoa"], office="head_of_government"),
    ]
    return extractor_with(actors)


_names = names


@pytest.mark.parametrize("sentence,cue", [
    ("Reed also called on the Prime Minister of Vietnam, Mr Vo Tan Khoa, during the visit.", True),
    ("Reed later called on President Khoa at the palace.", True),
    ("Reed called on China to release the detainees.", False),
    ("Reed called on President Khoa to step down.", False),
    ("Reed called on the Prime Minister to resign.", False),
])
def test_called_on_a_person_is_a_meeting_but_called_on_to_act_is_not(sentence, cue):
    got = [c.text.lower() for c in Triggers().cues(sentence) if c.kind == "meeting"]
    assert ("called on" in got) is cue


def test_calling_on_the_prime_minister_during_a_visit_is_a_meeting(extractor):
    text = ("Australian Defence Minister Tomas Reed paid an official visit to Vietnam from 8 to 10 June 2022.\n\n"
            "On 8 June 2022, Reed held talks with Chinese Defence Minister Lin Hao in Hanoi.\n\n"
            "Reed also called on the Prime Minister of Vietnam, Mr Vo Tan Khoa, during the visit.")
    events = extractor.extract(text, "2022-06-10")
    assert {"Tomas Reed", "Vo Tan Khoa"} in [_names(e) for e in events]
