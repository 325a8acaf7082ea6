"""Event assembly rules of the sixth round, with fictional actors (real offices and countries)."""
from __future__ import annotations

import pytest

from briefing.extract.pipeline import MeetingExtractor
from fictional import actor, extractor_with, names


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    return extractor_with([
        actor("tomas-reed", "Tomas Reed", "AU", short=["Reed"], office="defense_minister"),
        actor("arlo-wiratma", "Arlo Wiratma", "ID", short=["Wiratma"], office="defense_minister"),
        actor("mara-quist", "Mara Quist", "PH", short=["Quist"], office="foreign_minister"),
        actor("elin-dorsa", "Elin Dorsa", "ID", short=["Dorsa"], office="foreign_minister"),
    ])


def _pairs(evs) -> list[set[str]]:  # noqa: ANN001
    return [names(e) for e in evs]


@pytest.mark.parametrize("text", [
    "Australia's defence minister met his Indonesian counterpart in Jakarta on Monday.",
    "Tomas Reed met his Indonesian counterpart in Jakarta on Monday.",
    "Tomas Reed met his Indonesian counterpart Arlo Wiratma in Jakarta on Monday.",
])
def test_counterpart_is_the_same_office_in_the_named_country(extractor, text):
    evs = extractor.extract(text, "2024-06-05")
    assert _pairs(evs) == [{"Tomas Reed", "Arlo Wiratma"}]
    assert evs[0].date == "2024-06-03"


def test_counterpart_follows_the_subjects_office_not_the_first_holder(extractor):
    # a foreign minister's counterpart is the foreign minister, not the defence minister
    evs = extractor.extract("Philippine Foreign Minister Mara Quist held talks with her Indonesian "
                            "counterpart in Jakarta on Monday.", "2024-06-05")
    assert _pairs(evs) == [{"Mara Quist", "Elin Dorsa"}]


def test_counterpart_after_a_pronoun_takes_the_previous_sentences_subject(extractor):
    evs = extractor.extract("Tomas Reed arrived in Jakarta on Sunday. "
                            "He met his Indonesian counterpart on Monday.", "2024-06-05")
    assert {"Tomas Reed", "Arlo Wiratma"} in _pairs(evs)


def test_counterpart_with_no_subject_office_names_nobody(extractor):
    evs = extractor.extract("The delegation met Indonesian counterparts in Jakarta on Monday.", "2024-06-05")
    assert all("Arlo Wiratma" not in names(e) and "Elin Dorsa" not in names(e) for e in evs)


@pytest.mark.parametrize("text", [
    "Tomas Reed, on a visit to Jakarta, held talks with Arlo Wiratma on Monday.",
    "Tomas Reed, who is on an official visit to Indonesia, held talks with Arlo Wiratma in Jakarta on Monday.",
    "During his visit to Jakarta on Monday, Tomas Reed held talks with Indonesian Defence Minister Arlo Wiratma.",
    "Tomas Reed visited Jakarta on Monday and held talks with Indonesian Defence Minister Arlo Wiratma.",
    "Tomas Reed visited Jakarta on Monday, where he held talks with Arlo Wiratma.",
])
def test_talks_during_a_visit_are_talks_between_the_visitor_and_the_host(extractor, text):
    evs = extractor.extract(text, "2024-06-05")
    talks = [e for e in evs if names(e) == {"Tomas Reed", "Arlo Wiratma"}]
    assert len(talks) == 1
    assert (talks[0].kind, talks[0].date) == ("talks", "2024-06-03")


def test_a_contrasting_clause_keeps_its_own_people_and_plans(extractor):
    evs = extractor.extract("Tomas Reed arrived in Jakarta on Monday, while Arlo Wiratma travels on "
                            "to Manila next week.", "2024-06-05")
    reed = [e for e in evs if "Tomas Reed" in names(e)]
    assert len(reed) == 1 and names(reed[0]) == {"Tomas Reed"}
    assert (reed[0].kind, reed[0].status, reed[0].date) == ("visit", "held", "2024-06-03")


