"""Which date mention belongs to which event: an event's date, date_end and precision.

:mod:`briefing.extract.dates` gives each date expression its meaning; this module decides
which of them dates which event. The pipeline calls

* :func:`pick_date` for each candidate (a meeting cue and its clause): the date mention
  nearest the cue that is not cut off from it by a subordinate clause;
* :func:`date_candidates` once the candidates of the article are known: a candidate whose
  clause has no date of its own borrows one from the clause's other cues, from the rest of
  its sentence, from "said on Wednesday (20th) that ..." (the month only), or from "at that
  time" (the last date mentioned before);
* :func:`date_events` once the headline meeting is known: "On the same day, X also met Y"
  and the undated "also met" of a headline participant take the headline meeting's date.

Vocabulary lives in ``briefing/data/lexicon.toml`` (``[event_dates]``, ``[status]
subordinators``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from datetime import date as _date, timedelta

from briefing.extract.date_patterns import scan
from briefing.extract.dates import is_dateline
from briefing.extract.lexicon import alternation, lexicon

__all__ = ["date_candidates", "date_events", "pick_date"]

# "a trip to Beijing that was due to begin on Sunday": the clause describes the cue's event
_DUE_RELATIVE = re.compile(r"^(?:\s+[\w.'’-]+){0,3}?\s+(?:that|which)\s+(?:was|is|were|are|had been|has been)\s+"
                           r"(?:due|scheduled|set|planned|expected|slated)\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|stated|added)\b[^,.;\"”]{0,25}$", re.I)
_ATTRIBUTIVE_REACH = 25  # characters: "the May 31 security talks" -- the cue is the noun dated
_OPENER = 40  # characters: "During his visit," opening a sentence
_LEAD_SENTENCES = 3  # the lead of a news story: its first sentences


class _Lex:
    def __init__(self) -> None:
        lex = lexicon().get("event_dates", {})

        def w(key: str, default: list[str] | None = None) -> str:
            """The lexicon's word list ``key`` as a regex alternation, longest first."""
            return alternation(lex.get(key, default or []))

        self.same_occasion = re.compile(rf"(?:^|\b)(?:{w('same_occasion')})(?:\b|$)", re.I)
        self.previous_time = re.compile(rf"(?:^|\b)(?:{w('previous_time')})(?:\b|$)", re.I)
        self.also = re.compile(rf"\b(?:{w('also')})\b", re.I)
        # a relative clause closed by a comma is not the clause the date is in
        self.relative = re.compile(rf",\s*(?:{w('relative')})\b[^,;]*,", re.I)
        self.target_year = re.compile(rf"\b(?:{w('target_year')})\s*$", re.I)
        self.simultaneous = re.compile(rf",\s*(?:{w('simultaneous')})\b", re.I)
        self.attributive = re.compile(rf"\b(?:{w('attributive')})\s+$", re.I)
        self.noun_after = re.compile(r"^[ -]+[a-z]")
        self.when_occasion = re.compile(rf"\b(?:{w('when_occasion')})\b", re.I)
        self.that = re.compile(r"^\s*,?\s*that\b", re.I)
        self.when = re.compile(r"^\s*[,，]?\s*(?:when|where)\b[^,;.]*$", re.I)
        self.relative_open = re.compile(rf",\s*(?:{w('relative')})\b[^;]*", re.I)
        self.occasion_relative = re.compile(rf"\b(?:{w('occasion_relative')})\s+the\s+(?:[\w+-]+\s+){{0,3}}?$", re.I)
        self.cue_relative = re.compile(rf"^\s*,\s*(?:{w('cue_relative')})\b", re.I)
        self.commemorated = re.compile(rf"\b(?:{w('commemorated', ['anniversary of'])})\b", re.I)
        self.place_clause = re.compile(rf",\s*(?:{w('place_clause', ['where'])})\b[^;]*", re.I)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def _cut_off(triggers: Any, between: str) -> bool:
    """A subordinator between a date and a cue, outside closed relative clauses."""
    if not triggers.has_subordinator(between):
        return False
    lx = _lex()
    return triggers.has_subordinator(lx.simultaneous.sub(",", lx.relative.sub(",", between)))


