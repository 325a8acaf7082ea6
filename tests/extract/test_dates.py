"""Date resolution: each test names the behaviour it pins down."""
from __future__ import annotations

import doctest
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from briefing.extract import date_patterns, dates
from briefing.extract.date_patterns import scan, scan_slow
from briefing.extract.dates import DateResolver, parse_published

TODAY = date(2026, 11, 25)
SAMPLE = Path(__file__).resolve().parents[2] / "briefing" / "data" / "sample"
GOLD = Path(__file__).resolve().parents[3] / "shared" / "sample" / "articles"
LI_SHANGFU_AS_MINISTER = ("2023-03-12", "2023-10-24")
DONG_JUN_AS_MINISTER = ("2023-12-29", None)
WEI_FENGHE_AS_MINISTER = ("2018-03-19", "2023-03-12")


def resolver(published: str | None = "2024-05-31", text: str = "", hints=()) -> DateResolver:
    return DateResolver(text, published, hints, today=TODAY)


def one(sentence: str, published: str | None = "2024-05-31", **kw):
    found = resolver(published, **kw).find(sentence)
    assert len(found) == 1, found
    return found[0]


def values(sentence: str, published: str | None = "2024-05-31"):
    return [(m.text, m.value, m.precision) for m in resolver(published).find(sentence)]


# --- explicit dates ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text", [
    ("They met on May 31, 2024 in Singapore.", "May 31, 2024"),
    ("They met on 31 May 2024 in Singapore.", "31 May 2024"),
    ("They met on 2024-05-31 in Singapore.", "2024-05-31"),
    ("They met on Friday, May 31, 2024.", "Friday, May 31, 2024"),
])
def test_full_dates_in_any_common_order_resolve_to_the_day(sentence, text):
    m = one(sentence, published="2026-01-10")
    assert (m.text, m.value, m.precision, m.relative) == (text, "2024-05-31", "day", False)
    assert sentence[m.start:m.end] == text


@pytest.mark.parametrize("sentence, text, value", [
    ("Blinken visited in June 2023.", "June 2023", "2023-06"),
    ("Austin last met Wei in November 2022.", "November 2022", "2022-11"),
    ("since November 2023, the Pentagon has worked", "November 2023", "2023-11"),
])
def test_month_and_year_resolve_to_month_precision(sentence, text, value):
    m = one(sentence)
    assert (m.text, m.value, m.precision) == (text, value, "month")


@pytest.mark.parametrize("sentence, text, value", [
    ("the meeting in November last year", "November last year", "2023-11"),
    ("after taking office in March last year", "March last year", "2023-03"),
    ("video calls in April this year", "April this year", "2024-04"),
    ("met in January this year with Song", "January this year", "2024-01"),
    ("the summit last November", "last November", "2023-11"),
])
def test_month_with_relative_year_counts_from_the_anchor_year(sentence, text, value):
    m = one(sentence)
    assert (m.text, m.value, m.precision, m.relative) == (text, value, "month", True)


def test_bare_month_takes_the_nearest_year_looking_back():
    assert values("refused to meet in Singapore in June.", "2023-07-12") == [("June", "2023-06", "month")]
    assert values("talks in December", "2024-05-31") == [("December", "2023-12", "month")]


def test_bare_year_resolves_to_year_precision():
    assert values("first met in 2019.") == [("2019", "2019", "year")]


def test_month_day_without_year_takes_the_year_nearest_the_anchor():
    assert values("on May 20.") == [("May 20", "2024-05-20", "day")]
    assert values("talks on December 5") == [("December 5", "2023-12-05", "day")]
    m = one("talks set for June 3")
    assert (m.value, m.future) == ("2024-06-03", True)