def test_a_refusal_in_the_contrasting_clause_still_declines_the_meeting(extractor):
    evs = extractor.extract("Tomas Reed had hoped to meet Indonesian Defence Minister Arlo Wiratma in "
                            "Jakarta on Monday, but the Indonesian side declined.", "2024-06-05")
    assert [(names(e), e.status) for e in evs] == [({"Tomas Reed", "Arlo Wiratma"}, "declined")]


# --- dating an article with no publication date from its people's terms of office ---------

from briefing.extract.gazetteer import Actor, Office  # noqa: E402


def test_a_day_and_weekday_take_the_month_the_peoples_terms_allow():
    ex = extractor_with([
        Actor("tomas-reed", "Tomas Reed", "person", "AU", short=["Reed"],
              offices=[Office("foreign_minister", None, "2024-10-01", "2025-10-21", "AU")]),
        Actor("arlo-wiratma", "Arlo Wiratma", "person", "ID", short=["Wiratma"],
              offices=[Office("president_elect", None, "2024-11-06", "2025-01-20", "ID")]),
    ])
    # no month is named, and a Wednesday the 25th falls in several; only December 2024 is
    # inside both men's terms ("Foreign Minister" Reed, "President-elect" Wiratma)
    evs = ex.extract("Australian Foreign Minister Tomas Reed visited Jakarta on Wednesday (25th), "
                     "a month before Indonesian President-elect Arlo Wiratma takes office.", None)
    assert [e.date for e in evs if "Tomas Reed" in names(e)] == ["2024-12-25"]


def test_a_month_the_text_names_wins_when_the_terms_allow_it():
    ex = extractor_with([
        Actor("tomas-reed", "Tomas Reed", "person", "AU", short=["Reed"],
              offices=[Office("foreign_minister", None, "2024-10-01", "2025-10-21", "AU")]),
        Actor("arlo-wiratma", "Arlo Wiratma", "person", "ID", short=["Wiratma"],
              offices=[Office("foreign_minister", None, "2020-01-01", None, "ID")]),
    ])
    evs = ex.extract("Australian Foreign Minister Tomas Reed held talks with Indonesian Foreign Minister "
                     "Arlo Wiratma on Wednesday (25th). They last met in June.", None)
    assert [e.date for e in evs if names(e) == {"Tomas Reed", "Arlo Wiratma"}][:1] == ["2025-06-25"]


@pytest.mark.parametrize("text,date", [
    ("Tomas Reed will visit Indonesia as soon as possible next year.", "2025"),
    ("Tomas Reed flew to Jakarta to attend the 70th anniversary of the signing of the treaty on "
     "July 27, 1954, and met Arlo Wiratma on Monday.", "2024-06-03"),
])
def test_dates_that_belong_to_something_else(extractor, text, date):
    evs = extractor.extract(text, "2024-06-05")
    assert evs and all(e.date == date for e in evs if "Tomas Reed" in names(e))


def test_a_delegation_met_is_its_head(extractor):
    evs = extractor.extract("A delegation led by Indonesian Defence Minister Arlo Wiratma arrived in Canberra "
                            "on Monday. Tomas Reed met the delegation on Tuesday.", "2024-06-05")
    assert {"Tomas Reed", "Arlo Wiratma"} in _pairs(evs)


def test_chinese_names_nobody_knows_are_named_in_pinyin_and_letter_writers_do_not_meet(extractor):
    evs = extractor.extract("越南国防部长王明远会见了老挝国防部长陈志平，陈志平转交了总理李华的亲笔信。", "2024-06-05")
    assert _pairs(evs) == [{"Wang Mingyuan", "Chen Zhiping"}]


def test_he_and_another_met_takes_the_last_person_named_before(extractor):
    evs = extractor.extract("Philippine Foreign Minister Mara Quist recalled the visit of Tomas Reed to Manila in "
                            "May, when he and Quist agreed to begin talks.", "2024-06-05")
    assert {"Tomas Reed", "Mara Quist"} in _pairs(evs)