def _names_another_event(text: str, base: int, d: Any, cue: Any) -> bool:
    """"... including a June 17 clash": a date modifying a noun other than the cue dates that."""
    if cue.start <= d.end + _ATTRIBUTIVE_REACH and cue.start >= d.end:
        return False
    lx = _lex()
    return bool(lx.attributive.search(text[max(d.start - base - 8, 0):max(d.start - base, 0)])
                and lx.noun_after.match(text[d.end - base:d.end - base + 3]))


def pick_date(a: Any, dates: list, cue: Any, triggers: Any) -> Any | None:
    """The date mention nearest the cue that is not cut off from it by a subordinator.

    ``a`` is the sentence's analysis (``a.sent.text``, ``a.sent.start``), ``dates`` the
    candidate's date mentions (absolute offsets), ``cue`` the meeting cue. A date after
    "after", "since", "that" ... belongs to another clause, not to the cue's event; a
    relative clause closed by a comma ("Marcos, who is paying a visit, at ...") does not.
    """
    text, base = a.sent.text, a.sent.start
    ok = []
    for d in dates:
        if d.precision == "year" and _lex().target_year.search(text[max(d.start - base - 20, 0):max(d.start - base, 0)]):
            continue
        if _names_another_event(text, base, d, cue):
            continue
        # "..., X said in a statement on Tuesday": the day of the saying
        if d.start > cue.end and _SAID_BEFORE.search(text[max(d.start - base - 30, 0):max(d.start - base, 0)]):
            continue
        # "to attend the 70th anniversary of the armistice signed on July 27, 1953": that date is
        # the anniversary's, not the cue's
        lo = max(d.start - base - 90, 0)
        m = _lex().commemorated.search(text, lo, max(d.start - base, 0))
        if m and cue.start - base < m.start():
            continue
        lo, hi = (d.end, cue.start) if d.end <= cue.start else (cue.end, d.start)
        between = text[max(lo - base, 0):max(hi - base, 0)]
        if d.start >= cue.end:
            # "the Tenth 2+2, which X attended in December 2022": the clause describes the cue
            m = _lex().cue_relative.match(between) or _DUE_RELATIVE.match(between)
            between = between[m.end():] if m else between
        if _cut_off(triggers, between):
            continue
        # the dateline ("SINGAPORE, June 1 -") is the day of writing: only if nothing else dates the cue
        far = is_dateline(text[:max(d.start - base, 0)], text[d.end - base:d.end - base + 40])
        ok.append((far, abs((d.start + d.end) / 2 - (cue.start + cue.end) / 2), d))
    if not ok:
        return None
    ok.sort(key=lambda x: x[:2])
    return ok[0][2]


# --- candidates without a date of their own --------------------------------------------------

def date_candidates(cands: list, analyses: list, triggers: Any, resolver: Any = None) -> None:
    """Date, in place, the candidates whose own clause gave them no date (see module doc)."""
    real = [c for c in cands if not isinstance(c, tuple)]
    for c in real:
        if c.date is not None and c.persons:
            d = _clause_date(c, analyses[c.sent_index], _lex().place_clause, triggers)
            if d is not None:
                c.date = d
    for i, c in enumerate(real):
        if c.date is not None or not c.persons:
            continue
        a = analyses[c.sent_index]
        siblings = [s for s in real[i + 1:] if s.sent_index == c.sent_index]
        d = (_from_other_cues(c, a, triggers) or _from_rest_of_sentence(c, a, siblings, triggers)
             or _clause_date(c, a, _lex().relative_open, triggers) or _when_clause(c, a) or _when_occasion(c, a, triggers) or _reported(c, a, triggers) or _previous_time(c, a, analyses, resolver)
             or _scene(c, a, analyses, resolver))
        if d is not None:
            _set(c, d)