@pytest.mark.parametrize("sentence, text, start, end", [
    ("was held in Beijing from September 14th to 15th.", "September 14th to 15th", "2024-09-14", "2024-09-15"),
    ("held September 14-15 in Beijing", "September 14-15", "2024-09-14", "2024-09-15"),
    ("a forum from 14 to 16 June", "14 to 16 June", "2024-06-14", "2024-06-16"),
    ("talks from June 30 to July 2, 2024", "June 30 to July 2, 2024", "2024-06-30", "2024-07-02"),
    ("between September 14 and 15", "September 14 and 15", "2024-09-14", "2024-09-15"),
])
def test_ranges_give_first_and_last_day(sentence, text, start, end):
    m = one(sentence, published="2024-09-16")
    assert (m.text, m.value, m.end_value, m.precision) == (text, start, end, "day")


def test_range_across_the_new_year_ends_in_the_next_year():
    m = one("talks from December 30 to January 2", published="2025-01-05")
    assert (m.value, m.end_value) == ("2024-12-30", "2025-01-02")


# --- weekdays and days ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, published, text, value", [
    ("the department said on Sunday (September 15)", "2024-09-16", "Sunday (September 15)", "2024-09-15"),
    ("held a 75-minute meeting on Friday (May 31), which", "2024-06-01", "Friday (May 31)", "2024-05-31"),
    ("Xie Feng on Wednesday (July 12) held rare talks", "2023-07-13", "Wednesday (July 12)", "2023-07-12"),
])
def test_weekday_with_month_and_day_resolves_in_the_anchor_year(sentence, published, text, value):
    m = one(sentence, published=published)
    assert (m.text, m.value, m.precision) == (text, value, "day")


def test_weekday_with_month_and_day_picks_the_neighbouring_year_the_weekday_fits():
    # published early January 2025; "Friday (December 29)" was 2023, not 2024 (a Sunday)
    m = one("met on Friday (December 29)", published="2024-01-02")
    assert m.value == "2023-12-29"


def test_weekday_with_day_only_takes_the_month_where_the_weekday_fits():
    r = resolver("2023-06-27")
    assert [(m.text, m.value) for m in r.find("held talks on Monday (26th) in Beijing.")] == [
        ("Monday (26th)", "2023-06-26")]
    r = resolver("2024-07-02")  # Sunday 30 June, not (non-existent) 30 July
    assert r.find("met on Sunday (30th)")[0].value == "2024-06-30"


def test_day_in_parentheses_takes_month_and_year_from_the_anchor():
    assert values("talks were held (26th) in Beijing", "2023-06-27") == [("(26th)", "2023-06-26", "day")]


def test_day_only_looks_back_into_the_previous_month_when_past():
    assert values("they met on the 14th, the ministry said", "2024-09-15") == [("14th", "2024-09-14", "day")]
    assert values("they met on the 14th, the ministry said", "2024-09-05") == [("14th", "2024-08-14", "day")]


def test_day_only_after_will_looks_forward():
    m = one("the two sides will meet again on the 20th.", published="2024-09-15")
    assert (m.value, m.future) == ("2024-09-20", True)


def test_explicit_day_wins_over_last_weekday():
    m = one("Wu Yanan last Tuesday (September 10) and Paparo", published="2024-09-16")
    assert (m.text, m.value, m.relative) == ("last Tuesday (September 10)", "2024-09-10", True)


@pytest.mark.parametrize("sentence, value", [
    ("they spoke last Tuesday", "2024-09-10"),
    ("they spoke on Tuesday", "2024-09-10"),
    ("a briefing on Sunday: ", "2024-09-15"),
    ("they will speak on Tuesday", "2024-09-17"),
    ("they will speak next Tuesday", "2024-09-17"),
])
def test_bare_weekday_is_the_latest_on_or_before_the_anchor_unless_future(sentence, value):
    m = one(sentence, published="2024-09-15")  # a Sunday
    assert (m.value, m.precision, m.relative) == (value, "day", True)
    assert m.future is (value > "2024-09-15")


