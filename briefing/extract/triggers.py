"""Meeting cues (kind), status cues, hypotheses, durations and places in a sentence.

>>> t = Triggers()
>>> [(c.kind, c.text) for c in t.cues("Austin and Dong held a 75-minute meeting")]
[('meeting', 'meeting')]
>>> t.duration("the meeting lasted for about 90 minutes")
(90, 'lasted for about 90 minutes')
>>> t.status("China refused to arrange a meeting")
('declined', 'refused')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.gate import LiteralGate
from briefing.extract.lexicon import lexicon, places
from briefing.extract.tokens import PhraseTable, Token

_CJK = re.compile(r"[\u4e00-\u9fff]")
KIND_ORDER = ("video_call", "call", "summit", "dialogue", "talks", "visit", "meeting")


@dataclass(slots=True)
class Cue:
    kind: str
    start: int  # relative to the text searched
    end: int
    text: str


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


class Triggers:
    def __init__(self) -> None:
        lex = lexicon()
        groups = []
        for kind in KIND_ORDER:
            pats = lex["cues"].get(kind, [])
            if pats:
                groups.append(f"(?P<{kind}>\\b(?:{_alt(pats)})\\b)")
        self._cue_re = re.compile("|".join(groups), re.I)
        self._cue_gate = LiteralGate([p for kind in KIND_ORDER for p in lex["cues"].get(kind, [])])
        zh = []
        for kind in KIND_ORDER:
            pats = lex["cues_zh"].get(kind, [])
            if pats:
                zh.append(f"(?P<{kind}>{_alt(pats)})")
        self._cue_zh_re = re.compile("|".join(zh))
        st = lex["status"]
        self._status = [(s, re.compile(rf"(?:\b|(?=[\u4e00-\u9fff]))(?:{_alt(st[s])})(?:\b|(?<=[\u4e00-\u9fff]))", re.I))
                        for s in ("declined", "cancelled", "planned")]
        self._status_gates = {s: LiteralGate(st[s]) for s in ("declined", "cancelled", "planned")}
        self._hypo = re.compile(rf"\b(?:{_alt(st['hypothetical'])})\b", re.I)
        an = lex["anaphora"]
        self._anaphoric = re.compile(rf"\b(?:{_alt(an['before_cue'])})\s+(?:[\w'’-]+\s+){{0,2}}$", re.I)
        self.this_is_first = re.compile(an["this_is_first"], re.I)
        self._another = re.compile(rf"\b(?:{_alt(an['another_before_cue'])})\b", re.I) if an.get("another_before_cue") else None
        self._invitation = re.compile(rf"\b(?:{_alt(an['invitation'])})\b", re.I)
        self._setting = re.compile(rf"\b(?:{_alt(an['setting_before_name'])})\s+(?:the\s+)?$", re.I)
        self._purpose = re.compile(rf"\b(?:{_alt(an['purpose_before_cue'])})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
        self._after_cue = re.compile(rf"^\s+(?:{_alt(an['participants_after_cue'])})\b", re.I) \
            if an.get("participants_after_cue") else None
        self._trip_rank = re.compile(rf"(?:['’]s?|\b(?:his|her|their))\s+(?:{_alt(an['trip_rank'])})\s+(?:[\w-]+\s+){{0,2}}$", re.I) \
            if an.get("trip_rank") else None
        lead = rf"(?:(?:{_alt(an['pair_lead'])}),?\s+)?" if an.get("pair_lead") else ""
        self._pair = re.compile(rf"^\W*{lead}(?:{_alt(an['pair_pronouns'])})\b", re.I)
        self._pair_any = re.compile(rf"(?:\b(?:{_alt(an['pair_pronouns'])})\b)", re.I)
        self._characterisation = re.compile(rf"\b(?:{_alt(st.get('characterisation', []))})\s+$", re.I) \
            if st.get("characterisation") else None
        self._office_change = re.compile(rf"^\W{{0,3}}(?:\w+\s+){{0,1}}(?:{_alt(st.get('office_change', []))})\b", re.I) \
            if st.get("office_change") else None
        self._subordinator = re.compile(rf"\b(?:{_alt(lex['status']['subordinators'])})\b", re.I)
        self._speech = re.compile(rf"(?:\b(?:{_alt(lex['speech']['verbs'])})\b)", re.I)
        self._speech_gate = LiteralGate(lex["speech"]["verbs"])
        self._numbers = {k.lower(): float(v) for k, v in lex.get("duration", {}).get("numbers", {}).items()} \
            or {"one": 1.0, "two": 2.0, "three": 3.0, "a": 1.0, "an": 1.0}
        num = rf"(\d+(?:\.\d+)?|{_alt(sorted(self._numbers, key=len, reverse=True))})"
        pre = r"(?:(?:lasted|lasting|for|about|nearly|some|more than|over|almost|around|roughly)\s+){0,3}"
        self._duration = re.compile(
            rf"(?:{pre}\b(?:{num}\s*(?:and\s+a\s+(half)\s+)?-?\s*(?:hours?|hrs?)\b"
            rf"(?:\s+and\s+a\s+(half))?(?:,?\s*(?:and\s+)?{num}\s*-?\s*(?:minutes?|mins?)\b)?"
            rf"|{num}\s*-?\s*(?:minutes?|mins?)\b|(half)\s+an\s+hour\b|(hour)-long\b))", re.I)
        self.places: PhraseTable[dict] = PhraseTable()
        self.zh_places: dict[str, dict] = {}
        for p in places():
            for n in p.get("names", []):
                self.places.add(n, p)
            for z in p.get("zh", []):
                self.zh_places[z] = p
        self._zh_place_re = re.compile("|".join(map(re.escape, sorted(self.zh_places, key=len, reverse=True))))
        self._ordinal = re.compile(r"(?<!\()\b\d+(?:st|nd|rd|th)\b(?!\))[^.,;]{0,60}$", re.I)  # not "(20th)", a day

    def cues(self, text: str, offset: int = 0, cjk: bool | None = None) -> list[Cue]:
        """Meeting cues in ``text``, positions shifted by ``offset``; ``cjk`` when the caller knows."""
        out = [Cue(m.lastgroup or "meeting", m.start() + offset, m.end() + offset, m.group())
               for m in self._cue_re.finditer(text)] if self._cue_gate.may_match(text) else []
        if cjk or cjk is None and _CJK.search(text):
            out += [Cue(m.lastgroup or "meeting", m.start() + offset, m.end() + offset, m.group())
                    for m in self._cue_zh_re.finditer(text)]
            out.sort(key=lambda c: c.start)
        return out

    def status(self, text: str) -> tuple[str, str] | None:
        for status, rx in self._status:
            if not self._status_gates[status].may_match(text):
                continue
            m = rx.search(text)
            if m:
                return status, m.group()
        return None

    def hypothetical(self, text: str) -> bool:
        return bool(self._hypo.search(text))

    def anaphoric(self, before_cue: str) -> bool:
        """True when the words before a cue point back ("the meeting", "this round of talks")."""
        m = self._anaphoric.search(before_cue[-60:])
        return bool(m) and not (self._another and self._another.search(m.group()))

    def invitation(self, text: str) -> int | None:
        """Where "at the invitation of" (its host follows) starts in ``text``, else None."""
        m = self._invitation.search(text)
        return m.start() if m else None

    def setting(self, before_name: str) -> bool:
        """True when a named gathering is where the clause happens ("on the sidelines of the ...")."""
        return bool(self._setting.search(before_name[-60:]))

    def characterises(self, before_cue: str) -> bool:
        """True for "the most senior official to <cue>": a description, not a meeting."""
        return bool(self._characterisation and self._characterisation.search(before_cue[-80:]))

    def office_change(self, after_name: str) -> bool:
        """True when the words after a name say they took or left office ("... took office in January")."""
        return bool(self._office_change and self._office_change.search(after_name[:50]))

    def participants_follow(self, after_cue: str) -> bool:
        """True for "the meeting between A and B": the cue's participants are named after it."""
        return bool(self._after_cue and self._after_cue.match(after_cue[:20]))

    def ranked_trip(self, before_cue: str) -> bool:
        """True for "X's first foreign visit": a trip described by its rank."""
        return bool(self._trip_rank and self._trip_rank.search(before_cue[-60:]))

    def purpose(self, before_cue: str) -> bool:
        """True when the cue is the purpose of the clause before it ("hosted them for a meeting")."""
        return bool(self._purpose.search(before_cue[-60:]))

    def starts_with_pair(self, text: str) -> bool:
        return bool(self._pair.search(text))

    def mentions_pair(self, text: str) -> bool:
        return bool(self._pair_any.search(text))

    def has_subordinator(self, text: str) -> bool:
        return bool(self._subordinator.search(text))

    def speech(self, text: str) -> re.Match | None:
        return self._speech.search(text) if self._speech_gate.may_match(text) else None

    def ordinal_before(self, before_cue: str) -> bool:
        return bool(self._ordinal.search(before_cue))

    def duration(self, text: str) -> tuple[int, str] | None:
        """Minutes of the first duration in ``text`` ("75-minute", "lasted about 90 minutes")."""
        low = text.lower()
        if "minute" not in low and "hour" not in low and " min" not in low:
            return None
        # the pattern tries every position; look only near the words it needs ("hour", "min")
        anchors = sorted(i for w in ("hour", "min") for i in _find_all(low, w))
        lo = 0
        for at in anchors:
            if at < lo:
                continue
            start = max(lo, at - 70)
            found = self._duration_at(text, start, min(len(text), at + 40))
            if found is not None:
                return found
            lo = at + 1
        return None

    def _duration_at(self, text: str, start: int, end: int) -> tuple[int, str] | None:
        for m in self._duration.finditer(text, start, end):
            h, half1, half2, hm, mins, half3, hourlong = m.groups()
            value = lambda n: float(self._numbers.get(n.lower(), 0) if not n[0].isdigit() else n)  # noqa: E731
            if h:
                minutes = value(h) * 60 + (30 if half1 or half2 else 0) + (value(hm) if hm else 0)
            elif mins:
                minutes = value(mins)
            elif half3:
                minutes = 30
            else:
                minutes = 60
            if 5 <= minutes <= 12 * 60:
                return int(round(minutes)), m.group().strip()
        return None

    def place_at(self, tokens: list[Token], i: int) -> tuple[int, dict] | None:
        return self.places.match(tokens, i)

    def zh_places_in(self, text: str) -> list[tuple[int, int, dict]]:
        return [(m.start(), m.end(), self.zh_places[m.group()]) for m in self._zh_place_re.finditer(text)]