def test_the_last_meeting_is_another_meeting_not_the_headline(extractor):
    evs = extractor.extract("Tomas Reed met Arlo Wiratma in Jakarta on Monday. Reed said ties had improved since "
                            "the last 2+2 meeting held in Canberra in September 2022, when he and Wiratma met "
                            "Mara Quist.", "2024-06-05")
    earlier = [e for e in evs if e.date == "2022-09"]
    assert [names(e) for e in earlier] == [{"Tomas Reed", "Arlo Wiratma", "Mara Quist"}]


def test_a_release_dates_itself_when_no_publication_date_is_given(extractor):
    evs = extractor.extract("Ministry of Defence\n\nPosted On: 03 JUN 2024 by PIB Delhi\n\n"
                            "Tomas Reed met Arlo Wiratma in New Delhi today.", None)
    assert [e.date for e in evs] == ["2024-06-03"]


def test_the_leads_weekday_is_a_date_the_text_gives_once_the_year_is_known():
    ex = extractor_with([
        Actor("tomas-reed", "Tomas Reed", "person", "AU", short=["Reed"],
              offices=[Office("foreign_minister", None, "2024-07-05", "2025-05-06", "AU")]),
        actor("arlo-wiratma", "Arlo Wiratma", "ID", short=["Wiratma"], office="foreign_minister"),
    ])
    evs = ex.extract("Australian Foreign Minister Tomas Reed held talks with Arlo Wiratma in Jakarta on Friday.\n\n"
                     "The ministry had announced that Reed would visit from Oct. 18 to 19.", None)
    assert [e.date for e in evs if names(e) == {"Tomas Reed", "Arlo Wiratma"}] == ["2024-10-18"]


def test_what_was_said_after_a_meeting_does_not_make_it_planned(extractor):
    evs = extractor.extract("Tomas Reed met Arlo Wiratma in Jakarta on Monday and said that Australia will "
                            "never give up an inch.", "2024-06-05")
    assert [(e.status, e.date) for e in evs] == [("held", "2024-06-03")]


def test_chinese_clauses_without_a_subject_share_the_sentences():
    ex = extractor_with([
        actor("tomas-reed", "Tomas Reed", "AU", office="defense_minister"),
        actor("arlo-wiratma", "Arlo Wiratma", "ID", office="defense_minister"),
        actor("kenji-mori", "Kenji Mori", "JP", office="defense_minister"),
    ])
    evs = ex.extract("澳大利亚国防部长汤马斯3日在雅加达访问。汤马斯4日结束访问后将前往马尼拉，与印尼国防部长阿洛会谈；"
                     "5日他将转往东京，会见日本防卫大臣森健二。", "2024-06-03")
    got = {frozenset(names(e)): (e.status, e.date) for e in evs if len(names(e)) == 2}
    # 阿洛 and 森健二 resolve as the one holder of the office named beside them
    assert got.get(frozenset({"Tomas Reed", "Arlo Wiratma"}))[0] == "planned"
    assert got.get(frozenset({"Tomas Reed", "Kenji Mori"})) == ("planned", "2024-06-05")


def test_a_when_clause_names_the_people_of_the_clause_it_dates(extractor):
    evs = extractor.extract("Tomas Reed met Arlo Wiratma in Jakarta on Monday. The last time the ministers met was "
                            "in Manila in November last year, when Reed, Wiratma and Mara Quist attended a "
                            "regional ministers' meeting.", "2024-06-05")
    assert {frozenset(names(e)): (e.date, e.location) for e in evs}.get(
        frozenset({"Tomas Reed", "Arlo Wiratma", "Mara Quist"})) == ("2023-11", "Manila")


def test_who_visited_is_the_person_before(extractor):
    evs = extractor.extract("The last Indonesian minister to visit Canberra was Arlo Wiratma, who visited "
                            "Australia in November 2019.", "2024-06-05")
    assert [(names(e), e.date) for e in evs] == [({"Arlo Wiratma"}, "2019-11")]