def test_bad_calendar_dates_yield_no_mention():
    assert resolver().find("on February 30, 2024 and on February 30") == []
    assert resolver().find("on 2023-02-29") == []


def test_ordinals_that_are_not_dates_are_ignored():
    r = resolver()
    assert r.find("After the 20th National Congress, the 18th China-US meeting") == []
    assert r.find("Sun Yun said you may go after a lapse of 18 months") == []


# --- relative to the anchor ----------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, precision, future", [
    ("the talks yesterday", "yesterday", "2024-09-14", "day", False),
    ("said today", "today", "2024-09-15", "day", False),
    ("Yellen visited Beijing earlier this month", "earlier this month", "2024-09", "month", False),
    ("held this month", "this month", "2024-09", "month", False),
    ("held last month", "last month", "2024-08", "month", False),
    ("to be held next month", "next month", "2024-10", "month", True),
    ("later this year", "later this year", "2024", "year", True),
    ("this year", "this year", "2024", "year", False),
    ("Last year, they met", "Last year", "2023", "year", False),
    ("a working group at the end of this year", "the end of this year", "2024", "year", True),
    ("met two days ago", "two days ago", "2024-09-13", "day", False),
])
def test_relative_expressions_count_from_the_anchor(sentence, text, value, precision, future):
    m = one(sentence, published="2024-09-15")
    assert (m.text, m.value, m.precision, m.relative, m.future) == (text, value, precision, True, future)


def test_next_week_is_the_month_of_a_week_after_the_anchor_and_future():
    m = one("Kerry will also arrive in China next week.", published="2023-07-12")
    assert (m.text, m.value, m.precision, m.future) == ("next week", "2023-07", "month", True)
    assert one("a meeting next week", published="2024-09-28").value == "2024-10"


# --- Chinese ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, precision", [
    ("秦刚和裴青山星期天(25日)在北京会面", "星期天(25日)", "2023-06-25", "day"),
    ("双方星期二(27日)会谈", "星期二(27日)", "2023-06-27", "day"),
    ("双方25日会谈", "25日", "2023-06-25", "day"),
    ("双方6月25日会谈", "6月25日", "2023-06-25", "day"),
    ("双方2023年6月25日会谈", "2023年6月25日", "2023-06-25", "day"),
    ("双方六月二十五日会谈", "六月二十五日", "2023-06-25", "day"),
    ("双方上周二通话", "上周二", "2023-06-20", "day"),
    ("耶伦本月早些时候访华", "本月早些时候", "2023-06", "month"),
    ("克里下周访华", "下周", "2023-07", "month"),
    ("去年11月会晤", "去年11月", "2022-11", "month"),
    ("去年会晤", "去年", "2022", "year"),
    ("昨天会晤", "昨天", "2023-06-26", "day"),
])
def test_chinese_expressions_resolve_like_the_english(sentence, text, value, precision):
    m = one(sentence, published="2023-06-27")
    assert (m.text, m.value, m.precision) == (text, value, precision)


def test_chinese_last_week_weekday_is_in_the_previous_calendar_week():
    # anchor Sunday 15 September 2024: 上周二 is Tuesday 3 September, "last Tuesday" the 10th
    assert one("上周二", published="2024-09-15").value == "2024-09-03"
    assert one("last Tuesday", published="2024-09-15").value == "2024-09-10"


# --- the anchor without a publication date -------------------------------------------------

def sample(name: str) -> str:
    return next(SAMPLE.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, hints, anchor", [
    ("000", [LI_SHANGFU_AS_MINISTER], date(2023, 7, 12)),
    ("001", [], date(2024, 9, 15)),
    ("002", [DONG_JUN_AS_MINISTER], date(2024, 5, 31)),
    ("002", [], date(2024, 5, 31)),
    ("003", [LI_SHANGFU_AS_MINISTER], date(2023, 6, 27)),
])
def test_anchor_of_undated_sample_articles_is_inferred_from_weekdays_years_and_hints(name, hints, anchor):
    r = resolver(None, text=sample(name), hints=hints)
    assert (r.anchor, r.anchor_precision) == (anchor, "day")
    assert f"year {anchor.year}" in r.anchor_note


