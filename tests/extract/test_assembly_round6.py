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