def _clause_date(c: Any, a: Any, clause: Any, triggers: Any) -> Any | None:
    """The one date of a subordinate clause after the cue that names people of the candidate who
    are not named before it -- the clause tells their meeting, at its own date."""
    text, base = a.sent.text, a.sent.start
    s, e = _span(c, a)
    m = clause.search(text, max(c.cue.end - base, 0), max(e - base, 0))
    if m is None:
        return None
    lo, hi = m.start() + base, m.end() + base
    if c.date is not None and lo <= c.date.start < hi:
        return None
    before = {p.key or p.name for p in c.persons if p.start < lo}
    inside = [p for p in c.persons if lo <= p.start < hi and (p.key or p.name) not in before
              and getattr(p, "kind", "person") == "person"]
    dates = [d for d in a.dates if lo <= d.start < hi]
    if not inside or len(dates) != 1:
        return None
    d = dates[0]
    word = re.match(r",\s*\w+", text[m.start():]).end()
    if _cut_off(triggers, text[m.start() + word:d.start - base]):
        return None
    return replace(d, note=f"the date of the clause the people are named in ({d.text})")


def _sentence_dates(a: Any, resolver: Any) -> list:
    """The date mentions of a sentence; the pipeline resolves them only where it needs them."""
    if a.dates or resolver is None:
        return a.dates
    from briefing.extract.pipeline import DateInfo  # the pipeline imports this module

    base = a.sent.start
    return [DateInfo(d.start + base, d.end + base, d.text, d.value, d.precision, d.end_value, bool(d.future), d.note)
            for d in resolver.find(a.sent.text) if d.value]


def _scene(c: Any, a: Any, analyses: list, resolver: Any) -> Any | None:
    """"The relationship fell further in February. X cancelled his visit ...": a sentence with no
    date at all, right after one that sets the time and reports no meeting, happened then."""
    i = a.sent.index
    if i == 0 or _sentence_dates(a, resolver):
        return None
    prev = analyses[i - 1]
    if prev.cues or prev.sent.paragraph != a.sent.paragraph:
        return None
    dates = _sentence_dates(prev, resolver)
    if not dates:
        return None
    d = dates[-1]
    return replace(d, future=False, note=f"the time set by the sentence before ({d.text})")


def _set(c: Any, d: Any) -> None:
    c.date = d
    if d.future and c.status == "held":
        c.status = "planned"


def _span(c: Any, a: Any) -> tuple[int, int]:
    return getattr(c, "span", (a.sent.start, a.sent.end))


def _from_other_cues(c: Any, a: Any, triggers: Any) -> Any | None:
    """"The summit was arranged after X met Y on Aug. 6": the cue next to the people dates them."""
    s, e = _span(c, a)
    dates = [d for d in a.dates if s <= d.start < e]
    others = [x for x in a.cues if s <= x.start < e and x is not c.cue and x.start != c.cue.start]
    if not dates or not others:
        return None
    text, base = a.sent.text, a.sent.start
    for x in sorted(others, key=lambda x: min(abs(x.start - m.start) for m in c.persons)):
        near = min(c.persons, key=lambda m: abs(m.start - x.start))
        lo, hi = (near.end, x.start) if near.end <= x.start else (x.end, near.start)
        if _cut_off(triggers, text[max(lo - base, 0):max(hi - base, 0)]):
            continue
        d = pick_date(a, dates, x, triggers)
        if d is not None:
            return d
    return None


def _from_rest_of_sentence(c: Any, a: Any, siblings: list, triggers: Any) -> Any | None:
    """"X and Y met in Lima, Peru on the sidelines of the APEC meeting last Saturday (16th)":
    the comma cut the clause, the date after it is still X and Y's -- unless a clause with
    people of its own comes first. The date moves: the clause without people no longer has it."""
    text, base = a.sent.text, a.sent.start
    for s in siblings:
        if any(getattr(m, "kind", "person") == "person" for m in s.persons):
            return None
        if s.date is None:
            continue
        d = s.date
        if d.start < c.cue.end or _cut_off(triggers, text[c.cue.end - base:d.start - base]):
            return None
        s.date = None
        return d
    return None