def test_anchor_note_keeps_the_reasoning():
    r = resolver(None, text=sample("001"))
    assert "15 September was a Sunday in 2024" in r.anchor_note
    assert "latest year mentioned 2023" in r.anchor_note


def _sentences(text: str):
    import re

    return [s for s in re.split(r"(?<=[.。])\s*|\n+", text) if s]


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared gold annotations not present")
@pytest.mark.parametrize("name, hints", [
    ("000", [LI_SHANGFU_AS_MINISTER]), ("001", []), ("002", [DONG_JUN_AS_MINISTER]),
    ("003", [LI_SHANGFU_AS_MINISTER]),
])
def test_every_gold_meeting_date_is_among_the_dates_found_in_the_sample(name, hints):
    text = sample(name)
    gold = json.loads(next(GOLD.glob(f"{name}_*.json")).read_text())
    r = resolver(None, text=text, hints=hints)
    found = {(m.value, m.end_value) for s in _sentences(text) for m in r.find(s) if m.value}
    found |= {(v, None) for v, _ in found}
    for meeting in gold["meetings"]:
        # a gold date is found when some mention agrees to the gold's precision ("2023" by "2023-03")
        width = len(meeting["date"])
        coarse = {(v[:width], e if width == 10 else None) for v, e in found if len(v) >= width}
        assert (meeting["date"], meeting["date_end"]) in coarse, meeting


def test_relative_phrases_follow_the_inferred_year():
    r = resolver(None, text=sample("002"))
    assert [(m.text, m.value) for m in r.find("Dong Jun served as Defense Minister in December last year.")] == [
        ("December last year", "2023-12")]


def test_weekday_without_year_resolves_to_latest_matching_year_within_hints():
    text = "Austin and Wei held a meeting on Friday (May 31)."
    # 31 May fell on a Friday in 2013, 2019, 2024 (and 2030): Wei Fenghe's term points to 2019
    r = resolver(None, text=text, hints=[WEI_FENGHE_AS_MINISTER])
    assert r.anchor == date(2019, 5, 31)
    r = resolver(None, text=text, hints=[DONG_JUN_AS_MINISTER])
    assert r.anchor == date(2024, 5, 31)


def test_weekday_without_year_or_hints_resolves_to_latest_past_year_never_the_future():
    r = resolver(None, text="Austin and Dong held a meeting on Friday (May 31).")
    assert r.anchor == date(2024, 5, 31)  # 2030 would fit the weekday but lies after today


def test_weekday_year_prefers_the_year_after_the_latest_year_mentioned():
    text = "They met on Friday (May 31). Relations had been cut since August 2018."
    assert resolver(None, text=text).anchor == date(2019, 5, 31)


def test_day_only_weekday_uses_a_month_mentioned_elsewhere():
    text = "外长星期天(25日)在北京会面。双方6月的会谈十分重要。"
    r = resolver(None, text=text, hints=[LI_SHANGFU_AS_MINISTER])
    assert (r.anchor, r.anchor_precision) == (date(2023, 6, 25), "day")


def test_without_weekday_dates_the_anchor_is_a_year_from_hints_or_years_mentioned():
    r = resolver(None, text="The ministers met in Beijing.", hints=[LI_SHANGFU_AS_MINISTER])
    assert (r.anchor_precision, r.anchor.year) == ("year", 2023)
    assert values_of(r, "They met last year.") == [("last year", "2022", "year")]
    r = resolver(None, text="Relations have been cut since August 2022.")
    assert (r.anchor_precision, r.anchor.year) == ("year", 2022)


