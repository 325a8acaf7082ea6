"""The meeting extractor, read as a specification."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.extract.actors import ActorIndex
from briefing.extract.gazetteer import load_gazetteer
from briefing.extract.pipeline import MeetingExtractor
from briefing.extract.repair import repair
from briefing.extract.sentences import split_sentences
from briefing.extract.tokens import phrase_key
from briefing.extract.triggers import Triggers

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "briefing" / "data" / "sample"
GOLD = ROOT.parent / "shared" / "sample" / "articles"


@pytest.fixture(scope="module")
def extractor() -> MeetingExtractor:
    return MeetingExtractor.from_store(None)


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex(load_gazetteer())


def _a_holder(index: ActorIndex, office: str, country: str) -> tuple[str, str, str]:
    """Some (key, name, a date in office) from the gazetteer, so tests name no real person."""
    for key, c, start, end in index.holders[office]:
        if (c or index.actors[key].country) == country and start and len(start) >= 7:
            return key, index.actors[key].name, start[:7]
    pytest.skip(f"no dated {office} holder for {country} in the gazetteer")


def test_missing_space_after_full_stop_is_repaired():
    r = repair("The talks ended.The two sides met again.")
    assert r.text == "The talks ended. The two sides met again."
    assert [s.text for s in split_sentences(r.text)] == ["The talks ended.", "The two sides met again."]


def test_broken_hyphenation_is_repaired_and_offsets_index_the_original():
    original = "the Sino -US and Indo -Pacific talks"
    r = repair(original)
    assert "Sino-US" in r.text and "Indo-Pacific" in r.text
    s = r.text.index("Indo-Pacific")
    start, end = r.span(s, s + len("Indo-Pacific"))
    assert original[start:end] == "Indo -Pacific"


def test_chinese_sentences_are_split_on_chinese_full_stops():
    texts = [s.text for s in split_sentences("They met.双方举行会谈。会谈持续一小时。")]
    assert texts == ["They met.", "双方举行会谈。", "会谈持续一小时。"]


def test_abbreviations_do_not_end_sentences():
    texts = [s.text for s in split_sentences("The U.S. Department of Defense said so. It ended.")]
    assert texts == ["The U.S. Department of Defense said so.", "It ended."]


def test_role_phrase_resolves_to_office_holder_at_article_date(index):
    key, _name, date = _a_holder(index, "defense_minister", "CN")
    assert key in index.office_holders("defense_minister", "CN", date)


def test_fuzzy_pinyin_match_becomes_auto_alias(index):
    # a Chinese form's romanisation with one letter garbled resolves, as an 'auto' alias
    for key, info in index.actors.items():
        forms = [f for f in info.forms if len(f) >= 8 and f.isalpha()]
        if info.kind == "person" and forms and info.country == "CN":
            garbled = forms[0][:-1] + ("a" if forms[0][-1] != "a" else "e")
            res = index.fuzzy(garbled.capitalize())
            assert res == (key, "auto")
            return
    pytest.skip("no suitable actor")


def test_unknown_person_with_a_role_becomes_a_new_actor(extractor, index):
    _key, name, date = _a_holder(index, "defense_minister", "CN")
    text = (f"Chinese Defense Minister {name} met Vietnam's Defense Minister Zorbak Quillfeather "
            f"in Hanoi on Monday.")
    events = extractor.extract(text, date + "-15")
    assert events
    new = [p for p in events[0].participants if p.actor_key is None]
    assert [(p.name, p.alias_source, p.country) for p in new] == [("Zorbak Quillfeather", "extracted", "VN")]


def test_removed_alias_is_not_resolved_again():
    gaz = load_gazetteer()
    plain = ActorIndex(gaz)
    key, _ = plain.fuzzy("Wu Yaman") or (None, None)
    if key is None:
        pytest.skip("no fuzzy neighbour in this gazetteer")
    undone = ActorIndex(gaz, [(key, "Wu Yaman", "wu yaman", None, "auto", 1)])
    assert undone.fuzzy("Wu Yaman") is None
    assert undone.resolve_name("Wu Yaman", phrase_key("Wu Yaman"), None, None, None) is None


def test_analyst_alias_resolves():
    gaz = load_gazetteer()
    key = next(iter(gaz.actors))
    ix = ActorIndex(gaz, [(key, "Zebulon Quartermain", "zebulon quartermain", None, "analyst", 0)])
    assert ix.resolve_name("Zebulon Quartermain", phrase_key("Zebulon Quartermain"), None, None, None) == (key, "bundled")


def test_duration_and_status_cues():
    t = Triggers()
    assert t.duration("held a 75-minute meeting")[0] == 75
    assert t.duration("the talks lasted about two hours")[0] == 120
    assert t.duration("after a lapse of 18 months") is None
    assert t.status("Beijing rejected the request for a meeting")[0] == "declined"
    assert t.status("he will visit next week")[0] == "planned"
    assert t.hypothetical("it is unlikely that they meet")
    assert not t.hypothetical("they met on Friday (May 31)")


def test_an_article_with_no_meeting_gives_no_events(extractor):
    assert extractor.extract("Shares rose on Tuesday as investors weighed inflation data.", "2024-01-02") == []


def test_evidence_spans_index_the_stored_text(extractor):
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text()
        for ev in extractor.extract(text, None):
            assert ev.evidence
            for e in ev.evidence:
                assert 0 <= e.start <= e.end <= len(text)
                if e.field == "participants":
                    assert text[e.start:e.end].replace(" ", "") == e.value.replace(" ", "")


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared gold not present")
def test_every_core_meeting_of_the_samples_is_found(extractor):
    from briefing.store.events import norm_name

    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        events = extractor.extract((GOLD / gold["article"]).read_text(), gold.get("published"))
        for gm in gold["meetings"]:
            if not gm.get("core"):
                continue
            want = {norm_name(p) for p in gm["participants"]}
            assert any(want <= {norm_name(p.name) for p in ev.participants} and
                       (ev.date or "").startswith(gm["date"] or "") for ev in events), gm
