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


def test_undated_headline_meeting_takes_the_day_the_lead_reports(extractor):
    text = ("SINGAPORE, June 1 - The two countries agreed on Saturday to keep talking about trade.\n\n"
            "US Defense Secretary Lloyd Austin and Chinese Defense Minister Dong Jun met on the sidelines "
            "of a security forum and agreed on steps to avoid incidents at sea.")
    evs = extractor.extract(text, "2024-06-01")
    assert ("2024-06-01", "day") in _dates(evs, "Lloyd Austin", "Dong Jun")


def test_dateline_is_the_day_relative_dates_count_from(extractor):
    text = ("SINGAPORE, June 1 - US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun "
            "on Friday, officials said.")
    evs = extractor.extract(text, "2024-06-03")  # published two days after the dateline
    assert ("2024-05-31", "day") in _dates(evs, "Lloyd Austin", "Dong Jun")


def test_date_after_an_organisation_only_cue_still_dates_the_people(extractor):
    text = ("Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Vientiane, Laos "
            "on Friday (26th) on the sidelines of the ASEAN-related foreign ministers' meetings.")
    evs = extractor.extract(text, "2024-07-27")
    assert ("2024-07-26", "day") in _dates(evs, "Wang Yi", "Antony Blinken")


def test_a_goal_year_in_a_name_does_not_date_the_visit(extractor):
    text = ("Lloyd Austin concludes official visit to Vietnam; the two sign a Vision Statement towards 2030\n\n"
            "Lloyd Austin paid an official visit to Vietnam from 8 to 10 June 2022.\n\n"
            "On 8 June 2022, Lloyd Austin held talks with Vietnamese Defence Minister Phan Van Giang in Hanoi.")
    evs = extractor.extract(text, "2022-06-10")
    assert all(e.date != "2030" for e in evs)


def test_during_his_visit_takes_the_day_of_the_visit_just_reported(extractor):
    text = ("Lloyd Austin held talks with Phan Van Giang in Hanoi on Saturday (September 11).\n\n"
            "The visit coincided with the visit of Chinese Foreign Minister Wang Yi to Vietnam. During his "
            "visit, Wang Yi co-chaired a meeting with Vietnamese Prime Minister Pham Minh Chinh.")
    evs = extractor.extract(text, "2021-09-12")
    assert ("2021-09-11", "day") in _dates(evs, "Wang Yi", "Pham Minh Chinh")


def test_also_called_on_during_the_visit_after_the_clause(extractor):
    text = ("Lloyd Austin held talks with Phan Van Giang in Hanoi on 8 June 2022.\n\n"
            "Lloyd Austin also called on the Prime Minister of Vietnam, Pham Minh Chinh, during the visit.")
    evs = extractor.extract(text, "2022-06-10")
    assert ("2022-06-08", "day") in _dates(evs, "Lloyd Austin", "Pham Minh Chinh")


def test_as_clause_happens_on_the_main_clauses_day(extractor):
    text = ("The two countries agreed on Friday (Nov. 10) to deepen defence ties, as US Defense Secretary "
            "Lloyd Austin met Indian Defence Minister Rajnath Singh in New Delhi.")
    evs = extractor.extract(text, "2023-11-11")
    assert ("2023-11-10", "day") in _dates(evs, "Lloyd Austin", "Rajnath Singh")


def test_a_date_modifying_another_noun_does_not_date_the_meeting(extractor):
    text = ("Lloyd Austin met Dong Jun in Singapore on Friday (July 5). At the meeting the two ministers "
            "discussed the South China Sea, including a June 17 clash near a shoal.")
    evs = extractor.extract(text, "2024-07-06")
    assert all(e.date != "2024-06-17" for e in evs)
    assert ("2024-07-05", "day") in _dates(evs, "Lloyd Austin", "Dong Jun")


def test_planned_meeting_happens_at_the_occasion_its_when_clause_names(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (Sept. 4).\n\n"
            "Indian External Affairs Minister S. Jaishankar is expected to meet Chinese Foreign Minister "
            "Wang Yi when he attends the foreign ministers' meeting in Moscow next week.")
    evs = extractor.extract(text, "2020-09-05")
    assert ("2020-09", "month") in _dates(evs, "S. Jaishankar", "Wang Yi")


def test_a_planned_meeting_on_a_bare_weekday_is_not_before_the_day_of_writing(extractor):
    text = ("Lloyd Austin met Dong Jun in Singapore on Thursday.\n\n"
            "Secretary of State Antony Blinken is due to hold talks with Chinese Foreign Minister Wang Yi "
            "in the Indonesian resort island of Bali on Saturday.")
    evs = extractor.extract(text, "2022-07-07")  # a Thursday
    assert ("2022-07-09", "day") in _dates(evs, "Antony Blinken", "Wang Yi")