def test_without_any_clue_there_is_no_anchor_and_relative_dates_stay_unresolved():
    r = resolver(None, text="The ministers met on Tuesday.")
    assert (r.anchor, r.anchor_precision) == (None, "none")
    assert values_of(r, "The ministers met on Tuesday.") == [("Tuesday", None, None)]
    assert values_of(r, "in June 2023") == [("June 2023", "2023-06", "month")]


def test_a_future_weekday_date_does_not_move_the_anchor():
    text = "They met on Wednesday (July 12). Kerry will arrive on Sunday (July 16)."
    assert resolver(None, text=text, hints=[LI_SHANGFU_AS_MINISTER]).anchor == date(2023, 7, 12)


def values_of(r: DateResolver, sentence: str):
    return [(m.text, m.value, m.precision) for m in r.find(sentence)]


# --- where dateparser goes wrong -------------------------------------------------------------

def _dateparser(text: str, base: date):
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day)})
    return parsed.date() if parsed else None


def test_weekday_and_month_day_year_comes_from_the_weekday_not_the_current_year():
    # dateparser reads "Friday (May 31)" in the current year: 2026-05-31, which was a Sunday
    assert _dateparser("Friday (May 31)", TODAY) != date(2024, 5, 31)
    assert resolver(None, text="They met on Friday (May 31).").anchor == date(2024, 5, 31)


def test_day_in_parentheses_is_checked_against_its_weekday():
    # dateparser puts "Monday (26th)" in the anchor's month even when that 26th is a Thursday
    base = date(2024, 9, 28)
    assert _dateparser("Monday (26th)", base) == date(2024, 9, 26)
    assert one("met on Monday (26th)", published=base.isoformat()).value == "2024-08-26"


def test_relative_month_phrases_dateparser_cannot_read_are_resolved():
    base = date(2024, 5, 31)
    assert _dateparser("November last year", base) is None
    assert _dateparser("earlier this month", base) is None
    assert one("November last year").value == "2023-11"
    assert one("earlier this month").value == "2024-05"


# --- robustness and plumbing -----------------------------------------------------------------

@pytest.mark.parametrize("published, expected", [
    ("2024-06-01", (date(2024, 6, 1), "day")),
    ("2024-06-01T08:30:00+08:00", (date(2024, 6, 1), "day")),
    ("2024-06", (date(2024, 6, 1), "month")),
    ("2024", (date(2024, 1, 1), "year")),
    ("Fri, 31 May 2024 10:00:00 GMT", (date(2024, 5, 31), "day")),
    ("2024-02-30", None),
    ("gibberish", None),
    ("", None),
])
def test_publication_dates_in_common_forms_are_read(published, expected):
    assert parse_published(published, TODAY) == expected


def test_unreadable_publication_date_falls_back_to_inference():
    r = resolver("gibberish", text="They met on Friday (May 31).")
    assert r.anchor == date(2024, 5, 31)
    assert "not understood" in r.anchor_note


@pytest.mark.parametrize("odd", ["", "(((", "31st 31st 31st", "99999999 2024-13-45", "\x00\n\t", "星期八(32日)",
                                 "May May May 2024 2024", "on the 0th", "Feb 29 last year", "9" * 500])
def test_find_never_raises_on_odd_input(odd):
    r = resolver()
    r.find(odd)
    DateResolver(odd, odd, [(odd, odd)], today=TODAY).find(odd)


def test_february_29_resolves_only_in_a_leap_year():
    assert one("on February 29", published="2024-03-10").value == "2024-02-29"
    assert resolver("2023-03-10").find("on February 29") == []


def test_find_on_a_slice_of_the_article_reuses_its_scan_and_gives_sentence_offsets():
    text = "Preamble here. They met on Friday (May 31) in Singapore."
    r = resolver("2024-06-01", text=text)
    sentence = "They met on Friday (May 31) in Singapore."
    m = r.find(sentence)[0]
    assert sentence[m.start:m.end] == m.text == "Friday (May 31)"
    assert r.find(sentence) == [m]  # cached, and a fresh list each time
    assert r.find(sentence) is not r.find(sentence)