def _when_clause(c: Any, a: Any) -> Any | None:
    """"... to Manila in November 2023, when he and Marcos agreed to begin talks": a "when"
    clause happened at the date it follows."""
    text, base = a.sent.text, a.sent.start
    for d in reversed(a.dates):
        if d.end > c.cue.start:
            continue
        if _lex().when.match(text[d.end - base:c.cue.start - base]):
            return replace(d, note=f"the date the 'when' clause follows ({d.text})")
        return None
    return None


def _when_occasion(c: Any, a: Any, triggers: Any) -> Any | None:
    """"X is expected to meet Y when he attends the SCO meeting in Moscow next week": a planned
    meeting happens at the occasion its "when" clause names."""
    if c.status != "planned":
        return None
    text, base = a.sent.text, a.sent.start
    _, e = _span(c, a)
    lx = _lex()
    for d in a.dates:
        if d.start < c.cue.end or d.start >= e:
            continue
        between = text[c.cue.end - base:d.start - base]
        if not lx.when_occasion.search(between):
            return None
        if not _cut_off(triggers, lx.when_occasion.sub(" ", between)):
            return replace(d, note=f"the occasion of the 'when' clause ({d.text})")
        return None
    return None


def _reported(c: Any, a: Any, triggers: Any) -> Any | None:
    """"The Pentagon said on Wednesday (20th) that X had hoped to meet Y": the report's month."""
    text, base = a.sent.text, a.sent.start
    s, _ = _span(c, a)
    for d in reversed([d for d in a.dates if s <= d.start and d.end <= c.cue.start]):
        if not _lex().that.match(text[d.end - base:c.cue.start - base]):
            continue
        if not triggers.speech(text[max(d.start - base - 40, 0):d.start - base]):
            continue
        if d.precision == "day":
            return replace(d, value=d.value[:7], precision="month", end_value=None, future=False,
                           note=f"reported on {d.value}; the day of the event itself is not given")
        return d
    return None


def _previous_time(c: Any, a: Any, analyses: list, resolver: Any = None) -> Any | None:
    """"... resumed their meeting last June. At that time, X met Y": the date mentioned last."""
    s, _ = _span(c, a)
    head = a.sent.text[s - a.sent.start:c.cue.start - a.sent.start]
    if not _lex().previous_time.search(head):
        return None
    for prev in reversed(analyses[max(a.sent.index - 2, 0):a.sent.index]):
        dates = _sentence_dates(prev, resolver)
        if dates:
            d = dates[-1]
            return replace(d, note=f"'at that time': the date mentioned before ({d.text})")
    return None


def _before_the_cue(opener: str, a: Any) -> bool:
    """"Prior to the 2+2, X paid a courtesy call on Y": an opener placing the event next to a
    meeting it names ("the" and a meeting cue) -- the occasion of the headline meeting."""
    if not opener:
        return False
    end = len(opener)
    for c in a.cues:
        s = c.start - a.sent.start
        if 0 <= s and c.end - a.sent.start <= end and _lex().occasion_relative.search(opener[:s]) \
                and re.match(r"^(?:\s+[A-Z][\w'’-]*)*[\s\"'”’)]*,\s*$", opener[c.end - a.sent.start:]):
            return True
    return False


def _lead_date(core: Any, analyses: list, resolver: Any) -> Any | None:
    """"SINGAPORE, June 1 - South Korea and Japan agreed on Saturday ... Shin and Kihara met on the
    sidelines ...": the first past day the lead reports, up to the headline meeting's sentence."""
    last = min(core.sent_index, _LEAD_SENTENCES - 1)
    for a in analyses[:last + 1]:
        for d in _sentence_dates(a, resolver):
            if d.precision == "day" and not d.future and (not d.end_value or core.kind == "visit"):
                return replace(d, note=f"the day the lead reports ({d.text})")
    return None


def _bare_weekday(d: Any) -> int:
    """+1 / -1 when the mention is a weekday alone ("on Saturday") that may move forward / back
    a week; 0 when it is anything else ("last Saturday" cannot move forward, "June 1" not at all)."""
    toks = scan(d.text or "")
    if len(toks) != 1 or toks[0].kind != "wd":
        return 0
    rel = toks[0].rel
    return {None: 2, "last": -1, "zlast": -1, "next": 1, "znext": 1}.get(rel, 0)