def test_an_undated_held_headline_meeting_takes_the_month_of_publication(extractor):
    text = ("Chinese President Xi Jinping held talks with US President Joe Biden in Beijing, "
            "the foreign ministry said.")
    evs = extractor.extract(text, "2024-05-15")
    assert ("2024-05", "month") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_a_where_clause_with_its_own_date_dates_the_people_met_in_it(extractor):
    text = ("US President Joe Biden arrived in Beijing on Friday from Tokyo, where on Thursday he and "
            "Japanese Prime Minister Fumio Kishida signed a security pact.")
    evs = extractor.extract(text, "2024-05-18")
    assert ("2024-05-16", "day") in _dates(evs, "Joe Biden", "Fumio Kishida")


def test_a_where_clause_without_a_date_shares_the_main_clause_date(extractor):
    text = "US President Joe Biden visited Tokyo on Thursday (May 16), where he held talks with Fumio Kishida."
    evs = extractor.extract(text, "2024-05-18")
    assert ("2024-05-16", "day") in _dates(evs, "Joe Biden", "Fumio Kishida")


def test_a_which_clause_naming_the_people_dates_the_meeting_it_describes(extractor):
    text = ("Lloyd Austin met Rajnath Singh on Aug. 23, 2024.\n\n"
            "The two looked forward to the outcomes of the ministerial dialogue, which Secretary Austin and "
            "Antony J. Blinken held with Rajnath Singh and S. Jaishankar in New Delhi on Nov. 10, 2023.")
    evs = extractor.extract(text, "2024-08-24")
    assert ("2023-11-10", "day") in _dates(evs, "Lloyd Austin", "Antony Blinken", "Rajnath Singh", "S. Jaishankar")


def test_future_wording_counts_for_the_whole_clause_not_a_fixed_window(extractor):
    text = ("US Secretary of State Antony Blinken is due to hold talks with Chinese Foreign Minister Wang Yi "
            "at the conclusion of the regional security forum in the Laotian capital on Saturday.")
    evs = extractor.extract(text, "2024-07-24")
    assert ("2024-07-27", "day") in _dates(evs, "Antony Blinken", "Wang Yi")


def test_future_wording_of_an_earlier_clause_does_not_reach_past_and():
    from briefing.extract.date_patterns import _future_marked

    text = "Antony Blinken will travel on to Tokyo next week, and met Wang Yi in Vientiane on Saturday."
    assert not _future_marked(text, text.index("Saturday"))
    text = "Antony Blinken is due to travel to Lima, Peru on Saturday."
    assert _future_marked(text, text.index("Saturday"))


def test_future_wording_of_the_sentence_before_does_not_cross_an_unspaced_full_stop(extractor):
    text = ("The ministry said the visit is to implement the consensus of the two countries.Last month, "
            "Chinese President Xi Jinping held talks with Vladimir Putin in Moscow.")
    evs = extractor.extract(text, "2023-04-17")
    assert [e.status for e in evs if {p.name for p in e.participants} == {"Xi Jinping", "Vladimir Putin"}] == ["held"]


def test_a_held_meeting_dated_after_publication_keeps_only_its_month(extractor):
    text = "Lloyd Austin met Rajnath Singh at the Pentagon on Aug. 23."
    evs = extractor.extract(text, "2024-08-20")
    assert _dates(evs, "Lloyd Austin", "Rajnath Singh") in ([("2024-08", "month")], [("2024-08-23", "day")])


def test_a_relative_clause_right_after_the_cue_dates_the_cue(extractor):
    text = ("Lloyd Austin met Dong Jun on Friday (May 31).\n\n"
            "The ministers praised the progress since the last dialogue, which Chinese President Xi Jinping "
            "and US President Joe Biden attended in Beijing in March 2023, including the opening of a "
            "hotline in June 2024.")
    evs = extractor.extract(text, "2024-06-01")
    assert ("2023-03", "month") in _dates(evs, "Xi Jinping", "Joe Biden")


def test_an_undated_call_before_the_headline_meeting_shares_its_day(extractor):
    text = ("On Friday (May 31), US Defense Secretary Lloyd Austin held talks with Chinese Defense "
            "Minister Dong Jun in Singapore.\n\n"
            "Prior to the talks, Austin paid a courtesy call on Chinese President Xi Jinping.")
    evs = extractor.extract(text, "2024-06-01")
    assert ("2024-05-31", "day") in _dates(evs, "Lloyd Austin", "Xi Jinping")
