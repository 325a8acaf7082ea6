"""Which date dates which event (briefing/extract/event_dates.py), read as a specification.

The sentences are made up; the people are well-known office holders from the gazetteer.
"""
from __future__ import annotations

import pytest

from briefing.extract.pipeline import MeetingExtractor


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    return MeetingExtractor.from_store(None)


def _dates(events, *names: str) -> list[tuple[str | None, str | None]]:
    want = set(names)
    return [(e.date, e.date_precision) for e in events if {p.name for p in e.participants} == want]


def test_relative_clause_closed_by_comma_does_not_cut_the_date_off(extractor):
    text = ("Chinese President Xi Jinping held talks with US President Joe Biden, who is paying a state "
            "visit to China, at the Great Hall of the People in Beijing on Tuesday (May 14).")
    evs = extractor.extract(text, "2024-05-15")
    assert ("2024-05-14", "day") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_date_after_a_comma_inside_a_place_name_still_dates_the_meeting(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "Chinese President Xi Jinping and US President Joe Biden met in Lima, Peru on the sidelines "
            "of the APEC meeting last Saturday (16th).")
    evs = extractor.extract(text, "2024-11-21")
    assert ("2024-11-16", "day") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_the_cue_next_to_the_people_dates_them_not_the_first_cue_of_the_clause(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "The summit was arranged after Chinese President Xi Jinping met US President Joe Biden in "
            "Lima on Nov. 16.")
    evs = extractor.extract(text, "2024-12-01")
    assert ("2024-11-16", "day") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_meeting_reported_on_a_day_gets_the_month_of_the_report_not_its_day(extractor):
    text = ("The US Department of Defense said on Wednesday (20th) that US Defense Secretary Lloyd Austin "
            "had hoped to meet Chinese Defense Minister Dong Jun in Vientiane, but the Chinese side declined.")
    evs = extractor.extract(text, "2024-11-21")
    assert ("2024-11", "month") in _dates(evs, "Lloyd Austin", "Dong Jun")


def test_at_that_time_takes_the_date_mentioned_just_before(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "The two countries resumed their dialogue in Singapore last June. At that time, US President "
            "Joe Biden met Chinese President Xi Jinping in Singapore.")
    evs = extractor.extract(text, "2024-06-01")
    assert ("2023-06", "month") in _dates(evs, "Joe Biden", "Xi Jinping")


def test_on_the_same_day_takes_the_headline_meetings_day(extractor):
    text = ("US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun in Singapore on "
            "Friday (May 31).\n\nOn the same day, Austin also held talks with Chinese President Xi Jinping.")
    evs = extractor.extract(text, "2024-06-02")
    assert ("2024-05-31", "day") in _dates(evs, "Lloyd Austin", "Xi Jinping")


def test_undated_also_met_of_a_headline_participant_is_on_the_same_trip(extractor):
    text = ("US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun in Beijing on "
            "Friday (May 31).\n\nAustin, on the second stop of his tour, also met Chinese President Xi Jinping.")
    evs = extractor.extract(text, "2024-06-02")
    assert ("2024-05-31", "day") in _dates(evs, "Lloyd Austin", "Xi Jinping")


def test_sentence_without_a_date_happened_when_the_sentence_before_set_the_time(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "Relations worsened in February this year. US Secretary of State Antony Blinken cancelled his "
            "planned visit, and China refused a phone call that Austin requested with Chinese Defense "
            "Minister Li Shangfu.")
    evs = extractor.extract(text, "2023-06-02")
    assert ("2023-02", "month") in _dates(evs, "Lloyd Austin", "Li Shangfu")


def test_sentence_with_its_own_date_does_not_take_the_time_of_the_sentence_before(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "Relations worsened in February this year. Chinese President Xi Jinping met US President "
            "Joe Biden in April.")
    evs = extractor.extract(text, "2024-06-02")
    assert ("2024-04", "month") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_a_when_clause_happened_at_the_date_it_follows(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "The ministers recalled the visit of Joe Biden to Beijing in November 2023, when Chinese "
            "President Xi Jinping and Chinese Premier Li Qiang agreed to begin negotiations.")
    evs = extractor.extract(text, "2024-06-02")
    assert ("2023-11", "month") in _dates(evs, "Xi Jinping", "Li Qiang")