def test_one_meeting_per_place_and_date(extractor):
    evs = extractor.extract("Tomas Reed and Arlo Wiratma held talks in Jakarta in May last year and in Vietnam "
                            "in September last year.", "2024-06-05")
    assert sorted((e.date, e.location) for e in evs) == [("2023-05", "Jakarta"), ("2023-09", "Vietnam")]


def test_an_opening_date_dates_the_main_clause(extractor):
    evs = extractor.extract("On Monday, before meeting Mara Quist, Tomas Reed first met Arlo Wiratma.", "2024-06-05")
    assert [(names(e), e.date) for e in evs if "Arlo Wiratma" in names(e)] == [({"Tomas Reed", "Arlo Wiratma"}, "2024-06-03")]


def test_a_declined_call_told_twice_is_one_call_with_the_speakers_left_out(extractor):
    evs = extractor.extract(
        "Indonesia declined a request for a phone call between Tomas Reed and Arlo Wiratma on Saturday, officials said.\n\n"
        '"On Saturday, 1 June, the ministry submitted a request for a secure call between Minister Reed and '
        'Minister Wiratma," spokeswoman Mara Quist said in a statement on Tuesday.', "2024-06-05")
    assert [(names(e), e.status, e.date) for e in evs] == [({"Tomas Reed", "Arlo Wiratma"}, "declined", "2024-06-01")]


def test_a_trip_that_was_due_to_begin_on_a_day_is_dated_by_it(extractor):
    evs = extractor.extract("The row led Tomas Reed to postpone a trip to Jakarta that was due to begin on Sunday, "
                            "June 9.", "2024-06-05")
    assert [(e.status, e.date) for e in evs] == [("cancelled", "2024-06-09")]


def test_a_visit_agreed_when_others_met_leaves_them_their_meeting(extractor):
    evs = extractor.extract("Reed's visit had been agreed when Arlo Wiratma and Mara Quist met in Manila on May 14.",
                            "2024-06-05")
    assert ({"Arlo Wiratma", "Mara Quist"}, "2024-05-14", "Manila") in [(names(e), e.date, e.location) for e in evs]


def test_a_country_is_the_place_when_no_city_is_named(extractor):
    evs = extractor.extract("Tomas Reed and Arlo Wiratma last met in Cambodia in November, on the sidelines "
                            "of a regional meeting.", "2024-06-05")
    assert [(e.date, e.location) for e in evs] == [("2023-11", "Cambodia")]


def test_they_in_a_where_clause_are_the_travellers_and_meet_where_they_came_from(extractor):
    evs = extractor.extract("Tomas Reed and Mara Quist arrived in Jakarta from Hanoi, where on Sunday they held "
                            "talks with Arlo Wiratma.", "2024-06-05")
    assert ({"Tomas Reed", "Mara Quist", "Arlo Wiratma"}, "2024-06-02", "Hanoi") in \
        [(names(e), e.date, e.location) for e in evs]


def test_words_said_to_someone_are_no_meeting(extractor):
    evs = extractor.extract('Tomas Reed met Arlo Wiratma in Jakarta on Monday. "Today is historic," Reed told '
                            'Mara Quist on Monday.', "2024-06-05")
    assert [names(e) for e in evs] == [{"Tomas Reed", "Arlo Wiratma"}]


def test_a_town_nobody_listed_is_still_the_place(extractor):
    evs = extractor.extract("Today Tomas Reed met Arlo Wiratma at the Military Academy in Magelang, Central Java.",
                            "2024-06-05")
    assert [(names(e), e.location) for e in evs] == [({"Tomas Reed", "Arlo Wiratma"}, "Magelang")]