def _possible(e: Any, resolver: Any) -> None:
    """A held meeting is never after the day of writing, a planned one never before it: a bare
    weekday on the wrong side moves a week; any other held day after it keeps only its month."""
    d = e.date
    if d is None or resolver is None or d.precision != "day" or getattr(resolver, "anchor_precision", None) != "day":
        return
    anchor = resolver.anchor
    try:
        day = _date.fromisoformat(d.value)
    except (TypeError, ValueError):
        return
    if not ((e.status == "planned" and day < anchor) or (e.status == "held" and day > anchor)):
        return
    way = _bare_weekday(d)
    if e.status == "planned" and way in (1, 2):
        new = day + timedelta(days=7)
        e.date = replace(d, value=new.isoformat(), end_value=None, future=True,
                         note=f"a planned meeting is not before the day of writing ({anchor.isoformat()}): the next {d.text}")
    elif e.status == "held":
        if way in (-1, 2):
            new = day - timedelta(days=7)
            e.date = replace(d, value=new.isoformat(), end_value=None, future=False,
                             note=f"a held meeting is not after the day of writing ({anchor.isoformat()}): the previous {d.text}")
        elif d.value[:7] <= anchor.isoformat()[:7]:
            e.date = replace(d, value=d.value[:7], precision="month", end_value=None, future=False,
                             note=f"a held meeting is not after the day of writing ({anchor.isoformat()}): its month only")


def _published_month(resolver: Any) -> Any | None:
    """An undated held headline meeting of a dated news story: the month of publication (a month
    is safer than a wrong day)."""
    if resolver is None or getattr(resolver, "anchor_precision", None) != "day" \
            or not str(getattr(resolver, "anchor_note", "") or "").startswith("published"):
        return None
    from briefing.extract.pipeline import DateInfo  # the pipeline imports this module

    a = resolver.anchor
    return DateInfo(0, 0, "", f"{a.year:04d}-{a.month:02d}", "month", None, False,
                    f"the month of publication ({a.isoformat()}); the text gives no date")


# --- once the headline meeting is known --------------------------------------------------------

def date_events(events: list, analyses: list, resolver: Any = None) -> None:
    """"On the same day, X also held talks with Y": an undated event on the headline meeting's
    day; so is the undated "also met" of a headline participant (the same trip). An undated
    held headline meeting happened on the day its lead (or dateline) reports."""
    for e in events:
        _possible(e, resolver)
    core = next((e for e in events if e.core), None)
    if core is not None and core.date is None and core.status == "held":
        d = _lead_date(core, analyses, resolver) or _published_month(resolver)
        if d is not None:
            core.date = d
    if core is None or core.date is None:
        return
    lx = _lex()
    for e in events:
        if e is core or e.date is not None or not e.persons:
            continue
        a = analyses[e.sent_index]
        s, end = _span(e, a)
        head = a.sent.text[s - a.sent.start:e.cue.start - a.sent.start]
        tail = a.sent.text[e.cue.end - a.sent.start:end - a.sent.start]
        shares = bool(e.person_keys() & core.person_keys())
        # "During his visit, X ...": the sentence's opening phrase, cut off from the clause by its comma
        opener = a.sent.text[:max(s - a.sent.start, 0)]
        opener = opener if len(opener) <= _OPENER and "," in opener[-3:] else ""
        if lx.same_occasion.search(head) or lx.same_occasion.search(tail) or lx.same_occasion.search(opener) \
                or (shares and e.status == core.status and _before_the_cue(opener, a)):
            # "During his visit, X co-chaired ...": the visit just reported of one of them, else the headline's
            src = next((v for v in reversed(events) if v is not e and v.date is not None and v.kind == "visit"
                        and e.sent_index - 2 <= v.sent_index <= e.sent_index
                        and e.person_keys() & v.person_keys()), core)
            e.date = replace(src.date, note=f"the occasion's day ({src.date.text})")
        elif shares and lx.also.search(head) and e.status == core.status:
            e.date = replace(core.date, note=f"the headline meeting's day ({core.date.text})")