def test_the_key_gate_finds_the_same_expressions_as_a_full_scan():
    texts = [p.read_text(encoding="utf-8") for p in SAMPLE.glob("*.txt")]
    texts += ["two days ago", "the day before yesterday", "at the end of this year", "on the 14th of last month",
              "in early June 2023", "(26th)", "去年11月和今年6月25日", "between September 14 and 15"]
    for text in texts:
        assert scan(text) == scan_slow(text)


def test_docstring_examples_hold():
    for module in (dates, date_patterns):
        assert doctest.testmod(module).failed == 0


def test_day_of_the_month_after_from_since_until_by_the_is_a_date():
    r = resolver("2025-04-14")
    found = r.find("He will pay a state visit to Malaysia from the 15th, and then visit Cambodia.")
    assert [(m.text, m.value, m.future) for m in found] == [("15th", "2025-04-15", True)]


def test_day_range_of_the_anchor_month_gives_date_end():
    m = one("The talks will run from the 15th to the 17th.", published="2025-04-14")
    assert (m.value, m.end_value) == ("2025-04-15", "2025-04-17")


def test_a_decade_is_not_a_year():
    assert resolver("2025-04-14").find("Relations have improved since the 1990s.") == []


def test_dateline_gives_the_day_when_only_the_year_is_inferred():
    from datetime import date as _date
    from briefing.extract.dates import DateResolver as _R
    r = _R("RIYADH, Feb 18 - The ministers agreed on Tuesday to keep talking.", None,
           hints=[("2025-01-21", None), ("2025-01-20", "2025-05-01"), ("2017-01-20", "2021-01-20")],
           today=_date(2026, 11, 25))
    assert (r.anchor.isoformat(), r.anchor_precision) == ("2025-02-18", "day")
    assert [m.value for m in r.find("The ministers agreed on Tuesday to keep talking.")] == ["2025-02-18"]


def test_dateline_with_agency_moves_a_later_publication_anchor_back():
    from datetime import date as _date
    from briefing.extract.dates import DateResolver as _R
    r = _R("Beijing, March 5 (Xinhua) -- The session opened on Tuesday.", "2024-03-07", today=_date(2026, 1, 1))
    assert r.anchor.isoformat() == "2024-03-05"
    r = _R("Lloyd Austin, March 5 - nothing.", "2024-06-07", today=_date(2026, 1, 1))
    assert r.anchor.isoformat() == "2024-06-07"  # too far before publication: not a dateline day


def test_dateline_and_lead_weekday_choose_the_year_without_publication_date():
    from datetime import date as _date
    from briefing.extract.dates import DateResolver as _R
    text = "NEW DELHI, Nov 10 - The two countries agreed on Friday to deepen ties.\n\nThey met in 2018 too."
    r = _R(text, None, hints=[("2021-01-26", "2025-01-20"), ("2015-01-29", "2018-01-28")], today=_date(2026, 1, 1))
    assert (r.anchor.isoformat(), r.anchor_precision) == ("2023-11-10", "day")


def test_earlier_this_month_in_a_story_dated_the_first_is_the_month_before():
    s = "Earlier this month, the two ministers met in the capital."
    assert [(m.value, m.precision) for m in DateResolver(s, "2025-09-01", today=TODAY).find(s)] == [("2025-08", "month")]
    assert [m.value for m in DateResolver(s, "2025-09-15", today=TODAY).find(s)] == ["2025-09"]


def test_ordinal_day_before_for_is_a_date():
    s = "He arrived in the capital on the 8th for a three-day visit."
    found = DateResolver(s, "2022-06-10", today=TODAY).find(s)
    assert [(m.value, m.precision) for m in found] == [("2022-06-08", "day")]