def test_a_title_coordinated_with_a_person_shares_their_country(extractor):
    evs = extractor.extract("Arlo Wiratma visited Canberra on Monday, where he met Defence Minister Tomas Reed "
                            "and the Foreign Minister.", "2024-06-05")
    assert any(names(e) == {"Arlo Wiratma", "Tomas Reed"} for e in evs)  # no Australian FM in the data: no one added


def test_a_call_told_of_again_by_a_spokesman_is_dated_by_him_not_joined(extractor):
    evs = extractor.extract("Tomas Reed hosted Mara Quist in Canberra on Wednesday. A day earlier Reed spoke by phone "
                            "with Arlo Wiratma. Spokesman Kestrel Varnado said the 35-minute call took place on "
                            "Tuesday at Reed's request.", "2024-06-05")
    calls = [e for e in evs if e.kind == "call"]
    assert [(names(c), c.date) for c in calls] == [({"Tomas Reed", "Arlo Wiratma"}, "2024-06-04")]


def test_a_meeting_that_had_been_expected_did_not_happen(extractor):
    evs = extractor.extract("Tomas Reed and Arlo Wiratma had been expected to meet in Manila on Monday, but Reed "
                            "left early.", "2024-06-05")
    assert [e.status for e in evs] == ["cancelled"]


def test_an_undated_headline_is_the_dated_lead_meeting_it_sums_up(extractor):
    evs = extractor.extract("Reed hosts Indonesian counterpart for 2+2 Dialogue in Canberra\n\n"
                            "Australian Defence Minister Tomas Reed and Foreign Minister Mara Quist hosted Indonesian "
                            "Defence Minister Arlo Wiratma for the 2+2 Dialogue in Canberra on June 3, 2024.\n\n"
                            "On the sidelines of the 2+2 Dialogue, Reed held a bilateral meeting with Wiratma.",
                            None)
    got = sorted((sorted(names(e)), e.kind, e.date) for e in evs)
    assert got == [(["Arlo Wiratma", "Mara Quist", "Tomas Reed"], "dialogue", "2024-06-03"),
                   (["Arlo Wiratma", "Tomas Reed"], "meeting", "2024-06-03")]


def test_talks_with_one_and_separately_with_another_are_two_meetings_on_the_headlines_day(extractor):
    evs = extractor.extract("Tomas Reed met Indonesia's foreign minister and defence minister on Tuesday.\n\n"
                            "Reed held talks with Foreign Minister Elin Dorsa, a graduate of West Point, and separately "
                            "with Defence Minister Arlo Wiratma in Jakarta.", "2024-06-05")
    assert sorted((sorted(names(e)), e.date, e.core) for e in evs) == [
        (["Arlo Wiratma", "Tomas Reed"], "2024-06-04", True), (["Elin Dorsa", "Tomas Reed"], "2024-06-04", True)]


def test_a_region_is_no_one(extractor):
    evs = extractor.extract("Tomas Reed visited Cambodia in November 2022 for a meeting of Southeast Asian "
                            "defense ministers in Siem Reap.", "2024-06-05")
    assert [names(e) for e in evs] == [{"Tomas Reed"}]


def test_two_verbs_two_meetings_one_day(extractor):
    evs = extractor.extract("Tomas Reed held talks with Arlo Wiratma in Jakarta on Monday. Reed also held talks "
                            "with Foreign Minister Elin Dorsa and met with Mara Quist.", "2024-06-05")
    got = {frozenset(names(e)): e.date for e in evs}
    assert got[frozenset({"Tomas Reed", "Elin Dorsa"})] == got[frozenset({"Tomas Reed", "Mara Quist"})] == "2024-06-03"


def test_people_of_a_since_clause_without_a_meeting_are_not_the_visits(extractor):
    evs = extractor.extract("Tomas Reed visited Indonesia on Monday. This is the first visit by an Australian "
                            "minister since the turmoil triggered by a decree of Arlo Wiratma last month.", "2024-06-05")
    assert all("Arlo Wiratma" not in names(e) for e in evs)
    evs = extractor.extract("Tomas Reed visited Indonesia on Monday, the first visit by an Australian minister "
                            "since Mara Quist visited in April last year.", "2024-06-05")
    assert ({"Mara Quist"}, "2023-04") in [(names(e), e.date) for e in evs]


def test_twice_on_two_dates_is_two_calls(extractor):
    evs = extractor.extract("Tomas Reed talked on the phone with Arlo Wiratma twice, in October 2022 and "
                            "January last year.", "2024-06-05")
    assert sorted(e.date for e in evs) == ["2022-10", "2023-01"]


def test_a_call_that_came_after_a_meeting_leaves_the_meeting_its_kind(extractor):
    evs = extractor.extract("Tomas Reed and Arlo Wiratma held a video call on Monday. The video call came after "
                            "Reed met Wiratma in Singapore last month.", "2024-06-05")
    assert sorted((e.kind, e.date) for e in evs) == [("meeting", "2024-05"), ("video_call", "2024-06-03")]


def test_since_starts_a_clause_and_he_is_the_previous_sentences_subject(extractor):
    evs = extractor.extract("Tomas Reed is attending meetings in Jakarta with Mara Quist. He will also meet Arlo "
                            "Wiratma on Saturday, the first meeting between the two since Wiratma visited Australia "
                            "in April this year.", "2024-06-05")
    got = sorted((sorted(names(e)), e.status, e.date) for e in evs)
    assert (["Arlo Wiratma", "Tomas Reed"], "planned", "2024-06-08") in got
    assert (["Arlo Wiratma"], "held", "2024-04") in got


def test_a_name_inside_a_countrys_chinese_name_is_no_one():
    ex = extractor_with([actor("wang-ming", "Wang Ming", "CN", office="foreign_minister"),
                         actor("ross-ivo", "Ross Ivo", "US", short=["Ross"], office="commerce_secretary")])
    ex.index.zh["罗斯"] = ["ross-ivo"]  # a Chinese short form that hides in 俄罗斯
    ex.index._zh_re = __import__("re").compile("罗斯|王明")
    evs = ex.extract("王明星期四(25日)在万象会见了俄罗斯外长拉夫罗夫。", "2024-07-27")
    assert all("Ross Ivo" not in names(e) for e in evs)


def test_a_summit_discussed_gets_its_people_from_the_next_sentence(extractor):
    evs = extractor.extract("Tomas Reed held talks with Arlo Wiratma in Jakarta on Monday. The two sides also "
                            "discussed the regional leaders' summit to be held in Manila later this month. Mara "
                            "Quist is expected to attend the summit with Elin Dorsa.", "2024-06-05")
    got = sorted((sorted(names(e)), e.kind, e.status, e.date) for e in evs)
    assert got == [(["Arlo Wiratma", "Tomas Reed"], "talks", "held", "2024-06-03"),
                   (["Elin Dorsa", "Mara Quist"], "summit", "planned", "2024-06")]


def test_two_visits_in_one_clause_are_each_their_visitors(extractor):
    evs = extractor.extract("Tomas Reed arrived in Jakarta on Monday. Reed's visit is seen as a reply to the visit "
                            "of Mara Quist to Jakarta in March. His last visit to Indonesia was in November 2019.",
                            "2024-06-05")
    got = sorted((sorted(names(e)), e.date) for e in evs)
    assert got == [(["Mara Quist"], "2024-03"), (["Tomas Reed"], "2019-11"), (["Tomas Reed"], "2024-06-03")]


def test_a_may_in_another_clause_does_not_make_the_talks_hypothetical(extractor):
    evs = extractor.extract("Australia and Indonesia signed a pact on Saturday, pledging to consult on crises that "
                            "may affect them, as Tomas Reed held talks with Arlo Wiratma in Perth.", "2024-06-05")
    assert [(names(e), e.kind) for e in evs] == [({"Tomas Reed", "Arlo Wiratma"}, "talks")]
    evs = extractor.extract("Tomas Reed may hold talks with Arlo Wiratma in Perth next month.", "2024-06-05")
    assert evs == []
